"""Printing on paper through Qt's print support: pickup labels drawn with QPainter."""
