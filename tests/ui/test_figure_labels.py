"""One figure, one label: the screen, the CSV, the PDF and the CLI print the same words."""

from __future__ import annotations

import io

from pypdf import PdfReader

from kiosk.cli.main import main
from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.reports import figures as catalogue
from kiosk.reports.daily import daily_tally
from kiosk.reports.render.daily_csv import render_daily_csv
from kiosk.reports.render.daily_pdf import render_daily_pdf


def test_a_figure_reads_the_same_on_screen_in_csv_pdf_and_cli(
    qtbot, window, database_args, tmp_path, capsys
):
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    request = CheckInRequest(event_id=event.id, age_band="30s", children=(ChildRequest("0"),))
    checkin.check_in(ctx, request)
    window.state.notify()
    window.show_widget(window.tally)
    day = ctx.today()
    tally = daily_tally(ctx, window.state.venue.id, day)
    csv_text = render_daily_csv([tally]).data.decode("utf-8-sig")
    pdf = PdfReader(io.BytesIO(render_daily_pdf([tally], "事業").data))
    pdf_text = "".join(page.extract_text() for page in pdf.pages)
    out = tmp_path / "day.csv"
    argv = [*database_args, "export", "daily", "--date", day.isoformat(), "--format", "csv"]
    assert main([*argv, "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    for group, item, figure_id in (
        ("visits", "total", "visits.total"),
        ("childcare", "children", "childcare.children"),
    ):
        label = catalogue.label(figure_id, "ja")
        assert window.tally.label(group, item) == label
        assert f"{catalogue.group_label(group, 'ja')}：{label}" in csv_text.splitlines()[0]
        assert label in pdf_text.replace("\n", "")
    visits = catalogue.label("visits.total", "ja")
    assert visits == "来場者数（延べ人数）"  # the fuller of the two labels that had drifted
    assert f"{visits}: 1" in printed
