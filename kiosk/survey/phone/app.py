"""The phone page as a WSGI application: the form and the answers, and nothing else.

Werkzeug reads requests and routes them; kiosk/survey/phone/server.py serves
this with waitress. Five routes: the code box (/), the code typed (/go), a
card (/c/<code>: the form, and its answers posted back), thanks (/done) and
the one style sheet. No route shows a response, a count or a figure; the
style is held in memory, so no URL reaches a file. Every request is checked
in this order, each refusal a page in her language with nothing stored:

- the Host header names the address the server was started on (a page of
  another site that resolves its name to this laptop cannot use it);
- the rate limits (kiosk/survey/phone/limits.py): per phone, overall, and
  for wrong codes;
- the route and its method (GET, and POST for answers only);
- for answers: the body's type (an HTML form's), its size, an Origin of this
  page only, a form token made for this code (CSRF), the fields the form
  has and no others, and at last the code itself, spent in the transaction
  that stores the answer (kiosk/survey/responses.py), so an answer is stored
  only with its code spent and a code answers once.

An answer is stored as the kiosk stores one (source "kiosk": she answered it
herself, on a screen), with its time kept to the hour and in no order.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from hashlib import sha256
from typing import Any
from urllib.parse import parse_qsl, quote

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound, RequestEntityTooLarge
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.request_ids import new_request_id
from kiosk.survey import responses
from kiosk.survey.phone import codes, pages
from kiosk.survey.phone.limits import Limits, RateLimiter
from kiosk.survey.questionnaire import Questionnaire
from kiosk.survey.ruby import ruby_html

log = logging.getLogger(__name__)

MAX_BODY = 32 * 1024  # the longest form: a few thousand characters of comment, URL-encoded
FORM_TYPE = "application/x-www-form-urlencoded"
HIDDEN = ("lang", "request", "token")
MAX_FIELDS = 200  # every question and option of the largest questionnaire, and the form's own
_REQUEST_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

ROUTES = Map(
    [
        Rule("/", endpoint="front", methods=["GET"]),
        Rule("/go", endpoint="go", methods=["GET"]),
        Rule("/c/<code>", endpoint="card", methods=["GET", "POST"]),
        Rule("/C/<code>", endpoint="card", methods=["GET", "POST"]),  # a QR's upper-case URL
        Rule("/done", endpoint="done", methods=["GET"]),
        Rule("/static/phone.css", endpoint="style", methods=["GET"]),
    ],
    strict_slashes=False,
    merge_slashes=False,
)


@dataclass(frozen=True)
class PhoneEvent:
    """What the page takes answers for: today's event, with the questionnaire staff chose."""

    event_id: str
    day: date
    questionnaire: Questionnaire


