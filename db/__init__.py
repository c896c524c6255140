"""Storage: SQLAlchemy models, the engine with its SQLite pragmas, and migrations.

Imports nothing of kiosk/ or ui/; the application layers build on it.
"""
