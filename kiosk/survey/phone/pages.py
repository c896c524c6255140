"""The phone page's HTML: the code box, the language choice, the form, thanks, a refusal.

Plain HTML forms, no script: it works in any phone's browser, also with
JavaScript off. Every questionnaire text goes through ruby_html (escaped,
with <ruby> for やさしい日本語), every other value through html.escape, so
nothing typed by anyone becomes markup. A page shows only the questionnaire
and, when her own answers were refused, her own answers back to her: never
another response or any figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from kiosk.survey.questionnaire import Question, Questionnaire
from kiosk.survey.respondent_words import HOW_TO_ANSWER
from kiosk.survey.ruby import plain_text, ruby_html

FALLBACK = "en"  # the phone page's words for a language whose file lacks them
FIELD = "q."  # form fields of answers: q.<question id>

FormValues = Mapping[str, Sequence[str]]


def phrase(questionnaire: Questionnaire, lang: str, key: str, **params: object) -> str:
    """The questionnaire's phrase in `lang`, else in English, else its first language."""
    for chosen in (lang, FALLBACK, questionnaire.default_language):
        texts = questionnaire.phrases.get(chosen)
        if texts and key in texts:
            return texts[key].format(**params)
    return key


def _say(questionnaire: Questionnaire, lang: str, key: str, **params: object) -> str:
    return ruby_html(phrase(questionnaire, lang, key, **params), lang)


def _page(lang: str, title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{title}</title>"
        '<link rel="stylesheet" href="/static/phone.css"></head>'
        f"<body><main>{body}</main></body></html>\n"
    )


def _title(questionnaire: Questionnaire, lang: str) -> str:
    return escape(plain_text(questionnaire.title(lang)))


def code_page(questionnaire: Questionnaire, lang: str, error_key: str | None = None) -> str:
    """The front page: type the code on the card (for a card whose QR was not scanned)."""
    error = (
        f'<p class="error" role="alert">{_say(questionnaire, lang, error_key)}</p>'
        if error_key
        else ""
    )
    body = (
        f"<h1>{ruby_html(questionnaire.title(lang), lang)}</h1>{error}"
        '<form method="get" action="/go" class="code">'
        f'<label for="code">{_say(questionnaire, lang, "phone_code_prompt")}</label>'
        '<input id="code" name="code" autocomplete="off" autocapitalize="characters" '
        'spellcheck="false" maxlength="20" placeholder="ABCDE-FGHJK" required>'
        f'<input type="hidden" name="lang" value="{escape(lang)}">'
        f'<button type="submit">{_say(questionnaire, lang, "phone_code_button")}</button>'
        "</form>"
        f"{_language_links(questionnaire, lang, '/')}"
    )
    return _page(lang, _title(questionnaire, lang), body)


def language_page(questionnaire: Questionnaire, code_path: str) -> str:
    """Her first page: each language named in itself, large buttons (as on the kiosk)."""
    lang = questionnaire.default_language
    buttons = "".join(
        f'<a class="button" lang="{escape(code)}" href="{escape(code_path)}?lang={escape(code)}">'
        f"{ruby_html(name, code)}</a>"
        for code, name in questionnaire.languages.items()
    )
    title = f"<h1>{ruby_html(questionnaire.title(lang), lang)}</h1>"
    body = f'{title}<nav class="languages">{buttons}</nav>'
    return _page(lang, _title(questionnaire, lang), body)


def _language_links(questionnaire: Questionnaire, lang: str, path: str) -> str:
    if len(questionnaire.languages) < 2:
        return ""
    links = "".join(
        f'<a lang="{escape(code)}" href="{escape(path)}?lang={escape(code)}"'
        + (' aria-current="page"' if code == lang else "")
        + f">{ruby_html(name, code)}</a>"
        for code, name in questionnaire.languages.items()
    )
    label = _say(questionnaire, lang, "phone_languages")
    return f'<nav class="switch" aria-label="{escape(phrase(questionnaire, lang, "phone_languages"))}">{label}: {links}</nav>'


