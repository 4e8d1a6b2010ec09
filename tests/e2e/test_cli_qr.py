"""``circlekeeper qr`` as a facilitator runs it: the installed program, through a pipe
and in a real pseudo-terminal of a given size; what it prints or saves must scan."""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
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

from circlekeeper.sessions.qr import cells_needed

PROGRAM = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")

URL = "https://example.org/peer-support/after-the-group?from=handout&lang=en-GB"


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update(extra)
    return env


def run_piped(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PROGRAM, "qr", *args],
        capture_output=True,
        text=True,
        env=environment(**env),
        timeout=60,
    )


def run_in_terminal(*args: str, columns: int, lines: int, **env: str) -> tuple[int, str]:
    """Run the program on a pseudo-terminal of the given size; its exit code and screen text."""
    parent, child = os.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    process = subprocess.Popen(
        [PROGRAM, "qr", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        env=environment(TERM="xterm-256color", **env),
        close_fds=True,
    )
    os.close(child)
    chunks = []
    try:
        while select.select([parent], [], [], 60)[0]:
            try:
                data = os.read(parent, 65536)
            except OSError:  # the terminal closes when the program ends
                break
            if not data:
                break
            chunks.append(data)
        code = process.wait(timeout=60)
    finally:
        process.kill()
        os.close(parent)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_through_a_pipe_it_prints_plain_glyphs_that_scan_on_a_dark_terminal() -> None:
    result = run_piped(URL, "--title", "After the group")

    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert result.stdout.splitlines()[-2:] == ["After the group", URL]
    assert decode(on_background(cells_image(cells_from_ansi(result.stdout)))) == [URL]


@pytest.mark.slow
def test_in_a_terminal_it_prints_black_on_white_that_scans_on_any_background() -> None:
    code, screen = run_in_terminal(URL, columns=100, lines=50)

    assert code == 0, screen
    assert "\x1b[38;5;231;48;5;16m" in screen
    for terminal in (DARK_TERMINAL, LIGHT_TERMINAL):
        image = cells_image(cells_from_ansi(screen, terminal))
        assert decode(on_background(image, terminal[1])) == [URL]


@pytest.mark.slow
def test_in_a_terminal_no_color_prints_plain_glyphs_that_scan_on_a_dark_terminal() -> None:
    code, screen = run_in_terminal(URL, columns=100, lines=50, NO_COLOR="1")

    assert code == 0, screen
    assert "\x1b" not in screen
    assert decode(on_background(cells_image(cells_from_ansi(screen, DARK_TERMINAL)))) == [URL]


@pytest.mark.slow
def test_a_terminal_too_narrow_for_the_code_gets_one_line_and_no_code() -> None:
    width = cells_needed(URL)[0]
    code, screen = run_in_terminal(URL, columns=width - 1, lines=50)

    assert code == 1
    assert not has_blocks(cells_from_ansi(screen))
    assert screen.strip().splitlines() == [
        f"Error: this code needs {width} columns and the terminal has {width - 1}; "
        "widen it, or save an image with --png or --svg"
    ]


def test_saved_images_scan(tmp_path: Path) -> None:
    png, svg = tmp_path / "eap.png", tmp_path / "eap.svg"

    result = run_piped(URL, "--png", str(png), "--svg", str(svg), "--ec", "Q")

    assert result.returncode == 0, result.stderr
    assert not has_blocks(cells_from_ansi(result.stdout))
    with Image.open(png) as image:
        assert decode(on_background(image)) == [URL]
    assert decode(on_background(svg_image(svg.read_bytes()))) == [URL]


def test_a_bad_scheme_is_one_line_exit_1_and_no_code() -> None:
    result = run_piped("javascript:alert(1)", NO_COLOR="1")

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: cannot make a code for 'javascript:alert(1)': the link has 'javascript:'; "
        "only http, https, mailto and tel links can be shown as QR codes"
    ]
