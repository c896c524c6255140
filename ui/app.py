"""Start the GUI: look (font, style, language), database, first-run setup, window.

Registered as the `gui` frontend in pyproject.toml; kiosk/cli/main.py finds it
there so that the core never imports Qt.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QThreadPool, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from kiosk.care import backups
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.database import open_database, reopen
from kiosk.core.errors import KioskError
from kiosk.core.frontends import LaunchOptions
from kiosk.core.paths import FONT_FILE, RESOURCES
from kiosk.door import venues
from ui.accessible_names import install_accessible_names
from ui.background import run_in_background
from ui.dialogs import app_dialog
from ui.dialogs.setup_dialog import SetupDialog
from ui.door_state import DoorState
from ui.main_window import SCREENS, MainWindow
from ui.single_instance import SingleInstance, already_open_text
from ui.start_purge import purge_at_start
from ui.widgets.wheel_guard import install_wheel_guard

log = logging.getLogger(__name__)
TRANSLATIONS = RESOURCES / "translations"
STYLE_SHEET = RESOURCES / "style.qss"
ICONS = RESOURCES / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
FONT_FAMILY = "IPAexGothic"
# Set (to anything) by the benchmark (bench/measures.py) and the bundle's smoke
# test (packaging/smoke.py): once the window is shown, print SHOWN_MARKER and
# what it shows ("checkin", "survey-kiosk"), then quit, so a cold start can be
# timed and checked from outside.
QUIT_WHEN_SHOWN = "TSUNAGARI_QUIT_WHEN_SHOWN"
SHOWN_MARKER = "tsunagari: window shown"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Tsunagari")
    app.setOrganizationName("Tsunagari")
    app.setWindowIcon(app_icon())
    # Linux: the window belongs to tsunagari.desktop (its name and icon in the task bar).
    app.setDesktopFileName("tsunagari")
    return app


def app_icon() -> QIcon:
    """The app's mark at every size drawn for it (packaging/make_icons.py), for title bars."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICONS / f"tsunagari-{size}.png"), QSize(size, size))
    return icon


def load_look(app: QApplication) -> None:
    """Bundled Japanese font (so no machine shows boxes) and the style sheet."""
    loaded = FONT_FAMILY in QFontDatabase.families()
    if not loaded and QFontDatabase.addApplicationFont(str(FONT_FILE)) < 0:
        log.warning("bundled font could not be loaded")
    font = QFont(FONT_FAMILY)
    font.setPixelSize(15)
    app.setFont(font)
    # url(icons:...) in the sheet points at the bundled icons, wherever the app is installed.
    sheet = STYLE_SHEET.read_text(encoding="utf-8").replace(
        "url(icons:", f"url({(RESOURCES / 'icons').as_posix()}/"
    )
    if app.styleSheet() != sheet:  # re-setting it re-polishes every widget: slow
        app.setStyleSheet(sheet)


class Translation:
    """The app's and Qt's own translators for one language, swappable at run time."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.translators: list[QTranslator] = []

    def use(self, lang: str) -> None:
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = []
        if lang == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English))
            return
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
        ours = QTranslator(self.app)
        if ours.load(str(TRANSLATIONS / f"tsunagari_{lang}.qm")):
            self.translators.append(ours)
        else:
            log.warning("translation %s not found", lang)
        qt = QTranslator(self.app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.translators.append(qt)
        for translator in self.translators:
            self.app.installTranslator(translator)

    def release(self) -> None:
        """Leave the application as it was found: no translator of ours stays installed."""
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = []


class AppShell:
    """Owns the window; rebuilds it when the language changes."""

    def __init__(
        self,
        app: QApplication,
        ctx: AppContext,
        lang: str,
        translation: Translation | None = None,
    ) -> None:
        self.app = app
        self.ctx = ctx
        self.translation = translation or Translation(app)
        self.translation.use(lang)
        install_wheel_guard(app)  # the wheel scrolls pages, never changes a setting
        install_accessible_names(app)  # every field a screen reader meets has a name
        self.state = DoorState(ctx, lang)
        self.window: MainWindow | None = None

    def build_window(self) -> MainWindow:
        old = self.window
        self.window = MainWindow(self.state, self.change_language)
        self.window.restored.connect(self.reopen_database)
        if old is not None:
            self.window.setGeometry(old.geometry())
            self.window.show()
            old.close_without_asking()
            old.deleteLater()
        return self.window

    def change_language(self, lang: str) -> None:
        self.translation.use(lang)
        self.state = DoorState(self.ctx, lang)
        window = self.build_window()
        window.show_widget(window.settings)

    def reopen_database(self) -> None:
        """After a restore: a new engine on the restored file, a new window on it."""
        self.ctx = reopen(self.ctx)
        self.state = DoorState(self.ctx, self.state.lang)
        self.state.reload()
        window = self.build_window()
        window.show_widget(window.settings)


def _report_unexpected(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """A bug: log it (no personal data is ever in our messages) and say so kindly."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    lang = "en" if QLocale().language() == QLocale.Language.English else "ja"
    text = (
        "Something unexpected went wrong. What was already saved is safe. "
        "Please tell the person who looks after this laptop."
        if lang == "en"
        else "予期しないエラーが起きました。保存済みのデータは無事です。"
        "この端末の担当者にお知らせください。"
    )
    app_dialog.tell(None, "Tsunagari", f"{text}\n\n{kind.__name__}: {value}", kind="error")


