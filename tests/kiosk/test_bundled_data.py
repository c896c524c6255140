"""The app's data folder is found wherever the app is installed, a frozen bundle too.

In a PyInstaller bundle importlib.resources hands a MultiplexedPath, whose
str() is "MultiplexedPath('...')": the app built paths from that string and
found no style sheet, questionnaire or locale (found by packaging/smoke.py).
"""

from __future__ import annotations

from importlib import resources
from importlib.readers import MultiplexedPath
from pathlib import Path

import pytest

from kiosk.core import paths


def test_a_checkout_or_wheel_gives_the_package_folder():
    assert paths.bundled_data_folder() == Path(str(resources.files("resources")))
    assert (paths.RESOURCES / "style.qss").is_file()
    assert paths.FONT_FILE.is_file()


def test_a_bundle_multiplexed_path_gives_its_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    bundle = tmp_path / "_internal" / "resources"
    bundle.mkdir(parents=True)
    (bundle / "style.qss").write_text("* {}", encoding="utf-8")
    monkeypatch.setattr(paths.resources, "files", lambda _name: MultiplexedPath(bundle))

    found = paths.bundled_data_folder()

    assert found == bundle
    assert (found / "style.qss").read_text(encoding="utf-8") == "* {}"
