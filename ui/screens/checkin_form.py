"""The answers of one check-in: nickname search, big choice buttons, children.

Sensible defaults keep a new visitor to a few taps: residence starts at
市内在住, first visit at "first time", consultation at "no"; only the age
band must be tapped. Picking a regular from the search fills in her last
answers and marks the visit as a repeat.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.context import AppContext
from kiosk.door import checkin
from kiosk.door.checkin import CheckInRequest, VisitorMatch
from kiosk.door.nickname import MAX_NICKNAME
from ui.screens.children_editor import ChildrenEditor
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.tab_order import tab_in_order
from ui.widgets.text_width import when_restyled

MAX_MATCHES = 5
LABEL_GAP = 12  # between a row's label and its answers


class CheckInForm(QWidget):
    submit_requested = Signal()

    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.selected: VisitorMatch | None = None
        # A little less side padding on the answer buttons than elsewhere: eight age
        # groups then fit one line of a 1366-px laptop in English too.
        self.setStyleSheet('QPushButton[role="choice"] { padding: 0 10px; }')
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        # Nickname: optional, for recognising regulars. Never a real name.
        name_row = QHBoxLayout()
        self.nickname = QLineEdit(self)
        self.nickname.setMaxLength(MAX_NICKNAME + 10)  # over-long gets a clear message
        self.nickname.setPlaceholderText(
            self.tr("Nickname (optional, never a real name): type to find a regular")
        )
        self.nickname.textEdited.connect(self._search)
        self.selected_label = QLabel(self)
        self.selected_label.setProperty("role", "banner-info")
        self.selected_label.setVisible(False)
        self.clear_selected = QPushButton(self.tr("Not her"), self)
        self.clear_selected.setAutoDefault(False)
        self.clear_selected.setVisible(False)
        self.clear_selected.clicked.connect(self.forget_regular)
        name_row.addWidget(self.nickname, 1)
        name_row.addWidget(self.selected_label, 1)
        name_row.addWidget(self.clear_selected)
        layout.addLayout(name_row)

        self.matches_row = QHBoxLayout()
        self.matches_row.setSpacing(6)
        self.matches_hint = QLabel(self)
        self.matches_hint.setProperty("role", "hint")
        self.matches_row.addWidget(self.matches_hint)
        self.match_buttons: list[QPushButton] = []
        self.matches_row.addStretch(1)
        layout.addLayout(self.matches_row)

        # Label column and answers column. 来場 and 相談希望 (two buttons each) share a
        # line, and each child is one line below 託児, so a visitor with two children
        # fits a 1366x768 laptop without scrolling (the 年代 row stays in view).
        grid = QGridLayout()
        grid.setHorizontalSpacing(LABEL_GAP)
        grid.setVerticalSpacing(6)
        self.age = ChoiceButtons.for_group("age_band", lang)
        self.residence = ChoiceButtons.for_group("residence", lang)
        self.first_visit = ChoiceButtons(
            [("first", self.tr("First time")), ("repeat", self.tr("Been before"))]
        )
        self.heard_from = ChoiceButtons.for_group("heard_from", lang, optional=True)
        self.consultation = ChoiceButtons([("no", self.tr("No")), ("yes", self.tr("Yes"))])
        visit_line = QWidget(self)
        visit_flow = FlowLayout(visit_line, spacing=LABEL_GAP)
        # 相談希望 and its buttons wrap together, never the label alone at a line's end.
        consultation_part = QWidget(visit_line)
        consultation_line = QHBoxLayout(consultation_part)
        consultation_line.setContentsMargins(LABEL_GAP, 0, 0, 0)
        consultation_line.setSpacing(LABEL_GAP)
        self.consultation_label = self._row_label(self.tr("Consultation"))
        consultation_line.addWidget(self.consultation_label)
        consultation_line.addWidget(self.consultation)
        visit_flow.addWidget(self.first_visit)
        visit_flow.addWidget(consultation_part)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        visit_line.setSizePolicy(policy)
        rows = (
            (self.tr("Age"), self.age),
            (self.tr("Lives"), self.residence),
            (self.tr("Visit"), visit_line),
            (self.tr("Heard via\n(optional)"), self.heard_from),
        )
        self.row_labels: list[QLabel] = []
        for i, (text, widget) in enumerate(rows):
            label = self._row_label(text)
            self.row_labels.append(label)
            grid.addWidget(label, i, 0)
            grid.addWidget(widget, i, 1)
        self.child_rows = ChildrenEditor(lang, self)
        self.row_labels.append(self.child_rows.title)
        # The children's lines have their own labels (子ども1) in the label column.
        grid.addWidget(self.child_rows, len(rows), 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self._align_labels()
        when_restyled(self, self._align_labels)  # Ctrl+plus: the label column widens
        layout.addLayout(grid)
        layout.addStretch(1)
        answers = (self.age, self.residence, self.first_visit, self.consultation, self.heard_from)
        tab_in_order(self.nickname, self.clear_selected, *answers, self.child_rows)  # as read
        self.reset()

    def _align_labels(self) -> None:
        """One label column: as wide as its widest label (年代, 知ったきっかけ…)."""
        for label in self.row_labels:
            label.setMinimumWidth(0)
            label.setMaximumWidth(16777215)
            label.ensurePolished()
        label_width = max(label.sizeHint().width() for label in self.row_labels)
        for label in self.row_labels:
            label.setFixedWidth(label_width)
        self.child_rows.set_label_width(label_width, LABEL_GAP)

    def _row_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "section")
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    # -- state -------------------------------------------------------------

    def reset(self) -> None:
        """A blank form for the next visitor: nothing of the last one remains."""
        self.selected = None
        self.nickname.clear()
        self.nickname.setVisible(True)
        self.selected_label.setVisible(False)
        self.clear_selected.setVisible(False)
        self._show_matches([])
        self.age.set_value(None)
        self.residence.set_value("resident")
        self.first_visit.set_value("first")
        self.heard_from.set_value(None)
        self.consultation.set_value("no")
        self.child_rows.clear()

    def choose_regular(self, match: VisitorMatch) -> None:
        """She is a regular: pre-fill her last answers, mark as a repeat visit."""
        self.selected = match
        self.nickname.setVisible(False)
        self.selected_label.setText(
            self.tr("Regular: %1 (answers from her last visit)").replace("%1", match.nickname)
        )
        self.selected_label.setVisible(True)
        self.clear_selected.setVisible(True)
        self._show_matches([])
        self.age.set_value(match.age_band)
        self.residence.set_value(match.residence)
        self.first_visit.set_value("repeat")
        self.heard_from.set_value(match.heard_from)

    def forget_regular(self) -> None:
        self.selected = None
        self.selected_label.setVisible(False)
        self.clear_selected.setVisible(False)
        self.nickname.setVisible(True)
        self.nickname.setFocus()
        self.first_visit.set_value("first")

    # -- nickname search ---------------------------------------------------

    def _search(self, text: str) -> None:
        self._show_matches(
            checkin.find_visitors(self.ctx, text, MAX_MATCHES) if text.strip() else []
        )

    def _show_matches(self, matches: list[VisitorMatch]) -> None:
        for button in self.match_buttons:
            button.setParent(None)
            button.deleteLater()
        self.match_buttons = []
        typed = self.nickname.text().strip()
        if matches:
            self.matches_hint.setText(self.tr("Regulars:"))
        elif typed and self.selected is None:
            self.matches_hint.setText(
                self.tr("No regular found: this nickname will be registered.")
            )
        else:
            self.matches_hint.setText("")
        self.matches_hint.setVisible(bool(self.matches_hint.text()))
        for i, match in enumerate(matches):
            last = match.last_visit_on.strftime("%m/%d") if match.last_visit_on else "—"
            button = QPushButton(f"{match.nickname}  ({last})", self)
            button.setProperty("role", "match")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, m=match: self.choose_regular(m))
            self.matches_row.insertWidget(1 + i, button)
            self.match_buttons.append(button)

    def enter_in_nickname(self) -> None:
        """Enter in the nickname field picks the only match, else submits."""
        if len(self.match_buttons) == 1:
            self.match_buttons[0].click()
        else:
            self.submit_requested.emit()

    # -- reading the answers ----------------------------------------------

    def missing(self) -> str | None:
        """What must still be answered, as a sentence, or None."""
        if self.age.value() is None:
            return self.tr("Please choose her age group (or “No answer”).")
        child = self.child_rows.missing_age()
        if child is not None:
            return self.tr("Please choose the age of child %1.").replace("%1", str(child))
        return None

    def request(self, event_id: str, request_id: str) -> CheckInRequest:
        typed = self.nickname.text()
        return CheckInRequest(
            event_id=event_id,
            request_id=request_id,
            age_band=self.age.value() or "unanswered",
            residence=self.residence.value() or "unanswered",
            first_visit=self.first_visit.value() != "repeat",
            heard_from=self.heard_from.value(),
            wants_consultation=self.consultation.value() == "yes",
            nickname=None if self.selected else (typed or None),
            visitor_id=self.selected.visitor_id if self.selected else None,
            children=self.child_rows.requests(),
        )
