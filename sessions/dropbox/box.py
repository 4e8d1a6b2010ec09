"""The drop-box of a session: opened for a part, fed from phones, moderated by the facilitator.

:class:`DropBox` ties the pieces together: the web server (:mod:`.server`), the room's
rate limit (:mod:`.limits`) and, from :class:`~.moderation.Moderation`, the queue of
waiting cards and their approval into session notes with the source ``drop-box``.

Typical use from a screen, in the app's event loop::

    box = DropBox(session, kinds={CardKind.QUESTION, CardKind.HOW_I_AM}, on_card=refresh)
    url = await box.open()          # show url as a QR code, and box.reach beneath it
    ...
    for card in box.open_queue():   # shuffled, no arrival time, findings attached
        box.approve(card.id)        # or approve(card.id, text=...), or discard(card.id)
    summary = box.scale_summary()   # None until 3 people answered the scale
    box.open_poll(rating_poll())    # the phones' page shows the poll above the cards
    tally = box.close_poll()        # counts only (see :mod:`.polls`)
    await box.close()               # the link stops working at once

Closing stops the server and forgets the token; cards still waiting stay in the queue
for the facilitator to go through. Opening again makes a new token, so an old code
leads nowhere. Once the session has ended, the page answers 404 to everyone.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Iterable
from random import Random
from typing import TYPE_CHECKING

from circlekeeper.sessions.dropbox.cards import ALL_KINDS, CardKind, CardRefused, Submission
from circlekeeper.sessions.dropbox.limits import DEFAULT_PER_MINUTE, RoomLimit
from circlekeeper.sessions.dropbox.moderation import DropBoxError, Moderation
from circlekeeper.sessions.dropbox.network import LOOPBACK, check_host, page_url, reach_sentence
from circlekeeper.sessions.dropbox.polls import AnswerRefused, OpenPoll, Poll, Tally
from circlekeeper.sessions.dropbox.queue import QueueFull
from circlekeeper.sessions.engine.events import SessionState
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.languages.speaking import current_language

if TYPE_CHECKING:
    from aiohttp import web

TOKEN_BYTES = 24
"""Random bytes in the link's token (32 characters): far beyond guessing."""

POLL_ANSWERS_PER_MINUTE = 60
"""Poll answers the whole room may send in any minute: a group of 15 answering at once
fits four times over; a phone answering in a loop does not."""
__all__ = ["DropBox", "DropBoxError"]


