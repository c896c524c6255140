"""What a person types while pairing: the code and the six digits, however spaced."""

from __future__ import annotations

import pytest

from kiosk.core.errors import KioskError
from kiosk.exchange.typed_codes import same_confirmation, typed_code, typed_confirmation


@pytest.mark.parametrize(
    "typed", ["123456", "123 456", "123-456", "１２３　４５６", "１２３－４５６"]
)
def test_six_digits_however_spaced_or_wide(typed):
    assert typed_confirmation(typed) == "123 456"
    assert same_confirmation(typed, "123 456")
    assert not same_confirmation(typed, "123 457")


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "²23456", "①23456", "123\u202e456"])
def test_anything_else_is_not_a_confirmation_number(typed):
    with pytest.raises(KioskError) as excinfo:
        typed_confirmation(typed)
    assert excinfo.value.code == "pairing_confirmation_invalid"


@pytest.mark.parametrize("typed", ["abcd-efgh", "ABCD EFGH", "ａｂｃｄ－ｅｆｇｈ", " abcdefgh "])
def test_a_code_in_any_case_and_width(typed):
    assert typed_code(typed) == "ABCDEFGH"


@pytest.mark.parametrize("typed", ["", "ABCD-EFG", "ABCD-EFGHJ", "0OIL-2345", "ABCD\u202eEFGH"])
def test_a_code_of_the_wrong_shape_is_refused_before_any_file_is_read(typed):
    with pytest.raises(KioskError) as excinfo:
        typed_code(typed)
    assert excinfo.value.code == "pairing_code_wrong"
