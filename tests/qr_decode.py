"""Read QR codes back the way a phone would, for tests that must prove a code scans.

Whatever drew the code (terminal cells from a running app, ANSI text from the ``qr``
command, a PNG or SVG file) is turned into a plain picture and read by zxing-cpp, a
decoder that shares nothing with our encoder. Inverted codes are not tried: a phone
camera may not either, so a light-on-dark code counts as a failure.

Import it as ``from qr_decode import ...``: pytest puts the ``tests`` folder (where
the root ``conftest.py`` lives) on ``sys.path``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import zxingcpp
from PIL import Image
from rich.cells import cell_len
from rich.color import Color
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from rich.text import Text

Rgb = tuple[int, int, int]

DARK_TERMINAL: tuple[Rgb, Rgb] = ((229, 229, 229), (12, 12, 12))
"""(foreground, background) assumed for "default" colours: a usual dark terminal."""

LIGHT_TERMINAL: tuple[Rgb, Rgb] = ((30, 30, 30), (250, 250, 250))
"""(foreground, background) of a light terminal, for showing what inverts there."""

MODULE_PX = 4
"""Pixels per module (half a cell's height, a whole cell's width) in the picture."""

BLOCK_CHARS = set("▀▄█")
"""Glyphs that draw part of a code; any of them on screen means a code was drawn."""


@dataclass(frozen=True)
class Cell:
    """One character cell as the terminal shows it."""

    char: str
    """The glyph, or a space."""

    fg: Rgb
    """Colour the glyph is drawn in."""

    bg: Rgb
    """Colour of the rest of the cell."""


def _rgb(color: Color | None, default: Rgb, *, foreground: bool) -> Rgb:
    if color is None or color.is_default:
        return default
    triplet = color.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=foreground)
    return (triplet.red, triplet.green, triplet.blue)


@lru_cache(maxsize=4096)  # a screen repeats a few styles and glyphs over thousands of cells
def _cell(char: str, style: Style | None, terminal: tuple[Rgb, Rgb]) -> Cell:
    style = style or Style()
    fg = _rgb(style.color, terminal[0], foreground=True)
    bg = _rgb(style.bgcolor, terminal[1], foreground=False)
    if style.reverse:
        fg, bg = bg, fg
    return Cell(char, fg, bg)


def cells_from_segments(
    lines: Iterable[Iterable[Segment]], terminal: tuple[Rgb, Rgb] = DARK_TERMINAL
) -> list[list[Cell]]:
    """Cells from lines of rich segments (Textual strips are iterables of these)."""
    rows = []
    for line in lines:
        row: list[Cell] = []
        for segment in line:
            if segment.control:
                continue
            for char in segment.text.replace("\n", ""):
                row.extend([_cell(char, segment.style, terminal)] * cell_len(char))
        rows.append(row)
    return rows


def cells_from_ansi(text: str, terminal: tuple[Rgb, Rgb] = DARK_TERMINAL) -> list[list[Cell]]:
    """Cells from text with ANSI colour codes, as a terminal would show it."""
    console = Console(color_system="truecolor", force_terminal=True, width=10_000)
    lines = [list(Text.from_ansi(raw).render(console)) for raw in text.splitlines()]
    return cells_from_segments(lines, terminal)


def cells_image(rows: list[list[Cell]], module_px: int = MODULE_PX) -> Image.Image:
    """A picture of cells: each cell is two stacked squares coloured by its glyph.

    Letters and other glyphs count as background: their strokes are thin.
    """
    width = max((len(row) for row in rows), default=0)
    image = Image.new("RGB", (width, 2 * len(rows)), DARK_TERMINAL[1])
    pixels = image.load()
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            top = cell.fg if cell.char in "▀█" else cell.bg
            bottom = cell.fg if cell.char in "▄█" else cell.bg
            pixels[x, 2 * y] = top
            pixels[x, 2 * y + 1] = bottom
    return image.resize((width * module_px, 2 * len(rows) * module_px), Image.Resampling.NEAREST)


def on_background(image: Image.Image, colour: Rgb = (0, 0, 0), margin: int = 40) -> Image.Image:
    """The image pasted onto a plain surround, so its own quiet zone is what counts."""
    image = image.convert("RGBA")
    framed = Image.new("RGBA", (image.width + 2 * margin, image.height + 2 * margin), colour)
    framed.alpha_composite(image, (margin, margin))
    return framed.convert("RGB")


def svg_image(svg: bytes | str, width_px: int = 600) -> Image.Image:
    """Rasterise an SVG with cairosvg (a renderer independent of our writer)."""
    import cairosvg

    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    png = cairosvg.svg2png(bytestring=data, output_width=width_px, output_height=width_px)
    return Image.open(io.BytesIO(png))


def decode(image: Image.Image) -> list[str]:
    """Texts of the QR codes zxing-cpp finds in the picture (dark-on-light only)."""
    found = zxingcpp.read_barcodes(
        image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode, try_invert=False
    )
    return [barcode.text for barcode in found]


def has_blocks(rows: list[list[Cell]]) -> bool:
    """Whether any half or full block is drawn: something that looks like a code."""
    return any(cell.char in BLOCK_CHARS for row in rows for cell in row)


def widget_cells(app, widget, terminal: tuple[Rgb, Rgb] = DARK_TERMINAL) -> list[list[Cell]]:
    """The cells of ``widget``'s region, as the running ``app`` draws its screen.

    Read from the screen's compositor after the app's own colour filters, so it is what
    the terminal receives, not what the widget meant to draw.
    """
    rows = cells_from_segments(app.screen._compositor.render_strips(), terminal)
    region = widget.region
    return [row[region.x : region.right] for row in rows[region.y : region.bottom]]


def read_widget(app, widget, terminal: tuple[Rgb, Rgb] = DARK_TERMINAL) -> list[str]:
    """What a phone reads from the code ``widget`` shows in the running ``app``."""
    return decode(cells_image(widget_cells(app, widget, terminal)))
