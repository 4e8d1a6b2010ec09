"""``circlekeeper serve`` in a real browser: the app runs, and nothing comes from elsewhere.

Headless Chromium opens the served page with every host name made unresolvable
(``--host-resolver-rules``), so a font or a script from any other host could not load;
the DevTools protocol's network log lists every request the page made, and every one
must go to the served address. The app must still draw its home screen (read from the
websocket's frames, as the terminal is drawn on a canvas) in the bundled font. With
``--allow-network`` the printed address with its token opens the page, and the token
leaves the address bar for a cookie. The crisis key reaches the app through the page:
``!`` on the home screen, and the typing chord ``ctrl+\\`` in a dialog's text box, which
neither Chromium nor the terminal in the page keeps for itself.

Skipped with the reason when ``/usr/bin/chromium`` is not installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import chromium, drawn_text, more_events
from serve_support import serving
from yarl import URL

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("options", [[], ["--allow-network"]], ids=["loopback", "token"])
async def test_the_page_runs_the_app_and_asks_no_other_host(
    tmp_path: Path, options: list[str]
) -> None:
    async with serving(["--data-dir", str(tmp_path / "data")], *options) as (port, said):
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
    assert requested, "the network log recorded nothing"
    elsewhere = [u for u in requested if not u.startswith(("data:", "blob:"))]
    elsewhere = [u for u in elsewhere if (URL(u).host, URL(u).port) != ("127.0.0.1", port)]
    assert elsewhere == [], elsewhere
    assert failed == [], failed
    assert base in requested and f"ws://127.0.0.1:{port}/ws" in " ".join(requested), requested
    assert any("/static/fonts/RobotoMono-" in url for url in requested), requested
    assert fonts == "loaded", fonts


async def test_the_crisis_key_and_its_typing_chord_reach_the_app_through_the_browser(
    tmp_path: Path,
) -> None:
    async with (
        serving(["--data-dir", str(tmp_path / "data")]) as (port, _said),
        chromium(tmp_path / "profile") as browser,
    ):
        await browser.call("Page.navigate", url=f"http://127.0.0.1:{port}/")
        assert "Agendas" in await drawn_text(browser, "Agendas")
        # Keys go to the terminal's own input box, as a click on the page would.
        await browser.value("document.querySelector('.xterm-helper-textarea').focus()")
        # `!` where no text box has the focus: the home screen's agenda list.
        since = len(browser.events)
        await browser.key("!", "Digit1", 49, text="!", modifiers=8)
        assert "Support is available" in await drawn_text(browser, "Support is", since)
        since = len(browser.events)
        await browser.key("Escape", "Escape", 27, text="\x1b")
        assert "After the crisis" in await drawn_text(browser, "After the crisis", since)
        since = len(browser.events)
        await browser.key("Escape", "Escape", 27, text="\x1b")
        assert "stays due" in await drawn_text(browser, "stays due", since)
        # The typing chord, in the attendance box of the dialog that starts a session.
        since = len(browser.events)
        await browser.key("Enter", "Enter", 13, text="\r")
        assert "How many people" in await drawn_text(browser, "How many people", since)
        await browser.key("4", "Digit4", 52, text="4")
        since = len(browser.events)
        await browser.key("\\", "Backslash", 220, modifiers=2)
        drawn = await drawn_text(browser, "Support is available", since)
        assert "Support is available" in drawn, drawn[-1500:]
