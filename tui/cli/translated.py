"""Click commands whose help speaks the language chosen for the command line.

Click takes a command's help, its options' help and its epilog when the decorators run,
at import, before the root command has chosen the language. So these texts are marked
with ``N_`` where they are written and translated here, each time the help is shown:
the commands below swap in the translation while click lays the help out. The few
words click writes itself (``Usage:``, ``Options``, ``Commands``, the help option's
help) are translated by the formatter, from the same catalogs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager

import click

from circlekeeper.sessions.languages.speaking import N_, _

CLICK_WORDS = (
    N_("Usage: "),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("default:"),
    N_("required"),
)
"""Click's own words in a help page, marked so the catalogs carry them."""

_EXTRAS = re.compile(r"\[(default:|required)")


@contextmanager
def _spoken(thing: object, *names: str) -> Iterator[None]:
    """Give ``thing``'s text attributes ``names`` their translations inside the block."""
    saved = {name: getattr(thing, name, None) for name in names}
    for name, text in saved.items():
        if isinstance(text, str) and text:
            setattr(thing, name, _(text))
    try:
        yield
    finally:
        for name, text in saved.items():
            setattr(thing, name, text)


class TranslatedFormatter(click.HelpFormatter):
    """Click's help formatter, with click's own headings in the chosen language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_(name)):
            yield

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        # Click appends "[default: md]" or "[required]" to an option's help.
        spoken = [(term, _EXTRAS.sub(lambda m: "[" + _(m[1]), text)) for term, text in rows]
        super().write_dl(spoken, col_max, col_spacing)


class TranslatedContext(click.Context):
    """A context whose help pages are laid out by :class:`TranslatedFormatter`."""

    formatter_class = TranslatedFormatter


class _Translating(click.Command):
    """What a translated command and a translated group share."""

    context_class = TranslatedContext

    def get_short_help_str(self, limit: int = 45) -> str:
        with _spoken(self, "help", "short_help"):
            return super().get_short_help_str(limit)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _spoken(self, "help", "epilog"):
            super().format_help(ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with ExitStack() as stack:
            for param in self.get_params(ctx):
                stack.enter_context(_spoken(param, "help"))
            super().format_options(ctx, formatter)


class TranslatedCommand(_Translating):
    """A command whose help, options' help and epilog are translated when shown."""


class TranslatedGroup(_Translating, click.Group):
    """A group whose help is translated, and whose sub-commands and sub-groups are too."""

    command_class = TranslatedCommand
    group_class = type
