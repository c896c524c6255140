"""The Qt translations of ui/ are complete, current, and compiled, in every language.

ui/ is written in English and translated with tr() and one
resources/translations/tsunagari_<lang>.ts per other language; kiosk/ has its
own catalogues (resources/locales/<lang>.json, tests/test_locales.py).

- every tr() string in ui/ is in each committed .ts, finished (a translation
  that is missing, empty or unfinished fails), with the same placeholders
  (%1, %n) as its source;
- each committed .qm is exactly what lrelease makes of its .ts;
- the two layers ship the same languages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.core.translations import shipped_languages

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("tsunagari_*.ts"))
UI_SOURCE_LANGUAGE = "en"  # tr("...") is English
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


def translation_texts(translation: ET.Element) -> list[str]:
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def unfinished(ts: Path) -> list[str]:
    """What is not (or no longer) translated in one .ts, one line per entry."""
    problems = []
    for (context, source), message in messages(ts).items():
        translation = message.find("translation")
        if translation is None:
            problems.append(f"{context}: {source!r} has no translation")
            continue
        kind = translation.get("type")
        if kind == "vanished" or kind == "obsolete":
            problems.append(
                f"{context}: {source!r} is no longer in the code (run lupdate -no-obsolete)"
            )
            continue
        texts = translation_texts(translation)
        if kind == "unfinished" or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts:
            if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                problems.append(f"{context}: {source!r} → {text!r} has other placeholders")
    return problems


def test_there_is_a_translation_to_check() -> None:
    assert TS_FILES, "no resources/translations/tsunagari_<lang>.ts"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_entry_is_finished(ts: Path) -> None:
    problems = unfinished(ts)
    assert not problems, "\n".join(problems)


def test_the_check_fails_on_a_missing_empty_or_unfinished_translation(tmp_path: Path) -> None:
    ts = tmp_path / "tsunagari_xx.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="xx">
<context><name>Screen</name>
  <message><source>Done</source><translation>Fait</translation></message>
  <message><source>Missing</source></message>
  <message><source>Empty</source><translation></translation></message>
  <message><source>Later</source><translation type="unfinished">Plus tard</translation></message>
  <message><source>No. %1</source><translation>N°</translation></message>
</context></TS>
""",
        encoding="utf-8",
    )
    found = unfinished(ts)
    assert [line.split("'")[1] for line in found] == ["Missing", "Empty", "Later", "No. %1"]


def test_both_layers_ship_the_same_languages() -> None:
    """A language added to kiosk/ (resources/locales/) needs its .ts for ui/, and back."""
    qt = {UI_SOURCE_LANGUAGE} | {p.stem.removeprefix("tsunagari_") for p in TS_FILES}
    assert qt == set(shipped_languages())


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_ts_file_holds_every_string_of_the_code(tmp_path: Path, ts: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    committed = {
        k for k, m in messages(ts).items() if m.find("translation").get("type") != "vanished"
    }
    assert in_code - committed == set(), "new strings: run pyside6-lupdate and translate them"
    assert committed - in_code == set(), "strings no longer used: run lupdate -no-obsolete"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_compiled_qm_matches_the_ts(tmp_path: Path, ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == qm.read_bytes(), "run pyside6-lrelease to rebuild the .qm"


def test_placeholder_check_can_fail() -> None:
    assert PLACEHOLDER.findall("No. %1 (%2), %n") == ["%1", "%2", "%n"]
    assert sorted(set(PLACEHOLDER.findall("受付 No.%1"))) != sorted({"%1", "%2"})
