"""Take the 「スマホで回答」 screenshots for the README: the phone page and the answer cards.

    python docs/phone_screenshots.py

Serves the questionnaire on 127.0.0.1 from a fresh database, opens a card's
URL in headless Chromium at a phone's size (390x844 CSS pixels) and saves:
the language choice, the form in Japanese, English and やさしい日本語 (every
language of the questionnaire whose code is ja-…, when it has one), a
refused code, and the thank-you page, as docs/phone-<page>[-<lang>].png; then
page 1 of a sheet of answer cards (pdftoppm) as docs/phone-cards.png.
Rerun it when the questionnaire's languages change.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selenium import webdriver
from selenium.webdriver.common.by import By

from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.door import events, venues
from kiosk.survey import catalogue
from kiosk.survey.phone import cards, codes
from kiosk.survey.phone.app import PhoneEvent
from kiosk.survey.phone.server import Address, PhoneServer

DOCS = Path(__file__).resolve().parent
WIDTH, HEIGHT = 390, 844
CARD_ADDRESS = Address("192.168.137.1", 8808)  # Windows モバイル ホットスポット's own address


def browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_argument("--lang=ja")
    driver = webdriver.Chrome(
        options=options, service=webdriver.ChromeService(shutil.which("chromedriver"))
    )
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
    )
    return driver


def shot(driver: webdriver.Chrome, name: str) -> None:
    path = DOCS / f"{name}.png"
    driver.save_screenshot(str(path))
    print(path.relative_to(DOCS.parent))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        ctx = open_database(folder=DataFolder(Path(folder)))
        venue = venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
        event = events.open_event(ctx, venue.id)
        questionnaire = catalogue.active(ctx)
        server = PhoneServer(
            ctx, PhoneEvent(event.id, event.date, questionnaire), "127.0.0.1", port=0
        )
        address = server.start()
        driver = browser()
        try:
            languages = sorted(  # Japanese last: its thank-you and refusal pages are shown
                (
                    lang
                    for lang in questionnaire.languages
                    if lang in ("ja", "en") or lang.startswith("ja-")
                ),
                key=lambda lang: lang == "ja",
            )
            made = codes.make_codes(ctx, len(languages) + 1)
            driver.get(address.card_url(made[0]))
            shot(driver, "phone-languages")
            for lang, code in zip(languages, made[1:], strict=False):
                driver.get(f"{address.card_url(code)}?lang={lang}")
                box = driver.find_element(By.CSS_SELECTOR, 'input[name="q.overall"]')
                box.find_element(By.XPATH, "./ancestor::label").click()
                shot(driver, f"phone-form-{lang}")
            driver.find_element(By.CSS_SELECTOR, "button.send").click()
            shot(driver, "phone-thanks")
            driver.get(f"{address.card_url(made[-1])}?lang=ja")  # the card just used
            shot(driver, "phone-refused-ja")
        finally:
            driver.quit()
            server.stop()
            ctx.close()
        with tempfile.TemporaryDirectory() as out:
            pdf = Path(out) / "cards.pdf"
            pdf.write_bytes(cards.cards_pdf(CARD_ADDRESS, [codes.new_code() for _ in range(8)]))
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "70",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    pdf,
                    DOCS / "phone-cards",
                ],
                check=True,
            )
            print("docs/phone-cards.png")


if __name__ == "__main__":
    main()
