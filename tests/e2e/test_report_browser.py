"""The coordinator's HTML report in headless Chromium: it draws its charts, asks nothing.

Two facilitators' records are exported and combined by the installed program; the page is
opened from disk with every host name unresolvable and the DevTools network log on. Its
inline SVG charts must be drawn (laid out with a size, bars inside), and it must make no
request but for its own file. A copy of the page without its Content-Security-Policy and
with an image from elsewhere shows the network check catches a request.
"""

from __future__ import annotations

import asyncio
import re
import subprocess

import pytest
from browser_support import Browser, chromium
from export_example import saved_session
from serve_support import PROGRAM

from circlekeeper.sessions.settings.folders import Folders

pytestmark = pytest.mark.slow


def run(*args: str) -> None:
    done = subprocess.run([PROGRAM, *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


async def load(browser: Browser, url: str) -> None:
    """Open ``url`` and keep every event up to its load (Browser.go drops them)."""
    browser.events.clear()
    await browser.call("Page.navigate", url=url)
    while not any(e.get("method") == "Page.loadEventFired" for e in browser.events):
        browser.events.append(await asyncio.wait_for(browser.socket.receive_json(), 20))


def requests(browser: Browser) -> list[str]:
    urls = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    browser.events.clear()
    return [u for u in urls if not u.startswith("file:")]


async def test_the_report_draws_its_svg_charts_and_makes_no_request(tmp_path) -> None:
    records = []
    for name in ("anna", "ben"):
        folders = Folders.under(tmp_path / name)
        session_id = saved_session(folders)
        out = tmp_path / f"{name}.json"
        run("--data-dir", str(folders.data), "export", session_id, "-a", "facilitator",
            "-f", "json", "-o", str(out))  # fmt: skip
        records.append(str(out))
    page = tmp_path / "report.html"
    run("report", *records, "--format", "html", "--output", str(page))
    unguarded = tmp_path / "unguarded.html"
    unguarded.write_text(
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text()).replace(
            "<main>", '<main><img src="https://tracker.example/pixel.png" alt="">'
        ),
        encoding="utf-8",
    )
    async with chromium(tmp_path / "profile", window=(900, 1200), local=False) as browser:
        await load(browser, unguarded.as_uri())
        assert requests(browser) == ["https://tracker.example/pixel.png"]
        await load(browser, page.as_uri())
        charts = await browser.value(
            "[...document.querySelectorAll('svg.chart')].map(s => {"
            " const box = s.getBoundingClientRect();"
            " return [box.width, box.height, s.querySelectorAll('rect').length]; })"
        )
        title = await browser.value("document.querySelector('h1').textContent")
        assert requests(browser) == []
    assert title == "Coordinator report"
    assert len(charts) >= 6
    assert all(width > 100 and height > 30 for width, height, _ in charts)
    # Attendance (7 and 7) is drawn as bars; counts below k are marks with no bar.
    assert charts[0][2] == 2
