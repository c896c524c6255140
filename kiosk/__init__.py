"""Tsunagari's application core: services, exports, CLI. Plain Python, no Qt."""

__version__ = "0.1.0"
