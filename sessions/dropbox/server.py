"""The drop-box's web server: a few tiny handlers on aiohttp, in the app's own event loop.

Routes, all under the drop-box's token:

- ``GET /<token>/``: the cards to fill in;
- ``POST /<token>/``: a card sent; answered with a redirect to the thanks, or a refusal;
- ``GET /<token>/sent``: the thanks, with a link to send another;
- ``POST /<token>/poll``: an answer to the open poll (see :mod:`.polls`), counted and
  answered with a redirect to ``GET /<token>/answered``, or refused with the page again.

Anything else, and any wrong or expired token, is a plain 404 that says nothing about
whether a drop-box exists. Every answer carries :data:`~.pages.SECURITY_HEADERS`.

Nothing about a request is kept or logged: aiohttp's access log is off, its server and
application loggers are replaced by one that drops every record (aiohttp quotes the bytes
of a request it cannot parse, form body included, in "Error handling request"), and
handlers read only the path, the content type and length, and the body. Each handler does a
bounded amount of work (a body of at most :data:`~.cards.MAX_BODY_BYTES`, read within
:data:`READ_SECONDS`), so a flood of requests can neither crash the app nor hold up
the facilitator's screen, which runs in the same event loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol
from urllib.parse import parse_qsl

from aiohttp import web

from circlekeeper.sessions.dropbox.cards import (
    MAX_BODY_BYTES,
    CardKind,
    CardRefused,
    Submission,
    read_form,
)
from circlekeeper.sessions.dropbox.pages import (
    SECURITY_HEADERS,
    answered_page,
    closed_page,
    form_page,
    refusal_page,
    sent_page,
)
from circlekeeper.sessions.dropbox.poll_pages import poll_form
from circlekeeper.sessions.dropbox.polls import AnswerRefused, OpenPoll, read_picks
from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.languages.speaking import N_, _, current_language, speaking

READ_SECONDS = 10.0
"""How long a phone may take to send a card's body; a slower one is cut off, so no
connection can hold a handler open."""

KEEPALIVE_SECONDS = 15.0
"""How long an idle connection stays open between two pages."""

SHUTDOWN_SECONDS = 2.0
"""How long closing the drop-box waits for a card being sent at that moment."""

FORM_TYPE = "application/x-www-form-urlencoded"

_log = logging.getLogger(__name__)


class _Discard(logging.Logger):
    """A logger that drops every record, whatever the logging configuration says.

    It is not registered with :mod:`logging`, so no handler, level or configuration set
    elsewhere can make it write; nothing aiohttp says about a request is ever formatted.
    """

    def isEnabledFor(self, level: int) -> bool:  # noqa: N802 (logging's own name)
        return False

    def handle(self, record: logging.LogRecord) -> None:
        return None


_DISCARD = _Discard("circlekeeper.dropbox.requests")

_STATUS_SENTENCES = {
    405: N_("That is not something this page can do. Go back to the cards."),
    408: N_("Sending took too long. Please try again."),
    413: N_("That was too much to send at once. Keep a card short."),
    415: N_("The card could not be read. Please type it again and send it."),
}

_LANGUAGE = web.AppKey("language", Language)
"""The language the pages speak."""


class Desk(Protocol):
    """What the server needs from the drop-box behind it."""

    @property
    def kinds(self) -> frozenset[CardKind]:
        """The kinds of card open now."""
        ...

    def token_matches(self, token: str) -> bool:
        """Whether ``token`` is the drop-box's current token (and the box is open)."""
        ...

    def receive(self, submission: Submission) -> None:
        """Take one card in.

        Raises:
            CardRefused: the room has sent too many cards, or the queue is full.
        """
        ...

    def retry_after(self) -> int:
        """Seconds until the room may send another card."""
        ...

    @property
    def poll(self) -> OpenPoll | None:
        """The poll open now, if any."""
        ...

    def answer_poll(self, ticket: str, picks: list[list[int]]) -> None:
        """Count one poll answer.

        Raises:
            AnswerRefused: it does not count (see :meth:`.DropBox.answer_poll`).
        """
        ...

    def poll_retry_after(self) -> int:
        """Seconds until the room may send another poll answer."""
        ...


def make_app(desk: Desk, language: Language | None = None) -> web.Application:
    """The aiohttp application serving ``desk``'s pages, in ``language`` (else the one
    spoken when it was made)."""
    app = web.Application(middlewares=[_guard], client_max_size=MAX_BODY_BYTES + 1, logger=_DISCARD)
    app[_LANGUAGE] = language or current_language()
    handlers = _Handlers(desk)
    app.router.add_get("/{token}/", handlers.form)
    app.router.add_post("/{token}/", handlers.send)
    app.router.add_get("/{token}/sent", handlers.sent)
    app.router.add_post("/{token}/poll", handlers.answer)
    app.router.add_get("/{token}/answered", handlers.answered)
    return app


