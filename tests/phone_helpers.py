"""The phone page in tests: an app on today's event, a phone that opens a card and answers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from werkzeug.test import Client, TestResponse

from kiosk.core.context import AppContext
from kiosk.door.events import EventInfo
from kiosk.survey import catalogue
from kiosk.survey.phone.app import PhoneApp, PhoneEvent
from kiosk.survey.phone.limits import Limits

HOST = "127.0.0.1:8808"
BASE = f"http://{HOST}"
GENEROUS = Limits(per_client=10_000, overall=100_000, wrong_per_client=1000, wrong_overall=1000)
ANSWERS = {
    "q.overall": "satisfied",
    "q.activities": ["workshop", "talk"],
    "q.come_again": "yes",
    "q.lonely": "occasionally",
    "q.comment": "また来ます",
}
_HIDDEN = re.compile(r'<input type="hidden" name="([a-z]+)" value="([^"]*)">')


def phone_app(ctx: AppContext, event: EventInfo, limits: Limits | None = None) -> PhoneApp:
    questionnaire = catalogue.active(ctx)
    return PhoneApp(ctx, PhoneEvent(event.id, event.date, questionnaire), [HOST], limits)


@dataclass
class Phone:
    """One phone on the venue's Wi-Fi (its own address)."""

    app: PhoneApp
    address: str = "192.168.137.50"
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def client(self) -> Client:
        return Client(self.app)

    def get(self, path: str, **kw: object) -> TestResponse:
        return self.client.get(
            path, base_url=BASE, environ_base={"REMOTE_ADDR": self.address}, **kw
        )

    def open_form(self, code: str, lang: str = "ja") -> dict[str, str]:
        page = self.get(f"/c/{code}?lang={lang}")
        assert page.status_code == 200, page.get_data(as_text=True)
        return {
            name: unescape(value) for name, value in _HIDDEN.findall(page.get_data(as_text=True))
        }

    def post(self, code: str, fields: dict[str, object], **kw: object) -> TestResponse:
        """As the form's action does: to /c/<code>?lang=<the form's language>."""
        kw.setdefault("content_type", "application/x-www-form-urlencoded")
        lang = fields.get("lang") or kw.pop("lang", None)
        return self.client.post(
            f"/c/{code}" + (f"?lang={lang}" if isinstance(lang, str) and lang else ""),
            base_url=BASE,
            environ_base={"REMOTE_ADDR": self.address},
            **{"data": fields, **kw},
        )

    def answer(
        self, code: str, lang: str = "ja", answers: dict[str, object] | None = None
    ) -> TestResponse:
        hidden = self.open_form(code, lang)
        return self.post(code, {**hidden, **(ANSWERS if answers is None else answers)})


def text(response: TestResponse) -> str:
    """The page as HTML, without the <wbr> that only say where a line may break."""
    return response.get_data(as_text=True).replace("<wbr>", "")
