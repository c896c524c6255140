"""The phone page under attack from the same Wi-Fi: each kind of hostile request is refused,
with a clear page in the phone's language, and nothing is stored."""

from __future__ import annotations

import pytest

from kiosk.survey.phone import codes
from kiosk.survey.phone.app import HEADERS, MAX_BODY
from kiosk.survey.phone.limits import Limits
from tests.phone_helpers import ANSWERS, GENEROUS, Phone, phone_app, text

JA_BAD = "回答を読み取れませんでした"
EN_BAD = "Your answers could not be read"
JA_CODE = "このコードは使えません"
EN_CODE = "This code cannot be used"


@pytest.fixture
def phone(ctx, event) -> Phone:
    return Phone(phone_app(ctx, event, GENEROUS))


@pytest.fixture
def card(ctx, event) -> str:
    return codes.make_codes(ctx, 1)[0]


def assert_headers(response) -> None:
    for name, value in HEADERS.items():
        assert response.headers[name] == value


def refused_page(response, status: int, words: str) -> None:
    assert response.status_code == status, text(response)[:300]
    assert words in text(response)
    assert_headers(response)


# 1
def test_a_code_answers_once(phone, card, ctx, db_state):
    assert phone.answer(card).status_code == 303
    before = db_state()
    refused_page(phone.get(f"/c/{card}?lang=ja"), 403, JA_CODE)
    refused_page(phone.post(card, {"lang": "ja", **ANSWERS}), 400, JA_BAD)
    assert db_state() == before


# 2
def test_a_form_kept_open_cannot_answer_twice(phone, card, db_state):
    first = phone.open_form(card, "en")
    second = phone.open_form(card, "en")
    assert phone.post(card, {**first, **ANSWERS}).status_code == 303
    before = db_state()
    refused_page(phone.post(card, {**second, **ANSWERS}), 403, EN_CODE)
    assert db_state() == before


# 3
def test_guessed_codes_at_speed_are_refused_then_slowed(ctx, event, card, db_state):
    phone = Phone(phone_app(ctx, event, Limits(wrong_per_client=5, wrong_overall=50)))
    before = db_state()
    statuses = [phone.get(f"/c/{codes.new_code()}?lang=en").status_code for _ in range(12)]
    assert statuses[:5] == [403] * 5 and set(statuses[5:]) == {429}
    # Even a right code is refused to that phone for a while, with Retry-After.
    slowed = phone.get(f"/c/{card}?lang=en")
    refused_page(slowed, 429, "Too many tries")
    assert int(slowed.headers["Retry-After"]) > 60
    assert db_state() == before


# 4
def test_guessing_from_many_addresses_is_slowed_for_everyone(ctx, event, card, db_state):
    app = phone_app(ctx, event, Limits(wrong_per_client=5, wrong_overall=20))
    before = db_state()
    for n in range(20):
        Phone(app, address=f"192.168.137.{n + 10}").get(f"/c/{codes.new_code()}")
    assert Phone(app, address="192.168.137.99").get(f"/c/{card}").status_code == 429
    assert db_state() == before


# 5
def test_too_many_requests_from_one_phone(ctx, event, db_state):
    phone = Phone(phone_app(ctx, event, Limits(per_client=10)))
    statuses = [phone.get("/").status_code for _ in range(15)]
    assert statuses.count(200) == 10 and statuses[-1] == 429
    assert Phone(phone.app, address="192.168.137.77").get("/").status_code == 200


# 6
def test_an_oversized_body_is_refused(phone, card, db_state):
    hidden = phone.open_form(card, "en")
    before = db_state()
    big = {**hidden, **ANSWERS, "q.comment": "あ" * MAX_BODY}
    refused_page(phone.post(card, big), 413, "too much to send")
    assert db_state() == before
    assert codes.is_open(phone.app.ctx, codes.normalise(card))


# 7
@pytest.mark.parametrize(
    "content_type", ["application/json", "text/plain", "multipart/form-data; boundary=x", ""]
)
def test_a_body_of_another_type_is_refused(phone, card, db_state, content_type):
    hidden = phone.open_form(card, "ja")
    before = db_state()
    if content_type.startswith("multipart"):
        response = phone.client.post(
            f"/c/{card}",
            base_url="http://127.0.0.1:8808",
            data={**hidden, **ANSWERS},
            content_type="multipart/form-data",
        )
    else:
        response = phone.post(card, {}, data="lang=ja", content_type=content_type)
    refused_page(response, 415, JA_BAD)
    assert db_state() == before


