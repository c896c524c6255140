"""Check-in (受付), the home screen: the form, today's list, undo and cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import choices
from kiosk.core.errors import KioskError
from kiosk.core.request_ids import new_request_id
from kiosk.door import checkin
from kiosk.door.checkin import VisitInfo
from kiosk.workshops.slots import slots_of_event
from ui.dialogs import app_dialog
from ui.dialogs.label_printing import print_at_checkin, print_labels, save_labels_pdf
from ui.dialogs.pickup_dialog import PickupCodesDialog
from ui.dialogs.signup_dialog import SignupDialog
from ui.door_state import Change, DoorState
from ui.screens.checkin_form import CheckInForm
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.narrow_stack import NarrowStack
from ui.widgets.single_action import SingleAction
from ui.widgets.tab_order import tab_in_order
from ui.widgets.text_width import hold_text_width, when_restyled

BANNER_MS = 6000
LIST_WIDTH = 320  # today's list beside the form at most
LIST_MIN_WIDTH = 250
LIST_HEIGHT_STACKED = 260  # under the form in portrait: two visits and its buttons


class CheckInScreen(QWidget):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        # One id per visitor at the desk: kept through retries after an error (the
        # service returns the visit already saved), renewed only after a success or
        # Clear. A repeat of the same gesture never gets that far (SingleAction).
        self.request_id = new_request_id()
        self.submit_once = SingleAction(self)  # 受付する and its Enter keys
        self.count_only_once = SingleAction(self)  # 回答なしで受付
        self.last_visit: VisitInfo | None = None  # the one just checked in, for workshops
        self.has_slots = False

        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(14)

        # Left: the form, or a friendly note when the day is not open.
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_form_page())
        self.pages.addWidget(self._build_closed_page())
        outer.addWidget(self.pages, 3)

        # Right: today's list; narrower on a tablet, under the form in portrait.
        self.list_panel = self._build_list_panel()
        outer.addWidget(self.list_panel, 1)
        self.narrow = NarrowStack(self, outer, stretches=((3, 1), (3, 1)))
        self.narrow.stacked_changed.connect(self._stacked)
        self._stacked(False)  # beside the form until the window is narrow
        when_restyled(self.list_panel, lambda: self._stacked(self.list_stacked))

        # Enter confirms from anywhere in the form (a main window has no default button).
        for key in ("Return", "Enter", "Ctrl+Return", "Ctrl+Enter"):
            self.submit_once.on_shortcut(QShortcut(QKeySequence(key), self), self._enter)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo_last)
        QShortcut(QKeySequence("Ctrl+K"), self, self.form.child_rows.add_child)
        QShortcut(QKeySequence("Ctrl+W"), self, self.offer_workshops)
        QShortcut(QKeySequence("Ctrl+F"), self, self.form.nickname.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_form)

        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self.show_hint)
        state.follow(
            self,
            Change.VISITS | Change.CARE | Change.WORKSHOPS | Change.DAY | Change.SETTINGS,
            self.refresh,
        )
        self.refresh()

    # -- building ----------------------------------------------------------

    def _build_form_page(self) -> QWidget:
        page = QFrame(self)
        page.setProperty("role", "card")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        # Always shown (a hint when idle), so the buttons never jump under a finger.
        self.banner = new_banner(page)
        self.banner.setMinimumHeight(44)
        layout.addWidget(self.banner)
        self.show_hint()

        self.form = CheckInForm(self.state.ctx, self.state.lang, page)
        self.form.submit_requested.connect(self.submit)
        self.form_area = QScrollArea(page)
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setWidget(self.form)
        self.form_area.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # Tab goes to the answers, not the page
        # A new child row is scrolled into view once the layout has made room for
        # it. The timer holds no row: the form may be checked in and cleared
        # before it fires, so it looks up the rows there are then.
        self._child_scroll = QTimer(self)
        self._child_scroll.setSingleShot(True)
        self._child_scroll.setInterval(50)
        self._child_scroll.timeout.connect(self._show_last_child)
        self.form.child_rows.child_added.connect(lambda _row: self._child_scroll.start())
        layout.addWidget(self.form_area, 1)

        actions = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("Clear (Esc)"), page)
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_form)
        self.count_only_button = QPushButton(self.tr("Count only, no questions"), page)
        self.count_only_button.setProperty("role", "secondary")
        self.count_only_button.setAutoDefault(False)
        self.count_only_button.setToolTip(
            self.tr("For a visitor who prefers not to answer: counted, every answer “No answer”.")
        )
        self.count_only_once.on_button(self.count_only_button, self.submit_count_only)
        self.submit_button = QPushButton(self.tr("Check in (Enter)"), page)
        self.submit_button.setProperty("role", "primary")
        self.submit_button.setDefault(True)
        self.submit_once.on_button(self.submit_button, self.submit)
        self.workshops_button = QPushButton(self.tr("Workshops…"), page)
        self.workshops_button.setAutoDefault(False)
        self.workshops_button.setToolTip(
            self.tr(
                "Sign the visitor just checked in (or the one selected in the list) up for "
                "workshops (Ctrl+W)."
            )
        )
        self.workshops_button.clicked.connect(self.offer_workshops)
        # The secondary buttons wrap onto a second line on a tablet; "check in" stays put.
        secondary = QWidget(page)
        flow = FlowLayout(secondary, spacing=8)
        for button in (self.clear_button, self.count_only_button, self.workshops_button):
            hold_text_width(button)
            flow.addWidget(button)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        secondary.setSizePolicy(policy)
        actions.addWidget(secondary, 1)
        actions.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignBottom)
        tab_in_order(
            self.clear_button, self.count_only_button, self.workshops_button, self.submit_button
        )
        layout.addLayout(actions)
        hold_text_width(self.submit_button)
        return page

    def _build_closed_page(self) -> QWidget:
        page = QFrame(self)
        page.setProperty("role", "card")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.closed_text = QLabel(page)
        self.closed_text.setProperty("role", "empty")
        self.closed_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.closed_text.setWordWrap(True)
        layout.addWidget(self.closed_text)
        layout.addStretch(2)
        return page

    def _build_list_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setProperty("role", "card")
        panel.setMaximumWidth(LIST_WIDTH)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(14, 14, 14, 14)
        title = QLabel(self.tr("Today's check-ins"), panel)
        title.setProperty("role", "section")
        layout.addWidget(title)
        self.visit_list = QListWidget(panel)
        self.visit_list.setAlternatingRowColors(True)
        self.visit_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.visit_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.visit_list, 1)
        self.undo_button = QPushButton(self.tr("Undo last (Ctrl+Z)"), panel)
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_last)
        self.cancel_button = QPushButton(self.tr("Cancel selected…"), panel)
        self.cancel_button.setProperty("role", "danger")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel_selected)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.cancel_button)
        return panel

    def _stacked(self, stacked: bool) -> None:
        """In portrait the list runs the full width under the form, a few lines high."""
        self.list_stacked = stacked
        if stacked:
            self.list_panel.setMaximumWidth(16777215)
            self.list_panel.setMaximumHeight(LIST_HEIGHT_STACKED)
        else:
            self.list_panel.setMaximumWidth(max(LIST_WIDTH, self._buttons_width()))
            self.list_panel.setMaximumHeight(16777215)
        self.list_panel.setMinimumWidth(max(LIST_MIN_WIDTH, self._buttons_width()))

    def _buttons_width(self) -> int:
        """What the list's buttons need, at the text size shown (Ctrl+plus widens them)."""
        layout = self.list_panel.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        buttons = max(b.sizeHint().width() for b in (self.undo_button, self.cancel_button))
        frame = 2 * self.list_panel.frameWidth()  # the card's border
        return buttons + margins.left() + margins.right() + max(frame, 2)

    # -- refreshing --------------------------------------------------------

    def refresh(self) -> None:
        event = self.state.today_event
        is_open = event is not None and event.is_open
        self.pages.setCurrentIndex(0 if is_open else 1)
        if event is None:
            self.closed_text.setText(
                self.tr(
                    "Check-in has not started today.\nPress “Open today's check-in” above (Ctrl+O)."
                ),
            )
        elif not is_open:
            self.closed_text.setText(self.tr("Today's check-in is closed. Thank you for today!"))
        visits = checkin.visits_of_event(self.state.ctx, event.id) if event else []
        self._fill_list(visits)
        self.undo_button.setEnabled(is_open and any(v.active for v in visits))
        self.has_slots = bool(event and slots_of_event(self.state.ctx, event.id))
        self.workshops_button.setVisible(self.has_slots)
        self.cancel_button.setEnabled(is_open and bool(visits))
        if is_open and self.isVisible():  # never take the keys from the screen in use
            self.form.nickname.setFocus()

    def _fill_list(self, visits: list[VisitInfo]) -> None:
        self.visit_list.clear()
        lang = self.state.lang
        for visit in visits:
            time = visit.checked_in_at.astimezone().strftime("%H:%M")
            if visit.count_only:
                detail = self.tr("count only")
            else:
                detail = choices.label("age_band", visit.age_band, lang)
                if visit.first_visit:
                    detail += "・" + self.tr("first time")
            if visit.nickname:
                detail += f"・{visit.nickname}"
            kids = [c for c in visit.children if c.status != "cancelled"]
            if kids:
                detail += "・" + self.tr("childcare %1").replace("%1", str(len(kids)))
            text = f"No.{visit.number}   {time}"
            if not visit.active:
                text += "   " + self.tr("(cancelled)")
            text += f"\n{detail}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, visit.id)
            if not visit.active:
                font = QFont(item.font())
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#70655e")))
            self.visit_list.addItem(item)

    # -- actions -----------------------------------------------------------

    def _show_last_child(self) -> None:
        rows = self.form.child_rows.rows
        if rows:
            self.form_area.ensureWidgetVisible(rows[-1].note)

    def show_hint(self) -> None:
        """The resting state of the message line: what to do next."""
        set_banner(
            self.banner,
            self.tr("Next visitor: choose her age group and press Enter. A nickname is optional."),
            "info",
        )

    def clear_form(self) -> None:
        self.form.reset()
        self.request_id = new_request_id()
        self.show_hint()
        self.form.nickname.setFocus()

    def _enter(self) -> None:
        if self.form.nickname.hasFocus():
            self.form.enter_in_nickname()
        else:
            self.submit()

    def submit(self) -> None:
        event = self.state.open_event
        if event is None or self.pages.currentIndex() != 0:
            return
        missing = self.form.missing()
        if missing:
            set_banner(self.banner, missing, "error")
            return
        self._save(self.form.request(event.id, self.request_id))

    def submit_count_only(self) -> None:
        event = self.state.open_event
        if event is None:
            return
        self._save(checkin.count_only_request(event.id, self.request_id))

    def _save(self, request: checkin.CheckInRequest) -> None:
        try:
            result = checkin.check_in(self.state.ctx, request)
        except KioskError as exc:
            # Nothing was saved; the form keeps what was typed so it can be fixed and retried.
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        visit = result.visit
        self.form.reset()
        self.request_id = new_request_id()
        # No pickup codes here: this line stays up for anyone at the desk to read.
        # The parent sees them in the codes dialog and on the printed label only.
        message = self.tr("Checked in: No. %1").replace("%1", str(visit.number))
        self.last_visit = visit
        if self.has_slots and not visit.count_only:
            message += "  ・  " + self.tr("workshops: Ctrl+W")
        set_banner(self.banner, message, "ok")
        self._banner_timer.start(BANNER_MS)
        self.state.notify(Change.VISITS | Change.CARE)
        if visit.children:
            printed = print_at_checkin(self, self.state, visit.children)  # when Settings says so
            if printed:
                set_banner(self.banner, f"{message}  ・  {printed}", "ok")
            self._show_codes(visit)
        self.form.nickname.setFocus()

    def _show_codes(self, visit: VisitInfo) -> None:
        dialog = PickupCodesDialog(
            visit.children,
            self.state.lang,
            lambda kids: print_labels(self, self.state, kids),
            self,
            lambda kids: save_labels_pdf(self, self.state, kids),
        )
        dialog.exec()

    def offer_workshops(self) -> None:
        """Sign up the visitor selected in today's list, else the one just checked in."""
        event = self.state.open_event
        if event is None or not self.has_slots:
            return
        visits = checkin.visits_of_event(self.state.ctx, event.id)
        item = self.visit_list.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        wanted = chosen or (self.last_visit.id if self.last_visit else None)
        visit = next((v for v in visits if v.id == wanted and v.active), None)
        if visit is None:
            set_banner(self.banner, self.tr("Select a check-in in the list first."), "info")
            return
        dialog = SignupDialog(self.state, visit, self)
        dialog.exec()
        if dialog.messages:
            set_banner(self.banner, "  ".join(dialog.messages), "ok")
            self._banner_timer.start(BANNER_MS)

    def undo_last(self) -> None:
        event = self.state.open_event
        if event is None:
            return
        visits = [
            v for v in checkin.visits_of_event(self.state.ctx, event.id, limit=20) if v.active
        ]
        if not visits:
            set_banner(self.banner, self.tr("There is no check-in to undo."), "info")
            return
        last = visits[0]
        time = last.checked_in_at.astimezone().strftime("%H:%M")
        if not app_dialog.confirm(
            self,
            self.tr("Undo"),
            self.tr("Undo check-in No. %1 (%2)?")
            .replace("%1", str(last.number))
            .replace("%2", time),
            self.tr("Undo the check-in"),
            self.tr("Back"),
            danger=True,
        ):
            return
        try:
            undone = checkin.undo_last(self.state.ctx, event.id)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(self.banner, self.tr("Undone: No. %1").replace("%1", str(undone.number)), "info")
        self.state.notify(Change.VISITS | Change.CARE | Change.WORKSHOPS)

    def cancel_selected(self) -> None:
        item = self.visit_list.currentItem()
        if item is None:
            set_banner(self.banner, self.tr("Select a check-in in the list first."), "info")
            return
        reasons = [c for c in choices.options("cancel_reason") if c.code != "undo"]
        reason = app_dialog.pick_one(
            self,
            self.tr("Cancel a check-in"),
            self.tr("Why is it cancelled? (It stays in the records, marked cancelled.)"),
            [(c.code, c.label(self.state.lang)) for c in reasons],
            self.tr("Back"),
        )
        if reason is None:
            return
        try:
            visit = checkin.cancel_visit(
                self.state.ctx, item.data(Qt.ItemDataRole.UserRole), reason
            )
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(
            self.banner, self.tr("Cancelled: No. %1").replace("%1", str(visit.number)), "info"
        )
        self.state.notify(Change.VISITS | Change.CARE | Change.WORKSHOPS)
