"""Moderation: what the facilitator does with the cards, and how they reach the session.

:class:`Moderation` is the facilitator's side of a :class:`~.box.DropBox`: the queue of
waiting cards (:mod:`.queue`), approval into session notes with the source
``drop-box``, discarding, and the how-I-am counts. :class:`~.box.DropBox` adds the web
server on top.

Card kinds become note kinds as :attr:`~.cards.CardKind.note_kind` says: question →
question, topic for next time → parking lot, the words of a how-I-am card → support need.
The how-I-am numbers reach the record only as one note of counts
(:meth:`Moderation.approve_scale`), never one by one.
"""

from __future__ import annotations

from random import Random

from circlekeeper.sessions.dropbox.cards import Card, CardKind
from circlekeeper.sessions.dropbox.queue import MIN_SCALE_ANSWERS, CardQueue, ScaleSummary
from circlekeeper.sessions.engine.note_model import Note, NoteKind, NoteSource
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError

SCALE_NOTE_KIND = NoteKind.THEME
"""The kind of note the how-I-am counts become: how the group is, as a whole."""


class DropBoxError(SessionError):
    """The drop-box cannot do that now; ``str(error)`` says why in one sentence."""


class Moderation:
    """The waiting cards of a session's drop-box and what the facilitator does with them.

    Args:
        session: the session approved cards go to; its watch list is what the
            personal-data check looks for.
        rng: the randomness used to shuffle the queue (tests may pass a seeded one).
    """

    def __init__(self, session: Session, *, rng: Random | None = None) -> None:
        self.session = session
        """The session approved cards go to."""
        self._queue = CardQueue(session.watch_list, rng=rng)

    def new_count(self) -> int:
        """Cards that came in since the queue was last opened."""
        return self._queue.new_count()

    def waiting_count(self) -> int:
        """Cards waiting to be approved or discarded."""
        return self._queue.waiting_count()

    def open_queue(self) -> list[Card]:
        """The waiting cards in a fresh shuffled order, each checked for personal data.

        A card has no arrival time. :meth:`new_count` goes back to 0.
        """
        return self._queue.open()

    def approve(
        self,
        card_id: str,
        text: str | None = None,
        *,
        facilitator_only: bool | None = None,
        keep: bool = False,
        redact: bool = False,
    ) -> Note:
        """Make a card a note of the session's current part, with the source ``drop-box``.

        The card's kind gives the note's (:attr:`CardKind.note_kind`): question →
        question, topic for next time → parking lot, the words of a how-I-am card →
        support need.

        Args:
            card_id: the card's id, from :meth:`open_queue`.
            text: the facilitator's edited text, instead of the card's own.
            facilitator_only: keep the note out of participant handouts; by default
                only how-I-am words are kept out.
            keep: save it even though personal data was found (an explicit choice).
            redact: replace the personal data found with markers.

        Raises:
            UnknownCard: no such card is waiting.
            NoteFlagged: personal data was found (see ``card.findings``); the card
                stays in the queue.
            SessionError: the session has ended, or the text is empty; the card stays.
        """
        card = self._queue.get(card_id)
        if facilitator_only is None:
            facilitator_only = card.kind is CardKind.HOW_I_AM
        note = self.session.add_note(
            card.text if text is None else text,
            card.kind.note_kind,
            facilitator_only=facilitator_only,
            source=NoteSource.DROP_BOX,
            keep=keep,
            redact=redact,
        )
        self._queue.take(card_id)
        return note

    def discard(self, card_id: str) -> None:
        """Throw a card away; it reaches nothing.

        Raises:
            UnknownCard: no such card is waiting.
        """
        self._queue.take(card_id)

    def scale_answers(self) -> int:
        """How many people answered the how-I-am scale since it was last saved."""
        return self._queue.scale_answers()

    def scale_summary(self) -> ScaleSummary | None:
        """The how-I-am answers as counts, or ``None`` until 3 people answered."""
        return self._queue.scale_summary()

    def approve_scale(self, *, facilitator_only: bool = True) -> Note:
        """Save the how-I-am counts as one note and start counting afresh.

        Only the counts reach the record, never an answer on its own.

        Raises:
            DropBoxError: fewer than 3 people answered.
            SessionError: the session has ended.
        """
        summary = self._queue.scale_summary()
        if summary is None:
            raise DropBoxError(
                f"the scale is shown only from {MIN_SCALE_ANSWERS} answers; "
                f"{self.scale_answers()} so far"
            )
        # The text is the app's own counts, not a participant's words: nothing to guard.
        note = self.session.add_note(
            summary.text,
            SCALE_NOTE_KIND,
            facilitator_only=facilitator_only,
            source=NoteSource.DROP_BOX,
            keep=True,
        )
        self._queue.reset_scale()
        return note

    def clear(self) -> None:
        """Forget every waiting card and the scale answers (they reach nothing)."""
        self._queue.clear()