class Refused(Exception):
    """A request turned away: its status and the phrase that says why."""

    def __init__(self, status: int, key: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.headers = headers or {}


class PhoneApp:
    def __init__(
        self,
        ctx: AppContext,
        event: PhoneEvent,
        hosts: Iterable[str],
        limits: Limits | None = None,
    ) -> None:
        self.ctx = ctx
        self.event = event
        self.hosts = frozenset(h.lower() for h in hosts)
        self.limiter = RateLimiter(limits or Limits())
        self._secret = secrets.token_bytes(32)  # form tokens die with the server
        self.origins = frozenset(f"http://{h}" for h in self.hosts)

    @property
    def questionnaire(self) -> Questionnaire:
        return self.event.questionnaire

    # -- WSGI -------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        request.max_content_length = MAX_BODY
        request.max_form_memory_size = MAX_BODY
        lang = self._language(request)
        try:
            response = self._respond(request, lang)
        except Refused as refused:
            response = self._refusal(refused, self._form_language(request, lang))
        except Exception as exc:  # a sentence for her, the kind of error for the log
            log.error("phone page failed: %s", type(exc).__name__)
            response = self._refusal(Refused(500, "save_failed"), lang)
        response.headers.update(HEADERS)
        return response(environ, start_response)

    def _respond(self, request: Request, lang: str) -> Response:
        if (request.environ.get("HTTP_HOST") or "").lower() not in self.hosts:
            raise Refused(421, "phone_bad_request")
        client = str(request.remote_addr or "-")
        wait = self.limiter.allow(client)
        if wait is not None:
            raise Refused(429, "phone_too_many", {"Retry-After": str(max(1, round(wait)))})
        adapter = ROUTES.bind_to_environ(request.environ)
        try:
            endpoint, params = adapter.match()
        except NotFound as exc:
            raise Refused(404, "phone_not_found") from exc
        except MethodNotAllowed as exc:
            allowed = ", ".join(exc.valid_methods or ())
            raise Refused(405, "phone_bad_request", {"Allow": allowed}) from exc
        except HTTPException as exc:  # a redirect for a missing slash, and the like
            raise Refused(404, "phone_not_found") from exc
        if endpoint == "style":
            return Response(pages.STYLE, mimetype="text/css")
        if endpoint == "front":
            return self._html(pages.code_page(self.questionnaire, lang))
        if endpoint == "done":
            return self._html(pages.thanks_page(self.questionnaire, lang))
        if endpoint == "go":
            code = codes.normalise(request.args.get("code", ""))
            if code is None:
                self.limiter.wrong_code(client)
                page = pages.code_page(self.questionnaire, lang, "phone_code_refused")
                return self._html(page, 403)
            return _see_other(f"{_card_path(code)}?lang={quote(lang)}")
        if request.method == "POST":
            return self._answer(request, client, str(params["code"]))
        return self._card(request, client, str(params["code"]), lang)

    # -- a card -------------------------------------------------------------------------

    def _open_code(self, client: str, raw: str) -> str:
        if self.ctx.today() != self.event.day:
            raise Refused(503, "phone_closed")
        code = codes.normalise(raw)
        if code is None or not codes.is_open(self.ctx, code):
            self.limiter.wrong_code(client)
            raise Refused(403, "phone_code_refused")
        return code

    def _card(self, request: Request, client: str, raw: str, lang: str) -> Response:
        code = self._open_code(client, raw)
        path = _card_path(code)
        if "lang" not in request.args and len(self.questionnaire.languages) > 1:
            return self._html(pages.language_page(self.questionnaire, path))
        request_id = new_request_id()
        hidden = {"lang": lang, "request": request_id, "token": self._token(code, request_id)}
        return self._html(pages.form_page(self.questionnaire, lang, path, hidden))

    def _token(self, code: str, request_id: str) -> str:
        return hmac.new(self._secret, f"{code}|{request_id}".encode(), sha256).hexdigest()

    def _answer(self, request: Request, client: str, raw: str) -> Response:
        if request.mimetype != FORM_TYPE:
            raise Refused(415, "phone_bad_request")
        # Under Referrer-Policy no-referrer a browser sends "Origin: null" with the
        # form: any other page's origin is refused; the form token does the rest.
        origin = request.headers.get("Origin")
        if origin is not None and origin != "null" and origin.lower() not in self.origins:
            raise Refused(403, "phone_bad_request")
        if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            raise Refused(403, "phone_bad_request")
        form = _strict_form(request)
        lang, request_id = self._checked_form(form)
        code = codes.normalise(raw)
        if code is None or not hmac.compare_digest(
            self._token(code, request_id), form.get("token", "")
        ):
            # A token is made for one code: a guessed code has none that fits.
            self.limiter.wrong_code(client)
            raise Refused(403, "phone_code_refused")
        if self.ctx.today() != self.event.day:
            raise Refused(503, "phone_closed")
        answers = {
            question.id: (
                form.getlist(pages.FIELD + question.id)
                if question.type == "multiple"
                else form.get(pages.FIELD + question.id)
            )
            for question in self.questionnaire.questions
        }
        day = self.event.day
        try:
            responses.submit_response(
                self.ctx,
                self.event.event_id,
                self.questionnaire,
                answers,
                lang,
                source="kiosk",
                request_id=request_id,
                spend=lambda session: codes.spend_in(session, code, day),
            )
        except StorageError as exc:
            raise Refused(503, "save_failed") from exc
        except KioskError as exc:
            return self._answer_refused(exc, client, code, form, lang, request_id)
        return _see_other(f"/done?lang={quote(lang)}")

    def _checked_form(self, form: MultiDict[str, str]) -> tuple[str, str]:
        """The form's language and request id, if it holds the form's fields and no others."""
        known = {pages.FIELD + q.id: q for q in self.questionnaire.questions}
        for name in form:
            values = form.getlist(name)
            if name in HIDDEN:
                if len(values) != 1:
                    raise Refused(400, "phone_bad_request")
            elif name not in known or (known[name].type != "multiple" and len(values) != 1):
                raise Refused(400, "phone_bad_request")
        lang = form.get("lang", "")
        if lang not in self.questionnaire.languages:
            raise Refused(400, "phone_bad_request")
        request_id = form.get("request", "")
        if not _REQUEST_ID.match(request_id):
            raise Refused(400, "phone_bad_request")
        return lang, request_id

    def _answer_refused(
        self,
        exc: KioskError,
        client: str,
        code: str,
        form: MultiDict[str, str],
        lang: str,
        request_id: str,
    ) -> Response:
        q = self.questionnaire
        if exc.code == "survey_code_refused":
            self.limiter.wrong_code(client)
            raise Refused(403, "phone_code_refused")
        number = exc.params.get("number")
        errors: dict[str, str] = {}
        top = None
        if exc.code == "survey_required" and isinstance(number, int):
            errors[q.questions[number - 1].id] = pages.phrase(q, lang, "required")
        elif exc.code == "survey_text_too_long" and isinstance(number, int):
            errors[q.questions[number - 1].id] = pages.phrase(
                q, lang, "too_long", limit=exc.params["limit"], count=exc.params["count"]
            )
        elif exc.code == "survey_empty":
            top = pages.phrase(q, lang, "phone_empty")
        else:  # an answer the form never offers, an unknown question: not from this page
            raise Refused(400, "phone_bad_request")
        hidden = {"lang": lang, "request": request_id, "token": self._token(code, request_id)}
        page = pages.form_page(
            q,
            lang,
            _card_path(code),
            hidden,
            values={name: form.getlist(name) for name in form if name not in HIDDEN},
            errors={key: ruby_html(text) for key, text in errors.items()},
            top_error=ruby_html(top) if top else None,
        )
        return self._html(page, 422)

    # -- helpers ----------------------------------------------------------------------

    def _language(self, request: Request) -> str:
        """?lang= if the questionnaire has it, else the phone's own language, else the first."""
        languages = list(self.questionnaire.languages)
        asked = request.args.get("lang")
        if asked in self.questionnaire.languages:
            return str(asked)
        best = request.accept_languages.best_match(languages)
        return best or self.questionnaire.default_language

    def _form_language(self, request: Request, lang: str) -> str:
        """A refused answer is refused in the language it was written in (the form's
        field; its action carries ?lang= too, for a body that cannot be read)."""
        if request.method == "POST" and request.mimetype == FORM_TYPE:
            try:
                asked = _strict_form(request).get("lang")
            except Refused:
                return lang
            if asked in self.questionnaire.languages:
                return str(asked)
        return lang

    def _refusal(self, refused: Refused, lang: str) -> Response:
        page = pages.message_page(self.questionnaire, lang, refused.key)
        response = self._html(page, refused.status)
        response.headers.update(refused.headers)
        return response

    @staticmethod
    def _html(page: str, status: int = 200) -> Response:
        return Response(page, status=status, mimetype="text/html")


def _strict_form(request: Request) -> MultiDict[str, str]:
    """The posted form, read strictly: UTF-8 only, well-formed pairs, a bounded count.

    Werkzeug's own form parser forgives (an undecodable value is kept as its
    escapes); an answer that is not what a browser sends is refused instead.
    """
    try:
        body = request.get_data(cache=True)
    except RequestEntityTooLarge as exc:
        raise Refused(413, "phone_too_large") from exc
    if len(body) > MAX_BODY:
        raise Refused(413, "phone_too_large")
    try:
        pairs = parse_qsl(
            body.decode("ascii"),
            keep_blank_values=True,
            strict_parsing=bool(body),
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused(400, "phone_bad_request") from exc
    return MultiDict(pairs)


def _card_path(code: str) -> str:
    return f"/c/{code}"


def _see_other(location: str) -> Response:
    return Response("", status=303, headers={"Location": location})
