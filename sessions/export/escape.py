"""Text from notes and templates made safe for each format: a note is data, never markup.

Two kinds of text reach an export. Note text (and titles, the debrief, anything typed
during a session) is plain text: :func:`markdown_text` escapes it so a Markdown renderer
shows it exactly as typed, and the HTML template escapes it through Jinja's autoescape.
Template text (prompts, part text, guidance, opening words) is inline markdown written by
a coordinator: it is read through markdown-it with raw HTML and images off, and only
links that keep the resource rules (:func:`~circlekeeper.sessions.templates.link_rules.check_url`)
stay links; :func:`template_markdown` and :func:`template_html` write it back out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from circlekeeper.sessions.templates.link_rules import check_url

_INLINE_SPECIAL = re.compile(
    r"""[`<|*]"""  # code, autolinks and HTML, table cells, emphasis
    r"""|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"""  # emphasis; snake_case is never emphasis
    r"""|\\(?=[!-/:-@\[-`{-~]|$)"""  # a backslash that would escape what follows
    r"""|\](?=[(\[:])"""  # a link, a reference or a definition needs "](", "][" or "]:"
    r"""|!(?=\[)"""  # an image
    r"""|&(?=#?[A-Za-z0-9]+;)"""  # an entity such as &amp; or &#42;
    r"""|~(?=~)|(?<=~)~"""  # strikethrough needs two
)
"""What would take effect as inline markup (or split a table cell) where it stands.

Anything else is left as typed, so the Markdown also reads cleanly as plain text: a note
that says ``[name removed]`` stays so, where escaping every bracket would give
``\\[name removed\\]`` in an email. A bracket pair is a link only with ``(``, ``[`` or
``:`` right after the ``]``, and escaping that one ``]`` is enough to keep it text."""

_LINE_START = re.compile(r"^(\s*)([-+=#>]|\d+(?=[.)]))")
"""What can begin a block (a list, a heading, a quote, a heading underline) at a line's start."""


def _escape_inline(text: str) -> str:
    """``text`` with a backslash before each character that would act as markup there."""
    return _INLINE_SPECIAL.sub(lambda found: "\\" + found.group(0), text)


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def _reader() -> MarkdownIt:
    reader = MarkdownIt("commonmark", {"html": False}).disable("image")
    reader.validateLink = lambda url: check_url(url) is None  # type: ignore[method-assign]
    return reader


_MD = _reader()


def lines_of(text: str) -> list[str]:
    """The non-blank lines of ``text``, with every kind of line break honoured."""
    return [line.strip() for line in _LINE_BREAKS.split(text) if line.strip()]


def _escape_line(line: str) -> str:
    line = _escape_inline(line)
    # A digit run before "." or ")" starts an ordered list: escape the mark after it.
    match = _LINE_START.match(line)
    if match is None:
        return line
    start, mark = match.end(1), match.group(2)
    if mark[0].isdigit():
        end = match.end(2)
        return line[:end] + "\\" + line[end:]
    return line[:start] + "\\" + line[start:]


def markdown_text(text: str, *, indent: str = "") -> str:
    """Plain text as Markdown that renders exactly as typed: no link, no HTML, no emphasis.

    Line breaks inside the text become hard breaks; blank lines are dropped, so the
    text stays one paragraph (one list item, one table cell's worth of words).

    Args:
        text: the plain text.
        indent: put before every line after the first, so it stays inside a list item.
    """
    return ("\\\n" + indent).join(_escape_line(line) for line in lines_of(text))


def cell_text(text: str) -> str:
    """Plain text for one cell of a Markdown table: escaped, on one line."""
    return " ".join(_escape_line(line) for line in lines_of(text))


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[Token, ...]:
    parsed = _MD.parseInline(" ".join(lines_of(text)))
    return tuple(parsed[0].children or ()) if parsed else ()


def _code_span(content: str) -> str:
    ticks = max((len(run) for run in re.findall(r"`+", content)), default=0) + 1
    fence = "`" * ticks
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _url_text(url: str) -> str:
    """A link as an angle-bracket destination, with the few characters it cannot hold encoded."""
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def template_markdown(text: str) -> str:
    """Template inline markdown written back as Markdown that only keeps safe markup.

    Emphasis, code spans and links that keep the resource rules come through; raw HTML,
    images, refused links and anything else come out as the literal text they were.
    """
    out: list[str] = []
    hrefs: list[str | None] = []
    for token in _tokens(text):
        kind = token.type
        if kind == "text":
            escaped = _escape_inline(token.content)
            out.append(_escape_line(token.content) if not out else escaped)
        elif kind in ("em_open", "em_close"):
            out.append("*")
        elif kind in ("strong_open", "strong_close"):
            out.append("**")
        elif kind == "code_inline":
            out.append(_code_span(token.content))
        elif kind == "link_open":
            hrefs.append(str(token.attrs.get("href", "")))
            if out and out[-1].endswith("!") and not out[-1].endswith("\\!"):
                out[-1] = out[-1][:-1] + "\\!"  # "!" before a link would make it an image
            out.append("[")
        elif kind == "link_close":
            out.append(f"](<{_url_text(hrefs.pop() or '')}>)")
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        else:
            out.append(_escape_inline(token.content))
    return "".join(out)


def template_html(text: str) -> str:
    """Template inline markdown as HTML: text escaped, only safe links kept."""
    tokens = list(_tokens(text))
    if not tokens:
        return ""
    # markdown-it types its renderer loosely; the HTML renderer it is built with gives text.
    html: str = _MD.renderer.render(tokens, _MD.options, {})
    return html
