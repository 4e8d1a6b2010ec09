"""The HTML handout in a real browser: headless Chromium shows and prints it.

The handout is written by the installed ``circlekeeper export``, then opened from disk
with every host name unresolvable and the browser's own network log on. It must make no
request of its own, fit the width of A4 and US Letter (on screen and printed) without
cutting anything off, and its QR codes must scan from the screenshot and the printed
page. Each check is first shown to catch a page that breaks its rule.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from export_example import START, example_agenda, example_session
from PIL import Image
from qr_decode import decode

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Resource

# One worker writes the handout once, and runs every test of it.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("handout-browser")]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PROGRAM = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
if not Path(CHROMIUM).exists():
    pytest.skip(
        "Chromium is not installed (scripts/test installs Debian's 'chromium' when run as root)",
        allow_module_level=True,
    )

LONG_URL = "https://intranet.example.org/support/" + "peergroupsandmentoring" * 11
"""A link as long as a code may hold, with nowhere a line may break unless told to."""
PAPERS = {"A4": (595, 842), "letter": (612, 792)}
"""Paper sizes in PDF points."""
SCREEN_WIDTHS = {"A4": 794, "letter": 816}
"""Each paper's width in CSS pixels (96 to the inch)."""


def chromium(profile: Path, page: Path, *args: str) -> None:
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        *args,
        page.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def handout(tmp_path_factory) -> tuple[Path, list[str]]:
    """The handout of a session with a long link, written by the installed program."""
    folder = tmp_path_factory.mktemp("browser")
    data = folder / "data"
    agenda = example_agenda()
    agenda = agenda._replace(resources=(*agenda.resources, Resource("Peer groups", LONG_URL)))
    store = SessionStore(data / "sessions")
    with store.create(START) as handle:
        example_session(FakeClock(START), handle.record, agenda=agenda, session_id=handle.id)
        session_id = handle.id
    out = folder / "handout.html"
    done = subprocess.run(
        [PROGRAM, "--data-dir", str(data), "export", session_id, "-a", "participants",
         "-f", "html", "-o", str(out)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out, [r.url for r in agenda.resources]


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for (not the browser's own housekeeping), file: aside."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    found = []
    for event in log["events"]:
        params = event.get("params", {})
        # The job's end event has the same type and no URL.
        if event["type"] != start or "url" not in params:
            continue
        if params.get("initiator") != "not an origin" and not params["url"].startswith("file:"):
            found.append(params["url"])
    return found


def requests_of(page: Path, scratch: Path) -> list[str]:
    netlog = scratch / f"{page.stem}.netlog.json"
    chromium(
        scratch / "profile", page, f"--log-net-log={netlog}", f"--screenshot={scratch / 'x.png'}"
    )
    return page_requests(netlog)


def test_the_handout_makes_no_request_of_its_own(handout, tmp_path) -> None:
    page, _ = handout
    control = tmp_path / "control.html"
    control.write_text(
        page.read_text(encoding="utf-8").replace(
            "<main>", '<main><img src="https://tracker.example/pixel.png" alt="">'
        ),
        encoding="utf-8",
    )
    assert requests_of(control, tmp_path) == []  # the page's own policy forbids it
    unguarded = tmp_path / "unguarded.html"
    unguarded.write_text(
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", control.read_text()),
        encoding="utf-8",
    )
    assert requests_of(unguarded, tmp_path) == ["https://tracker.example/pixel.png"]
    assert requests_of(page, tmp_path) == []


def ink_columns(image: Image.Image, left: int, right: int) -> int:
    """How many pixel columns between ``left`` and ``right`` hold anything but white."""
    grey = image.convert("L")
    return sum(
        1
        for x in range(max(0, left), min(grey.width, right))
        if grey.crop((x, 0, x + 1, grey.height)).getextrema()[0] < 200
    )


def screenshot(page: Path, scratch: Path, width: int, scale: int = 1) -> Image.Image:
    shot = scratch / f"{page.stem}-{width}-{scale}.png"
    chromium(
        scratch / "profile",
        page,
        f"--window-size={width},3200",
        f"--force-device-scale-factor={scale}",
        f"--screenshot={shot}",
    )
    return Image.open(shot)


@pytest.mark.parametrize("paper", list(SCREEN_WIDTHS))
def test_on_screen_nothing_runs_past_the_width_of_the_paper(handout, tmp_path, paper) -> None:
    page, _ = handout
    width = SCREEN_WIDTHS[paper]
    # The text column is 170 mm (642 px) wide and centred: keep clear of the margin.
    margin = (width - 642) // 2 - 8
    control = tmp_path / "control.html"
    control.write_text(
        page.read_text(encoding="utf-8").replace(
            "overflow-wrap: anywhere", "overflow-wrap: normal"
        ),
        encoding="utf-8",
    )
    assert ink_columns(screenshot(control, tmp_path, width), width - margin, width) > 0
    shot = screenshot(page, tmp_path, width)
    assert ink_columns(shot, width - margin, width) == 0
    assert ink_columns(shot, 0, margin) == 0


def test_the_codes_scan_from_the_screen(handout, tmp_path) -> None:
    page, urls = handout
    shot = screenshot(page, tmp_path, SCREEN_WIDTHS["A4"], scale=2)
    assert sorted(decode(shot)) == sorted(urls)


def pdf_pages(pdf: Path, scratch: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(scratch / "page")], check=True)
    return [Image.open(p) for p in sorted(scratch.glob("page-*.png"))]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs Debian's poppler-utils")
@pytest.mark.parametrize("paper", list(PAPERS))
def test_printed_on_a4_and_letter_nothing_is_cut_off_and_the_codes_scan(
    handout, tmp_path, paper
) -> None:
    page, urls = handout
    # As if the facilitator chose the paper in the print dialog.
    printed = tmp_path / f"handout-{paper}.html"
    printed.write_text(
        page.read_text(encoding="utf-8").replace("</style>", f"@page {{ size: {paper}; }}</style>"),
        encoding="utf-8",
    )
    pdf = tmp_path / f"{paper}.pdf"
    chromium(tmp_path / "profile", printed, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None
    assert (round(float(size[1])), round(float(size[2]))) == PAPERS[paper]
    pages = pdf_pages(pdf, tmp_path)
    assert 1 <= len(pages) <= 3
    # 20 mm margins each side; at 150 dpi, 15 mm is 88 px that must stay blank.
    for image in pages:
        assert ink_columns(image, 0, 88) == 0
        assert ink_columns(image, image.width - 88, image.width) == 0
    found = [text for image in pages for text in decode(image)]
    assert sorted(found) == sorted(urls)
