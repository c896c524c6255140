from kiosk import checkin, events
from kiosk.checkin import CheckInRequest, ChildRequest


def test_check_in_with_children_counts(ctx, event):
    result = checkin.check_in(
        ctx,
        CheckInRequest(event_id=event.id, age_band="30s", residence="resident",
                       children=(ChildRequest("1-2"), ChildRequest("3-5"))),
    )
    assert result.visit.number == 1
    assert len({c.pickup_code for c in result.visit.children}) == 2
    counts = events.counts(ctx, event.id)
    assert (counts.visits, counts.first_visits, counts.children_in_care) == (1, 1, 2)
