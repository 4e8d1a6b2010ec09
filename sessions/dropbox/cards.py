"""Cards: what a participant can send from their phone, and how a sent form is read.

There are three kinds of card (:class:`CardKind`): a question, how I am (a number from
1 to 5 with optional words) and a topic for next time. :func:`read_form` turns the body
of a sent form into a :class:`Submission`, or refuses it with :class:`CardRefused`,
whose message is a sentence to show on the phone.

A card carries no arrival time and no sender: only its kind and its words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import parse_qsl

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.privacy.guard import Finding, redact

MAX_CARD_CHARS = 500
"""The longest card, in characters: a few sentences, read out in under a minute."""

MAX_BODY_BYTES = 16 * 1024
"""The largest form body accepted. 500 characters of any script, percent-encoded,
stay well under it; anything bigger is not a card."""

SCALE = range(1, 6)
"""The values of the how-I-am scale."""

SCALE_LABELS = {
    1: N_("Struggling"),
    2: N_("Low"),
    3: N_("Okay"),
    4: N_("Good"),
    5: N_("Very good"),
}
"""Words beside each number on the phone."""

# Anything that could move a terminal's cursor, recolour it or reorder the text the
# facilitator reads: C0 and C1 controls (but line breaks) and bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Categories that draw nothing on their own: format characters (zero-width space and
# joiners, the byte order mark, tags), separators, controls, lone combining marks,
# unassigned code points.
_UNSEEN_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"})
# Letters and symbols that are drawn as blank space (Hangul fillers, the blank braille
# pattern, the combining grapheme joiner), often used to make a "blank" message.
_BLANK_SIGNS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")


class CardKind(str, Enum):
    """What a card is."""

    QUESTION = "question"
    HOW_I_AM = "how-i-am"
    TOPIC = "topic"

    @property
    def label(self) -> str:
        """The words shown for the kind, on the phone and to the facilitator."""
        return _(_LABELS[self])

    @property
    def note_kind(self) -> NoteKind:
        """The kind of session note an approved card becomes.

        A question stays a question; a topic for next time goes in the parking lot; the words of a
        how-I-am card are a support need (they say what someone is carrying).
        """
        return _NOTE_KINDS[self]


_LABELS = {
    CardKind.QUESTION: N_("Question"),
    CardKind.HOW_I_AM: N_("How I am"),
    CardKind.TOPIC: N_("Topic for next time"),
}
_NOTE_KINDS = {
    CardKind.QUESTION: NoteKind.QUESTION,
    CardKind.HOW_I_AM: NoteKind.SUPPORT_NEED,
    CardKind.TOPIC: NoteKind.PARKED,
}

ALL_KINDS = frozenset(CardKind)
"""Every kind of card, the default for a drop-box."""


class CardRefused(ValueError):
    """A sent form that does not make a card; ``str(error)`` is the sentence for the phone.

    Args:
        status: the HTTP status to answer with.
        sentence: what went wrong and what to do, in plain words.
        kind: the kind of card that was sent, when it could be read.
        keep_text: the words sent, to put back in that card's form so nothing typed is
            lost (``None`` when there is nothing worth giving back).
    """

    def __init__(
        self,
        status: int,
        sentence: str,
        kind: CardKind | None = None,
        keep_text: str | None = None,
    ) -> None:
        super().__init__(sentence)
        self.status = status
        """The HTTP status to answer with."""
        self.kind = kind
        """The kind of card that was sent, if known."""
        self.keep_text = keep_text
        """The words to give back in the form, if any."""


@dataclass(frozen=True)
class Submission:
    """One accepted form, before it is put in the queue."""

    kind: CardKind
    """What the participant sent."""
    text: str
    """Their words, cleaned; empty only for a how-I-am card without words."""
    scale: int | None = None
    """The number chosen on a how-I-am card (1 to 5); ``None`` for other kinds."""


@dataclass(frozen=True)
class Card:
    """A card waiting for the facilitator, as the moderation queue shows it."""

    id: str
    """A random identifier (never a sequence number, which would tell the order)."""
    kind: CardKind
    """What it is."""
    text: str
    """The participant's words, exactly as sent (after cleaning)."""
    findings: tuple[Finding, ...] = field(default=())
    """Personal data the guard found in ``text`` (with the current watch list)."""

    @property
    def flagged(self) -> bool:
        """Whether the guard found something that could tie the card to a person."""
        return bool(self.findings)

    @property
    def redacted(self) -> str:
        """The text with every finding replaced by a marker such as ``[name removed]``."""
        return redact(self.text, self.findings)


def clean(text: str) -> str:
    """``text`` as a card keeps it: one form of each letter, no control characters.

    Line breaks become ``\\n`` and are kept; every other control character and every
    bidirectional override is removed, so a card can neither drive the facilitator's
    terminal nor show its words in another order than they were written.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _UNSAFE.sub("", text).strip()


def has_visible(text: str) -> bool:
    """Whether ``text`` has at least one character that shows on a screen.

    A card made only of zero-width characters, byte order marks, spaces or blank
    signs would be an empty card that looks like one with words.
    """
    return any(
        unicodedata.category(char) not in _UNSEEN_CATEGORIES and char not in _BLANK_SIGNS
        for char in text
    )


def read_form(body: bytes, kinds: Collection[CardKind]) -> Submission:
    """Read the body of a sent form (``application/x-www-form-urlencoded``).

    Args:
        body: the raw body, at most :data:`MAX_BODY_BYTES`.
        kinds: the kinds of card open now.

    Raises:
        CardRefused: the form is not a card that can be accepted now.
    """
    if len(body) > MAX_BODY_BYTES:
        raise CardRefused(413, _("That was too much to send at once. Keep a card short."))
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            encoding="utf-8",
            errors="strict",
            max_num_fields=8,
        )
    except (UnicodeDecodeError, ValueError):
        raise CardRefused(
            400, _("The card could not be read. Please type it again and send it.")
        ) from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    text = clean(fields.get("text", ""))
    blank = not has_visible(text)
    try:
        kind = CardKind(fields.get("kind", ""))
    except ValueError:
        raise CardRefused(400, _("The card could not be read. Please send it again.")) from None
    if kind not in kinds:
        closed = _("{kind} cards are not open right now. Choose another card.")
        raise CardRefused(400, closed.format(kind=kind.label))
    if len(text) > MAX_CARD_CHARS:
        raise CardRefused(
            400,
            _(
                "The card is {length} characters long; a card holds up to {most}. "
                "Please shorten it and send it again."
            ).format(length=len(text), most=MAX_CARD_CHARS),
            kind,
            text,
        )
    if kind is CardKind.HOW_I_AM:
        scale = _scale(fields.get("scale", ""))
        if scale is None:
            raise CardRefused(
                400, _("Choose a number from 1 to 5, then send the card."), kind, text
            )
        # The words are optional here, so invisible ones are dropped, not refused.
        return Submission(kind, "" if blank else text, scale)
    if not text:
        raise CardRefused(400, _("The card is empty. Write a few words, then send it."), kind, "")
    if blank:
        raise CardRefused(
            400,
            _("The card has no words that can be seen. Write a few words, then send it."),
            kind,
            "",
        )
    return Submission(kind, text)


def _scale(value: str) -> int | None:
    value = value.strip()
    if value.isascii() and value.isdigit() and int(value) in SCALE:
        return int(value)
    return None
