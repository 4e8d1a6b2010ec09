"""The QR codes inline in the HTML handout scan: drawn by cairosvg, read by zxing-cpp."""

from __future__ import annotations

import re

from export_example import example_session
from qr_decode import decode, on_background, svg_image

from circlekeeper.sessions.export import Audience, Format, render, summary_of

SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def test_every_code_in_the_html_handout_reads_back_as_its_resource_link() -> None:
    summary = summary_of(example_session(), Audience.PARTICIPANTS)
    page = render(summary, Format.HTML)
    codes = SVG.findall(page)
    assert len(codes) == len(summary.resources) == 3
    read = [decode(on_background(svg_image(code, width_px=400), (255, 255, 255))) for code in codes]
    assert read == [[resource.url] for resource in summary.resources]


def test_each_code_is_named_for_screen_readers_and_printed_large_enough() -> None:
    page = render(summary_of(example_session(), Audience.PARTICIPANTS), Format.HTML)
    for code in SVG.findall(page):
        assert re.search(r"<title>QR code: [^<]+</title>", code)
        width_mm = float(re.search(r'width="([\d.]+)mm"', code).group(1))
        # A phone reads a code from a page held at arm's length when it is 3 cm or more.
        assert 30 <= width_mm <= 74
