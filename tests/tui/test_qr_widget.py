"""The QR code widget, proven by reading what the running app really puts on screen.

Each test takes the screen's lines from Textual's compositor, after the app's line
filters (the ones that carry out NO_COLOR), turns the widget's cells into a picture
and reads it with zxing-cpp.
"""

from __future__ import annotations

import pytest
from qr_decode import (
    DARK_TERMINAL,
    LIGHT_TERMINAL,
    cells_from_segments,
    cells_image,
    decode,
    has_blocks,
    widget_cells,
)
from textual.app import App, ComposeResult
from textual.filter import Monochrome, NoColor
from textual.geometry import Size

from circlekeeper.sessions.templates.link_rules import MAX_URL_BYTES
from circlekeeper.tui.widgets.qr_code import QrCode


def url_of_length(length: int) -> str:
    """A plausible link exactly ``length`` characters long."""
    tail = "abcdefghijklmnopqrstuvwxyz0123456789-_" * 10
    return ("https://example.org/resources/" + tail)[:length]


class QrApp(App[None]):
    """One code filling the screen, in a chosen theme."""

    def __init__(self, url: str, theme: str = "textual-dark", css: str = "") -> None:
        # An ANSI theme makes Textual honour NO_COLOR by dropping colours altogether.
        super().__init__(ansi_color=theme.startswith("ansi"))
        self._url = url
        self._theme = theme
        self._css = css

    def compose(self) -> ComposeResult:
        yield QrCode(self._url)

    def on_mount(self) -> None:
        self.theme = self._theme
        if self._css:
            self.stylesheet.add_source(self._css, read_from=("test", "css"))
            self.refresh_css()


def on_screen(app: App, terminal=DARK_TERMINAL):
    """The cells of the whole screen as the terminal receives them."""
    return cells_from_segments(app.screen._compositor.render_strips(), terminal)


def screen_text(app: App) -> str:
    return "\n".join("".join(cell.char for cell in row) for row in on_screen(app))


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
@pytest.mark.parametrize("length", [20, 100, 200])
async def test_the_drawn_code_reads_back_as_its_link(
    length: int, theme: str, no_color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")  # Textual reads it when the app is made
    url = url_of_length(length)
    app = QrApp(url, theme)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        widget = app.query_one(QrCode)

        assert widget.fits
        assert any(isinstance(f, Monochrome) for f in app.get_line_filters()) is no_color
        # Colours are explicit, so the terminal's own ones do not matter.
        for terminal in (DARK_TERMINAL, LIGHT_TERMINAL):
            assert decode(cells_image(widget_cells(app, widget, terminal))) == [url]


async def test_under_no_color_with_an_ansi_theme_it_reads_back_on_a_dark_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual drops every colour here; the glyphs, being the light modules, take the
    terminal's foreground, which is light on the usual dark terminal."""
    monkeypatch.setenv("NO_COLOR", "1")
    url = url_of_length(100)
    app = QrApp(url, "ansi-dark")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        widget = app.query_one(QrCode)

        assert any(isinstance(f, NoColor) for f in app.get_line_filters())
        assert decode(cells_image(widget_cells(app, widget, DARK_TERMINAL))) == [url]


async def test_the_code_is_centred_with_its_own_quiet_zone() -> None:
    app = QrApp(url_of_length(20))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        widget = app.query_one(QrCode)
        width, height = widget.code.cells
        rows = widget_cells(app, widget)
        top, left = (30 - height) // 2, (80 - width) // 2

        code_rows = [row[left : left + width] for row in rows[top : top + height]]
        assert all(cell.char == "█" for cell in code_rows[0] + code_rows[1])
        assert all(row[0].char == "█" and row[0].fg == (255, 255, 255) for row in code_rows)
        assert decode(cells_image(code_rows)) == [widget.url]


async def test_too_small_a_space_shows_the_size_needed_and_no_code() -> None:
    url = url_of_length(200)
    app = QrApp(url)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(QrCode)
        need = QrCode.cells_for(url)
        cells = on_screen(app)
        text = screen_text(app)

        assert not widget.fits and widget.has_class("-too-small")
        assert not has_blocks(cells)
        assert decode(cells_image(cells)) == []
        flat = " ".join(text.split())
        assert f"needs {need.width}x{need.height} characters" in flat
        assert "the window is 60x20" in flat
        assert f"at least {need.width}x{need.height}" in flat


async def test_the_message_counts_what_the_rest_of_the_screen_takes() -> None:
    url = url_of_length(20)
    need = QrCode.cells_for(url)
    css = "QrCode { width: 30; height: 10; }"
    app = QrApp(url, css=css)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()

        flat = " ".join(screen_text(app).split())
        assert "the window is 80x30" in flat
        assert f"at least {80 + need.width - 30}x{30 + need.height - 10}" in flat

        await pilot.resize_terminal(90, 35)
        await pilot.pause()

        flat = " ".join(screen_text(app).split())
        assert "the window is 90x35" in flat
        assert f"at least {90 + need.width - 30}x{35 + need.height - 10}" in flat


async def test_enlarging_the_window_brings_the_code() -> None:
    url = url_of_length(100)
    app = QrApp(url)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        assert not has_blocks(on_screen(app))

        await pilot.resize_terminal(90, 40)
        await pilot.pause()

        widget = app.query_one(QrCode)
        assert widget.fits and not widget.has_class("-too-small")
        assert decode(cells_image(widget_cells(app, widget))) == [url]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://example.org/minutes.txt", "only http, https, mailto and tel"),
        ("https://example.org/" + "a" * MAX_URL_BYTES, "a code that scans from a screen"),
    ],
    ids=["bad scheme", "too long"],
)
async def test_a_refused_link_shows_why_and_no_code(url: str, words: str) -> None:
    app = QrApp(url)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        widget = app.query_one(QrCode)
        cells = on_screen(app)

        assert widget.code is None and widget.has_class("-refused")
        assert not has_blocks(cells)
        assert decode(cells_image(cells)) == []
        flat = " ".join(screen_text(app).split())
        assert "This link can't be shown as a QR code:" in flat
        assert words in flat


async def test_setting_the_url_redraws_the_code() -> None:
    app = QrApp("ftp://nope")
    async with app.run_test(size=(100, 40)) as pilot:
        widget = app.query_one(QrCode)
        widget.url = "  tel:+441234567890 "
        await pilot.pause()

        assert not widget.has_class("-refused")
        assert decode(cells_image(widget_cells(app, widget))) == ["tel:+441234567890"]

        widget.url = ""
        await pilot.pause()
        assert not has_blocks(on_screen(app))
        assert screen_text(app).strip() == ""


async def test_auto_size_takes_exactly_the_code() -> None:
    url = url_of_length(100)
    app = QrApp(url, css="QrCode { width: auto; height: auto; }")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        widget = app.query_one(QrCode)

        assert widget.size == QrCode.cells_for(url)
        assert decode(cells_image(widget_cells(app, widget))) == [url]


def test_cells_for_follows_the_module_count() -> None:
    small, large = QrCode.cells_for(url_of_length(20)), QrCode.cells_for(url_of_length(300))

    assert small == Size(33, 17)
    assert large == Size(77, 39)
    assert QrCode.cells_for(url_of_length(20), "H").width > small.width