# 8
@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/resources/locales/ja.json",
        "/c/..%2F..%2Fetc%2Fpasswd",
        "/c/../../db/models/survey.py",
        "/..%5c..%5cwindows%5cwin.ini",
        "/static/phone.css/../../../tsunagari.db",
        "/static/phone.css%00.py",
    ],
)
def test_path_traversal_reaches_no_file(phone, db_state, path):
    before = db_state()
    response = phone.get(path)
    assert response.status_code in (403, 404)
    body = text(response)
    assert "root:" not in body and "import" not in body and "survey.phrase" not in body
    assert_headers(response)
    assert db_state() == before


# 9
def test_script_in_an_answer_is_stored_as_text_and_never_rendered(phone, card, ctx):
    from sqlalchemy import select

    from db.models import SurveyResponse

    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    hidden = phone.open_form(card, "en")
    # First without the required answer: her comment comes back to her, escaped.
    back = phone.post(card, {**hidden, "q.comment": script})
    assert back.status_code == 422 and "Please answer this question" in text(back)
    assert "<script>" not in text(back) and "&lt;script&gt;" in text(back)
    assert phone.post(card, {**hidden, **ANSWERS, "q.comment": script}).status_code == 303
    with ctx.sessions() as session:
        assert session.scalar(select(SurveyResponse.answers))["comment"] == script
    for page in ("/", "/done?lang=en", f"/c/{card}"):
        assert "<script" not in text(phone.get(page))


# 10
@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8808", "192.168.137.1:8808", "127.0.0.1:9999", ""]
)
def test_a_request_naming_another_host_is_refused(phone, card, db_state, host):
    hidden = phone.open_form(card, "ja")
    before = db_state()
    response = phone.client.post(
        f"/c/{card}",
        base_url="http://127.0.0.1:8808",
        environ_base={"REMOTE_ADDR": "192.168.137.50"},
        headers={"Host": host},
        data={**hidden, **ANSWERS},
        content_type="application/x-www-form-urlencoded",
    )
    refused_page(response, 421, JA_BAD)
    assert db_state() == before


# 11
def test_a_post_from_another_site_is_refused(phone, card, db_state):
    hidden = phone.open_form(card, "ja")
    before = db_state()
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        refused_page(phone.post(card, {**hidden, **ANSWERS}, headers=headers), 403, JA_BAD)
    assert db_state() == before


# 12
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/c/{card}"),
        ("DELETE", "/c/{card}"),
        ("PATCH", "/"),
        ("POST", "/"),
        ("OPTIONS", "/"),
        ("TRACE", "/"),
        ("POST", "/done"),
        ("POST", "/static/phone.css"),
    ],
)
def test_other_methods_are_refused(phone, card, db_state, method, path):
    before = db_state()
    response = phone.client.open(
        path.format(card=card), method=method, base_url="http://127.0.0.1:8808"
    )
    assert response.status_code == 405
    assert_headers(response)
    assert db_state() == before


# 13
@pytest.mark.parametrize("missing", ["lang", "request", "token"])
def test_a_form_without_its_hidden_fields_is_refused(phone, card, db_state, missing):
    hidden = phone.open_form(card, "en")
    del hidden[missing]
    before = db_state()
    response = phone.post(card, {**hidden, **ANSWERS})
    assert response.status_code in (400, 403)
    assert db_state() == before


# 14
@pytest.mark.parametrize(
    "bad",
    [
        {"q.overall": "delighted"},
        {"q.activities": ["workshop", "karaoke"]},
        {"q.lonely": ""},
        {"q.come_again": ["yes", "no"]},
        {"q.overall": ["satisfied", "dissatisfied"]},
    ],
)
def test_an_answer_the_form_never_offers_is_refused(phone, card, db_state, bad):
    hidden = phone.open_form(card, "en")
    before = db_state()
    response = phone.post(card, {**hidden, **ANSWERS, **bad})
    if bad == {"q.lonely": ""}:
        assert response.status_code == 303  # left blank: simply not answered
        return
    refused_page(response, 400, EN_BAD)
    assert db_state() == before


# 15
@pytest.mark.parametrize("extra", [{"q.salary": "1"}, {"admin": "1"}, {"event_id": "x"}])
def test_fields_the_form_does_not_have_are_refused(phone, card, db_state, extra):
    hidden = phone.open_form(card, "en")
    before = db_state()
    refused_page(phone.post(card, {**hidden, **ANSWERS, **extra}), 400, EN_BAD)
    assert db_state() == before


