"""The bundled Japanese font, registered once with ReportLab for every PDF.

IPAexGothic is embedded as a subset through TTFont, so the PDFs show
correctly on a PC with no Japanese font (ReportLab's CID fonts would not be
embedded and render blank there).
"""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.core import paths
from kiosk.core.errors import KioskError

FONT_NAME = "IPAexGothic"
_registered: dict[Path, str] = {}


def japanese_font() -> str:
    """Register the bundled font once (per file) and return its ReportLab name."""
    path = Path(paths.FONT_FILE)
    if not path.is_file():
        raise KioskError("font_missing", path=str(path))
    name = _registered.get(path)
    if name is None:
        name = FONT_NAME if not _registered else f"{FONT_NAME}-{len(_registered)}"
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # a damaged or unreadable file: same advice
            raise KioskError("font_missing", path=str(path)) from exc
        _registered[path] = name
    # Make it ReportLab's default too, so no page or chart falls back to an
    # unembedded Helvetica that a PC without it would substitute.
    rl_config.canvas_basefontname = name
    shapes.STATE_DEFAULTS["fontName"] = name
    return name