def form_page(
    questionnaire: Questionnaire,
    lang: str,
    code_path: str,
    hidden: Mapping[str, str],
    values: FormValues | None = None,
    errors: Mapping[str, str] | None = None,
    top_error: str | None = None,
) -> str:
    """Every question on one page; `values` and `errors` when her answers came back."""
    values = values or {}
    errors = errors or {}
    total = len(questionnaire.questions)
    parts = [
        _language_links(questionnaire, lang, code_path),
        f"<h1>{ruby_html(questionnaire.title(lang), lang)}</h1>",
    ]
    if questionnaire.intro(lang):
        parts.append(f'<p class="intro">{ruby_html(questionnaire.intro(lang), lang)}</p>')
    parts.append(f'<p class="privacy">{_say(questionnaire, lang, "phone_privacy")}</p>')
    if top_error:
        parts.append(f'<p class="error" role="alert">{top_error}</p>')
    action = f"{code_path}?lang={lang}"
    parts.append(f'<form method="post" action="{escape(action)}" accept-charset="utf-8">')
    for name, value in hidden.items():
        parts.append(f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">')
    for number, question in enumerate(questionnaire.questions, start=1):
        parts.append(
            _question(questionnaire, lang, question, number, total, values, errors.get(question.id))
        )
    parts.append(f'<button type="submit" class="send">{_say(questionnaire, lang, "send")}</button>')
    parts.append("</form>")
    return _page(lang, _title(questionnaire, lang), "".join(parts))


def _question(
    questionnaire: Questionnaire,
    lang: str,
    question: Question,
    number: int,
    total: int,
    values: FormValues,
    error: str | None,
) -> str:
    name = FIELD + question.id
    chosen = list(values.get(name, ()))
    progress = _say(questionnaire, lang, "progress", number=number, total=total)
    notes = [_say(questionnaire, lang, HOW_TO_ANSWER[question.type])]
    if question.hint(lang):
        notes.insert(0, ruby_html(question.hint(lang), lang))
    if not question.required:
        notes.append(_say(questionnaire, lang, "optional"))
    out = [
        f'<fieldset class="question" id="q{number}"><legend><span class="progress">{progress}</span>'
        f"{ruby_html(question.text(lang), lang)}</legend>"
        + "".join(f'<p class="hint">{note}</p>' for note in notes)
    ]
    if error:
        out.append(f'<p class="error" role="alert">{error}</p>')
    if question.type == "text":
        text = chosen[0] if chosen else ""
        out.append(
            f'<textarea name="{escape(name)}" rows="5" maxlength="{question.max_length}">'
            f"{escape(text)}</textarea>"
        )
    else:
        kind = "checkbox" if question.type == "multiple" else "radio"
        for option in question.options:
            checked = " checked" if option.code in chosen else ""
            out.append(
                f'<label class="choice"><input type="{kind}" name="{escape(name)}" '
                f'value="{escape(option.code)}"{checked}>'
                f"<span>{ruby_html(option.label(lang), lang)}</span></label>"
            )
    out.append("</fieldset>")
    return "".join(out)


def thanks_page(questionnaire: Questionnaire, lang: str) -> str:
    body = (
        f"<h1>{_say(questionnaire, lang, 'thanks')}</h1>"
        f'<p class="intro">{_say(questionnaire, lang, "phone_thanks_detail")}</p>'
    )
    return _page(lang, _title(questionnaire, lang), body)


def message_page(questionnaire: Questionnaire, lang: str, key: str, home: bool = True) -> str:
    """A refusal in her language: one sentence, and the way back to the code box."""
    back = f'<p><a class="button" href="/?lang={escape(lang)}">{_say(questionnaire, lang, "back")}</a></p>'
    body = (
        f"<h1>{ruby_html(questionnaire.title(lang), lang)}</h1>"
        f'<p class="error" role="alert">{_say(questionnaire, lang, key)}</p>'
        + (back if home else "")
    )
    return _page(lang, _title(questionnaire, lang), body)


STYLE = """\
:root { color-scheme: light; --ink: #2d2621; --accent: #b4532a; --soft: #f6efe8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fffdf9; color: var(--ink); font-size: 20px; line-height: 1.6;
  font-family: system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP",
  "Yu Gothic", "Meiryo", sans-serif; }
/* Japanese and Chinese break lines only between phrases (<wbr>, kiosk/survey/ruby.py),
   with the strict 禁則: no line starts with 」、。 or ends with 「（. */
:lang(ja), :lang(zh) { word-break: keep-all; overflow-wrap: anywhere; line-break: strict; }
:lang(zh) body, body:lang(zh) { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC",
  "Microsoft YaHei", sans-serif; }
body:lang(ko) { font-family: system-ui, "Apple SD Gothic Neo", "Noto Sans CJK KR",
  "Malgun Gothic", sans-serif; word-break: keep-all; }
main { max-width: 40rem; margin: 0 auto; padding: 16px 16px 48px; }
h1 { font-size: 1.5em; line-height: 1.4; margin: 0.6em 0; }
ruby rt { font-size: 0.55em; }
h1 ruby rt { font-size: 0.45em; }
p { margin: 0.5em 0; }
.intro { font-size: 1.05em; }
.privacy { background: var(--soft); border-radius: 10px; padding: 10px 14px; font-size: 0.9em; }
.error { background: #fdecea; color: #8a1c12; border-left: 6px solid #c62828;
  padding: 10px 14px; border-radius: 6px; font-weight: bold; }
fieldset.question { border: 0; border-top: 2px solid #e6d9cc; margin: 24px 0 0; padding: 16px 0 0; }
legend { float: left; width: 100%; font-size: 1.15em; font-weight: bold; padding: 0;
  line-height: 1.5; }
fieldset.question > :not(legend) { clear: both; }
.progress { display: block; font-size: 0.75em; font-weight: normal; color: #6b5d52; }
.hint { color: #5b4f47; font-size: 0.9em; }
label.choice { display: flex; align-items: center; gap: 14px; min-height: 56px; margin: 10px 0;
  padding: 10px 14px; border: 2px solid #d8c8b8; border-radius: 12px; background: #fff; }
label.choice input { width: 28px; height: 28px; flex: none; margin: 0; accent-color: var(--accent); }
label.choice:has(input:checked) { border-color: var(--accent); background: var(--soft); }
textarea, input[type=text], input:not([type]) { width: 100%; font: inherit; padding: 12px;
  border: 2px solid #d8c8b8; border-radius: 12px; background: #fff; color: inherit; }
input:not([type]) { letter-spacing: 0.12em; text-transform: uppercase; font-size: 1.3em; }
button, a.button { display: block; width: 100%; margin: 16px 0; padding: 16px; font: inherit;
  font-weight: bold; font-size: 1.15em; text-align: center; text-decoration: none; color: #fff;
  background: var(--accent); border: 0; border-radius: 14px; min-height: 60px; }
nav.languages a.button { background: #fff; color: var(--ink); border: 2px solid var(--accent); }
nav.switch { font-size: 0.9em; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: baseline; }
nav.switch a { color: var(--accent); padding: 6px 2px; }
nav.switch a[aria-current] { color: var(--ink); font-weight: bold; text-decoration: none; }
form.code label { display: block; margin: 12px 0 6px; }
"""
