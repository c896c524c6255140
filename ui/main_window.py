"""The main window: a sidebar of screens, the header with today's counters."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
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

from kiosk import settings
from ui.checkin_screen import CheckInScreen
from ui.childcare_screen import ChildcareScreen
from ui.consultations_screen import ConsultationsScreen
from ui.door_state import DoorState
from ui.header_bar import HeaderBar
from ui.reports_screen import ReportsScreen
from ui.settings_screen import SettingsScreen
from ui.survey_screen import SurveyScreen
from ui.tally_screen import TallyScreen
from ui.workshops_screen import WorkshopsScreen


class MainWindow(QMainWindow):
    def __init__(
        self,
        state: DoorState,
        change_language: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Tsunagari — reception"))
        self.setMinimumSize(1024, 600)

        central = QWidget(self)
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        sidebar = QFrame(central)
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(176)
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
        self.childcare = ChildcareScreen(state)
        self.workshops = WorkshopsScreen(state)
        self.consultations = ConsultationsScreen(state)
        self.survey = SurveyScreen(state)
        self.tally = TallyScreen(state)
        self.reports = ReportsScreen(state)
        self.settings = SettingsScreen(state, change_language)
        self.nav = QButtonGroup(self)
        self.nav_buttons: list[QPushButton] = []
        screens = (
            (self.tr("Check-in"), self.checkin),
            (self.tr("Childcare"), self.childcare),
            (self.tr("Workshops"), self.workshops),
            (self.tr("Consultations"), self.consultations),
            (self.tr("Questionnaire"), self.survey),
            (self.tr("Daily tally"), self.tally),
            (self.tr("Reports"), self.reports),
            (self.tr("Settings"), self.settings),
        )
        for i, (title, screen) in enumerate(screens):
            self.pages.addWidget(screen)
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
        root.addWidget(body, 1)
        self.setCentralWidget(central)
        state.changed.connect(self._refresh_org)
        self._refresh_org()
        self.show_screen(0)

    def _refresh_org(self) -> None:
        self.org_label.setText(settings.organisation(self.state.ctx))

    def show_screen(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.nav_buttons[index].setChecked(True)
        screen = self.pages.widget(index)
        if screen is self.checkin and self.state.open_event:
            self.checkin.form.nickname.setFocus()
        elif screen is self.childcare:
            self.childcare.code_entry.setFocus()

    def show_widget(self, screen: QWidget) -> None:
        self.show_screen(self.pages.indexOf(screen))
