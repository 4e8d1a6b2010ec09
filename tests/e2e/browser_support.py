"""A headless Chromium page driven over the DevTools protocol, for the browser tests:
:func:`chromium` opens one that can reach no host but 127.0.0.1, :func:`drawn_text` reads
what the served app drew, and :meth:`Browser.key` presses a key in the page."""

from __future__ import annotations

import asyncio
import base64
import codecs
import contextlib
import itertools
import json
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from serve_support import ANSI

CHROMIUM = "/usr/bin/chromium"
PHONE_SIZE = (390, 844)
STEP_SECONDS = 20
DRAW_SECONDS = 60


class Browser:
    """One page of a headless Chromium, driven over the DevTools protocol."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        number = next(self._ids)
        await self.socket.send_json({"id": number, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.socket.receive_json(), STEP_SECONDS)
            if message.get("id") == number:
                assert "error" not in message, message
                return message["result"]
            self.events.append(message)

    async def wait_for(self, event: str) -> None:
        """Wait until ``event`` arrives (or has arrived since the last wait)."""
        while True:
            for index, seen in enumerate(self.events):
                if seen.get("method") == event:
                    del self.events[: index + 1]
                    return
            self.events.append(await asyncio.wait_for(self.socket.receive_json(), STEP_SECONDS))

    async def value(self, expression: str) -> Any:
        """The value of a JavaScript expression evaluated in the page."""
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    async def go(self, url: str) -> None:
        await self.call("Page.navigate", url=url)
        await self.wait_for("Page.loadEventFired")

    async def key(
        self, key: str, code: str, key_code: int, *, text: str = "", modifiers: int = 0
    ) -> None:
        """Press and release a key as a keyboard does (modifiers: 2 ctrl, 8 shift)."""
        down = {"key": key, "code": code, "windowsVirtualKeyCode": key_code}
        typed = {"text": text, "unmodifiedText": text} if text else {}
        await self.call(
            "Input.dispatchKeyEvent", type="keyDown" if text else "rawKeyDown",
            modifiers=modifiers, **down, **typed,
        )  # fmt: skip
        await self.call("Input.dispatchKeyEvent", type="keyUp", modifiers=modifiers, **down)

    async def click_and_wait(self, selector: str) -> None:
        """Click a button and wait for the page the browser loads after it."""
        await self.value(f"document.querySelector({json.dumps(selector)}).click()")
        await self.wait_for("Page.loadEventFired")


async def devtools_port(process: asyncio.subprocess.Process) -> int:
    """The port Chromium says its DevTools listen on."""
    assert process.stderr is not None
    while line := await process.stderr.readline():
        found = re.search(rb"DevTools listening on ws://[^:]+:(\d+)/", line)
        if found:
            return int(found.group(1))
    raise AssertionError("chromium stopped before it opened its DevTools port")


@contextlib.asynccontextmanager
async def chromium(
    profile: Path, *, window: tuple[int, int] = (1200, 800), local: bool = True
) -> AsyncIterator[Browser]:
    """A headless Chromium page with its page and network events on.

    Args:
        profile: an empty folder for the browser's profile.
        window: the window's size in pixels.
        local: whether 127.0.0.1 can be reached; every other host name never resolves.
    """
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (Debian's chromium package)")
    rules = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" if local else "MAP * ~NOTFOUND"
    process = await asyncio.create_subprocess_exec(
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", f"--host-resolver-rules={rules}",
        "--remote-debugging-port=0", f"--user-data-dir={profile}",
        f"--window-size={window[0]},{window[1]}", "about:blank",
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        port = await asyncio.wait_for(devtools_port(process), 20)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as listing:
                targets = await listing.json()
            (page,) = [t for t in targets if t["type"] == "page"]
            async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as socket:
                browser = Browser(socket)
                await browser.call("Page.enable")
                await browser.call("Network.enable")
                yield browser
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 10)
        except asyncio.TimeoutError:
            process.kill()
            await process.wait()


async def drawn_text(browser: Browser, wanted: str, since: int = 0) -> str:
    """What the app drew over the websocket, once ``wanted`` is among it (or time is up),
    counting only what came after the first ``since`` events of :attr:`Browser.events`."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DRAW_SECONDS
    raw = ""
    seen = since
    while wanted not in ANSI.sub("", raw) and loop.time() < deadline:
        for event in browser.events[seen:]:
            if event.get("method") == "Network.webSocketFrameReceived":
                frame = event["params"]["response"]
                if frame["opcode"] == 2:
                    raw += decoder.decode(base64.b64decode(frame["payloadData"]))
        seen = len(browser.events)
        with contextlib.suppress(asyncio.TimeoutError):
            browser.events.append(await asyncio.wait_for(browser.socket.receive_json(), 1))
    return ANSI.sub("", raw)


async def more_events(browser: Browser, seconds: float) -> None:
    """Keep the events that arrive in the next ``seconds``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while (left := deadline - loop.time()) > 0:
        with contextlib.suppress(asyncio.TimeoutError):
            browser.events.append(await asyncio.wait_for(browser.socket.receive_json(), left))
