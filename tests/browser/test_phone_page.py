"""The phone page in a real browser: a card's QR URL opened in headless Chromium, answered
in two languages; a code answers once; expired and invented codes are refused; no page
shows another answer."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.wait import WebDriverWait

from kiosk.door import events
from kiosk.survey import catalogue, responses
from kiosk.survey import results as survey_results
from kiosk.survey.phone import codes
from kiosk.survey.phone.app import PhoneEvent
from kiosk.survey.phone.server import PhoneServer

SECRET = "となりの人には見せない感想"


@pytest.fixture
def server(ctx, event):
    phone = PhoneServer(
        ctx, PhoneEvent(event.id, event.date, catalogue.active(ctx)), "127.0.0.1", port=0
    )
    phone.start()
    yield phone
    phone.stop()


def choose(browser, name: str, value: str) -> None:
    box = browser.find_element(By.CSS_SELECTOR, f'input[name="q.{name}"][value="{value}"]')
    box.find_element(By.XPATH, "./ancestor::label").click()  # a tap on the label, as a thumb does
    assert box.is_selected()


def tap_and_wait(browser, selector: str) -> None:
    """Tap a button or link and wait until the next page has replaced this one."""
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(browser, 10).until(staleness_of(old))


def page_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "body").text


def test_she_answers_in_english_then_another_in_japanese_and_the_results_count_both(
    browser, server, ctx, event
):
    first, second = codes.make_codes(ctx, 2)
    # English: the card's QR opens the language choice; she taps English.
    browser.get(server.address.card_url(first))
    tap_and_wait(browser, 'a.button[lang="en"]')
    assert "Question 1 of 7" in page_text(browser)
    choose(browser, "overall", "satisfied")
    choose(browser, "activities", "workshop")
    choose(browser, "activities", "talk")
    choose(browser, "lonely", "hardly_ever")
    browser.find_element(By.NAME, "q.comment").send_keys(SECRET + "<script>alert(1)</script>")
    tap_and_wait(browser, "button.send")
    assert "Thank you" in page_text(browser)
    assert SECRET not in browser.page_source

    found = survey_results.results(ctx, survey_results.event_scope(event.id), include_comments=True)
    assert found.responses == 1 and found.kiosk == 1
    assert list(found.comments) == [SECRET + "<script>alert(1)</script>"]  # kept as text

    # Japanese, with the typed code (upper and lower case, with a space) on the front page.
    browser.get(server.address.base + "/?lang=ja")
    box = browser.find_element(By.NAME, "code")
    box.send_keys(codes.shown(second).lower().replace("-", " "))
    tap_and_wait(browser, "form.code button")
    assert "質問 1 / 7" in page_text(browser)  # the form, in the page's language
    assert SECRET not in browser.page_source  # the form never shows another's answer
    tap_and_wait(browser, "button.send")  # nothing chosen yet
    assert "この質問にはお答えください" in page_text(browser)
    choose(browser, "overall", "somewhat_satisfied")
    choose(browser, "come_again", "yes")
    tap_and_wait(browser, "button.send")
    assert "ありがとうございました" in page_text(browser)
    assert SECRET not in browser.page_source

    found = survey_results.results(ctx, survey_results.event_scope(event.id))
    assert found.responses == 2
    assert found.satisfaction.satisfied == 2 and found.satisfaction.answered == 2
    assert responses.count_for_event(ctx, event.id) == 2


def test_the_same_code_is_refused_the_second_time(browser, server, ctx, event):
    [card] = codes.make_codes(ctx, 1)
    url = server.address.card_url(card)
    browser.get(url + "?lang=en")
    choose(browser, "overall", "somewhat_dissatisfied")
    tap_and_wait(browser, "button.send")
    assert "Thank you" in page_text(browser)
    browser.back()  # the form is not kept (no-store): the page asks again and is refused
    browser.get(url + "?lang=en")
    assert "This code cannot be used" in page_text(browser)
    assert browser.find_elements(By.CSS_SELECTOR, "button.send") == []
    assert responses.count_for_event(ctx, event.id) == 1


def test_a_form_left_open_cannot_send_twice(browser, server, ctx, event):
    [card] = codes.make_codes(ctx, 1)
    url = server.address.card_url(card) + "?lang=en"
    browser.get(url)
    browser.execute_script("window.open(arguments[0], 'second')", url)
    choose(browser, "overall", "satisfied")
    tap_and_wait(browser, "button.send")
    browser.switch_to.window("second")
    try:
        choose(browser, "overall", "dissatisfied")
        tap_and_wait(browser, "button.send")
        assert "This code cannot be used" in page_text(browser)
    finally:
        browser.close()
        browser.switch_to.window(browser.window_handles[0])
    assert responses.count_for_event(ctx, event.id) == 1


def test_an_invented_or_expired_code_is_refused(browser, server, ctx, event, clock):
    browser.get(server.address.card_url(codes.new_code()) + "?lang=en")
    assert "This code cannot be used" in page_text(browser)
    [card] = codes.make_codes(ctx, 1)
    clock.advance(days=1)
    browser.get(server.address.card_url(card) + "?lang=ja")
    assert "終了しました" in page_text(browser)  # yesterday's page is closed
    tomorrow = events.open_event(ctx, event.venue_id)
    later = PhoneServer(
        ctx, PhoneEvent(tomorrow.id, tomorrow.date, catalogue.active(ctx)), "127.0.0.1", port=0
    )
    later.start()
    try:
        browser.get(later.address.card_url(card) + "?lang=ja")
        assert "このコードは使えません" in page_text(browser)
    finally:
        later.stop()
    assert responses.count_for_event(ctx, event.id) == 0
