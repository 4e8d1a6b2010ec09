"""Reading a sent form into a card: kinds, the scale, lengths, encodings and cleaning."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.dropbox.cards import (
    ALL_KINDS,
    MAX_BODY_BYTES,
    MAX_CARD_CHARS,
    CardKind,
    CardRefused,
    Submission,
    clean,
    has_visible,
    read_form,
)
from circlekeeper.sessions.engine.note_model import NoteKind


def form(**fields: str) -> bytes:
    return urlencode(fields).encode("ascii")


def test_each_kind_of_card_is_read() -> None:
    assert read_form(form(kind="question", text="How do you say no?"), ALL_KINDS) == Submission(
        CardKind.QUESTION, "How do you say no?"
    )
    assert read_form(form(kind="topic", text="Sleep"), ALL_KINDS) == Submission(
        CardKind.TOPIC, "Sleep"
    )
    assert read_form(form(kind="how-i-am", scale="2", text=" tired "), ALL_KINDS) == Submission(
        CardKind.HOW_I_AM, "tired", 2
    )
    assert read_form(form(kind="how-i-am", scale="5"), ALL_KINDS) == Submission(
        CardKind.HOW_I_AM, "", 5
    )


def test_kinds_become_note_kinds_and_have_labels() -> None:
    assert {k: k.note_kind for k in CardKind} == {
        CardKind.QUESTION: NoteKind.QUESTION,
        CardKind.HOW_I_AM: NoteKind.SUPPORT_NEED,
        CardKind.TOPIC: NoteKind.PARKED,
    }
    assert [k.label for k in CardKind] == ["Question", "How I am", "Topic for next time"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (form(kind="question", text="   \n "), 400, "empty"),
        (form(kind="question"), 400, "empty"),
        (form(kind="question", text="x" * (MAX_CARD_CHARS + 1)), 400, "501 characters"),
        (form(kind="gossip", text="hello"), 400, "could not be read"),
        (form(text="hello"), 400, "could not be read"),
        (form(kind="how-i-am", text="fine"), 400, "number from 1 to 5"),
        (form(kind="how-i-am", scale="6"), 400, "number from 1 to 5"),
        (form(kind="how-i-am", scale="٣"), 400, "number from 1 to 5"),
        (b"kind=question&text=%FF%FEcaf%E9", 400, "could not be read"),
        (b"kind=question&text=caf\xe9", 400, "could not be read"),
        (b"&".join([b"a=1"] * 9), 400, "could not be read"),
        (form(kind="question", text="x" * (MAX_BODY_BYTES + 1)), 413, "too much"),
    ],
    ids=[
        "blank", "missing-text", "too-long", "unknown-kind", "no-kind", "no-scale",
        "scale-6", "scale-arabic-digit", "bad-percent-utf8", "raw-latin1", "too-many-fields",
        "oversized",
    ],
)  # fmt: skip
def test_bad_forms_are_refused_with_a_sentence(body: bytes, status: int, words: str) -> None:
    with pytest.raises(CardRefused, match=words) as refused:
        read_form(body, ALL_KINDS)
    assert refused.value.status == status
    assert str(refused.value)[0].isupper() and str(refused.value).endswith(".")


def test_a_refusal_gives_back_what_was_typed_when_it_can() -> None:
    with pytest.raises(CardRefused) as refused:
        read_form(form(kind="topic", text="y" * 600), ALL_KINDS)
    assert (refused.value.kind, refused.value.keep_text) == (CardKind.TOPIC, "y" * 600)
    with pytest.raises(CardRefused) as refused:
        read_form(form(kind="how-i-am", text="so-so"), ALL_KINDS)
    assert (refused.value.kind, refused.value.keep_text) == (CardKind.HOW_I_AM, "so-so")


def test_a_kind_not_open_now_is_refused() -> None:
    with pytest.raises(CardRefused, match="Topic for next time cards are not open"):
        read_form(form(kind="topic", text="Sleep"), {CardKind.QUESTION})


def test_exactly_the_longest_card_is_accepted_in_any_script() -> None:
    text = "é" * MAX_CARD_CHARS
    assert read_form(form(kind="question", text=text), ALL_KINDS).text == text
    wide = "😀" * MAX_CARD_CHARS
    assert read_form(form(kind="question", text=wide), ALL_KINDS).text == wide


def test_cleaning_keeps_line_breaks_and_drops_what_could_drive_a_terminal() -> None:
    assert clean("one\r\ntwo\rthree\n") == "one\ntwo\nthree"
    assert clean("\x1b[31mred\x1b[0m\x07 bell\x00") == "[31mred[0m bell"
    assert clean("abc\u202edcba\u2066x\u2069") == "abcdcbax"
    assert clean("cafe\u0301") == "café"
    with pytest.raises(CardRefused, match="empty"):
        read_form(form(kind="question", text="\x1b\x1b\u202e"), ALL_KINDS)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=MAX_CARD_CHARS))
def test_any_text_round_trips_cleaned_or_is_refused(text: str) -> None:
    try:
        submission = read_form(form(kind="question", text=text), ALL_KINDS)
    except CardRefused as refused:
        assert refused.status == 400
        assert not has_visible(clean(text)) or len(clean(text)) > MAX_CARD_CHARS
    else:
        assert submission.text == clean(text)
        assert not any(ord(c) < 32 and c != "\n" for c in submission.text)


INVISIBLE = [
    "\u200b",  # zero-width space
    "\u200c\u200d",  # zero-width non-joiner and joiner
    "\ufeff",  # byte order mark
    "\u2060\u180e",  # word joiner, Mongolian vowel separator
    "\u3164\u115f\uffa0",  # Hangul fillers
    "\u2800",  # blank braille pattern
    "\u00a0\u200b\u3000",  # no-break and ideographic spaces around a zero-width one
    "\U000e0041\U000e007f",  # tag characters
    "\u0301\ufe0f",  # a lone combining accent, a variation selector
]


@pytest.mark.parametrize("kind", ["question", "topic"])
@pytest.mark.parametrize("text", INVISIBLE)
def test_a_card_of_only_invisible_characters_is_refused(kind: str, text: str) -> None:
    with pytest.raises(CardRefused, match="no words that can be seen") as refused:
        read_form(form(kind=kind, text=f" {text} {text}\n"), ALL_KINDS)
    assert refused.value.status == 400


@pytest.mark.parametrize("text", INVISIBLE)
def test_invisible_words_on_a_how_i_am_card_are_dropped(text: str) -> None:
    submission = read_form(form(kind="how-i-am", scale="3", text=text), ALL_KINDS)
    assert (submission.scale, submission.text) == (3, "")


@pytest.mark.parametrize(
    "text", ["a\u200bb", "\U0001f469\u200d\U0001f4bb", "\u00e9", "?", "\u0928\u092e"]
)
def test_words_with_invisible_characters_among_them_are_kept(text: str) -> None:
    assert read_form(form(kind="question", text=text), ALL_KINDS).text == clean(text)
