"""Where Japanese and Chinese text may break a line: between phrases (文節).

Screens and browsers break Japanese between any two characters, so a wrapped
line could read 「参加しま／すか？」 or leave a lone 「す。」 behind. BudouX
(Google's small phrase segmenter: no dictionary, no network) splits a
sentence into phrases. The Qt labels (ui/widgets/phrase_breaks.py) and the
phone page (kiosk/survey/ruby.py) both break only between these.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import budoux

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


@cache
def _parser(chinese: bool) -> budoux.Parser:
    # Imported on first use: 30 ms that the door's first screen does not need.
    import budoux

    if chinese:
        return budoux.load_default_simplified_chinese_parser()
    return budoux.load_default_japanese_parser()


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def phrases(text: str, lang: str = "ja") -> list[str]:
    """`text` cut into phrases (one piece when it has no Japanese or Chinese)."""
    if not has_cjk(text):
        return [text]
    return _parser(lang.startswith("zh")).parse(text)
