"""The PySide6 screens. They show things and forward intent to kiosk/ services;
they never build a query and hold no business rule."""
