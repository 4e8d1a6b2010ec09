"""The QR core: every drawing of a code is read back by zxing-cpp and must give the link."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from qr_decode import (
    DARK_TERMINAL,
    Cell,
    cells_image,
    decode,
    on_background,
    svg_image,
)

from circlekeeper.sessions.qr import (
    EC_LEVELS,
    PNG_MODULE_PX,
    QUIET_ZONE,
    LinkRefused,
    cells_needed,
    half_block_rows,
    make_qr,
    to_image,
    to_svg,
    write_png,
    write_svg,
)
from circlekeeper.sessions.templates.link_rules import MAX_URL_BYTES


def url_of_length(length: int, scheme: str = "https") -> str:
    """A plausible link exactly ``length`` characters long."""
    head = f"{scheme}://example.org/resources/"
    tail = "abcdefghijklmnopqrstuvwxyz0123456789-_" * 10
    return (head + tail)[:length]


URLS = [
    url_of_length(20),
    url_of_length(100),
    url_of_length(200),
    url_of_length(MAX_URL_BYTES),
    "https://example.org/café?q=groupe%20d%27entraide",
    "mailto:support@example.org?subject=After%20the%20group",
    "tel:+441234567890",
]
URL_IDS = ["20 chars", "100 chars", "200 chars", "longest", "non-ASCII", "mailto", "tel"]


def terminal_cells(lines: list[str]) -> list[list[Cell]]:
    """Plain text as a terminal with its default colours shows it (no colour codes)."""
    fg, bg = DARK_TERMINAL
    return [[Cell(char, fg, bg) for char in line] for line in lines]


@pytest.mark.parametrize("url", URLS, ids=URL_IDS)
@pytest.mark.parametrize("ec", list(EC_LEVELS))
def test_the_image_of_a_code_reads_back_as_its_link(url: str, ec: str) -> None:
    code = make_qr(url, ec)

    assert decode(on_background(to_image(code))) == [url]


@pytest.mark.parametrize("url", URLS, ids=URL_IDS)
def test_half_block_text_reads_back_on_a_dark_terminal_without_colour(url: str) -> None:
    image = cells_image(terminal_cells(half_block_rows(make_qr(url))))

    assert decode(on_background(image)) == [url]


@pytest.mark.parametrize("url", URLS[:3], ids=URL_IDS[:3])
def test_svg_rendered_by_cairo_reads_back_on_a_dark_page(url: str) -> None:
    svg = to_svg(make_qr(url))

    ET.fromstring(svg)  # well-formed, so it can sit inline in an HTML export
    assert decode(on_background(svg_image(svg))) == [url]


def test_svg_names_its_link_for_screen_readers_escaped() -> None:
    url = "https://example.org/?a=1&b=<2>"

    root = ET.fromstring(to_svg(make_qr(url)))
    labelled = ET.fromstring(to_svg(make_qr(url), label="Crisis line & more"))

    assert root.find("{http://www.w3.org/2000/svg}title").text == url
    assert labelled.find("{http://www.w3.org/2000/svg}title").text == "Crisis line & more"


@settings(max_examples=25, deadline=None)
@given(
    path=st.text(
        alphabet=st.characters(codec="ascii", categories=["L", "N"], include_characters="-._~/%"),
        max_size=200,
    )
)
def test_any_short_enough_link_round_trips(path: str) -> None:
    url = f"https://example.org/{path}"

    assert decode(on_background(to_image(make_qr(url)))) == [url]


def test_error_correction_is_m_unless_asked() -> None:
    assert make_qr("https://example.org").ec == "M"
    assert make_qr("https://example.org", "h").ec == "H"


@pytest.mark.parametrize("url", URLS, ids=URL_IDS)
def test_cells_are_modules_plus_quiet_zone_with_two_rows_a_cell(url: str) -> None:
    code = make_qr(url)
    width, height = code.cells

    assert code.size == 17 + 4 * code.version
    assert width == code.size + 2 * QUIET_ZONE
    assert height == math.ceil((code.size + 2 * QUIET_ZONE) / 2)
    assert cells_needed(url) == (width, height)
    assert [len(line) for line in half_block_rows(code)] == [width] * height


def test_the_longest_accepted_link_fits_a_100x40_terminal() -> None:
    assert cells_needed(url_of_length(MAX_URL_BYTES)) == (77, 39)


def test_quiet_zone_is_four_light_modules_all_round() -> None:
    code = make_qr(url_of_length(100))
    rows = code.with_quiet_zone()
    lines = half_block_rows(code)

    for band in (rows[:QUIET_ZONE], rows[-QUIET_ZONE:], [r[:QUIET_ZONE] for r in rows]):
        assert not any(any(row) for row in band)
    assert not any(row[-QUIET_ZONE:] != [False] * QUIET_ZONE for row in rows)
    # The glyphs are the light modules: the margin is solid full blocks.
    assert lines[0] == lines[1] == "█" * code.side
    assert all(line[:4] == line[-4:] == "████" for line in lines)
    assert set(lines[-2]) <= {"█", "▀"} and lines[-1] == "█" * code.side


def test_glyphs_are_the_light_modules() -> None:
    code = make_qr("https://example.org")
    rows = code.with_quiet_zone()
    lines = half_block_rows(code)
    # Cell row 2 holds module rows 4 and 5, where the top-left finder pattern starts:
    # its dark outer ring, then its light inner ring below the top edge.
    assert (rows[4][3], rows[5][3]) == (False, False) and lines[2][3] == "█"
    assert (rows[4][4], rows[5][4]) == (True, True) and lines[2][4] == " "
    assert (rows[4][5], rows[5][5]) == (True, False) and lines[2][5] == "▄"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://example.org/file", "only http, https, mailto and tel"),
        ("javascript:alert(1)", "only http, https, mailto and tel"),
        ("https://example.org/" + "a" * MAX_URL_BYTES, "at most 300"),
        ("", "empty"),
    ],
    ids=["ftp", "javascript", "too long", "empty"],
)
def test_a_refused_link_gives_the_reason_and_no_code(url: str, words: str) -> None:
    with pytest.raises(LinkRefused, match=words):
        make_qr(url)


def test_an_unknown_error_correction_level_is_refused() -> None:
    with pytest.raises(ValueError, match="use one of L, M, Q, H"):
        make_qr("https://example.org", "X")


def test_png_file_is_a_crisp_code_that_reads_back(tmp_path: Path) -> None:
    code = make_qr(url_of_length(100))
    target = tmp_path / "handout.png"

    write_png(code, target)

    with Image.open(target) as image:
        assert image.size == (code.side * PNG_MODULE_PX,) * 2
        assert decode(on_background(image)) == [code.url]
    assert [p.name for p in tmp_path.iterdir()] == ["handout.png"]


def test_svg_file_reads_back_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    code = make_qr(url_of_length(200))
    target = tmp_path / "handout.svg"

    write_svg(code, target)

    assert decode(on_background(svg_image(target.read_bytes()))) == [code.url]
    assert [p.name for p in tmp_path.iterdir()] == ["handout.svg"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "handout.png"
    target.write_bytes(b"the previous handout")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("circlekeeper.sessions.storage.atomic.os.replace", broken_replace)
    with pytest.raises(OSError):
        write_png(make_qr("https://example.org"), target)

    assert target.read_bytes() == b"the previous handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.png"]
