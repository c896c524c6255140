"""Pickup labels on paper: printed through Qt's print dialog, saved as a PDF, or
printed by themselves at check-in when the venue turned that on in Settings.

Every way out says what happened: a line for the caller to show when the labels
went to a printer or a file, a message box when they could not (no printer, a
printer that refused the job, a file that could not be written). Nothing here
ever shows a pickup code on screen, and no file is named after one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from kiosk.core.atomic_file import write_atomically
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.door.childcare import ChildInfo
from kiosk.door.label_settings import label_settings, labels_used, set_printer
from kiosk.door.pickup_label import LabelStock, LabelText, labels_for
from ui.dialogs import app_dialog
from ui.door_state import DoorState
from ui.printing.label_painter import labels_pdf, paint_labels, prepare

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LabelJob:
    labels: list[LabelText]
    stock: LabelStock
    first_number: int  # the check-in number, for a file name that holds no code
    day: date
    skip: int = 0  # places already used on the sheet in the printer


def label_job(state: DoorState, children: Sequence[ChildInfo]) -> LabelJob | None:
    """The labels of these children on the stock chosen in Settings; None when there is nothing."""
    if not children or state.venue is None:
        return None
    day = state.ctx.today()
    chosen = label_settings(state.ctx)
    labels = labels_for(children, state.venue.name, day, state.lang)
    return LabelJob(labels, chosen.stock, children[0].visit_number, day, chosen.skip)


def has_printer() -> bool:
    """Whether this computer knows any printer at all (a PDF can still be saved)."""
    return bool(QPrinterInfo.availablePrinters())


def new_printer(info: QPrinterInfo | None = None) -> QPrinter:
    if info is None:
        return QPrinter(QPrinter.PrinterMode.HighResolution)
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_labels(parent: QWidget, state: DoorState, children: Sequence[ChildInfo]) -> str | None:
    """「ラベルを印刷」: pick the printer in Qt's print dialog, then print.

    Returns a line saying where the labels went, or None when nothing was
    printed (cancelled, or a message box already said why).
    """
    job = label_job(state, children)
    if job is None:
        return None
    if not has_printer():
        return offer_pdf(parent, state, children)
    printer = new_printer()
    prepare(printer, job.stock)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("LabelPrinting", "Print pickup labels"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return send(parent, state, printer, job)


def send(parent: QWidget, state: DoorState, printer: QPrinter, job: LabelJob) -> str | None:
    """Draw the labels on `printer`; a refused job is a message, never a traceback.
    On a sheet, the next labels start after these."""
    try:
        paint_labels(printer, job.labels, job.stock, job.skip)
        failed = printer.printerState() == QPrinter.PrinterState.Error
    except Exception:  # a driver's failure, whatever its kind: say so, the check-in stands
        log.exception("pickup labels not printed")
        failed = True
    name = printer.printerName() or printer.outputFileName()
    if failed:
        app_dialog.tell(
            parent,
            QCoreApplication.translate("LabelPrinting", "Pickup labels"),
            QCoreApplication.translate(
                "LabelPrinting",
                "The labels could not be printed on %1. Check that the printer is on "
                "and connected, then print again, or use Save as PDF.",
            ).replace("%1", name),
            kind="warning",
        )
        return None
    labels_used(state.ctx, len(job.labels))
    return QCoreApplication.translate("LabelPrinting", "Labels sent to %1.").replace("%1", name)


def offer_pdf(parent: QWidget, state: DoorState, children: Sequence[ChildInfo]) -> str | None:
    """No printer at all: say so, and offer the PDF instead."""
    if app_dialog.confirm(
        parent,
        QCoreApplication.translate("LabelPrinting", "Pickup labels"),
        QCoreApplication.translate(
            "LabelPrinting",
            "No printer is set up on this computer, so the labels cannot be printed.\n"
            "Save them as a PDF to print later or on another computer.",
        ),
        QCoreApplication.translate("LabelPrinting", "Save as PDF…"),
        QCoreApplication.translate("LabelPrinting", "Close"),
    ):
        return save_labels_pdf(parent, state, children)
    return None


def save_labels_pdf(parent: QWidget, state: DoorState, children: Sequence[ChildInfo]) -> str | None:
    """「PDFに保存」: the same labels, drawn by the same code, into a file the user picks."""
    job = label_job(state, children)
    if job is None:
        return None
    # Named by day and check-in number, never by code: a folder listing is read too.
    suggested = Path.home() / f"pickup-labels-{job.day.isoformat()}-no{job.first_number}.pdf"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("LabelPrinting", "Save pickup labels as PDF"),
        str(suggested),
        QCoreApplication.translate("LabelPrinting", "PDF (*.pdf)"),
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        write_atomically(target, labels_pdf(job.labels, job.stock, job.skip), "label_write_failed")
    except Exception as exc:
        if not isinstance(exc, KioskError):
            log.exception("pickup labels PDF not written")
        error = (
            exc
            if isinstance(exc, KioskError)
            else KioskError("label_write_failed", path=str(target))
        )
        app_dialog.tell(
            parent,
            QCoreApplication.translate("LabelPrinting", "Pickup labels"),
            describe(error, state.lang),
            kind="warning",
        )
        return None
    return QCoreApplication.translate("LabelPrinting", "Labels saved: %1").replace(
        "%1", str(target)
    )


def choose_checkin_printer(parent: QWidget, state: DoorState) -> QPrinter | None:
    """Ask once, in Qt's print dialog, which printer check-in labels go to; remember it."""
    printer = new_printer()
    prepare(printer, label_settings(state.ctx).stock)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("LabelPrinting", "Printer for labels at check-in")
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
        set_printer(state.ctx, printer.printerName())
    return printer


def print_at_checkin(
    parent: QWidget, state: DoorState, children: Sequence[ChildInfo]
) -> str | None:
    """After a check-in with children, when Settings says so: print their labels.

    To the printer chosen once (asked the first time, or again when it is
    gone); no dialog after that, so the door keeps moving. The check-in is
    saved whatever happens here.
    """
    chosen = label_settings(state.ctx)
    if not chosen.print_at_checkin:
        return None
    job = label_job(state, children)
    if job is None:
        return None
    if not has_printer():
        app_dialog.tell(
            parent,
            QCoreApplication.translate("LabelPrinting", "Pickup labels"),
            QCoreApplication.translate(
                "LabelPrinting",
                "No printer is set up on this computer, so the labels were not printed.\n"
                "The check-in is saved. Use Save as PDF in the pickup codes window.",
            ),
            kind="warning",
        )
        return None
    info = QPrinterInfo.printerInfo(chosen.printer) if chosen.printer else QPrinterInfo()
    if info.isNull():
        printer = choose_checkin_printer(parent, state)
        if printer is None:
            return QCoreApplication.translate("LabelPrinting", "Labels not printed.")
    else:
        printer = new_printer(info)
        prepare(printer, job.stock)
    return send(parent, state, printer, job)