class DropBox(Moderation):
    """A session's drop-box for anonymous cards.

    Args:
        session: the running session; approved cards become its notes, its clock
            drives the rate limit and its watch list the personal-data check.
        kinds: the kinds of card open (changeable while open, see :attr:`kinds`).
        host: the address to listen on: loopback by default, or one of
            :func:`~.network.list_interfaces` to let phones in the room reach it.
        port: the port to listen on; 0 lets the system pick a free one.
        rate_per_minute: cards the whole room may send in any minute.
        on_card: called with no arguments, soon after the number of waiting cards or
            scale answers went up, for a screen to refresh its counter. It is never
            told what came in.
        rng: the randomness used to shuffle the queue (tests may pass a seeded one).

    Raises:
        NetworkChoiceError: ``host`` is not one plain address.
    """

    def __init__(
        self,
        session: Session,
        *,
        kinds: Iterable[CardKind] = ALL_KINDS,
        host: str = LOOPBACK,
        port: int = 0,
        rate_per_minute: int = DEFAULT_PER_MINUTE,
        on_card: Callable[[], object] | None = None,
        rng: Random | None = None,
    ) -> None:
        check_host(host)
        super().__init__(session, rng=rng)
        self.host = host
        """The address the server listens on (takes effect at the next :meth:`open`)."""
        self.port = port
        """The port asked for (0: any free port), taking effect at the next :meth:`open`."""
        self.on_card = on_card
        """Called with no arguments when more cards or answers came in."""
        self.kinds = frozenset(kinds)
        self._limit = RoomLimit(session.clock, rate_per_minute)
        self._poll_limit = RoomLimit(session.clock, POLL_ANSWERS_PER_MINUTE)
        self._poll: OpenPoll | None = None
        self._token: str | None = None
        self._runner: web.AppRunner | None = None
        self._url: str | None = None
        self._reach = ""

    # Opening and closing ------------------------------------------------------------

    @property
    def kinds(self) -> frozenset[CardKind]:
        """The kinds of card phones can send now; set it when moving to another part."""
        return self._kinds

    @kinds.setter
    def kinds(self, kinds: Iterable[CardKind]) -> None:
        chosen = frozenset(CardKind(kind) for kind in kinds)
        if not chosen:
            raise DropBoxError("choose at least one kind of card for the drop-box")
        self._kinds = chosen

    @property
    def is_open(self) -> bool:
        """Whether phones can send cards now."""
        return self._token is not None and self.session.state is not SessionState.ENDED

    @property
    def url(self) -> str | None:
        """The link to show as a QR code while open, with its token; ``None`` when closed."""
        return self._url if self.is_open else None

    @property
    def reach(self) -> str:
        """Who could open the page, in one sentence for the screen (empty when closed)."""
        return self._reach if self.is_open else ""

    async def open(self) -> str:
        """Start the web server with a new token and return the link to the page.

        Opening a box that is open already returns its link.

        Raises:
            DropBoxError: the session has ended, or the address cannot be listened on.
        """
        if self.is_open and self._url is not None:
            return self._url
        if self.session.state is SessionState.ENDED:
            raise DropBoxError("the session has ended, so the drop-box cannot open")
        await self.close()
        check_host(self.host)
        try:
            # The web server (and aiohttp with it) loads only when a drop-box opens, so the
            # app starts without it.
            from circlekeeper.sessions.dropbox import server

            # The phones read the session's language: its agenda's, else the app's.
            language = current_language().with_tag(self.session.agenda.language)
            app = server.make_app(self, language)
            runner, port = await server.start(app, self.host, self.port)
        except OSError as error:
            reason = error.strerror or str(error)
            raise DropBoxError(
                f"the drop-box cannot listen on {self.host} port {self.port or 'any'}: {reason}"
            ) from None
        self._runner = runner
        self._token = secrets.token_urlsafe(TOKEN_BYTES)
        self._url = page_url(self.host, port, self._token)
        self._reach = reach_sentence(self.host)
        return self._url

    async def close(self) -> None:
        """Stop the server; the link stops working at once. Waiting cards stay queued."""
        self._token = None
        self._url = None
        self._reach = ""
        runner, self._runner = self._runner, None
        if runner is not None:
            from circlekeeper.sessions.dropbox import server

            await server.stop(runner)

    async def __aenter__(self) -> DropBox:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # What the server calls ----------------------------------------------------------

    def token_matches(self, token: str) -> bool:
        """Whether ``token`` opens the drop-box now (compared in constant time)."""
        current = self._token
        if current is None or self.session.state is SessionState.ENDED:
            return False
        return secrets.compare_digest(token.encode("utf-8"), current.encode("ascii"))

    def receive(self, submission: Submission) -> None:
        """Take in one card sent from a phone.

        Raises:
            CardRefused: the room has sent too many cards this minute, or the queue is
                full.
        """
        if not self._limit.try_take():
            raise CardRefused(
                429,
                "Lots of cards have come in this minute. Please wait a minute, then send "
                "yours again.",
                submission.kind,
                submission.text,
            )
        try:
            self._queue.put(submission)
        except QueueFull:
            raise CardRefused(
                503,
                "The drop-box is full until the facilitator has read some cards. Please "
                "try again later.",
                submission.kind,
                submission.text,
            ) from None
        if self.on_card is not None:
            asyncio.get_running_loop().call_soon(self.on_card)

    def retry_after(self) -> int:
        """Seconds until the room may send another card."""
        return self._limit.retry_after()

    # Polls ----------------------------------------------------------------------------

    @property
    def poll(self) -> OpenPoll | None:
        """The poll the phones are asked now, if any."""
        return self._poll

    def open_poll(self, poll: Poll) -> None:
        """Ask ``poll`` on the phones, closing (and forgetting) any poll open before.

        It takes at most as many answers as people present.
        """
        if self._poll is not None:
            self._poll.forget()
        self._poll = OpenPoll(poll, limit=self.session.attendance)
        self._changed()

    def close_poll(self) -> Tally | None:
        """Stop the poll: its tickets are forgotten, its counts returned (``None``: none open)."""
        open_poll, self._poll = self._poll, None
        if open_poll is None:
            return None
        open_poll.forget()
        self._changed()
        return open_poll.tally()

    def answer_poll(self, ticket: str, picks: list[list[int]]) -> None:
        """Count one answer from a phone (see :meth:`.OpenPoll.answer`).

        Raises:
            AnswerRefused: no poll is open, the room answers too fast, or the answer
                does not count (a used ticket, picks that do not fit, everyone answered).
        """
        if self._poll is None:
            raise AnswerRefused(409, "The poll has closed, so the answer was not counted.")
        if not self._poll_limit.try_take():
            raise AnswerRefused(429, "Lots of answers came in this minute. Please send again.")
        self._poll.answer(ticket, picks)
        self._changed()

    def poll_retry_after(self) -> int:
        """Seconds until the room may send another poll answer."""
        return self._poll_limit.retry_after()

    def _changed(self) -> None:
        if self.on_card is not None:
            try:
                asyncio.get_running_loop().call_soon(self.on_card)
            except RuntimeError:
                self.on_card()  # no loop is running: told at once
