"""Sign a visit up for a slot, asking what to do when the slot is full.

Shared by the Workshops screen and the dialog offered right after check-in,
so both say the same thing and follow the same rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.workshops.signups import SignupResult, sign_up
from kiosk.workshops.slots import SlotInfo
from ui.dialogs import app_dialog
from ui.dialogs.app_dialog import AppDialog, Choice


def sign_up_asking(
    parent: QWidget, ctx: AppContext, slot: SlotInfo, visit_id: str
) -> SignupResult | None:
    """Try to book; if full, offer the waitlist or (for a coordinator) an override.

    Returns None when the volunteer chose not to go on. Other errors are raised
    for the caller to show.
    """
    try:
        return sign_up(ctx, slot.id, visit_id)
    except KioskError as exc:
        if exc.code != "slot_full":
            raise
    choice = ask_when_full(parent, slot)
    if choice == "waitlist":
        return sign_up(ctx, slot.id, visit_id, waitlist_if_full=True)
    if choice == "override":
        return sign_up(ctx, slot.id, visit_id, override_capacity=True)
    return None


def full_workshop_dialog(parent: QWidget, slot: SlotInfo) -> AppDialog:
    """The question asked when a slot is full: waitlist, beyond capacity, or back."""
    return AppDialog(
        parent,
        QCoreApplication.translate("SignupFlow", "The workshop is full"),
        QCoreApplication.translate(
            "SignupFlow",
            "“%1” is full (%2 places). %3 already waiting.\n"
            "Only a coordinator books beyond the capacity.",
        )
        .replace("%1", slot.name)
        .replace("%2", str(slot.capacity))
        .replace("%3", str(slot.waitlisted)),
        [
            Choice("no", QCoreApplication.translate("SignupFlow", "Back")),
            Choice(
                "override",
                QCoreApplication.translate("SignupFlow", "Book beyond capacity"),
                "danger",
            ),
            Choice(
                "waitlist",
                QCoreApplication.translate("SignupFlow", "Add to the waitlist"),
                "primary",
            ),
        ],
        safe="no",
        default="waitlist",  # harmless: she keeps a place in the queue
    )


def ask_when_full(parent: QWidget, slot: SlotInfo) -> str:
    """'waitlist', 'override' (confirmed twice) or 'no' (Escape, 「戻る」)."""
    choice = full_workshop_dialog(parent, slot).ask()
    if choice == "override" and app_dialog.confirm(
        parent,
        QCoreApplication.translate("SignupFlow", "Book beyond capacity"),
        QCoreApplication.translate(
            "SignupFlow",
            "Book one more than the capacity of “%1”? This is recorded in the audit log.",
        ).replace("%1", slot.name),
        QCoreApplication.translate("SignupFlow", "Book beyond capacity"),
        QCoreApplication.translate("SignupFlow", "Back"),
        danger=True,
    ):
        return "override"
    return choice if choice == "waitlist" else "no"


def describe_result(result: SignupResult, slot: SlotInfo, number: int) -> str:
    """One line for the banner after a sign-up."""
    if result.repeated:
        return (
            QCoreApplication.translate("SignupFlow", "No. %1 is already signed up for “%2”.")
            .replace("%1", str(number))
            .replace("%2", slot.name)
        )
    if result.signup.status == "waitlisted":
        return (
            QCoreApplication.translate(
                "SignupFlow", "No. %1 is on the waitlist for “%2” (number %3)."
            )
            .replace("%1", str(number))
            .replace("%2", slot.name)
            .replace("%3", str(result.signup.waitlist_position))
        )
    return (
        QCoreApplication.translate("SignupFlow", "No. %1 is booked for “%2”.")
        .replace("%1", str(number))
        .replace("%2", slot.name)
    )
