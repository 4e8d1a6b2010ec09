"""From a file's bytes to markdown tokens: the checks every markdown file we read shares.

Templates and the organisation's resources file both pass through here, so a file too
large, binary, not UTF-8 or empty is reported in the same words wherever it turns up.
A UTF-8 byte order mark and Windows line endings are accepted. A control character or
a bidirectional override is a problem on its line, and never reaches the tokens: the text
is made safe (:func:`~circlekeeper.sessions.safe_text.safe_text`) before it is parsed, so
nothing read from a template can drive the terminal it is shown on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.safe_text import BIDI_CONTROLS, describe, safe_text, unsafe_characters
from circlekeeper.sessions.templates.errors import Problem
from circlekeeper.sessions.templates.files import MAX_FILE_BYTES
from circlekeeper.sessions.templates.timing_marks import other_digits
from circlekeeper.sessions.templates.yaml_slips import NO_CLOSING_LINE, explain

_BOM = "\ufeff"


@dataclass
class Source:
    """A file's text and tokens, with the problems found so far."""

    path: str
    """The file, as the user named it."""
    text: str = ""
    """The text with line endings made ``\\n`` and any byte order mark removed."""
    tokens: list[Token] = field(default_factory=list)
    """markdown-it's block tokens; each has ``.map`` with 0-based source lines."""
    problems: list[Problem] = field(default_factory=list)
    """What is wrong so far."""

    def problem(self, line: int, message: str) -> None:
        """Note a problem at a 1-based line."""
        self.problems.append(Problem(self.path, line, message))


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(source: str | bytes, path: str) -> Source:
    """Turn a file's content into text, noting why it cannot be a markdown file if so.

    Args:
        source: the content, as bytes read from disk or as text already decoded.
        path: the file's name, used in problems.

    Returns:
        A :class:`Source` with ``text`` set, or with ``problems`` and empty text.
    """
    result = Source(path)
    size = len(source.encode("utf-8", "surrogatepass")) if isinstance(source, str) else len(source)
    if size > MAX_FILE_BYTES:
        result.problem(
            1,
            _("the file is {size} MiB; a template or resources file must be under 1 MiB").format(
                size=f"{size / (1024 * 1024):.1f}"
            ),
        )
        return result
    if isinstance(source, bytes):
        nul = source.find(b"\0")
        if nul >= 0:
            result.problem(
                _line_of_offset(source, nul),
                _(
                    "this looks like a binary file, not markdown (a NUL byte at offset {offset})"
                ).format(offset=nul),
            )
            return result
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError as error:
            result.problem(
                _line_of_offset(source, error.start),
                _(
                    "the file is not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8"
                ).format(byte=f"0x{source[error.start]:02x}", offset=error.start),
            )
            return result
    else:
        text = source
        if "\0" in text:
            result.problem(
                text.count("\n", 0, text.index("\0")) + 1,
                _("this looks like a binary file, not markdown (it holds a NUL character)"),
            )
            return result
        if any("\ud800" <= ch <= "\udfff" for ch in text):
            result.problem(1, _("the text holds characters that cannot be saved as UTF-8"))
            return result
    text = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        result.problem(1, _("the file is empty"))
        return result
    _note_unsafe_characters(result, text)
    text = safe_text(text)
    result.text = text
    result.tokens = _markdown().parse(text)
    if text.startswith("---\n") and not (result.tokens and result.tokens[0].type == "front_matter"):
        result.problem(1, _(NO_CLOSING_LINE))
    return result


def _note_unsafe_characters(src: Source, text: str) -> None:
    """A problem on each line holding characters that could drive a terminal or reorder it."""
    for number, line in enumerate(text.split("\n"), start=1):
        found = dict.fromkeys(char for _at, char in unsafe_characters(line))
        controls = [describe(c) for c in found if c not in BIDI_CONTROLS]
        overrides = [describe(c) for c in found if c in BIDI_CONTROLS]
        if controls:
            src.problem(
                number,
                _(
                    "a control character ({characters}) is not text and could drive "
                    "the terminal; delete it"
                ).format(characters=", ".join(controls)),
            )
        if overrides:
            src.problem(
                number,
                _(
                    "a bidirectional override ({characters}) shows words in another "
                    "order than they are written; delete it"
                ).format(characters=", ".join(overrides)),
            )


class _TemplateMarkdown(MarkdownIt):
    """markdown-it that keeps every link, whatever its scheme."""

    def validateLink(self, url: str) -> bool:
        # markdown-it quietly leaves links such as file: or javascript: as plain text; let
        # them through as links so the scheme check can say why they cannot be resources.
        return True


def _markdown() -> MarkdownIt:
    # Raw HTML is never interpreted: a template is text for people, not markup.
    return _TemplateMarkdown("commonmark", {"html": False}).use(front_matter_plugin)


