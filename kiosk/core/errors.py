"""One family of domain errors, each with a stable code.

Services raise KioskError(code, **params); the screens and the CLI turn the
code into a message in the user's language (kiosk/core/error_messages.py), so a
test can assert on `excinfo.value.code` and wording can change freely.
StorageError marks failures that are not the user's fault nor a bug in the
rules (full disk, read-only folder): say what to do, keep what is on screen.
"""

from __future__ import annotations

from typing import Any


class KioskError(Exception):
    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return f"{self.code} {self.params}" if self.params else self.code


class StorageError(KioskError):
    """The disk or database refused; the action was not saved and can be retried."""
