"""The Japanese translation is complete, current, and compiled.

- every tr() string in ui/ is in the committed .ts, finished, with the same
  placeholders (%1, %n) as its source;
- the committed .qm is exactly what lrelease makes of the committed .ts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "tsunagari_ja.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translation_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def test_every_japanese_entry_is_finished() -> None:
    problems = []
    for (context, source), message in messages(TS).items():
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind == "vanished" or kind == "obsolete":
            problems.append(
                f"{context}: {source!r} is no longer in the code (run lupdate -no-obsolete)"
            )
            continue
        texts = translation_texts(message)
        if kind == "unfinished" or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts:
            if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                problems.append(f"{context}: {source!r} → {text!r} has other placeholders")
    assert not problems, "\n".join(problems)


def test_ts_file_holds_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    committed = {
        k for k, m in messages(TS).items() if m.find("translation").get("type") != "vanished"
    }
    assert in_code - committed == set(), "new strings: run pyside6-lupdate and translate them"
    assert committed - in_code == set(), "strings no longer used: run lupdate -no-obsolete"


def test_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease to rebuild the .qm"


def test_placeholder_check_can_fail() -> None:
    assert PLACEHOLDER.findall("No. %1 (%2), %n") == ["%1", "%2", "%n"]
    assert sorted(set(PLACEHOLDER.findall("受付 No.%1"))) != sorted({"%1", "%2"})