def _yaml_problem(
    error: yaml.MarkedYAMLError, first_line: int, start: int, content: str
) -> tuple[int, str]:
    """Where a YAML error is, and what it is, said from where the broken value starts.

    PyYAML marks where it gave up (``problem_mark``: often the next key, or the end of the
    front matter) and, for an unclosed quote or bracket, where the value it was reading
    began (``context_mark``). The value's start is where the author has to look.
    """
    problem = error.problem or _("it cannot be read")
    mark = error.context_mark or error.problem_mark
    if mark is None:
        return start, _("the front matter is not valid YAML: {reason}").format(reason=problem)
    lines = content.split("\n")
    if error.problem_mark is not None and error.problem_mark.line < len(lines):
        slip = explain(problem, lines[error.problem_mark.line])
        if slip is not None:
            return first_line + error.problem_mark.line, slip
    column = mark.column + 1
    if error.context_mark is not None and error.context:
        reason = _("{problem} {context} that starts at column {column}").format(
            problem=problem, context=error.context, column=column
        )
    else:
        reason = _("{problem} (at column {column})").format(problem=problem, column=column)
    message = _("the front matter is not valid YAML: {reason}").format(reason=reason)
    return first_line + mark.line, message


@dataclass(frozen=True)
class FrontMatter:
    """The YAML between the ``---`` lines, read and checked."""

    values: dict[str, Any]
    """Known keys with values of the right type."""
    lines: dict[str, int]
    """The 1-based line of each key."""
    start: int
    """The 1-based line of the opening ``---`` (0 when there is no front matter)."""


def read_front_matter(src: Source, fields: dict[str, type]) -> FrontMatter:
    """Read the front matter, noting invalid YAML and unknown or wrong-typed keys.

    Args:
        src: the decoded file; problems are added to it.
        fields: the keys allowed, each with the type its value must have (``int`` means a
            whole number, never true or false).
    """
    token = next((t for t in src.tokens if t.type == "front_matter"), None)
    if token is None or token.map is None:
        return FrontMatter({}, {}, 0)
    start = token.map[0] + 1
    first_line = start + 1  # the YAML begins on the line after the opening ---
    try:
        node = yaml.compose(token.content, Loader=yaml.SafeLoader)
        data = yaml.safe_load(token.content)
    except yaml.MarkedYAMLError as error:
        src.problem(*_yaml_problem(error, first_line, start, token.content))
        return FrontMatter({}, {}, start)
    except (yaml.YAMLError, RecursionError):
        src.problem(start, _("the front matter is not valid YAML"))
        return FrontMatter({}, {}, start)
    except ValueError:
        # YAML reads a run of digits as a number, and Python refuses to read one of
        # thousands of digits: no real value looks like that.
        line = _long_number_line(node, first_line) or start
        src.problem(line, _("this number is far too long to be real; write it in a few digits"))
        return FrontMatter({}, {}, start)
    if data is None:
        return FrontMatter({}, {}, start)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        src.problem(start, _("the front matter should be 'key: value' lines, like 'title: ...'"))
        return FrontMatter({}, {}, start)
    lines = {
        str(key.value): first_line + key.start_mark.line
        for key, _value in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    values: dict[str, Any] = {}
    known = ", ".join(fields)
    for key, value in data.items():
        line = lines.get(str(key), start)
        expected = fields.get(str(key)) if isinstance(key, str) else None
        if expected is None:
            message = _("unknown front matter key {key}; the keys are {keys}")
            src.problem(line, message.format(key=repr(key), keys=known))
        elif value is None:
            continue
        elif expected is int and isinstance(value, str) and other_digits(value):
            src.problem(
                line,
                _(
                    "'{key}' is written with digits other than 0-9 ({digits}); "
                    "write it with 0-9, like {key}: 90"
                ).format(key=key, digits=other_digits(value)),
            )
        elif expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            message = _("'{key}' should be a whole number of minutes, like {key}: 90")
            src.problem(line, message.format(key=key))
        elif expected is str and not isinstance(value, str):
            message = _("'{key}' should be text on one line, like {key}: ...")
            src.problem(line, message.format(key=key))
        else:
            values[key] = " ".join(value.split()) if isinstance(value, str) else value
    return FrontMatter(values, lines, start)


def _long_number_line(node: yaml.Node | None, first_line: int) -> int | None:
    """The line of the first whole number in ``node`` too long for Python to read."""
    waiting = [node] if node is not None else []
    while waiting:
        current = waiting.pop()
        if isinstance(current, yaml.ScalarNode):
            if current.tag == "tag:yaml.org,2002:int" and len(str(current.value)) > 1000:
                return first_line + current.start_mark.line
        elif isinstance(current, yaml.SequenceNode):
            waiting.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            for key, value in reversed(current.value):
                waiting.extend((value, key))
    return None
