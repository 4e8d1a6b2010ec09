"""The ``qr`` command's many small cases, called in-process through click's runner.

What it prints is read back by zxing-cpp as a terminal would show it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from qr_decode import (
    DARK_TERMINAL,
    LIGHT_TERMINAL,
    cells_from_ansi,
    cells_image,
    decode,
    has_blocks,
    on_background,
    svg_image,
)

from circlekeeper.sessions.templates.link_rules import MAX_URL_BYTES
from circlekeeper.tui.cli import cli

URL = "https://example.org/peer-support/resources"


def run(*args: str):
    return CliRunner().invoke(cli, ["qr", *args], catch_exceptions=False)


def code_lines(output: str) -> list[str]:
    """The printed code: every line up to the first line without a block glyph."""
    lines = output.splitlines()
    end = next(i for i, line in enumerate(lines) if not has_blocks(cells_from_ansi(line)))
    return lines[:end]


def test_plain_output_reads_back_on_a_dark_terminal() -> None:
    result = run(URL)

    assert result.exit_code == 0
    assert "\x1b" not in result.output
    assert decode(on_background(cells_image(cells_from_ansi(result.output)))) == [URL]
    assert result.output.splitlines()[-1] == URL


def test_colour_output_reads_back_whatever_the_terminal_colours() -> None:
    result = run(URL, "--color")

    assert result.exit_code == 0
    assert "\x1b[38;5;231;48;5;16m" in result.output
    for terminal in (DARK_TERMINAL, LIGHT_TERMINAL):
        image = cells_image(cells_from_ansi(result.output, terminal))
        assert decode(on_background(image, terminal[1])) == [URL]


def test_no_color_option_wins_over_a_terminal() -> None:
    result = run(URL, "--no-color")

    assert "\x1b" not in result.output


def test_title_and_link_are_printed_beneath_the_code() -> None:
    result = run("tel:+441234567890", "--title", "Crisis line")
    lines = result.output.splitlines()

    assert lines[-2:] == ["Crisis line", "tel:+441234567890"]
    assert len(code_lines(result.output)) == len(lines) - 2


@pytest.mark.parametrize("ec", ["L", "m", "Q", "H"])
def test_every_error_correction_level_reads_back(ec: str) -> None:
    result = run(URL, "--ec", ec)

    assert result.exit_code == 0
    assert decode(cells_image(cells_from_ansi(result.output))) == [URL]


def test_higher_error_correction_makes_a_bigger_code() -> None:
    low, high = run(URL, "--ec", "L").output, run(URL, "--ec", "H").output

    assert len(code_lines(high)) > len(code_lines(low))


def test_an_unknown_level_is_a_usage_error() -> None:
    result = run(URL, "--ec", "X")

    assert result.exit_code == 2
    assert "use L, M, Q or H" in result.output


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://example.org/minutes.txt", "only http, https, mailto and tel"),
        ("https://example.org/" + "a" * MAX_URL_BYTES, "bytes long"),
        ("https://", "no host name"),
    ],
    ids=["bad scheme", "too long", "no host"],
)
def test_a_refused_link_is_one_line_and_no_code(url: str, words: str) -> None:
    result = run(url)

    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error: cannot make a code for '")
    assert words in result.stderr


def test_images_are_saved_instead_of_printed(tmp_path: Path) -> None:
    png, svg = tmp_path / "code.png", tmp_path / "code.svg"

    result = run(URL, "--png", str(png), "--svg", str(svg))

    assert result.exit_code == 0
    assert not has_blocks(cells_from_ansi(result.output))
    assert result.output.splitlines() == [
        f"Saved the code for {URL} to {png}",
        f"Saved the code for {URL} to {svg}",
    ]
    with Image.open(png) as image:
        assert decode(on_background(image)) == [URL]
    assert decode(on_background(svg_image(svg.read_bytes()))) == [URL]


def test_an_image_that_cannot_be_saved_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / "a-file" / "code.png"

    result = run(URL, "--png", str(target))

    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"Error: {target}: could not write: a file is in the way")


def test_help_gives_examples() -> None:
    result = run("--help")

    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert "--svg" in result.output and "NO_COLOR" in result.output
