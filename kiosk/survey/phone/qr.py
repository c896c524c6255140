"""QR codes of the phone page's URLs: one encoder (segno) for the PDF, the window and the terminal.

segno is a small, dependency-free, well-kept encoder. The card URLs are
upper case, so they fit its compact alphanumeric mode; error correction M
keeps a creased or smudged card readable.
"""

from __future__ import annotations

import io

import segno


def make(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def modules(url: str) -> list[list[bool]]:
    """The dark modules, row by row, without the quiet zone (for drawing in a PDF)."""
    return [[bool(cell) for cell in row] for row in make(url).matrix]


def png(url: str, scale: int = 8) -> bytes:
    """A PNG of the code with its quiet zone (for the window: QPixmap.loadFromData)."""
    out = io.BytesIO()
    make(url).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def terminal_text(url: str) -> str:
    """The code in half blocks for a terminal, dark on light whatever the terminal's colours."""
    qr = make(url)
    rows = [[bool(c) for c in row] for row in qr.matrix_iter(border=2)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    # Light modules are drawn as blocks and dark ones left blank: the code then
    # reads the right way round on a dark terminal, the usual one.
    chars = {(False, False): "█", (True, False): "▄", (False, True): "▀", (True, True): " "}
    lines = [
        "".join(chars[(top, bottom)] for top, bottom in zip(rows[i], rows[i + 1], strict=True))
        for i in range(0, len(rows), 2)
    ]
    return "\n".join(lines)
