"""Click's own error messages in the language chosen for the command line.

Click writes its errors (``Error:``, "No such option", "Missing argument", "Invalid
value for ...") with the standard library's ``gettext``, which reads the process's
locale and the default ``messages`` domain: it knows neither circlekeeper's catalogs nor
a ``language`` setting. So the root command catches a click error as it leaves parsing
or a sub-command (:func:`spoken_errors`) and raises it again as :class:`SpokenError` or
:class:`SpokenUsageError`, which say the same thing, rebuilt from the error's own parts
with circlekeeper's catalogs, when click shows it. Our own messages inside a
:class:`click.ClickException` are translated already and pass through as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import click

from circlekeeper.sessions.languages.speaking import N_, _, ngettext

_NUMBER = re.compile(r"(?P<value>.+) is not a valid (?P<kind>integer|float)\.")
_NUMBER_WORDS = {
    "integer": N_("{value} is not a whole number."),
    "float": N_("{value} is not a number."),
}
# Click says "No such command" with an error of its own from 8.4 on.
_NO_SUCH_COMMAND: Any = getattr(click.exceptions, "NoSuchCommand", ())
_MISSING = {
    "argument": N_("Missing argument"),
    "option": N_("Missing option"),
    "parameter": N_("Missing parameter"),
}


class SpokenError(click.ClickException):
    """A click error shown in the chosen language (exit status 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def show(self, file: object = None) -> None:
        click.echo(_("Error: {message}").format(message=self.message), err=True)


class SpokenUsageError(click.UsageError):
    """A usage error shown in the chosen language, with the usage line (exit status 2)."""

    def show(self, file: object = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                option = max(ctx.command.get_help_option_names(ctx), key=len)
                hint = _("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=option
                )
                hint += "\n"
            click.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=ctx.color)
        click.echo(_("Error: {message}").format(message=self.message), err=True)


@contextmanager
def spoken_errors() -> Iterator[None]:
    """Raise a click error from inside the block again in the chosen language."""
    try:
        yield
    except (SpokenError, SpokenUsageError):
        raise
    except click.UsageError as error:
        raise SpokenUsageError(spoken_message(error), error.ctx) from None
    except click.ClickException as error:
        raise _spoken_error(error.exit_code)(error.format_message()) from None


@lru_cache(maxsize=4)
def _spoken_error(exit_code: int) -> type[SpokenError]:
    """:class:`SpokenError` with the exit status of the error it stands for."""
    if exit_code == SpokenError.exit_code:
        return SpokenError
    return type("SpokenError", (SpokenError,), {"exit_code": exit_code})


def spoken_message(error: click.UsageError) -> str:
    """What a click usage error says, in the chosen language."""
    if isinstance(error, click.NoSuchOption):
        said = _("No such option {name!r}.").format(name=error.option_name)
        return _with_guesses(said, error.possibilities)
    if isinstance(error, _NO_SUCH_COMMAND):
        said = _("No such command {name!r}.").format(name=error.command_name)
        return _with_guesses(said, error.possibilities)
    if isinstance(error, click.MissingParameter):
        return _missing(error)
    if isinstance(error, click.BadParameter):
        hint = _hint(error)
        message = _value_problem(error.message)
        if hint is None:
            return _("Invalid value: {message}").format(message=message)
        return _("Invalid value for {param_hint}: {message}").format(
            param_hint=hint, message=message
        )
    return error.format_message()


def _with_guesses(said: str, guesses: Sequence[str] | None) -> str:
    if not guesses:
        return said
    quoted = ", ".join(repr(g) for g in sorted(guesses))
    guess = ngettext(
        "Did you mean {possibilities}?", "(Did you mean one of: {possibilities}?)", len(guesses)
    )
    return f"{said} {guess.format(possibilities=quoted)}"


def _hint(error: click.BadParameter) -> str | None:
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint(error.ctx)
    if hint is None or isinstance(hint, str):
        return hint
    return " / ".join(repr(h) for h in hint)


def _missing(error: click.MissingParameter) -> str:
    kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
    missing = _(_MISSING.get(kind, _MISSING["parameter"]))
    hint = _hint(error)
    said = f"{missing} {hint}." if hint else f"{missing}."
    extra = error.message
    if error.param is not None:
        more = error.param.type.get_missing_message(param=error.param, ctx=error.ctx)
        extra = f"{extra}. {more}" if extra and more else extra or more or ""
    return f"{said} {extra}" if extra else said


def _value_problem(message: str) -> str:
    # Click's number types say "'x' is not a valid integer."; other messages are our own,
    # already in the chosen language, or click's rarer ones, left as click wrote them.
    found = _NUMBER.fullmatch(message)
    if found is None:
        return message
    return _(_NUMBER_WORDS[found["kind"]]).format(value=found["value"])
