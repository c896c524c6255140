"""CSV for the city office's Excel: safe cells and a defined Shift_JIS fallback.

- A text cell that starts with = + - @ tab or CR would be run as a formula
  by a spreadsheet; it gets a leading apostrophe (the OWASP advice).
- UTF-8 with BOM is the default: Excel then reads Japanese correctly.
- cp932 (Shift_JIS as Windows has it) on request. Characters it cannot hold
  are first mapped to their usual cp932 look-alikes (〜 → ～, − → －, …);
  anything still missing is written as 〓 (geta, the customary mark for a
  character that cannot be shown). Numbers are never changed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

ENCODINGS = ("utf-8-sig", "cp932")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GETA = "〓"
# Unicode characters that cp932 writes with a different code point.
CP932_LOOKALIKES = {
    "\u301c": "\uff5e",  # 〜 WAVE DASH → ～
    "\u2016": "\u2225",  # ‖ → ∥
    "\u2212": "\uff0d",  # − MINUS SIGN → －
    "\u00a2": "\uffe0",  # ¢
    "\u00a3": "\uffe1",  # £
    "\u00ac": "\uffe2",  # ¬
    "\u2014": "\u2015",  # — EM DASH → ―
    "\u00a0": " ",  # no-break space
}


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_cp932(text: str) -> str:
    out = []
    for ch in text:
        try:
            ch.encode("cp932")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        alike = CP932_LOOKALIKES.get(ch)
        out.append(alike if alike is not None else GETA)
    return "".join(out)


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]], encoding: str) -> bytes:
    if encoding not in ENCODINGS:
        raise ValueError(f"unsupported encoding {encoding}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    text = buffer.getvalue()
    if encoding == "cp932":
        return to_cp932(text).encode("cp932")
    return text.encode("utf-8-sig")
