"""What a person types during pairing: the code from the coordinator's screen, the six digits.

Checked where they are typed (a command line word, a field in a dialog),
before any file is read or written: a code of the wrong shape is refused at
once instead of after a second of key stretching, and a confirmation number
is compared as digits, however it was spaced or whichever width it was typed in.
"""

from __future__ import annotations

from kiosk.core.errors import KioskError
from kiosk.core.safe_text import forbidden_character
from kiosk.exchange import pairing

CONFIRMATION_DIGITS = 6
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# What people put between the two groups of three, in either width.
_SEPARATORS = frozenset(" -\u3000\uff0d\u30fc\u2010\u2011\u2012\u2013\u2014\u2212")


def typed_code(text: str) -> str:
    """The 8-character code as the service reads it; pairing_code_wrong when it cannot be one."""
    code = pairing.normalise_code(text)
    shape_ok = len(code) == pairing.CODE_LENGTH and all(c in pairing.CODE_ALPHABET for c in code)
    if forbidden_character(text) is not None or not shape_ok:
        raise KioskError("pairing_code_wrong")
    return code


def typed_confirmation(text: str) -> str:
    """Six digits ("123 456", "123456", full width); pairing_confirmation_invalid otherwise
    (not ², not ①: ASCII or full-width digits only, as every number typed in this app)."""
    digits = "".join(c for c in (text or "").translate(_FULL_WIDTH_DIGITS) if c not in _SEPARATORS)
    if len(digits) != CONFIRMATION_DIGITS or not all("0" <= c <= "9" for c in digits):
        raise KioskError("pairing_confirmation_invalid")
    return f"{digits[:3]} {digits[3:]}"


def same_confirmation(typed: str, shown: str) -> bool:
    """The number typed is the one this PC shows (both as "123 456")."""
    return typed_confirmation(typed) == shown
