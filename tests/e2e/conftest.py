"""End-to-end scenarios reuse the real window fixtures of the screen tests."""

from tests.ui.conftest import Dialogs, dialogs, gestures, shell, window  # noqa: F401