# 16
def test_an_over_long_comment_is_refused_in_her_language(phone, card, db_state):
    hidden = phone.open_form(card, "ja")
    before = db_state()
    response = phone.post(card, {**hidden, **ANSWERS, "q.comment": "長" * 401})
    assert response.status_code == 422 and "400文字" in text(response)
    assert db_state() == before


# 17
def test_a_code_of_yesterday_is_refused(ctx, event, clock, db_state):
    from kiosk.door import events

    [card] = codes.make_codes(ctx, 1)
    phone = Phone(phone_app(ctx, event, GENEROUS))
    hidden = phone.open_form(card, "en")
    clock.advance(days=1)
    before = db_state()
    # The server of yesterday's event is closed…
    refused_page(phone.post(card, {**hidden, **ANSWERS}), 503, "closed")
    # …and today's refuses yesterday's card.
    today = Phone(phone_app(ctx, events.open_event(ctx, event.venue_id), GENEROUS))
    after_open = db_state()
    refused_page(today.get(f"/c/{card}?lang=en"), 403, EN_CODE)
    assert db_state() == after_open
    assert before["survey_response"] == after_open["survey_response"] == []


# 18
@pytest.mark.parametrize(
    "code", ["ABCDE-FGHJK", "ZZZZZZZZZZ", "0000000000", "abc", "A" * 200, "%00%0d%0a"]
)
def test_an_invented_code_is_refused(phone, card, db_state, code):
    before = db_state()
    refused_page(phone.get(f"/c/{code}?lang=en"), 403, EN_CODE)
    hidden = phone.open_form(card, "en")
    refused_page(phone.post(code, {**hidden, **ANSWERS}), 403, EN_CODE)
    assert db_state() == before


# 19
def test_a_token_made_for_another_card_is_refused(ctx, phone, db_state):
    mine, other = codes.make_codes(ctx, 2)
    hidden = phone.open_form(mine, "en")
    before = db_state()
    refused_page(phone.post(other, {**hidden, **ANSWERS}), 403, EN_CODE)
    refused_page(phone.post(mine, {**hidden, "token": "0" * 64, **ANSWERS}), 403, EN_CODE)
    assert db_state() == before


# 20
@pytest.mark.parametrize("request_id", ["1", "../x", "00000000-0000-0000-0000-000000000000", ""])
def test_a_made_up_request_id_is_refused(phone, card, db_state, request_id):
    hidden = phone.open_form(card, "en")
    before = db_state()
    response = phone.post(card, {**hidden, "request": request_id, **ANSWERS})
    assert response.status_code in (400, 403)
    assert db_state() == before


# 21
@pytest.mark.parametrize("lang", ["fr", "ja' OR 1=1", ""])
def test_a_language_the_questionnaire_lacks_is_refused(phone, card, db_state, lang):
    hidden = phone.open_form(card, "en")
    before = db_state()
    response = phone.post(card, {**hidden, "lang": lang, **ANSWERS})
    assert response.status_code == 400
    assert db_state() == before


# 22
def test_bytes_that_are_not_utf8_are_refused(phone, card, db_state):
    hidden = phone.open_form(card, "en")
    before = db_state()
    body = "&".join(f"{k}={v}" for k, v in hidden.items()) + "&q.overall=satisfied&q.comment=%FF%FE"
    refused_page(
        phone.post(card, {}, data=body, lang="en"),
        400,
        EN_BAD,
    )
    assert db_state() == before


# 23
@pytest.mark.parametrize(
    "path",
    ["/results", "/admin", "/api/responses", "/c/", "/export.csv", "/static/", "/.git/config"],
)
def test_no_page_shows_a_response_or_a_figure(phone, card, path):
    assert phone.answer(card).status_code == 303
    response = phone.get(path)
    assert response.status_code in (403, 404)
    assert "また来ます" not in text(response)


# 24
def test_answers_after_the_day_closed_are_refused(ctx, event, clock, db_state):
    [card] = codes.make_codes(ctx, 1)
    phone = Phone(phone_app(ctx, event, GENEROUS))
    clock.advance(hours=14)
    before = db_state()
    refused_page(phone.get(f"/c/{card}?lang=ja"), 503, "スマホでの回答は終了しました")
    assert db_state() == before


# 25
def test_every_page_carries_the_security_headers(phone, card):
    for path in ("/", f"/c/{card}", f"/c/{card}?lang=en", "/done", "/static/phone.css", "/nope"):
        assert_headers(phone.get(path))
    css = phone.get("/static/phone.css")
    assert css.mimetype == "text/css" and "http" not in text(css)
