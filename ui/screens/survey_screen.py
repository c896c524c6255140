"""Questionnaire (アンケート): start the kiosk, enter paper forms, see the results.

The staff side of the questionnaire. The kiosk itself is a separate
full-screen window (ui/survey_kiosk/kiosk_window.py); while it runs, the main window is
hidden, so a participant can reach nothing else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.care import pin
from kiosk.core import fiscal_year
from kiosk.core.errors import KioskError
from kiosk.core.japanese_dates import era_date
from kiosk.door import events
from kiosk.survey import catalogue, results_csv
from kiosk.survey import responses as survey
from kiosk.survey import results as survey_results
from kiosk.survey.phone.app import PhoneEvent
from kiosk.survey.phone.switch import PhoneSwitch
from kiosk.survey.results import Scope, SurveyResults
from ui.dialogs import app_dialog
from ui.dialogs.paper_survey_dialog import PaperSurveyDialog
from ui.dialogs.phone_survey_dialog import PhoneSurveyDialog
from ui.dialogs.pin_dialogs import SetPinDialog
from ui.door_state import Change, DoorState
from ui.settings.privacy_card import PinCheckDialog
from ui.survey_kiosk.kiosk_window import KioskTiming, SurveyKiosk
from ui.widgets.card_frame import new_card
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.narrow_stack import NarrowStack
from ui.widgets.phrase_breaks import set_phrase_text

TARGET_PERCENT = 80  # the cities' usual satisfaction target


class SurveyScreen(QWidget):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        self.timing: KioskTiming | None = None  # None: the idle time from Settings
        self.kiosk: SurveyKiosk | None = None
        self.paper_dialog: PaperSurveyDialog | None = None
        self._main_was_visible = True
        self.results: SurveyResults | None = None
        self.phone = PhoneSwitch(
            state.ctx
        )  # 「スマホで回答」: off until the coordinator turns it on
        self.phone_dialog: PhoneSurveyDialog | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.phone.turn_off)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(self._build_kiosk_card(), 2)
        layout.addWidget(self._build_results_card(), 3)
        # Portrait tablet: the kiosk card above, the results below with the spare height.
        self.narrow = NarrowStack(self, layout, stretches=((2, 3), (0, 1)))
        state.follow(self, Change.SURVEY | Change.SETTINGS, self.refresh)
        self.refresh()

    # -- building ---------------------------------------------------------------------

    def _card(self, title: str) -> tuple[QFrame, QVBoxLayout]:
        return new_card(self, title)

    def _build_kiosk_card(self) -> QWidget:
        card, layout = self._card(self.tr("Questionnaire kiosk"))
        self.banner = new_banner(card)
        layout.addWidget(self.banner)
        self.questionnaire_label = QLabel(card)
        self.questionnaire_label.setWordWrap(True)
        self.today_label = QLabel(card)
        self.today_label.setProperty("role", "hint")
        self.today_label.setWordWrap(True)
        layout.addWidget(self.questionnaire_label)
        layout.addWidget(self.today_label)
        self.start_button = QPushButton(self.tr("Start the questionnaire kiosk"), card)
        self.start_button.setProperty("role", "primary")
        self.start_button.setAutoDefault(False)
        self.start_button.clicked.connect(self.start_kiosk)
        layout.addWidget(self.start_button)
        how = QLabel(
            self.tr(
                "Full screen for participants: one question per page in large type, "
                "in the language she picks. It starts over by itself after each answer and when "
                "left alone. Staff leave it with the coordinator PIN."
            ),
            card,
        )
        how.setProperty("role", "hint")
        how.setWordWrap(True)
        set_phrase_text(how, how.text())
        layout.addWidget(how)
        layout.addSpacing(8)
        self.paper_button = QPushButton(self.tr("Enter paper questionnaires…"), card)
        self.paper_button.setProperty("role", "secondary")
        self.paper_button.setAutoDefault(False)
        self.paper_button.clicked.connect(self.open_paper_entry)
        layout.addWidget(self.paper_button)
        self.phone_button = QPushButton(self.tr("Answers on phones…"), card)
        self.phone_button.setProperty("role", "secondary")
        self.phone_button.setAutoDefault(False)
        self.phone_button.clicked.connect(self.open_phone)
        layout.addWidget(self.phone_button)
        self.phone_status = QLabel(card)
        self.phone_status.setProperty("role", "hint")
        self.phone_status.setWordWrap(True)
        layout.addWidget(self.phone_status)
        privacy = QLabel(
            self.tr(
                "Answers are anonymous: they belong to the day's event, never to a "
                "check-in, and their time is kept only to the hour."
            ),
            card,
        )
        privacy.setProperty("role", "banner-info")
        privacy.setWordWrap(True)
        set_phrase_text(privacy, privacy.text())
        layout.addWidget(privacy)
        layout.addStretch(1)
        return card

    def _build_results_card(self) -> QWidget:
        card, layout = self._card(self.tr("Results"))
        choose = QHBoxLayout()
        self.period = ChoiceButtons(
            [
                ("event", self.tr("Today")),
                ("month", self.tr("This month")),
                ("year", self.tr("This fiscal year")),
            ]
        )
        self.where = ChoiceButtons(
            [("here", self.tr("This venue")), ("all", self.tr("All venues"))]
        )
        self.period.set_value("month")
        self.where.set_value("here")
        self.period.selection_changed.connect(lambda _c: self.refresh_results())
        self.where.selection_changed.connect(lambda _c: self.refresh_results())
        choose.addWidget(self.period, 3)
        choose.addWidget(self.where, 2)
        layout.addLayout(choose)

        rate_row = QHBoxLayout()
        self.rate_label = QLabel(card)
        self.rate_label.setProperty("role", "survey-rate")
        self.rate_detail = QLabel(card)
        self.rate_detail.setWordWrap(True)
        rate_row.addWidget(self.rate_label)
        rate_row.addWidget(self.rate_detail, 1)
        layout.addLayout(rate_row)

        self.tree = QTreeWidget(card)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Question and answer"), self.tr("Count"), self.tr("Share")]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)

        bottom = QHBoxLayout()
        self.show_comments = QCheckBox(self.tr("Show free comments"), card)
        self.show_comments.toggled.connect(lambda _on: self.refresh_results())
        self.export_comments = QCheckBox(self.tr("Include free comments in the export"), card)
        self.export_button = QPushButton(self.tr("Export CSV…"), card)
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_csv)
        checks = QVBoxLayout()
        checks.setSpacing(2)
        checks.addWidget(self.show_comments)
        checks.addWidget(self.export_comments)
        bottom.addLayout(checks, 1)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        return card

    # -- showing ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # answers may have come in from the kiosk or another screen

    def refresh(self) -> None:
        state = self.state
        lang = state.lang
        try:
            questionnaire = catalogue.active(state.ctx)
            set_phrase_text(
                self.questionnaire_label,
                self.tr("Questionnaire: %1 (version %2)")
                .replace("%1", questionnaire.title(lang))
                .replace("%2", str(questionnaire.version)),
            )
        except KioskError as exc:
            self.questionnaire_label.setText(message_for(exc, lang))
        if state.today_event is None:
            self.today_label.setText(
                self.tr("No event today yet: starting the kiosk opens today's check-in.")
            )
        else:
            count = survey.count_for_event(state.ctx, state.today_event.id)
            self.today_label.setText(self.tr("Responses today: %1").replace("%1", str(count)))
        self.start_button.setEnabled(state.venue is not None)
        self.phone_button.setEnabled(state.venue is not None)
        address = self.phone.address
        self.phone_status.setVisible(address is not None)
        if address is not None:
            self.phone_status.setText(self.tr("Phones: on at %1").replace("%1", address.base))
        self.refresh_results()

    def scope(self) -> tuple[Scope | None, str]:
        """What the results cover, and how to name it in an export."""
        state = self.state
        today = state.ctx.today()
        venue = state.venue
        here = self.where.value() == "here" and venue is not None
        venue_id = venue.id if here and venue else None
        place = venue.name if here and venue else self.tr("all venues")
        period = self.period.value()
        self.where.setEnabled(period != "event")
        if period == "event":
            if state.today_event is None:
                return None, ""
            day = era_date(today) if state.lang == "ja" else today.isoformat()
            return survey_results.event_scope(
                state.today_event.id
            ), f"{day} {state.today_event.venue_name}"
        if period == "year":
            first_month = fiscal_year.start_month(state.ctx)
            year = fiscal_year.fiscal_year_of(today, first_month)
            label = fiscal_year.fiscal_year_label(year, state.lang)
            scope = survey_results.fiscal_year_scope(year, venue_id, first_month)
            return scope, f"{label} {place}"
        label = f"{today.year}年{today.month}月" if state.lang == "ja" else today.strftime("%B %Y")
        return survey_results.month_scope(today.year, today.month, venue_id), f"{label} {place}"

    def refresh_results(self) -> None:
        scope, _label = self.scope()
        if scope is None:
            self.results = None
            self.rate_label.setText("—")
            self.rate_detail.setText(self.tr("No event today."))
            self.tree.clear()
            return
        try:
            self.results = survey_results.results(
                self.state.ctx, scope, include_comments=self.show_comments.isChecked()
            )
        except KioskError as exc:
            self.results = None
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._show(self.results)

    def _show(self, results: SurveyResults) -> None:
        lang = self.state.lang
        rate = results.satisfaction
        self.rate_label.setText(rate.percent_text())
        good = rate.percent() is not None and rate.percent() >= TARGET_PERCENT  # type: ignore[operator]
        role = "survey-rate-good" if good else "survey-rate"
        if self.rate_label.property("role") != role:
            self.rate_label.setProperty("role", role)
            self.rate_label.style().unpolish(self.rate_label)
            self.rate_label.style().polish(self.rate_label)
        set_phrase_text(
            self.rate_detail,
            self.tr(
                "Satisfaction (%1): %2 of the %3 who answered. Target %4%.\n"
                "Responses: %5 (tablet %6, paper %7)."
            )
            .replace("%1", results.satisfied_label(lang) or "—")
            .replace("%2", str(rate.satisfied))
            .replace("%3", str(rate.answered))
            .replace("%4", str(TARGET_PERCENT))
            .replace("%5", str(results.responses))
            .replace("%6", str(results.kiosk))
            .replace("%7", str(results.paper)),
        )
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for result in results.questions:
            question = QTreeWidgetItem([result.question.text(lang), str(result.answered), ""])
            question.setFont(0, bold)
            question.setToolTip(0, result.question.text(lang))
            self.tree.addTopLevelItem(question)
            for count in result.counts:
                share = survey_results.Rate(count.count, result.answered).percent_text()
                item = QTreeWidgetItem([count.label(lang), str(count.count), share])
                for column in (1, 2):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                question.addChild(item)
            question.setExpanded(result is results.loneliness or result is results.questions[0])
        if results.languages:  # pooled above; here how many answered in each language
            languages = QTreeWidgetItem(
                [self.tr("Language answered in"), str(results.responses), ""]
            )
            languages.setFont(0, bold)
            self.tree.addTopLevelItem(languages)
            for language in results.languages:
                share = survey_results.Rate(language.count, results.responses).percent_text()
                item = QTreeWidgetItem([language.label(lang), str(language.count), share])
                for column in (1, 2):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                languages.addChild(item)
            languages.setExpanded(len(results.languages) > 1)
        if results.comment_count:
            heading = QTreeWidgetItem([self.tr("Free comments"), str(results.comment_count), ""])
            heading.setFont(0, bold)
            self.tree.addTopLevelItem(heading)
            for comment in results.comments:
                item = QTreeWidgetItem([comment.replace("\n", " "), "", ""])
                item.setToolTip(0, comment)
                item.setForeground(0, QBrush(QColor("#5b4f47")))
                heading.addChild(item)
            heading.setExpanded(bool(results.comments))

    # -- actions ----------------------------------------------------------------------

    def start_kiosk(self) -> bool:
        """Hide the main window and hand the screen to participants. False if not started."""
        state = self.state
        ctx = state.ctx
        set_banner(self.banner, "", "ok")
        if state.venue is None:
            return False
        if state.today_event is None:
            if not app_dialog.confirm(
                self,
                self.tr("Questionnaire"),
                self.tr(
                    "No event is open today at %1. Open today's check-in now "
                    "and start the questionnaire?"
                ).replace("%1", state.venue.name),
                self.tr("Open and start"),
                self.tr("Back"),
            ):
                return False
            try:
                events.open_event(ctx, state.venue.id)
            except KioskError as exc:
                set_banner(self.banner, message_for(exc, state.lang), "error")
                return False
            state.notify(Change.SURVEY)
        if not pin.is_set(ctx):
            dialog = SetPinDialog(ctx, state.lang, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                set_banner(
                    self.banner,
                    self.tr("The kiosk needs a coordinator PIN first, so that staff can leave it."),
                    "info",
                )
                return False
        try:
            questionnaire = catalogue.active(ctx)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, state.lang), "error")
            return False
        assert state.today_event is not None
        timing = self.timing or KioskTiming(idle_ms=survey.idle_seconds(ctx) * 1000)
        self.kiosk = SurveyKiosk(
            ctx, state.today_event, questionnaire, state.lang, timing, self.phone.fresh_card_url
        )
        self.kiosk.unlocked.connect(self._kiosk_left)
        main = self.window()
        self._main_was_visible = main.isVisible()
        main.hide()
        self.kiosk.showFullScreen()
        return True

    def _kiosk_left(self) -> None:
        main = self.window()
        if self._main_was_visible:
            main.show()
        else:
            main.showMaximized()
        if self.kiosk is not None:
            self.kiosk.deleteLater()
            self.kiosk = None
        set_banner(self.banner, self.tr("Kiosk mode ended."), "ok")
        self.state.notify(Change.SURVEY)

    def open_phone(self) -> None:
        """「スマホで回答」: behind the coordinator PIN, for today's event."""
        state = self.state
        ctx = state.ctx
        set_banner(self.banner, "", "ok")
        if state.venue is None:
            return
        if not pin.is_set(ctx):
            if SetPinDialog(ctx, state.lang, self).exec() != QDialog.DialogCode.Accepted:
                set_banner(
                    self.banner,
                    self.tr("Answers on phones need a coordinator PIN first."),
                    "info",
                )
                return
        elif PinCheckDialog(ctx, state.lang, self).exec() != QDialog.DialogCode.Accepted:
            return
        if state.today_event is None:
            if not app_dialog.confirm(
                self,
                self.tr("Answers on phones"),
                self.tr("No event is open today at %1. Open today's check-in now?").replace(
                    "%1", state.venue.name
                ),
                self.tr("Open"),
                self.tr("Back"),
            ):
                return
            try:
                events.open_event(ctx, state.venue.id)
            except KioskError as exc:
                set_banner(self.banner, message_for(exc, state.lang), "error")
                return
            state.notify(Change.SURVEY)
        try:
            questionnaire = catalogue.active(ctx)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, state.lang), "error")
            return
        assert state.today_event is not None
        event = PhoneEvent(state.today_event.id, state.today_event.date, questionnaire)
        self.phone_dialog = PhoneSurveyDialog(ctx, state.lang, self.phone, event, self)
        self.phone_dialog.finished.connect(lambda _r: self.refresh())
        self.phone_dialog.open()

    def open_paper_entry(self) -> None:
        try:
            questionnaire = catalogue.active(self.state.ctx)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.paper_dialog = PaperSurveyDialog(self.state.ctx, questionnaire, self.state.lang, self)
        self.paper_dialog.finished.connect(lambda _r: self.state.notify(Change.SURVEY))
        self.paper_dialog.open()

    def export_csv(self) -> None:
        """Ask where, then write the results shown (and the comments, if ticked) as CSV.

        Takes no argument: a button's click hands its slot `checked`, which a
        `path` parameter would take for a file name.
        """
        scope, label = self.scope()
        if scope is None:
            set_banner(self.banner, self.tr("No event today."), "info")
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export questionnaire results"),
            str(Path.home() / "questionnaire-results.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            results = survey_results.results(
                self.state.ctx, scope, include_comments=self.export_comments.isChecked()
            )
            results_csv.write_csv(path, results, self.state.lang, label)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(self.banner, self.tr("Exported: %1").replace("%1", str(path)), "ok")
