"""`tsunagari survey` and `--survey-kiosk` start the GUI straight into the kiosk."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.cli import main as cli
from kiosk.core.frontends import LaunchOptions


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[LaunchOptions]:
    seen: list[LaunchOptions] = []

    def start(options: LaunchOptions) -> int:
        seen.append(options)
        return 0

    monkeypatch.setattr(cli, "find_frontend", lambda name: start)
    return seen


@pytest.mark.parametrize(
    ("argv", "kiosk"),
    [
        (["survey"], True),
        (["--survey-kiosk"], True),
        (["--survey-kiosk", "gui"], True),
        (["gui"], False),
        ([], False),
    ],
)
def test_the_kiosk_launch_option(launched: list[Any], tmp_path, argv, kiosk):
    assert (
        cli.main([*argv, "--data-dir", str(tmp_path)] if argv else ["--data-dir", str(tmp_path)])
        == 0
    )
    assert launched[-1].survey_kiosk is kiosk
    assert launched[-1].folder.root == tmp_path


def test_survey_takes_the_usual_options(launched: list[Any], tmp_path):
    assert cli.main(["survey", "--data-dir", str(tmp_path), "--lang", "en"]) == 0
    assert (launched[-1].lang, launched[-1].survey_kiosk) == ("en", True)


def test_help_names_the_survey_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "survey" in out and "--survey-kiosk" in out
