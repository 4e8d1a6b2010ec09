"""A real browser at a phone's size fills in the drop-box's forms and sends them.

Headless Chromium is driven over its DevTools protocol with aiohttp's websocket client:
the test types into the page and clicks the send buttons, so the browser itself
submits the forms, follows the redirect and shows the thanks. The page's own
Content-Security-Policy stays in force, and the test checks the browser reported no
violation of it (the inline style is allowed by its hash, so it applies).

Skipped with the reason when ``/usr/bin/chromium`` is not installed.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from browser_support import PHONE_SIZE, Browser, chromium
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.dropbox import CardKind, DropBox
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Part

pytestmark = pytest.mark.slow


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[Browser]:
    async with chromium(tmp_path / "profile", window=PHONE_SIZE) as browser:
        await browser.call("Log.enable")
        # A desktop window is never narrower than 500 pixels, so the phone's screen is
        # emulated too (touch-sized, honouring the viewport tag).
        await browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=PHONE_SIZE[0], height=PHONE_SIZE[1], deviceScaleFactor=3, mobile=True,
        )  # fmt: skip
        yield browser


@pytest.fixture
def session() -> Session:
    agenda = Agenda(name="test", title="Test", parts=(Part("Sharing", 30, line=1),))
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(record, agenda, FakeClock(), session_id="browser", attendance=6)
    session.start()
    return session


async def test_a_phone_sized_browser_sends_cards_through_the_forms(
    browser: Browser, session: Session
) -> None:
    async with DropBox(session) as box:
        assert box.url is not None
        await browser.go(box.url)
        assert await browser.value("window.innerWidth") == PHONE_SIZE[0]
        assert await browser.value("document.title") == "Send a card"
        # Nothing sticks out sideways on a phone.
        assert await browser.value("document.documentElement.scrollWidth") <= PHONE_SIZE[0]
        # The inline style applied, so the policy's hash matches it.
        button = "form[aria-labelledby=question-title] button"
        assert (
            await browser.value(
                f"getComputedStyle(document.querySelector({json.dumps(button)})).minHeight"
            )
            == "54px"
        )

        text = "Typed on a phone: how do others switch off after work?"
        await browser.value(f"document.querySelector('#question-text').value = {json.dumps(text)}")
        await browser.click_and_wait(button)
        assert await browser.value("location.href") == box.url + "sent"
        assert "Your card is in the box" in await browser.value("document.body.innerText")

        await browser.click_and_wait("a.button")
        assert await browser.value("location.href") == box.url
        await browser.value("document.querySelector('input[name=scale][value=\"3\"]').click()")
        await browser.click_and_wait("form[aria-labelledby=how-i-am-title] button")
        assert await browser.value("location.href") == box.url + "sent"

        # An empty card is stopped by the browser itself: the box is marked required.
        await browser.go(box.url)
        topic = json.dumps("form[aria-labelledby=topic-title]")
        assert await browser.value(f"document.querySelector({topic}).checkValidity()") is False

        cards = box.open_queue()
        assert [(c.kind, c.text) for c in cards] == [(CardKind.QUESTION, text)]
        assert box.scale_answers() == 1
    problems = [
        e["params"]["entry"]["text"]
        for e in browser.events
        if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
    ]
    assert not [p for p in problems if "Content Security Policy" in p], problems
