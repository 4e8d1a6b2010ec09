"""A note kept with personal data in it never reaches the participant handout."""

from __future__ import annotations

from engine_support import new_session

from circlekeeper.sessions.export import Audience, Format, render
from circlekeeper.sessions.export.summarise import summary_of
from circlekeeper.sessions.privacy.guard import find_personal_data

KEPT = "Send the EAP link to jo.smith@example.com, ask maria too"


def test_a_kept_note_stays_in_the_record_only(clock) -> None:
    session = new_session(clock, watch_list=["Maria"])
    session.start()
    session.add_note(KEPT, "action", keep=True)
    session.add_note("Ask about a buddy scheme", "action")
    session.end()
    for fmt in Format:
        handout = render(summary_of(session, Audience.PARTICIPANTS), fmt)
        record = render(summary_of(session, Audience.FACILITATOR), fmt)
        assert "jo.smith" not in handout
        assert "buddy scheme" in handout
        assert "jo.smith" in record
        assert not [f for f in find_personal_data(handout, ["Maria"]) if f.kind == "email"]