async def start(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    """Serve ``app`` on ``host``:``port`` (0: a free port the system picks).

    Returns:
        The running runner (give it to :func:`stop`) and the port it listens on.

    Raises:
        OSError: the address cannot be listened on.
    """
    runner = web.AppRunner(
        app,
        access_log=None,
        logger=_DISCARD,
        handle_signals=False,
        keepalive_timeout=KEEPALIVE_SECONDS,
        shutdown_timeout=SHUTDOWN_SECONDS,
    )
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except BaseException:
        await runner.cleanup()
        raise
    return runner, runner.addresses[0][1]


async def stop(runner: web.AppRunner) -> None:
    """Stop serving: close the listening socket and every open connection."""
    await runner.cleanup()


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn every failure into a plain page, and put the security headers on every answer."""
    # Every page is written in the session's language, whatever the app speaks.
    with speaking(request.app[_LANGUAGE]):
        response = await _answer(request, handler)
    response.headers.update(SECURITY_HEADERS)
    return response


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as error:
        response = _failure_page(error.status)
    except asyncio.CancelledError:
        raise
    except Exception as error:
        # Only the kind of failure is logged: its message or a traceback's locals could
        # quote what the phone sent.
        _log.error("the drop-box could not answer a request (%s)", type(error).__name__)
        sentence = _("Something went wrong, and the card was not sent. Please try again.")
        response = _html(refusal_page(sentence, None), 500)
    return response


def _failure_page(status: int) -> web.Response:
    if status in _STATUS_SENTENCES:
        return _html(refusal_page(_(_STATUS_SENTENCES[status]), None), status)
    return _html(closed_page(), 404)


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


class _Handlers:
    """The request handlers, bound to one desk."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def _token(self, request: web.Request) -> str:
        token = request.match_info["token"]
        if not self.desk.token_matches(token):
            raise web.HTTPNotFound()
        return token

    async def form(self, request: web.Request) -> web.Response:
        token = self._token(request)
        return _html(form_page(token, self.desk.kinds, poll=self._poll_form(token)))

    def _poll_form(self, token: str) -> str:
        open_poll = self.desk.poll
        if open_poll is None:
            return ""
        return poll_form(token, open_poll.poll, open_poll.ticket())

    async def answered(self, request: web.Request) -> web.Response:
        return _html(answered_page(self._token(request)))

    async def answer(self, request: web.Request) -> web.Response:
        token = self._token(request)
        try:
            body = await self._body(request)
            fields: dict[str, list[str]] = {}
            for name, value in parse_qsl(body.decode("utf-8", "replace"), max_num_fields=200):
                fields.setdefault(name, []).append(value)
            open_poll = self.desk.poll
            if open_poll is None:
                raise AnswerRefused(409, "The poll has closed, so the answer was not counted.")
            picks = read_picks(open_poll.poll, fields)
            self.desk.answer_poll(fields.get("ticket", [""])[0], picks)
        except CardRefused as refused:
            return self._refusal(token, refused)
        except AnswerRefused as refused:
            problem = str(refused)
            page = form_page(token, self.desk.kinds, problem=problem, poll=self._poll_form(token))
            response = _html(page, refused.status)
            if refused.status == 429:
                response.headers["Retry-After"] = str(self.desk.poll_retry_after())
            return response
        except ValueError:
            # More fields than any poll has: not an answer from our page.
            return self._refusal(token, CardRefused(413, _STATUS_SENTENCES[413]))
        return web.Response(status=303, headers={"Location": f"/{token}/answered"})

    async def sent(self, request: web.Request) -> web.Response:
        return _html(sent_page(self._token(request)))

    async def send(self, request: web.Request) -> web.Response:
        token = self._token(request)
        try:
            body = await self._body(request)
            self.desk.receive(read_form(body, self.desk.kinds))
        except CardRefused as refused:
            return self._refusal(token, refused)
        return web.Response(status=303, headers={"Location": f"/{token}/sent"})

    async def _body(self, request: web.Request) -> bytes:
        if request.content_type != FORM_TYPE:
            raise CardRefused(415, _STATUS_SENTENCES[415])
        length = request.content_length
        if length is not None and length > MAX_BODY_BYTES:
            raise CardRefused(413, _STATUS_SENTENCES[413])
        try:
            # request.read() stops at the app's client_max_size, chunked bodies too.
            return await asyncio.wait_for(request.read(), READ_SECONDS)
        except web.HTTPRequestEntityTooLarge:
            raise CardRefused(413, _STATUS_SENTENCES[413]) from None
        except asyncio.TimeoutError:
            raise CardRefused(408, _STATUS_SENTENCES[408]) from None

    def _refusal(self, token: str, refused: CardRefused) -> web.Response:
        kinds = self.desk.kinds
        if refused.kind in kinds and refused.keep_text is not None:
            page = form_page(
                token, kinds, problem=str(refused), kind=refused.kind, text=refused.keep_text
            )
        else:
            page = refusal_page(str(refused), token)
        response = _html(page, refused.status)
        if refused.status == 429:
            response.headers["Retry-After"] = str(self.desk.retry_after())
        if refused.status in (408, 413):
            # The rest of the body was not read, so this connection cannot carry another.
            response.force_close()
        return response
