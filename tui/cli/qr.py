"""``circlekeeper qr``: show a link as a QR code in the terminal, or save it for a handout.

The code is printed in half blocks whose glyphs are the light modules (see
:mod:`circlekeeper.sessions.qr`). In colour the glyphs are white on a black background
(256-colour palette entries 231 and 16, which terminal themes leave alone), so the
code is dark-on-light on any terminal. Without colour (``NO_COLOR``, ``--no-color``,
or output to a file or pipe) the same glyphs take the terminal's own foreground: on
the usual dark terminal that still makes a dark-on-light code; on a light terminal it
prints inverted, which many phones will not read, so save an image there instead.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

import click

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.qr import (
    DEFAULT_EC,
    EC_LEVELS,
    LinkRefused,
    half_block_rows,
    make_qr,
    write_png,
    write_svg,
)
from circlekeeper.sessions.storage.write_targets import FolderMissing, TargetRefused
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.translated import TranslatedCommand

CODE_COLOURS = "\x1b[38;5;231;48;5;16m"
"""White glyphs (the light modules) on black (the dark modules), from the fixed palette."""

RESET = "\x1b[0m"


def _shown(url: str, limit: int = 60) -> str:
    """The link as quoted in a message, shortened so the message stays one line."""
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _level(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if value.upper() not in EC_LEVELS:
        raise click.BadParameter(
            _("'{value}' is not a level; use L, M, Q or H").format(value=value)
        )
    return value.upper()


def _colour_wanted(option: bool | None, environ: Mapping[str, str]) -> bool:
    if option is not None:
        return option
    # no-color.org: set and not empty means no colour.
    return not environ.get("NO_COLOR") and sys.stdout.isatty()


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "Show URL as a QR code participants can scan.\n\n"
        "Only http, https, mailto and tel links are accepted. The code keeps a light "
        "margin of four modules all round, as scanners need."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper qr https://findahelpline.com
  circlekeeper qr tel:+441234567890 --title "Crisis line"
  circlekeeper qr https://example.org/eap --svg eap.svg --png eap.png
  circlekeeper qr https://example.org/eap --png handouts/eap.png --mkdir
  circlekeeper qr https://example.org/a/long/path --ec L    a smaller code for a long link
  NO_COLOR=1 circlekeeper qr https://example.org            no colour, for a dark terminal
"""),
)
@click.argument("url")
@click.option("--title", help=N_("A line printed beneath the code, above the link."))
@click.option(
    "--ec",
    callback=_level,
    default=DEFAULT_EC,
    show_default=True,
    metavar="[L|M|Q|H]",
    help=N_(
        "Error correction: L, M, Q or H. Higher survives more blur and glare but "
        "needs a bigger code."
    ),
)
@click.option(
    "--png",
    "png_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Save the code as a PNG image instead of printing it."),
)
@click.option(
    "--svg",
    "svg_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Save the code as an SVG image (sharp at any print size) instead of printing it."),
)
@click.option(
    "--mkdir",
    "make_folder",
    is_flag=True,
    help=N_(
        "Create the image's folder if it does not exist (by default a missing folder "
        "is an error). Only a regular file is ever written: a device, a named pipe or a "
        "symbolic link is refused."
    ),
)
@click.option(
    "--color/--no-color",
    "colour",
    default=None,
    help=N_(
        "Colour the code black on white. Default: only on a terminal, and not when NO_COLOR is set."
    ),
)
@pass_invocation
def qr(
    invocation: Invocation,
    url: str,
    title: str | None,
    ec: str,
    png_path: Path | None,
    svg_path: Path | None,
    make_folder: bool,
    colour: bool | None,
) -> None:
    """Print the code, or save it as the images asked for."""
    try:
        code = make_qr(url, ec)
    except LinkRefused as error:
        message = _("cannot make a code for '{link}': {problem}")
        raise click.ClickException(
            message.format(link=_shown(url.strip()), problem=error)
        ) from None

    images = [(p, w) for p, w in ((png_path, write_png), (svg_path, write_svg)) if p is not None]
    if images:
        for path, writer in images:
            try:
                writer(code, path, make_folder=make_folder)
            except FolderMissing as error:
                message = _("{path}: the folder {folder} does not exist; add --mkdir to create it")
                raise click.ClickException(message.format(path=path, folder=error.folder)) from None
            except TargetRefused as error:
                raise click.ClickException(str(error)) from None
            except OSError as error:
                message = _("{path}: could not save the code: {reason}")
                raise click.ClickException(
                    message.format(path=path, reason=error.strerror or error)
                ) from None
            saved = _("Saved the code for {link} to {path}")
            click.echo(saved.format(link=_shown(code.url), path=path))
        return

    width, _height = code.cells
    if sys.stdout.isatty():
        columns = shutil.get_terminal_size().columns
        if columns < width:
            message = _(
                "this code needs {width} columns and the terminal has {columns}; "
                "widen it, or save an image with --png or --svg"
            )
            raise click.ClickException(message.format(width=width, columns=columns))

    with_colour = _colour_wanted(colour, invocation.environ)
    for row in half_block_rows(code):
        line = f"{CODE_COLOURS}{row}{RESET}" if with_colour else row
        click.echo(line, color=with_colour)
    if title:
        click.echo(title)
    click.echo(code.url)
