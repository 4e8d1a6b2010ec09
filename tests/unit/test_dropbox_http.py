"""The phone side over real HTTP: the drop-box's server on 127.0.0.1, driven by aiohttp.

Each test opens a real :class:`DropBox` (a real ``TCPSite`` on a free port) over a
session saved in a real file, and talks to it as a phone would.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser

import aiohttp
import pytest
from yarl import URL

from circlekeeper.sessions.dropbox import CardKind, DropBox, server
from circlekeeper.sessions.dropbox.cards import MAX_BODY_BYTES, MAX_CARD_CHARS
from circlekeeper.sessions.dropbox.poll_kinds import (
    lean_coffee_poll,
    rating_of,
    rating_poll,
    thumbs_poll,
)
from circlekeeper.sessions.engine.clock import FakeClock

HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
FORM = "application/x-www-form-urlencoded"


async def send(http: aiohttp.ClientSession, url: str, **fields: str) -> aiohttp.ClientResponse:
    response = await http.post(url, data=fields, allow_redirects=False)
    await response.read()
    return response


def assert_safe_headers(response: aiohttp.ClientResponse) -> None:
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    policy = response.headers["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'; style-src 'sha256-")
    for rule in ("form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"):
        assert rule in policy
    assert "Set-Cookie" not in response.headers
    assert response.headers["Server"] == "circlekeeper"


class Links(HTMLParser):
    """Every URL-valued attribute and tag name of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action", "srcset")]


async def test_the_page_is_plain_html_with_no_script_and_nothing_from_outside(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    assert box.url is not None and box.url.startswith("http://127.0.0.1:")
    token = box.url.rsplit("/", 2)[1]
    assert len(token) >= 32
    response = await http.get(box.url)
    page = await response.text()
    assert response.status == 200
    assert response.content_type == "text/html"
    assert_safe_headers(response)
    assert "<script" not in page.lower()
    links = Links()
    links.feed(page)
    assert links.urls == [f"/{token}/"] * 3
    assert not links.tags & {"script", "img", "link", "iframe", "object", "embed"}
    assert not re.search(r"(?i)\b(https?:)?//", page)
    for label in ("Question", "How I am", "Topic for next time"):
        assert label in page
    assert page.count('type="radio" name="scale"') == 5


async def test_only_the_kinds_open_for_the_part_are_offered(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    box.kinds = {CardKind.TOPIC}
    assert box.url is not None
    page = await (await http.get(box.url)).text()
    assert 'value="topic"' in page and 'value="question"' not in page
    response = await send(http, box.url, kind="question", text="Why?")
    assert response.status == 400
    assert box.waiting_count() == 0


async def test_a_card_is_sent_thanked_and_waits_in_the_queue(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    assert box.url is not None
    response = await send(http, box.url, kind="question", text="How do others say no?")
    assert response.status == 303
    assert_safe_headers(response)
    thanks = await http.get(box.url + response.headers["Location"].rsplit("/", 1)[1])
    assert thanks.status == 200
    thanks_page = await thanks.text()
    assert "Your card is in the box" in thanks_page
    assert f'href="/{box.url.rsplit("/", 2)[1]}/">Send another card' in thanks_page
    await send(http, box.url, kind="how-i-am", scale="2", text="tired")
    await send(http, box.url, kind="how-i-am", scale="4")
    assert (box.new_count(), box.waiting_count(), box.scale_answers()) == (2, 2, 2)
    cards = box.open_queue()
    assert {(c.kind, c.text) for c in cards} == {
        (CardKind.QUESTION, "How do others say no?"),
        (CardKind.HOW_I_AM, "tired"),
    }
    assert box.new_count() == 0


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"kind": "question", "text": "  "}, 400, "The card is empty"),
        ({"kind": "topic", "text": "\u200b\u200d\ufeff"}, 400, "no words that can be seen"),
        ({"kind": "question", "text": "x" * (MAX_CARD_CHARS + 1)}, 400, "501 characters"),
        ({"kind": "how-i-am", "text": "meh"}, 400, "number from 1 to 5"),
        ({"kind": "sneaky", "text": "hello"}, 400, "could not be read"),
    ],
)
async def test_bad_cards_get_a_refusal_page_and_nothing_is_queued(
    box: DropBox, http: aiohttp.ClientSession, fields: dict[str, str], status: int, words: str
) -> None:
    assert box.url is not None
    response = await http.post(box.url, data=fields)
    page = await response.text()
    assert response.status == status
    assert_safe_headers(response)
    assert words in page and 'role="alert"' in page
    # A link or a form leads back to the cards.
    assert f'"/{box.url.rsplit("/", 2)[1]}/"' in page
    assert box.waiting_count() == 0 and box.scale_answers() == 0


