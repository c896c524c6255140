"""The main window: a sidebar of screens, the header with today's counters.

Only the check-in screen is built (and its module imported) at start: the
door is what a volunteer needs first, and building all eight screens cost a
third of a second of every start. The others are built the first time they
are shown or asked for (`window.settings`, …), then kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import settings
from kiosk.door import events
from ui.dialogs import app_dialog
from ui.door_state import Change, DoorState
from ui.screens.checkin_screen import CheckInScreen
from ui.screens.header_bar import HeaderBar
from ui.text_size import install_text_size

if TYPE_CHECKING:
    from ui.screens.childcare_screen import ChildcareScreen
    from ui.screens.consultations_screen import ConsultationsScreen
    from ui.screens.reports_screen import ReportsScreen
    from ui.screens.settings_screen import SettingsScreen
    from ui.screens.survey_screen import SurveyScreen
    from ui.screens.tally_screen import TallyScreen
    from ui.screens.workshops_screen import WorkshopsScreen

SIDEBAR_WIDE = 176
NARROW_WINDOW = 1000  # below this (a portrait tablet) the sidebar gives its room to the screen

SCREENS = (
    "checkin",
    "childcare",
    "workshops",
    "consultations",
    "survey",
    "tally",
    "reports",
    "settings",
)


class MainWindow(QMainWindow):
    restored = Signal()  # Settings → Backups replaced the database file: reopen it

    def __init__(
        self,
        state: DoorState,
        change_language: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.change_language = change_language
        self._ask_before_closing = True
        self.setWindowTitle(self.tr("Tsunagari — reception"))
        # No fixed minimum wider than a screen: an 800 px portrait tablet shows everything,
        # the sidebar narrows (_fit_sidebar) and the header takes a second row.
        self.setMinimumSize(640, 480)
        self.text_size = install_text_size(self, state.ctx)  # Ctrl+plus / minus / 0, remembered
        self.text_size.changed.connect(lambda _percent: self._fit_sidebar(restyled=True))

        central = QWidget(self)
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        sidebar = QFrame(central)
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDE)
        self.sidebar = sidebar
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 8, 0, 12)
        side.setSpacing(2)
        name = QLabel("つながり", sidebar)
        name.setObjectName("AppName")
        sub = QLabel("Tsunagari", sidebar)
        sub.setObjectName("AppSub")
        side.addWidget(name)
        side.addWidget(sub)

        body = QWidget(central)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        self.header = HeaderBar(state, body)
        self.pages = QStackedWidget(body)
        body_layout.addWidget(self.header)
        body_layout.addWidget(self.pages, 1)

        self.checkin = CheckInScreen(state)
        self._built: dict[str, QWidget] = {"checkin": self.checkin}
        self.nav = QButtonGroup(self)
        self.nav_buttons: list[QPushButton] = []
        titles = (
            self.tr("Check-in"),
            self.tr("Childcare"),
            self.tr("Workshops"),
            self.tr("Consultations"),
            self.tr("Questionnaire"),
            self.tr("Daily tally"),
            self.tr("Reports"),
            self.tr("Settings"),
        )
        for i, title in enumerate(titles):
            # Until it is first shown, a screen is an empty placeholder in the stack.
            self.pages.addWidget(self.checkin if i == 0 else QWidget())
            button = QPushButton(f"{title}", sidebar)
            button.setProperty("role", "nav")
            button.setCheckable(True)
            button.setToolTip(f"Ctrl+{i + 1}")
            button.clicked.connect(lambda _=False, index=i: self.show_screen(index))
            self.nav.addButton(button, i)
            self.nav_buttons.append(button)
            side.addWidget(button)
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda index=i: self.show_screen(index))
        side.addStretch(1)
        self.org_label = QLabel(sidebar)
        self.org_label.setObjectName("AppSub")
        self.org_label.setWordWrap(True)
        side.addWidget(self.org_label)

        root.addWidget(sidebar)
        self._fit_sidebar(restyled=True)  # this computer's text size may be larger
        root.addWidget(body, 1)
        self.setCentralWidget(central)
        state.follow(self, Change.SETTINGS, self._refresh_org)
        self._refresh_org()
        self.show_screen(0)

    # -- the screens, built on first use ---------------------------------------------------

    def screen_named(self, name: str) -> QWidget:
        """The screen called `name` (one of SCREENS), built the first time it is asked for.

        Not `screen()`: that is QWidget's own method (the monitor the window is on).
        """
        built = self._built.get(name)
        if built is None:
            built = self._built[name] = self._build(name)
            index = SCREENS.index(name)
            placeholder = self.pages.widget(index)
            current = self.pages.currentIndex()
            self.pages.insertWidget(index, built)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages.setCurrentIndex(current)
        return built

    def _build(self, name: str) -> QWidget:
        state = self.state
        if name == "childcare":
            from ui.screens.childcare_screen import ChildcareScreen

            return ChildcareScreen(state)
        if name == "workshops":
            from ui.screens.workshops_screen import WorkshopsScreen

            return WorkshopsScreen(state)
        if name == "consultations":
            from ui.screens.consultations_screen import ConsultationsScreen

            return ConsultationsScreen(state)
        if name == "survey":
            from ui.screens.survey_screen import SurveyScreen

            return SurveyScreen(state)
        if name == "tally":
            from ui.screens.tally_screen import TallyScreen

            return TallyScreen(state)
        if name == "reports":
            from ui.screens.reports_screen import ReportsScreen

            return ReportsScreen(state)
        if name == "settings":
            from ui.screens.settings_screen import SettingsScreen

            screen = SettingsScreen(state, self.change_language)
            screen.backups.restored.connect(self.restored)
            return screen
        raise KeyError(name)

    @property
    def childcare(self) -> ChildcareScreen:
        return cast("ChildcareScreen", self.screen_named("childcare"))

    @property
    def workshops(self) -> WorkshopsScreen:
        return cast("WorkshopsScreen", self.screen_named("workshops"))

    @property
    def consultations(self) -> ConsultationsScreen:
        return cast("ConsultationsScreen", self.screen_named("consultations"))

    @property
    def survey(self) -> SurveyScreen:
        return cast("SurveyScreen", self.screen_named("survey"))

    @property
    def tally(self) -> TallyScreen:
        return cast("TallyScreen", self.screen_named("tally"))

    @property
    def reports(self) -> ReportsScreen:
        return cast("ReportsScreen", self.screen_named("reports"))

    @property
    def settings(self) -> SettingsScreen:
        return cast("SettingsScreen", self.screen_named("settings"))

    # -- navigation ------------------------------------------------------------------------

    def _refresh_org(self) -> None:
        self.org_label.setText(settings.organisation(self.state.ctx))

    def show_screen(self, index: int) -> None:
        screen = self.screen_named(SCREENS[index])
        self.pages.setCurrentIndex(index)
        self.nav_buttons[index].setChecked(True)
        if screen is self.checkin and self.state.open_event:
            self.checkin.form.nickname.setFocus()
        elif SCREENS[index] == "childcare":
            self.childcare.code_entry.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_sidebar()
        super().resizeEvent(event)

    def _fit_sidebar(self, restyled: bool = False) -> None:
        """Narrow windows get the compact sidebar: smaller type, just wide enough for the
        longest screen name (「ワークショップ」, "Questionnaire"). Larger text (Ctrl+plus)
        widens it, so that name is never cut."""
        compact = self.width() < NARROW_WINDOW
        if bool(self.sidebar.property("compact")) == compact and not restyled:
            return
        if bool(self.sidebar.property("compact")) != compact:
            self.sidebar.setProperty("compact", compact)
            for widget in (self.sidebar, *self.sidebar.findChildren(QWidget)):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        widest = max(button.sizeHint().width() for button in self.nav_buttons) + 2
        self.sidebar.setFixedWidth(widest if compact else max(SIDEBAR_WIDE, widest))

    def show_widget(self, screen: QWidget) -> None:
        self.show_screen(self.pages.indexOf(screen))

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing while children are still in care asks first; going back is the default.

        The pickup codes live in the database, so closing loses nothing; but a
        laptop shut in a hurry leaves childcare without its list and hand-back.
        """
        if self._ask_before_closing and not self._may_close():
            event.ignore()
            return
        super().closeEvent(event)

    def close_without_asking(self) -> bool:
        """Closed by the app itself, because a new window takes its place."""
        self._ask_before_closing = False
        return self.close()

    def _may_close(self) -> bool:
        event = self.state.open_event
        if event is None:
            return True
        in_care = events.counts(self.state.ctx, event.id).children_in_care
        if not in_care:
            return True
        return app_dialog.confirm(
            self,
            self.tr("Close Tsunagari"),
            self.tr(
                "%n child(ren) are still in childcare and today's check-in is open.\n"
                "Close Tsunagari anyway?",
                "",
                in_care,
            ),
            self.tr("Close"),
            self.tr("Go back"),
        )
