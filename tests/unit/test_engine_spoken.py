"""The engine's refusals and a structure's words in German, and the record still English.

The app is set to German as the entry point sets it (``use_language``); what a facilitator
reads (a refusal, a step's cue, a rebalance) is German, while the record's step names stay
the catalogue's English for the tools that read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_support import SESSION_ID, agenda, file_record, part

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.export.json_steps import steps_field
from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.languages.speaking import current_language, use_language
from circlekeeper.sessions.structures.marks import StructureMark
from circlekeeper.sessions.structures.spoken import spoken_cue, spoken_title, step_label


@pytest.fixture
def german() -> Iterator[None]:
    before = current_language()
    use_language(Language("de"))
    try:
        yield
    finally:
        use_language(before)


def test_refusals_and_structure_words_are_german_and_the_record_english(
    german: None, tmp_path: Path, clock: FakeClock
) -> None:
    troika = part("Beratung", 30, structure=StructureMark("troika"))
    parts = (part("Willkommen", 5), troika, part("Abschluss", 5))
    session = Session.create(
        file_record(tmp_path / "s.json"), agenda(*parts), clock, session_id=SESSION_ID, attendance=9
    )
    with pytest.raises(SessionError, match="starte zuerst das Treffen, dann kannst du"):
        session.pause("Pause")
    session.start()
    with pytest.raises(SessionError, match="das Treffen hat schon begonnen"):
        session.start()
    with pytest.raises(SessionError, match="'Willkommen' folgt keiner Methode mit Schritten"):
        session.next_step()
    flagged = r"persönliche Daten zu enthalten \(E-Mail-Adresse\); bearbeite"
    with pytest.raises(SessionError, match=flagged):
        session.add_note("Ruf mich an: anna@example.org")
    session.next_part()
    turned = session.part.steps[3]
    assert spoken_title(StructureMark("troika").structure.title) == "Troika-Beratung"
    assert spoken_cue(turned.cue) == "Fallgeber:in: dreh dich weg — die Beratenden sprechen"
    assert step_label(turned.name, turned.who) == "Fallgeber:in 1 von 3 · Beratende sprechen"
    clock.advance(minutes=50)
    assert session.rebalance().message == (
        "1 Teil so weit wie möglich gekürzt; das Treffen dauert trotzdem etwa 11 Minuten länger."
    )
    session.end()
    with pytest.raises(SessionError, match="nicht mehr zwischen den Teilen wechseln"):
        session.next_part()
    # The record keeps the catalogue's English names for a coordinator's tools.
    record = steps_field(session.timeline().parts[1])["steps"]  # type: ignore[arg-type]
    assert record[3]["name"] == "Consultants talk" and record[3]["who"] == "Client 1 of 3"


def test_the_phones_polls_and_card_refusals_are_german(german: None) -> None:
    from circlekeeper.sessions.dropbox.cards import CardKind, CardRefused, read_form
    from circlekeeper.sessions.dropbox.poll_kinds import lean_coffee_poll, rating_poll, thumbs_poll

    assert (
        rating_poll().questions[0].words
        == "Ich habe mich gehört, verstanden und respektiert gefühlt"
    )
    assert lean_coffee_poll(["Pausen", "Nein sagen"]).title == "Stimm für bis zu 2 Themen ab"
    thumbs = thumbs_poll("Pausen").questions[0]
    assert (thumbs.words, thumbs.options[0]) == (
        "Weiter über „Pausen“ sprechen?",
        "Hoch: weitermachen",
    )
    with pytest.raises(CardRefused) as refused:
        read_form(b"kind=question&text=", frozenset(CardKind))
    assert str(refused.value).startswith("Die Karte ist leer")
