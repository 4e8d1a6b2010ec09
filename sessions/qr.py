"""QR codes for resources: the module matrix, its terminal text and its image files.

The ``qrcode`` library does the encoding; this module adds what a code shown to a
group needs: the link checked first (:func:`~circlekeeper.sessions.templates.link_rules.check_url`),
error correction M unless asked otherwise, the full four-module light quiet zone,
and three ways to draw it: half-block text for a terminal, SVG for the HTML export
and printed handouts, and PNG for anything else.

Half-block text draws two module rows per character cell, so modules come out
square on a cell twice as tall as it is wide. The *glyphs* are the **light**
modules (``█`` both light, ``▀`` top light, ``▄`` bottom light, space both dark):
coloured light-on-dark (:data:`LIGHT` glyphs on a :data:`DARK` background) the
code is dark-on-light as a scanner expects, and if the colours are lost the
glyphs take the terminal's own foreground, which on the usual dark terminal is
light, so the code still reads dark-on-light.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import qrcode
import qrcode.constants

from circlekeeper.sessions.storage.atomic import write_file_atomic
from circlekeeper.sessions.storage.write_targets import check_output_target
from circlekeeper.sessions.templates.link_rules import check_url

if TYPE_CHECKING:
    from PIL import Image

EC_LEVELS: dict[str, int] = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
"""Error correction levels by letter: L 7%, M 15%, Q 25%, H 30% of the code may be lost."""

DEFAULT_EC = "M"
"""Enough to survive a smudged projector or a compressed video call without making
the code so dense that it needs a bigger screen."""

QUIET_ZONE = 4
"""Light modules around the code on every side, as the QR standard asks."""

LIGHT = "#FFFFFF"
"""Colour of light modules, whatever the theme."""

DARK = "#000000"
"""Colour of dark modules, whatever the theme."""

HALF_BLOCKS: dict[tuple[bool, bool], str] = {
    (True, True): "█",
    (True, False): "▀",
    (False, True): "▄",
    (False, False): " ",
}
"""Glyph for a cell by (top module is light, bottom module is light)."""

PNG_MODULE_PX = 12
"""Pixels per module in a PNG: sharp on a printed A4 page and on a projector."""

SVG_MODULE_MM = 1.5
"""Printed size of one module in an SVG: a version 13 code is about 11.5 cm wide."""


class LinkRefused(ValueError):
    """A link that cannot become a QR code; ``str(error)`` is the one-line reason."""


@dataclass(frozen=True)
class QrMatrix:
    """One link encoded as a QR code, as a square of dark and light modules."""

    url: str
    """The link the code holds, exactly as a phone will read it."""

    ec: str
    """Error correction level letter: one of :data:`EC_LEVELS`."""

    version: int
    """QR version 1-40; the side is ``17 + 4 * version`` modules."""

    dark: tuple[tuple[bool, ...], ...]
    """Rows of modules without the quiet zone; ``True`` is a dark module."""

    @property
    def size(self) -> int:
        """Modules on a side, without the quiet zone."""
        return len(self.dark)

    @property
    def side(self) -> int:
        """Modules on a side, with the quiet zone."""
        return self.size + 2 * QUIET_ZONE

    @property
    def cells(self) -> tuple[int, int]:
        """(width, height) in terminal character cells of the half-block drawing."""
        return self.side, (self.side + 1) // 2

    def with_quiet_zone(self) -> list[list[bool]]:
        """Rows of modules including the quiet zone; ``True`` is a dark module."""
        blank = [False] * self.side
        pad = [False] * QUIET_ZONE
        rows = [list(blank) for _ in range(QUIET_ZONE)]
        rows.extend(pad + list(row) + pad for row in self.dark)
        rows.extend(list(blank) for _ in range(QUIET_ZONE))
        return rows


def make_qr(url: str, ec: str = DEFAULT_EC) -> QrMatrix:
    """Encode ``url`` as a QR code.

    Args:
        url: The link; surrounding whitespace is dropped.
        ec: Error correction level, ``"L"``, ``"M"``, ``"Q"`` or ``"H"``.

    Returns:
        The module matrix.

    Raises:
        LinkRefused: The link breaks a rule of :func:`check_url`.
        ValueError: ``ec`` is not a known level.
    """
    level = EC_LEVELS.get(ec.upper())
    if level is None:
        raise ValueError(f"unknown error correction level {ec!r}; use one of L, M, Q, H")
    problem = check_url(url)
    if problem is not None:
        raise LinkRefused(problem)
    url = url.strip()
    code = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(url)
    code.make(fit=True)
    dark = tuple(tuple(bool(module) for module in row) for row in code.get_matrix())
    return QrMatrix(url=url, ec=ec.upper(), version=code.version, dark=dark)


def cells_needed(url: str, ec: str = DEFAULT_EC) -> tuple[int, int]:
    """(width, height) in character cells that the code for ``url`` needs.

    Raises:
        LinkRefused: The link breaks a rule of :func:`check_url`.
    """
    return make_qr(url, ec).cells


def half_block_rows(code: QrMatrix) -> list[str]:
    """The code as lines of half blocks whose glyphs are the light modules.

    Two module rows make one line. The side is always odd, so the last line's lower
    half lies past the quiet zone and is drawn light too.
    """
    rows = code.with_quiet_zone()
    rows.append([False] * code.side)
    return [
        "".join(
            HALF_BLOCKS[(not top_dark, not bottom_dark)]
            for top_dark, bottom_dark in zip(rows[y], rows[y + 1], strict=True)
        )
        for y in range(0, code.side, 2)
    ]


def _dark_runs(row: list[bool]) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules in a row."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for x, dark in enumerate([*row, False]):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            runs.append((start, x - start))
            start = None
    return runs


def to_svg(code: QrMatrix, *, module_mm: float = SVG_MODULE_MM, label: str | None = None) -> str:
    """The code as a standalone ``<svg>`` element, fit to inline in HTML or save.

    One unit of the view box is one module; the light background covers the quiet
    zone, and the dark modules are one path of row runs so no hairlines show
    between neighbouring modules.

    Args:
        code: The code to draw.
        module_mm: Printed size of one module in millimetres.
        label: What a screen reader says for the image; the link itself by default.
    """
    side = code.side
    steps = [
        f"M{x} {y}h{length}v1h-{length}z"
        for y, row in enumerate(code.with_quiet_zone())
        for x, length in _dark_runs(row)
    ]
    size = f"{side * module_mm:g}mm"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" '
        f'width="{size}" height="{size}" shape-rendering="crispEdges" role="img">'
        f"<title>{escape(label if label is not None else code.url)}</title>"
        f'<rect width="{side}" height="{side}" fill="{LIGHT}"/>'
        f'<path fill="{DARK}" d="{"".join(steps)}"/>'
        "</svg>"
    )


def to_image(code: QrMatrix, *, module_px: int = PNG_MODULE_PX) -> Image.Image:
    """The code as a black-and-white Pillow image, quiet zone included."""
    from PIL import Image

    rows = code.with_quiet_zone()
    small = Image.new("1", (code.side, code.side), 1)
    small.putdata([0 if dark else 1 for row in rows for dark in row])
    # Nearest-neighbour keeps every module a crisp square of module_px pixels.
    return small.resize((code.side * module_px, code.side * module_px), Image.Resampling.NEAREST)


def _write_atomically(path: Path, data: bytes, *, make_folder: bool) -> None:
    """Write ``data`` to ``path`` so a reader never sees half a file.

    Only a regular file is written or replaced (see :func:`check_output_target`). The
    file is readable by others: it is an image for a handout the facilitator asked for
    by name, not part of the session record.

    Raises:
        TargetRefused: ``path`` is not a regular file, or its folder is missing
            (:class:`FolderMissing`) and ``make_folder`` is false.
        OSError: the file could not be written; ``path`` is untouched.
    """
    check_output_target(Path(path), make_folder=make_folder)
    write_file_atomic(Path(path), data, mode=0o644)


def write_svg(
    code: QrMatrix, path: Path, *, module_mm: float = SVG_MODULE_MM, make_folder: bool = False
) -> None:
    """Save the code as an SVG file for a printed handout (errors as :func:`_write_atomically`)."""
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + to_svg(code, module_mm=module_mm) + "\n"
    _write_atomically(path, text.encode("utf-8"), make_folder=make_folder)


def write_png(
    code: QrMatrix, path: Path, *, module_px: int = PNG_MODULE_PX, make_folder: bool = False
) -> None:
    """Save the code as a PNG file (errors as :func:`_write_atomically`)."""
    buffer = io.BytesIO()
    to_image(code, module_px=module_px).save(buffer, format="PNG")
    _write_atomically(path, buffer.getvalue(), make_folder=make_folder)
