"""「スマホで回答」: the coordinator turns the phone page on or off and prints answer cards.

Opened from the Questionnaire screen after the coordinator PIN. The page is
served only while it is on, only on the address chosen here (one of this
PC's; 127.0.0.1 reaches this PC only), and stops when it is turned off or
the app closes. The QR shown here opens the page where a card's code is
typed; each card carries its own QR.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.survey.phone import cards, codes
from kiosk.survey.phone.app import PhoneEvent
from kiosk.survey.phone.server import DEFAULT_PORT, LOOPBACK, local_addresses
from kiosk.survey.phone.switch import PhoneSwitch
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.qr_image import qr_pixmap

QR_SIDE = 220


def network_addresses() -> list[str]:
    """This PC's IPv4 addresses on running, non-loopback interfaces (the hotspot's too)."""
    found: list[str] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not (flags & QNetworkInterface.InterfaceFlag.IsUp) or (
            flags & QNetworkInterface.InterfaceFlag.IsLoopBack
        ):
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append(ip.toString())
    return list(dict.fromkeys(found + local_addresses()))


class PhoneSurveyDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        lang: str,
        switch: PhoneSwitch,
        event: PhoneEvent,
        parent: QWidget | None = None,
        addresses: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answers on phones"))
        self.ctx = ctx
        self.lang = lang
        self.switch = switch
        self.phone_event = event
        layout = QVBoxLayout(self)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        hint = QLabel(
            self.tr(
                "Participants answer on their own phones, over this PC's network (the venue's "
                "Wi-Fi or this PC's own hotspot), with a one-time card each. Nothing goes to "
                "the internet, and the page shows no answers."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)

        grid = QGridLayout()
        self.address_box = QComboBox(self)
        for host in addresses if addresses is not None else network_addresses():
            self.address_box.addItem(host, host)
        self.address_box.addItem(self.tr("%1 (this PC only)").replace("%1", LOOPBACK), LOOPBACK)
        self.port_box = QSpinBox(self)
        self.port_box.setRange(1024, 65535)
        self.port_box.setValue(DEFAULT_PORT)
        grid.addWidget(QLabel(self.tr("Network address"), self), 0, 0)
        grid.addWidget(self.address_box, 0, 1)
        grid.addWidget(QLabel(self.tr("Port"), self), 1, 0)
        grid.addWidget(self.port_box, 1, 1)
        layout.addLayout(grid)

        self.toggle_button = QPushButton(self)
        self.toggle_button.setProperty("role", "primary")
        self.toggle_button.setAutoDefault(False)
        self.toggle_button.clicked.connect(self.toggle)
        layout.addWidget(self.toggle_button)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        self.qr_label = QLabel(self)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumHeight(QR_SIDE)
        layout.addWidget(self.qr_label)

        cards_row = QHBoxLayout()
        self.count_box = QSpinBox(self)
        self.count_box.setRange(1, codes.MAX_CARDS)
        self.count_box.setValue(40)
        self.cards_button = QPushButton(self.tr("Save answer cards (PDF)…"), self)
        self.cards_button.setAutoDefault(False)
        self.cards_button.clicked.connect(self.save_cards)
        cards_row.addWidget(QLabel(self.tr("Cards"), self))
        cards_row.addWidget(self.count_box)
        cards_row.addWidget(self.cards_button, 1)
        layout.addLayout(cards_row)
        cards_hint = QLabel(
            self.tr(
                "Each card answers once, today only, and carries no number. Print them after "
                "turning the page on: the card holds this address."
            ),
            self,
        )
        cards_hint.setWordWrap(True)
        cards_hint.setProperty("role", "hint")
        layout.addWidget(cards_hint)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        address = self.switch.address
        on = address is not None
        self.toggle_button.setText(self.tr("Turn off") if on else self.tr("Turn on"))
        self.address_box.setEnabled(not on)
        self.port_box.setEnabled(not on)
        self.cards_button.setEnabled(on)
        self.count_box.setEnabled(on)
        if address is None:
            self.status_label.setText(self.tr("Off: nothing is served."))
            self.qr_label.clear()
            return
        self.status_label.setText(
            self.tr("On: phones on this network open %1 and type the code of their card.").replace(
                "%1", address.base
            )
        )
        self.qr_label.setPixmap(qr_pixmap(address.base.upper(), QR_SIDE))

    def toggle(self) -> None:
        set_banner(self.banner, "", "ok")
        if self.switch.address is not None:
            self.switch.turn_off()
        else:
            try:
                self.switch.turn_on(
                    self.phone_event, str(self.address_box.currentData()), self.port_box.value()
                )
            except KioskError as exc:
                set_banner(self.banner, message_for(exc, self.lang), "error")
        self.refresh()

    def save_cards(self) -> None:
        address = self.switch.address
        if address is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save answer cards"),
            str(Path.home() / "answer-cards.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        try:
            made = codes.make_codes(self.ctx, self.count_box.value())
            path = cards.write_cards(made, address, Path(chosen))
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.lang), "error")
            return
        set_banner(
            self.banner,
            self.tr("%1 cards saved: %2").replace("%1", str(len(made))).replace("%2", str(path)),
            "ok",
        )
