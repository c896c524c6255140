"""Picture the pickup labels for the README, as a printer gets them.

    python docs/label_screenshots.py

The labels go through the app's own drawing (QPainter on a QPrinter writing a
PDF, the same path as 「PDFに保存」), then pdftoppm (poppler-utils) turns the
pages into images:

- docs/labels-62mm.png: one child's tag and her parent's stub on the 62 mm
  roll (two 62 × 40 mm pages, side by side here);
- docs/labels-a4.png: three children on an A4 sheet of 12 labels (A-one
  12面, 86.4 × 42.3 mm), each tag beside its stub, the die lines drawn in grey
  here only to show where the labels are.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw

from kiosk.door.childcare import ChildInfo
from kiosk.door.pickup_label import ROLL_62MM, SHEET_A4_12_LABELS, LabelStock, labels_for
from ui.app import application, load_look
from ui.printing.label_painter import labels_pdf

OUT = Path(__file__).resolve().parent
DAY = date(2026, 11, 22)
VENUE = "中央公民館 つながりカフェ"


def child(number: int, band: str, code: str) -> ChildInfo:
    at = datetime(2026, 11, 22, 1, 5, tzinfo=UTC)
    return ChildInfo(f"c{number}", f"v{number}", number, band, code, None, at, None, "in_care")


def pages(stock: LabelStock, children: list[ChildInfo], dpi: int, folder: Path) -> list[Path]:
    pdf = folder / f"{stock.code}.pdf"
    pdf.write_bytes(labels_pdf(labels_for(children, VENUE, DAY), stock))
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(folder / stock.code)], check=True
    )
    return sorted(folder.glob(f"{stock.code}-*.png"))


def main() -> None:
    load_look(application())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tag, stub = (
            Image.open(p) for p in pages(ROLL_62MM, [child(12, "1-2", "482")], 200, folder)
        )
        gap = 24
        both = Image.new("RGB", (tag.width * 2 + gap * 3, tag.height + gap * 2), "#9aa0a6")
        both.paste(tag, (gap, gap))
        both.paste(stub, (tag.width + gap * 2, gap))
        both.save(OUT / "labels-62mm.png")
        print("wrote", OUT / "labels-62mm.png")

        dpi = 80
        kids = [child(12, "1-2", "482"), child(13, "3-5", "907"), child(17, "0", "315")]
        (sheet_png,) = pages(SHEET_A4_12_LABELS, kids, dpi, folder)
        sheet = Image.open(sheet_png).convert("RGB")
        draw = ImageDraw.Draw(sheet)
        s = SHEET_A4_12_LABELS
        dots = dpi / 25.4
        for row in range(s.rows):
            for column in range(s.columns):
                x = (s.left + column * s.label_width) * dots
                y = (s.top + row * s.label_height) * dots
                draw.rectangle(
                    (x, y, x + s.label_width * dots, y + s.label_height * dots), outline="#b0b0b0"
                )
        sheet.save(OUT / "labels-a4.png")
        print("wrote", OUT / "labels-a4.png")


if __name__ == "__main__":
    main()