async def test_what_was_typed_comes_back_escaped_after_a_refusal(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    assert box.url is not None
    text = "<script>alert('x')</script> & " + "y" * MAX_CARD_CHARS
    page = await (await http.post(box.url, data={"kind": "topic", "text": text})).text()
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; yyy" in page
    # The card given back comes first, under the sentence saying what to change.
    assert page.index('role="alert"') < page.index('value="topic"') < page.index('"question"')


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"kind=question&text=%FF%FE", {"Content-Type": FORM}, 400),
        (b"kind=question&text=caf\xe9", {"Content-Type": FORM}, 400),
        (b"kind=question&text=" + b"a" * MAX_BODY_BYTES, {"Content-Type": FORM}, 413),
        (b'{"kind": "question"}', {"Content-Type": "application/json"}, 415),
        (b"kind=question&text=hi", {"Content-Type": "multipart/form-data; boundary=x"}, 415),
    ],
    ids=["bad-percent-utf8", "raw-latin1", "oversized", "json", "multipart"],
)
async def test_unreadable_or_oversized_bodies_are_refused(
    box: DropBox, http: aiohttp.ClientSession, body: bytes, headers: dict[str, str], status: int
) -> None:
    assert box.url is not None
    response = await http.post(box.url, data=body, headers=headers)
    page = await response.text()
    assert response.status == status
    assert_safe_headers(response)
    assert "Back to the cards" in page
    assert box.waiting_count() == 0
    # The server is still there and well.
    assert (await http.get(box.url)).status == 200


