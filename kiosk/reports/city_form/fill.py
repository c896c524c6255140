"""Fill the city's own Excel form (様式) wherever it holds a `{{placeholder}}`.

Read once (read_form: is it an .xlsx we may rewrite, and which cells hold
placeholders), planned against a report (plan_form: which field and value
each placeholder is, and which cannot be filled), written only when every
placeholder is understood (fill_form). A cell that is exactly one
placeholder becomes a number cell and keeps its style and number format (a
percent goes in as a fraction where the cell's format shows a percent); a
placeholder inside a text (in the printed header and footer as well) is
replaced by the value written for people (2,471 / 85.0% / —). Every other
cell, merged range, column width, print area, page setup and defined name
is left as openpyxl read it.

openpyxl drops pictures, shapes, charts, form controls and macros from a
workbook it saves, so a form holding them is refused before anything is
done (error form_has_drawings), never silently stripped. Formulas are kept;
their cached results are not, so the workbook asks Excel to recalculate on
opening.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.core.atomic_file import write_atomically
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.translations import text
from kiosk.reports.city_form.fields import (
    FieldCatalogue,
    FieldValue,
    Resolved,
    field_catalogue,
    field_values,
    resolve,
    written,
)
from kiosk.reports.period import PeriodReport

PLACEHOLDER = re.compile(r"[{｛]{2}\s*([^{}｛｝]+?)\s*[}｝]{2}")
MAX_BYTES = 20 * 1024 * 1024
SHOWN_PROBLEMS = 5  # in the error's one line; the preview and the CLI list them all
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE file: an .xls, or an encrypted .xlsx
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
# Parts of a workbook that openpyxl does not write back, by what a person calls them.
LOST_PARTS = (
    ("xl/media/", "picture"),
    ("xl/drawings/drawing", "shape"),
    ("xl/charts/", "chart"),
    ("xl/chartsheets/", "chart"),
    ("xl/embeddings/", "embedded object"),
    ("xl/activeX/", "control"),
    ("xl/ctrlProps/", "control"),
    ("xl/vbaProject", "macro"),
)
# Where a printed header or footer may hold placeholders (a cell's name has no dot).
HEADER_PARTS = tuple(
    f"{item}.{part}"
    for item in ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
    for part in ("left", "center", "right")
)
XLSX_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@dataclass(frozen=True)
class Found:
    """A cell holding placeholders: where, its text, and whether it is one placeholder alone."""

    sheet: str
    cell: str  # A1
    text: str
    names: tuple[str, ...]  # what is written between the braces, in order
    whole: bool  # the cell is exactly one placeholder: it becomes a number cell

    @property
    def place(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass(frozen=True)
class FormTemplate:
    """A city form as read: its bytes (written from, never changed) and its placeholders."""

    name: str
    data: bytes
    found: tuple[Found, ...]


@dataclass(frozen=True)
class PlannedCell:
    """One placeholder and what it will be filled with (a row of the preview)."""

    sheet: str
    cell: str
    placeholder: str  # as written between the braces
    key: str
    meaning: str  # the field's name in the user's language
    unit: str
    value: FieldValue
    shown: str  # as people read it: 2,471 / 85.0% / —


@dataclass(frozen=True)
class Problem:
    """A placeholder that cannot be filled, and why (in the user's language)."""

    sheet: str
    cell: str
    placeholder: str
    reason: str

    def line(self) -> str:
        return f"{self.sheet}!{self.cell}  {{{{{self.placeholder}}}}}  ({self.reason})"


@dataclass(frozen=True)
class FormPlan:
    template: FormTemplate
    cells: tuple[PlannedCell, ...]
    problems: tuple[Problem, ...]
    values: dict[str, tuple[FieldValue, bool]]  # placeholder as written → (value, percent)

    @property
    def filled_cells(self) -> int:
        return len(self.template.found)


# -- reading ------------------------------------------------------------------------


def read_form(path: Path) -> FormTemplate:
    """Read a form and find its placeholders; a coded error for anything we cannot fill."""
    path = Path(path)
    try:
        with path.open("rb") as source:
            data = source.read(MAX_BYTES + 1)
    except OSError as exc:
        raise KioskError("form_unreadable", path=str(path)) from exc
    return form_from_bytes(path.name, data)


def form_from_bytes(name: str, data: bytes) -> FormTemplate:
    check_form(name, data)
    workbook = _load(name, data)
    found = tuple(_found(workbook))
    if not found:
        raise KioskError("form_no_placeholders", name=name)
    return FormTemplate(name, data, found)


def check_form(name: str, data: bytes) -> None:
    """An .xlsx we can rewrite whole: not an .xls, not encrypted, nothing openpyxl drops."""
    if len(data) > MAX_BYTES:
        raise KioskError("form_too_large", name=name, limit=MAX_BYTES // (1024 * 1024))
    if data.startswith(CFB_MAGIC):
        code = "form_encrypted" if ENCRYPTED_MARK in data else "form_old_xls"
        raise KioskError(code, name=name)
    if not data.startswith(b"PK"):
        raise KioskError("form_not_xlsx", name=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.namelist()
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError) as exc:
        raise KioskError("form_damaged", name=name) from exc
    if XLSX_CONTENT not in types:
        # a .docx, an .xlsm (macro-enabled), a template .xltx: not an Excel workbook to fill
        if "macroEnabled" in types:
            raise KioskError("form_has_drawings", name=name, parts=_kinds(["macro"]))
        raise KioskError("form_not_xlsx", name=name)
    lost = [kind for part in parts for prefix, kind in LOST_PARTS if part.startswith(prefix)]
    # Legacy drawings (VML) carry comments, which openpyxl keeps, or old form controls.
    if any(p.startswith("xl/drawings/vmlDrawing") for p in parts) and not any(
        p.startswith("xl/comments") for p in parts
    ):
        lost.append("control")
    if lost:
        raise KioskError("form_has_drawings", name=name, parts=_kinds(lost))


def _kinds(kinds: list[str]) -> str:
    return ", ".join(dict.fromkeys(kinds))


def _load(name: str, data: bytes) -> Any:
    from openpyxl import load_workbook  # loaded when a form is read, not at every start

    try:
        return load_workbook(io.BytesIO(data), rich_text=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise KioskError("form_damaged", name=name) from exc


def _plain(value: Any) -> str | None:
    """The text of a cell that may hold placeholders (formulas and numbers never do)."""
    from openpyxl.cell.rich_text import CellRichText

    if isinstance(value, CellRichText):
        return str(value)
    if isinstance(value, str) and not value.startswith("="):
        return value
    return None


def _found(workbook: Any) -> Iterator[Found]:
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                content = _plain(cell.value)
                if content is None or ("{" not in content and "｛" not in content):
                    continue
                names = tuple(m[1] for m in PLACEHOLDER.finditer(content))
                if names:
                    whole = PLACEHOLDER.fullmatch(content.strip()) is not None
                    yield Found(sheet.title, cell.coordinate, content, names, whole)
        for place in HEADER_PARTS:  # the printed header and footer: text only
            content = _header_part(sheet, place).text or ""
            names = tuple(m[1] for m in PLACEHOLDER.finditer(content))
            if names:
                yield Found(sheet.title, place, content, names, whole=False)


def _header_part(sheet: Any, place: str) -> Any:
    """oddHeader.center → that part of the sheet's printed header."""
    item, part = place.split(".")
    return getattr(getattr(sheet, item), part)


# -- planning -----------------------------------------------------------------------


def plan_form(
    template: FormTemplate,
    fields: FieldCatalogue,
    ctx: AppContext,
    report: PeriodReport,
    lang: str = "ja",
) -> FormPlan:
    """What each placeholder will be filled with, and which cannot be filled."""
    values = field_values(ctx, fields, report, lang)
    months = [ym for ym, _ in report.months]
    cells: list[PlannedCell] = []
    problems: list[Problem] = []
    resolved_values: dict[str, tuple[FieldValue, bool]] = {}
    for found in template.found:
        for name in found.names:
            understood = resolve(fields, name, months)
            if not isinstance(understood, Resolved):
                reason = text(f"form.problem.{understood}", lang)
                problems.append(Problem(found.sheet, found.cell, name, reason))
                continue
            field = understood.field
            value = values.value(understood)
            resolved_values[name] = (value, field.percent)
            meaning = field.label(lang)
            if understood.month is not None:
                year, month = understood.month
                meaning += f" @{year}-{month:02d}"
            cells.append(
                PlannedCell(
                    found.sheet,
                    found.cell,
                    name,
                    field.key,
                    meaning,
                    field.unit(lang),
                    value,
                    written(value, field.percent),
                )
            )
    return FormPlan(template, tuple(cells), tuple(problems), resolved_values)


def refuse_problems(plan: FormPlan, lang: str = "ja") -> None:
    """One error naming the placeholders not understood (the first few, where they are)."""
    if plan.problems:
        named = [f"{p.sheet}!{p.cell} {{{{{p.placeholder}}}}}" for p in plan.problems]
        places = (
            "、".join(named[:SHOWN_PROBLEMS]) if lang == "ja" else ", ".join(named[:SHOWN_PROBLEMS])
        )
        if len(named) > SHOWN_PROBLEMS:
            more = text("form.problem.more", lang, count=len(named) - SHOWN_PROBLEMS)
            places += ("、" if lang == "ja" else ", ") + more
        raise KioskError("form_unknown_placeholders", count=len(plan.problems), places=places)


# -- writing ------------------------------------------------------------------------


def filled_bytes(plan: FormPlan) -> bytes:
    """The form with every placeholder filled; refused while any is not understood."""
    refuse_problems(plan)
    template = plan.template
    workbook = _load(template.name, template.data)
    for found in template.found:
        sheet = workbook[found.sheet]
        if found.cell in HEADER_PARTS:
            part = _header_part(sheet, found.cell)
            part.text = PLACEHOLDER.sub(
                lambda m: written(*plan.values[m[1]]).replace("&", "&&"),  # & starts a code
                part.text,
            )
            continue
        cell = sheet[found.cell]
        cell.value = _new_value(cell, found, plan.values)
    # Formulas lose their cached results when openpyxl saves: let Excel count them again.
    workbook.calculation.fullCalcOnLoad = True
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _new_value(cell: Any, found: Found, values: dict[str, tuple[FieldValue, bool]]) -> Any:
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    if found.whole:
        value, percent = values[found.names[0]]
        if isinstance(value, str) or value is None:
            return value  # a text, or no figure: an empty cell
        if percent and shows_percent(cell.number_format or ""):
            return float(Decimal(str(value)) / 100)  # a cell formatted 0.0% shows 85.0%
        return value if isinstance(value, int) else float(value)

    def filled_text(content: str) -> str:
        return PLACEHOLDER.sub(lambda m: written(*values[m[1]]), content)

    current = cell.value
    if isinstance(current, CellRichText):
        runs = [str(r) if isinstance(r, str) else r.text for r in current]
        if sum(len(PLACEHOLDER.findall(r)) for r in runs) == len(found.names):
            # every placeholder inside one run: each run keeps its own font
            return CellRichText(
                *(
                    filled_text(r) if isinstance(r, str) else TextBlock(r.font, filled_text(r.text))
                    for r in current
                )
            )
        return filled_text(str(current))
    return filled_text(str(current))


def shows_percent(number_format: str) -> bool:
    """0.0% scales a value by 100; a quoted or escaped % (0"%", 0\\%) is only a sign."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


def fill_form(
    ctx: AppContext,
    template: FormTemplate,
    report: PeriodReport,
    target: Path,
    lang: str = "ja",
    fields: FieldCatalogue | None = None,
) -> FormPlan:
    """Plan, refuse on any placeholder not understood (nothing written), then write."""
    plan = plan_form(template, fields or field_catalogue(ctx), ctx, report, lang)
    refuse_problems(plan, lang)
    write_atomically(target, filled_bytes(plan))
    return plan


def write_plan(plan: FormPlan, target: Path) -> Path:
    """Write a plan already shown (the preview's Save)."""
    return write_atomically(target, filled_bytes(plan))


# -- the form kept in the data folder ------------------------------------------------


def forms_folder(ctx: AppContext) -> Path | None:
    from kiosk.core.paths import DataFolder

    return DataFolder(ctx.files_dir).forms if ctx.files_dir else None


def kept_form(ctx: AppContext) -> Path | None:
    """The form the coordinator chose last, as kept in the data folder (None: none yet)."""
    folder = forms_folder(ctx)
    if folder is None or not folder.is_dir():
        return None
    kept = sorted(folder.glob("*.xlsx"), key=lambda p: p.stat().st_mtime_ns)
    return kept[-1] if kept else None


def keep_form(ctx: AppContext, source: Path) -> tuple[Path, FormTemplate]:
    """Check a chosen form, then keep a copy of it (replacing the one kept before).

    Refused forms are not kept; without a data folder the chosen file itself is used.
    """
    template = read_form(source)
    folder = forms_folder(ctx)
    if folder is None:
        return Path(source), template
    name = Path(source).name if Path(source).suffix.lower() == ".xlsx" else "city-form.xlsx"
    kept = write_atomically(folder / name, template.data)
    for old in folder.glob("*.xlsx"):
        if old != kept:
            old.unlink(missing_ok=True)
    return kept, replace(template, name=name)