def run(options: LaunchOptions) -> int:
    app = application()
    load_look(app)
    sys.excepthook = _report_unexpected
    lang = options.lang or "ja"
    # One set of translators for the whole run, removed when it ends: a run
    # leaves the application as it found it (the tests start many in one process).
    translation = Translation(app)
    instance = SingleInstance(options.folder.root)
    try:
        if not instance.acquire():  # a window on this data folder is open already
            instance.ask_first_to_come_forward()
            translation.use(lang)
            app_dialog.tell(None, "Tsunagari", already_open_text(lang))
            return 0
        return _run_alone(app, options, instance, translation)
    finally:
        instance.release()
        translation.release()


def _run_alone(
    app: QApplication, options: LaunchOptions, instance: SingleInstance, translation: Translation
) -> int:
    """The window, once this start holds the data folder's lock."""
    lang = options.lang or "ja"
    try:
        ctx = open_database(url=options.database_url, folder=options.folder)
    except KioskError as exc:
        translation.use(lang)
        from ui.settings.backups_card import (
            recover_at_start,  # only when the file could not be opened
        )

        recovered = recover_at_start(exc, options.folder, options.database_url, lang)
        if recovered is None:
            return 2
        ctx = recovered
    lang = options.lang or settings.language(ctx)
    shell = AppShell(app, ctx, lang, translation)
    purge_at_start(ctx)  # nicknames and care notes past the retention period go at every start
    if venues.needs_setup(ctx) and SetupDialog(ctx, lang).exec() != SetupDialog.DialogCode.Accepted:
        return 0
    shell.state.reload()
    window = shell.build_window()
    instance.come_forward_requested.connect(lambda: bring_forward(shell))
    window.resize(1366, 768)
    kiosk = options.survey_kiosk and window.survey.start_kiosk()
    if not kiosk:
        window.showMaximized()
    back_up_after_start(shell)
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, lambda: say_shown_and_leave(app, window, kiosk))
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # a backup still running is finished, not cut
    # Closing every connection lets SQLite fold the WAL in and remove it: a
    # -wal left beside the file tells the next start that this run crashed.
    shell.ctx.close()
    return code


def say_shown_and_leave(app: QApplication, window: MainWindow, kiosk: bool) -> None:
    """The timing hook (QUIT_WHEN_SHOWN): say what is on screen, then end the run.

    Not quit(): it asks every window to close, and the main window asks
    before closing while children are in care (the demo's open café has
    some), the kiosk until the coordinator's PIN is typed; nobody would
    answer. The app closes them itself, as when it replaces a window, and the
    database is closed as after any run.
    """
    shown = "survey-kiosk" if kiosk else SCREENS[window.pages.currentIndex()]
    print(f"{SHOWN_MARKER}: {shown}", flush=True)
    if kiosk and window.survey.kiosk is not None:
        window.survey.kiosk.hide()
    window.close_without_asking()
    app.exit(0)


def bring_forward(shell: AppShell) -> None:
    """A second start on this data folder asked: show this window on top."""
    window = shell.window
    if window is None:
        return
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def back_up_after_start(shell: AppShell) -> None:
    """The daily copy and its page-by-page check, once the door is already open.

    On a central database of a million visits they take several seconds,
    which no start should wait for. Damage found is said at once; any other
    failure is only logged (daily_backup never stops the door).
    """
    ctx = shell.ctx

    def failed(exc: BaseException) -> None:
        if isinstance(exc, KioskError):
            app_dialog.tell_error(shell.window, exc, shell.state.lang, "Tsunagari")
        else:
            log.warning("daily backup failed: %s", type(exc).__name__)

    run_in_background(lambda: backups.daily_backup(ctx), lambda _info: None, failed)