async def test_an_oversized_body_without_a_length_is_cut_off(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"kind=question&text="
        for _ in range(64):
            yield b"a" * 1024

    assert box.url is not None
    response = await http.post(box.url, data=chunks(), headers={"Content-Type": FORM})
    assert response.status == 413
    assert box.waiting_count() == 0


async def test_the_21st_card_in_a_minute_is_refused_for_the_whole_room(
    box: DropBox, http: aiohttp.ClientSession, clock: FakeClock
) -> None:
    assert box.url is not None
    for n in range(20):
        assert (await send(http, box.url, kind="question", text=f"card {n}")).status == 303
    clock.advance(59)
    refused = await http.post(box.url, data={"kind": "question", "text": "one more"})
    page = await refused.text()
    assert refused.status == 429
    assert refused.headers["Retry-After"] == "1"
    assert "wait a minute" in page and "one more</textarea>" in page
    assert box.waiting_count() == 20
    clock.advance(1)
    assert (await send(http, box.url, kind="question", text="one more")).status == 303
    assert box.waiting_count() == 21


async def test_a_wrong_token_or_another_path_is_a_plain_404(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    assert box.url is not None
    base, token = box.url.rsplit("/", 2)[0], box.url.rsplit("/", 2)[1]
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    for url in (f"{base}/{wrong}/", f"{base}/", f"{base}/{token}", f"{base}/{wrong}/sent"):
        response = await http.get(url)
        assert response.status == 404, url
        assert_safe_headers(response)
        assert token not in await response.text()
    assert (await send(http, f"{base}/{wrong}/", kind="question", text="hi")).status == 404
    for raw in ("/%FF%FE/", "/%ED%A0%80/", "/%00/sent", "/" + "a" * 4000 + "/"):
        assert (await http.get(URL(base + raw, encoded=True))).status == 404
    response = await http.put(box.url, data=b"x")
    assert response.status == 405
    assert_safe_headers(response)
    assert box.waiting_count() == 0


async def test_a_phone_that_stalls_mid_card_is_cut_off(
    box: DropBox, http: aiohttp.ClientSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "READ_SECONDS", 0.05)
    assert box.url is not None
    host, port = box.url.split("/")[2].split(":")
    path = "/" + box.url.split("/", 3)[3]
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {FORM}\r\n"
            "Content-Length: 100\r\n\r\nkind=question&text=half".encode("ascii")
        )
        await writer.drain()
        answer = await asyncio.wait_for(reader.readuntil(b"</html>"), 10)
    finally:
        writer.close()
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b"Sending took too long" in answer
    assert box.waiting_count() == 0
    assert (await send(http, box.url, kind="question", text="still here")).status == 303


def ticket_of(page: str) -> str:
    found = re.search(r'name="ticket" value="([^"]+)"', page)
    assert found is not None
    return found[1]


async def test_a_rating_poll_is_answered_from_the_page_once_and_kept_as_counts(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    assert box.url is not None
    token = box.url.rsplit("/", 2)[1]
    assert 'name="ticket"' not in await (await http.get(box.url)).text()
    box.open_poll(rating_poll())
    response = await http.get(box.url)
    page = await response.text()
    assert_safe_headers(response)
    links = Links()
    links.feed(page)
    assert links.urls == [f"/{token}/poll"] + [f"/{token}/"] * 3
    assert "<script" not in page.lower() and "anonymous" in page
    assert page.count('type="radio" name="q') == 44
    ticket = ticket_of(page)
    answer = {"ticket": ticket, "q0": "9", "q1": "7", "q2": "8", "q3": "10"}
    response = await send(http, box.url + "poll", **answer)
    assert response.status == 303
    thanks = await http.get(box.url + "answered")
    assert "Your answer is counted" in await thanks.text()
    again = await send(http, box.url + "poll", **answer)  # the same page sent twice
    assert again.status == 409
    fresh = ticket_of(await (await http.get(box.url)).text())
    missing = await http.post(box.url + "poll", data={"ticket": fresh, "q0": "5"})
    assert missing.status == 400 and "Please answer" in await missing.text()
    await send(http, box.url + "poll", **{**answer, "ticket": fresh, "q0": "5", "q3": "6"})
    tally = box.close_poll()
    assert tally is not None and rating_of(tally) == (2, (7.0, 7.0, 8.0, 8.0))
    late = await send(http, box.url + "poll", **{**answer, "ticket": ticket_of(page)})
    assert late.status == 409
    assert 'name="ticket"' not in await (await http.get(box.url)).text()


async def test_lean_coffee_votes_take_two_picks_and_topic_words_stay_data(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    assert box.url is not None
    box.open_poll(lean_coffee_poll(["<b>Boundaries</b>", "Sleep", "Saying no"]))
    page = await (await http.get(box.url)).text()
    assert "&lt;b&gt;Boundaries&lt;/b&gt;" in page and "<b>" not in page
    assert page.count('type="checkbox" name="q0"') == 3 and "Pick up to 2" in page
    too_many = await http.post(
        box.url + "poll", data=[("ticket", ticket_of(page)), *(("q0", v) for v in "012")]
    )
    assert too_many.status == 400 and "at most 2" in await too_many.text()
    voted = await http.post(
        box.url + "poll", data=[("ticket", ticket_of(page)), ("q0", "0"), ("q0", "2")]
    )
    assert voted.status == 200 and "Your answer is counted" in await voted.text()
    kept = ticket_of(await (await http.get(box.url)).text())
    box.open_poll(thumbs_poll("Sleep"))  # opening the next poll closes the vote
    stale = await send(http, box.url + "poll", ticket=kept, q0="1")
    assert stale.status == 409
    tally = box.close_poll()
    assert tally is not None and tally.answers == 0
