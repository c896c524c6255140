"""Edit a copy of a questionnaire; saving makes it the next version and uses it.

The coordinator can reword questions and answers in every language, make a
question required or optional, add, remove and reorder questions and
answers, and choose which answers count as satisfied. Answer codes of an
existing question never change (results across versions rely on them); new
ones are made up here. The whole copy is checked by the same schema check
as a file (kiosk/survey/questionnaire.py) before anything is stored.

Every text is asked in every language of the questionnaire (eight for the
default one); what is still empty is listed by language above the questions
and marked in the list of questions, as she types.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.survey import catalogue
from kiosk.survey.missing_texts import MissingText, missing_texts
from kiosk.survey.questionnaire import (
    DEFAULT_TEXT_LIMIT,
    MAX_TEXT_LIMIT,
    TYPES,
    YES_NO,
    Questionnaire,
)
from kiosk.survey.respondent_words import ANSWER_PREFIX, respondent_catalogues
from ui.dialogs import app_dialog
from ui.widgets.error_display import message_for, new_banner, set_banner

RULE_TYPES = ("single", "scale", "yes_no")
TITLES_PER_LINE = 2


class QuestionnaireEditor(QDialog):
    saved = Signal(object)  # the new Questionnaire

    def __init__(
        self, ctx: AppContext, data: dict[str, Any], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.data = copy.deepcopy(data)
        self.languages = list(self.data["languages"])
        self.current: int | None = None
        self.missing_now: list[MissingText] = []
        self.setWindowTitle(self.tr("Edit a copy of the questionnaire"))
        self.resize(1100, 720)
        self.type_names = {
            "single": self.tr("One answer"),
            "multiple": self.tr("Several answers"),
            "scale": self.tr("Scale"),
            "yes_no": self.tr("Yes or no"),
            "text": self.tr("Free text"),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        hint = QLabel(
            self.tr(
                "Saving makes version %1 of this questionnaire and uses it from now on. "
                "Answers already given keep the version they were given with."
            ).replace("%1", str(self._next_version())),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        self.missing = QLabel(self)
        self.missing.setProperty("role", "hint")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.missing)

        # The title in every language, two to a line: eight languages still leave room
        # for the questions on a 768 px high laptop.
        titles = QGridLayout()
        titles.setHorizontalSpacing(10)
        titles.setVerticalSpacing(6)
        self.title_edits: dict[str, QLineEdit] = {}
        for i, code in enumerate(self.languages):
            edit = QLineEdit(self.data["title"].get(code, ""), self)
            edit.textEdited.connect(lambda _t: self.refresh_missing())
            self.title_edits[code] = edit
            name = self.tr("Title (%1)").replace("%1", self.data["languages"][code])
            label = QLabel(name, self)
            label.setBuddy(edit)
            row, column = divmod(i, TITLES_PER_LINE)
            titles.addWidget(label, row, 2 * column)
            titles.addWidget(edit, row, 2 * column + 1)
        for column in range(TITLES_PER_LINE):
            titles.setColumnStretch(2 * column + 1, 1)
        layout.addLayout(titles)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addLayout(self._build_list(), 2)
        body.addWidget(self._build_question(), 3)
        layout.addLayout(body, 1)
        layout.addLayout(self._build_rule())

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(
            self.tr("Save as version %1 and use it").replace("%1", str(self._next_version())),
            self,
        )
        self.save_button.setProperty("role", "primary")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self._fill_list(0)
        self._fill_rule()
        self.refresh_missing()

    def _next_version(self) -> int:
        qid = self.data["id"]
        versions = [
            e.questionnaire.version
            for e in catalogue.catalogue(self.ctx).entries
            if e.questionnaire.id == qid
        ]
        return max(versions, default=0) + 1

    # -- building ---------------------------------------------------------------------

    def _build_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.question_list = QListWidget(self)
        self.question_list.currentRowChanged.connect(self._select)
        self.question_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.question_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        column.addWidget(self.question_list, 1)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self.add_question),
            (self.tr("Remove"), self.remove_question),
            (self.tr("Up"), lambda: self.move_question(-1)),
            (self.tr("Down"), lambda: self.move_question(1)),
        ):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        column.addLayout(row)
        return column

    def _build_question(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        panel = QWidget(scroll)
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 8, 0)
        self.type_label = QLabel(panel)
        self.required = QCheckBox(self.tr("She must answer it (on the tablet)"), panel)
        form.addRow(self.tr("Kind"), self.type_label)
        form.addRow("", self.required)
        self.text_edits: dict[str, QLineEdit] = {}
        self.hint_edits: dict[str, QLineEdit] = {}
        for code in self.languages:
            name = self.data["languages"][code]
            self.text_edits[code] = QLineEdit(panel)
            self.hint_edits[code] = QLineEdit(panel)
            self.hint_edits[code].setPlaceholderText(self.tr("optional"))
            for edit in (self.text_edits[code], self.hint_edits[code]):
                edit.textEdited.connect(lambda _t: self.refresh_missing())
            form.addRow(self.tr("Question (%1)").replace("%1", name), self.text_edits[code])
            form.addRow(self.tr("Note (%1)").replace("%1", name), self.hint_edits[code])
        self.options = QTableWidget(0, len(self.languages), panel)
        self.options.setHorizontalHeaderLabels(
            [self.data["languages"][code] for code in self.languages]
        )
        self.options.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.options.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.options.setMinimumHeight(220)
        self.options.itemChanged.connect(lambda _item: self.refresh_missing())
        form.addRow(self.tr("Answers"), self.options)
        option_buttons = QHBoxLayout()
        self.add_option_button = QPushButton(self.tr("Add an answer"), panel)
        self.remove_option_button = QPushButton(self.tr("Remove the answer"), panel)
        for button, slot in (
            (self.add_option_button, self.add_option),
            (self.remove_option_button, self.remove_option),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            option_buttons.addWidget(button)
        option_buttons.addStretch(1)
        form.addRow("", option_buttons)
        self.max_length = QSpinBox(panel)
        self.max_length.setRange(1, MAX_TEXT_LIMIT)
        form.addRow(self.tr("Longest text"), self.max_length)
        scroll.setWidget(panel)
        return scroll

    def _build_rule(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Satisfied means"), self)
        label.setProperty("role", "section")
        self.rule_question = QComboBox(self)
        self.rule_question.currentIndexChanged.connect(lambda _i: self._fill_rule_answers())
        self.rule_answers = QListWidget(self)
        self.rule_answers.setFlow(QListWidget.Flow.LeftToRight)
        self.rule_answers.setWrapping(True)
        self.rule_answers.setMaximumHeight(56)
        row.addWidget(label)
        row.addWidget(self.rule_question, 2)
        row.addWidget(self.rule_answers, 3)
        return row

    # -- the list of questions ----------------------------------------------------------

    def _fill_list(self, select: int) -> None:
        self.question_list.blockSignals(True)
        self.question_list.clear()
        for number, question in enumerate(self.data["questions"], start=1):
            QListWidgetItem(self._list_text(number, question), self.question_list)
        self.question_list.blockSignals(False)
        self.current = None
        self.question_list.setCurrentRow(select)
        self._select(select)

    def _select(self, row: int) -> None:
        if self.current is not None and self.current != row:
            self._store()
        self.current = row if 0 <= row < len(self.data["questions"]) else None
        if self.current is not None:
            self._load(self.data["questions"][self.current])

    def _load(self, question: dict[str, Any]) -> None:
        kind = question["type"]
        self.type_label.setText(self.type_names.get(kind, kind))
        self.required.setChecked(bool(question.get("required")))
        for code in self.languages:
            self.text_edits[code].setText(question["text"].get(code, ""))
            self.hint_edits[code].setText(question.get("hint", {}).get(code, ""))
        self.options.setRowCount(0)
        for option in question.get("options", []):
            self._append_option_row(option)
        choice = kind != "text"
        self.options.setEnabled(choice)
        self.add_option_button.setEnabled(choice and kind != "yes_no")
        self.remove_option_button.setEnabled(choice and kind != "yes_no")
        self.max_length.setEnabled(kind == "text")
        self.max_length.setValue(question.get("max_length", DEFAULT_TEXT_LIMIT))

    def _append_option_row(self, option: dict[str, Any]) -> None:
        # Quiet while the row is built: a half-built table must never be stored.
        self.options.blockSignals(True)
        row = self.options.rowCount()
        self.options.insertRow(row)
        for column, code in enumerate(self.languages):
            item = QTableWidgetItem(option["label"].get(code, ""))
            item.setData(Qt.ItemDataRole.UserRole, option["code"])
            self.options.setItem(row, column, item)
        self.options.blockSignals(False)

    def _store(self) -> None:
        """The fields on screen, back into the question being edited."""
        if self.current is None or self.current >= len(self.data["questions"]):
            return
        question = self.data["questions"][self.current]
        question["required"] = self.required.isChecked()
        question["text"] = {code: self.text_edits[code].text() for code in self.languages}
        hints = {code: self.hint_edits[code].text() for code in self.languages}
        if any(h.strip() for h in hints.values()):
            question["hint"] = hints
        else:
            question.pop("hint", None)
        if question["type"] == "text":
            question["max_length"] = self.max_length.value()
        else:
            options = []
            for row in range(self.options.rowCount()):
                first = self.options.item(row, 0)
                code = first.data(Qt.ItemDataRole.UserRole) if first else f"answer{row + 1}"
                labels = {}
                for column, lang in enumerate(self.languages):
                    item = self.options.item(row, column)
                    labels[lang] = item.text() if item else ""
                options.append({"code": code, "label": labels})
            question["options"] = options

    def _fresh_code(self, taken: set[str], stem: str) -> str:
        n = 1
        while f"{stem}{n}" in taken:
            n += 1
        return f"{stem}{n}"

    def add_question(self) -> None:
        chosen = app_dialog.pick_one(
            self,
            self.tr("Add a question"),
            self.tr("Kind of question"),
            [(kind, self.type_names[kind]) for kind in TYPES],
            self.tr("Back"),
        )
        if chosen is not None:
            self.add_question_of(chosen)

    def add_question_of(self, kind: str) -> None:
        self._store()
        taken = {q["id"] for q in self.data["questions"]}
        question: dict[str, Any] = {
            "id": self._fresh_code(taken, "question"),
            "type": kind,
            "required": False,
            "text": dict.fromkeys(self.languages, ""),
        }
        empty = dict.fromkeys(self.languages, "")
        if kind == "text":
            question["max_length"] = DEFAULT_TEXT_LIMIT
        elif kind == "yes_no":
            shipped = respondent_catalogues()  # はい / いいえ in every language that ships them
            question["options"] = [
                {
                    "code": code,
                    "label": {
                        lang: shipped.get(lang, {}).get(ANSWER_PREFIX + code, "")
                        for lang in self.languages
                    },
                }
                for code in YES_NO
            ]
        else:
            question["options"] = [
                {"code": "answer1", "label": dict(empty)},
                {"code": "answer2", "label": dict(empty)},
            ]
        at = (self.current + 1) if self.current is not None else len(self.data["questions"])
        self.data["questions"].insert(at, question)
        self.current = None
        self._fill_list(at)
        self._fill_rule()
        self.refresh_missing()

    def remove_question(self) -> None:
        if self.current is None or len(self.data["questions"]) <= 1:
            return
        question = self.data["questions"][self.current]
        if question["id"] == self.data["satisfied"]["question"]:
            set_banner(
                self.banner,
                self.tr("This question decides satisfaction. Choose another one below first."),
                "error",
            )
            return
        if self.data.get("loneliness") == question["id"]:
            self.data.pop("loneliness")
        at = self.current
        del self.data["questions"][at]
        self.current = None
        self._fill_list(min(at, len(self.data["questions"]) - 1))
        self._fill_rule()
        self.refresh_missing()

    def move_question(self, step: int) -> None:
        if self.current is None:
            return
        self._store()
        at, to = self.current, self.current + step
        questions = self.data["questions"]
        if not 0 <= to < len(questions):
            return
        questions[at], questions[to] = questions[to], questions[at]
        self.current = None
        self._fill_list(to)
        self.refresh_missing()

    def add_option(self) -> None:
        self._store()
        if self.current is None:
            return
        question = self.data["questions"][self.current]
        taken = {o["code"] for o in question.get("options", [])}
        option = {"code": self._fresh_code(taken, "answer"), "label": {}}
        question.setdefault("options", []).append(option)
        self._append_option_row(option)
        self.refresh_missing()
        self.options.setCurrentCell(self.options.rowCount() - 1, 0)
        added = self.options.item(self.options.rowCount() - 1, 0)
        if added is not None:
            self.options.editItem(added)

    def remove_option(self) -> None:
        row = self.options.currentRow()
        if row >= 0:
            self.options.removeRow(row)
            self._store()
            self._fill_rule_answers()
            self.refresh_missing()

    # -- texts still missing, by language --------------------------------------------------

    def _list_text(self, number: int, question: dict[str, Any], lacking: str = "") -> str:
        text = question["text"].get(self.lang) or next(iter(question["text"].values()), "")
        mark = " *" if question.get("required") else ""
        tail = f"  ⚠ {lacking}" if lacking else ""
        return f"{number}. {text or '…'}{mark}{tail}"

    def _place(self, missing: MissingText) -> str:
        question = str(missing.question)
        if missing.part == "title":
            return self.tr("title")
        if missing.part == "intro":
            return self.tr("introduction")
        if missing.part == "text":
            return self.tr("question %1").replace("%1", question)
        if missing.part == "hint":
            return self.tr("note of question %1").replace("%1", question)
        if missing.part == "label":
            return (
                self.tr("answer %2 of question %1")
                .replace("%1", question)
                .replace("%2", str(missing.option))
            )
        return self.tr('the kiosk\'s own words (a "phrases" block in the file)')

    def refresh_missing(self) -> None:
        """List what is still empty, language by language, and mark those questions."""
        if self.current is not None:
            self._store()
        draft = {**self.data, "title": {c: e.text() for c, e in self.title_edits.items()}}
        found = missing_texts(draft)
        names = self.data["languages"]
        if not found:
            self.missing.setText(self.tr("Every text is there in every language."))
        else:
            lines = [self.tr("Still missing, by language (fill them in before saving):")]
            for code in self.languages:
                places = [self._place(m) for m in found if m.lang == code]
                if places:
                    lines.append(
                        self.tr("%1: %2")
                        .replace("%1", names[code])
                        .replace("%2", self.tr(", ").join(places))
                    )
            self.missing.setText("\n".join(lines))
        self.missing.setProperty("kind", "warning" if found else "ok")
        for row, question in enumerate(self.data["questions"]):
            item = self.question_list.item(row)
            if item is None:
                continue
            lacking = sorted(
                {m.lang for m in found if m.question == row + 1},
                key=self.languages.index,
            )
            item.setText(self._list_text(row + 1, question, ", ".join(names[c] for c in lacking)))
        self.missing_now = found

    # -- what counts as satisfied ---------------------------------------------------------

    def _fill_rule(self) -> None:
        self.rule_question.blockSignals(True)
        self.rule_question.clear()
        for question in self.data["questions"]:
            if question["type"] in RULE_TYPES:
                text = question["text"].get(self.lang) or question["id"]
                self.rule_question.addItem(text, question["id"])
        index = self.rule_question.findData(self.data["satisfied"]["question"])
        self.rule_question.setCurrentIndex(max(index, 0))
        self.rule_question.blockSignals(False)
        self._fill_rule_answers()

    def _fill_rule_answers(self) -> None:
        qid = self.rule_question.currentData()
        question = next((q for q in self.data["questions"] if q["id"] == qid), None)
        chosen = (
            set(self.data["satisfied"]["answers"])
            if qid == self.data["satisfied"]["question"]
            else set()
        )
        self.rule_answers.clear()
        for option in question.get("options", []) if question else []:
            label = option["label"].get(self.lang) or option["code"]
            item = QListWidgetItem(label, self.rule_answers)
            item.setData(Qt.ItemDataRole.UserRole, option["code"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if option["code"] in chosen else Qt.CheckState.Unchecked
            )

    def _store_rule(self) -> None:
        answers = [
            self.rule_answers.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.rule_answers.count())
            if self.rule_answers.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.data["satisfied"] = {"question": self.rule_question.currentData(), "answers": answers}

    # -- saving ---------------------------------------------------------------------------

    def edited_data(self) -> dict[str, Any]:
        self._store()
        self._store_rule()
        self.data["title"] = {code: edit.text() for code, edit in self.title_edits.items()}
        return copy.deepcopy(self.data)

    def save(self) -> Questionnaire | None:
        try:
            questionnaire = catalogue.save_edited(self.ctx, self.edited_data())
        except KioskError as exc:
            if "file" in exc.params:  # name the copy on screen, not a file
                exc = KioskError(exc.code, **{**exc.params, "file": self.tr("(this copy)")})
            set_banner(self.banner, message_for(exc, self.lang), "error")
            return None
        self.saved.emit(questionnaire)
        self.accept()
        return questionnaire
