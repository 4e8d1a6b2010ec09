"""``circlekeeper serve`` in a real browser: the app runs, and nothing comes from elsewhere.

Headless Chromium opens the served page with every host name made unresolvable
(``--host-resolver-rules``), so a font or a script from any other host could not load;
the DevTools protocol's network log lists every request the page made, and every one
must go to the served address. The app must still draw its home screen (read from the
websocket's frames, as the terminal is drawn on a canvas) in the bundled font. With
``--allow-network`` the printed address with its token opens the page, and the token
leaves the address bar for a cookie.

Skipped with the reason when ``/usr/bin/chromium`` is not installed.
"""

from __future__ import annotations

import asyncio
import base64
import codecs
import contextlib
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from browser_support import CHROMIUM, Browser, devtools_port
from serve_support import ANSI, PROGRAM, free_port, stop, wait_for_line
from yarl import URL

pytestmark = pytest.mark.slow

DRAW_SECONDS = 60


@contextlib.asynccontextmanager
async def chromium(profile: Path) -> AsyncIterator[Browser]:
    """A headless Chromium page that can reach no host but 127.0.0.1."""
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (Debian's chromium package)")
    process = await asyncio.create_subprocess_exec(
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--remote-debugging-port=0", f"--user-data-dir={profile}",
        "--window-size=1200,800", "about:blank",
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


async def drawn_text(browser: Browser, wanted: str) -> str:
    """What the app drew over the websocket, once ``wanted`` is among it (or time is up)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DRAW_SECONDS
    raw = ""
    seen = 0
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


@pytest.mark.parametrize("options", [[], ["--allow-network"]], ids=["loopback", "token"])
async def test_the_page_runs_the_app_and_asks_no_other_host(
    tmp_path: Path, options: list[str]
) -> None:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        PROGRAM, "--data-dir", str(tmp_path / "data"), "serve", "--port", str(port), *options,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        said = await wait_for_line(process, "Ctrl+C", timeout=30)
        found = re.search(r"open (http://\S+) in a web browser", said)
        assert found, said
        base = f"http://127.0.0.1:{port}/"
        async with chromium(tmp_path / "profile") as browser:
            # Not browser.go: it drops the events before the load, requests among them.
            await browser.call("Page.navigate", url=found.group(1))
            text = await drawn_text(browser, "Agendas")
            assert "Agendas" in text, f"the app never drew its home screen:\n{text[-2000:]}"
            # With a token, the first visit leaves it in a cookie, not in the address bar.
            assert await browser.value("location.href") == base
            assert await browser.value("document.body.classList.contains('-first-byte')")
            # The page's font, as the terminal asks for it, loads (from this server).
            loaded = await browser.call(
                "Runtime.evaluate",
                expression="document.fonts.load('16px \"Roboto Mono\"')"
                ".then(faces => faces.map(face => face.status).join(','))",
                awaitPromise=True,
                returnByValue=True,
            )
            fonts = loaded["result"].get("value")
            await more_events(browser, seconds=1)  # the font request's among them
            requested = [
                e["params"]["request"]["url"] if "request" in e["params"] else e["params"]["url"]
                for e in browser.events
                if e.get("method") in ("Network.requestWillBeSent", "Network.webSocketCreated")
            ]
            failed = [
                e["params"].get("errorText")
                for e in browser.events
                if e.get("method") == "Network.loadingFailed"
            ]
    finally:
        stop(process)
        await process.wait()
    assert requested, "the network log recorded nothing"
    elsewhere = [u for u in requested if not u.startswith(("data:", "blob:"))]
    elsewhere = [u for u in elsewhere if (URL(u).host, URL(u).port) != ("127.0.0.1", port)]
    assert elsewhere == [], elsewhere
    assert failed == [], failed
    assert base in requested and f"ws://127.0.0.1:{port}/ws" in " ".join(requested), requested
    assert any("/static/fonts/RobotoMono-" in url for url in requested), requested
    assert fonts == "loaded", fonts
