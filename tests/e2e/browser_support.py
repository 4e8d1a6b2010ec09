"""A headless Chromium page driven over the DevTools protocol, for the browser tests."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from typing import Any

import aiohttp

CHROMIUM = "/usr/bin/chromium"
PHONE_SIZE = (390, 844)
STEP_SECONDS = 20


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
