"""Hostile note and template text comes out as literal text in every format.

A note is data, never markup: whatever is typed (a script, an image with an ``onerror``, a
``javascript:`` link, markdown link syntax) must not become an element, an attribute or a
link in the HTML, nor HTML, an image or a link when the Markdown is rendered, and must
read back unchanged from the JSON. Template text may keep its own links only when they
are http, https, mailto or tel.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from export_example import example_agenda, run_session
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.escape import markdown_text
from circlekeeper.sessions.templates.agenda import Agenda, Block, Part, Resource
from circlekeeper.sessions.templates.link_rules import check_url

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    '<a href="javascript:alert(2)">x</a>',
    "![pixel](https://tracker.example/p.png)",
    '" onmouseover="alert(3)',
    "</li></ul><script>alert(4)</script>",
    "javascript:alert(5)",
    "&lt;script&gt; and &amp; and &#60;b&#62;",
    "<https://evil.example/autolink>",
    "**not bold** _not italic_ `not code`",
    "first line\n# not a heading\n- not a list\n> not a quote\n1. not numbered\n---",
    "[ref]: https://evil.example/ref\n[ref]",
    "<!-- a comment --> <svg onload=alert(6)>",
]

SAFE_TEMPLATE_LINK = "https://intranet.example.org/mentoring"
TEMPLATE_LINKS = {
    SAFE_TEMPLATE_LINK,
    "https://findahelpline.com",
    # http links a template wrote are allowed (the image syntax is left as "!" + a link).
    "https://tracker.example/p.png",
    "https://evil.example/autolink",
}
EXAMPLE_LINKS = {SAFE_TEMPLATE_LINK, "https://findahelpline.com", "mailto:wellbeing@example.org"}


def hostile_agenda() -> Agenda:
    """An agenda as a hand-edited record could hold it: hostile text everywhere."""
    blocks = tuple(Block(text, line=1) for text in HOSTILE)
    prompt_with_link = Block(f"See [the mentoring page]({SAFE_TEMPLATE_LINK}).", line=2)
    return Agenda(
        name="<script>alert('name')</script>",
        title="<script>alert('title')</script> [t](javascript:alert(7))",
        intro=blocks,
        parts=(
            Part(
                title="<img src=x onerror=alert('part')>",
                minutes=10,
                line=1,
                text=blocks,
                prompts=(*blocks, prompt_with_link),
                guidance=blocks,
            ),
            Part(title="[part](javascript:alert(8))", minutes=5, line=2, round_minutes=1),
        ),
        resources=(
            Resource("<script>alert('res')</script>", "javascript:alert(9)"),
            Resource("A helpline", "https://findahelpline.com", crisis=True),
        ),
    )


@pytest.fixture(scope="module")
def session() -> Session:
    """Hostile text in the notes, the debrief and the template alike."""
    return run_session(hostile_agenda(), HOSTILE)


@pytest.fixture(scope="module")
def notes_session() -> Session:
    """Hostile notes in a session of a well-behaved template."""
    return run_session(example_agenda(), HOSTILE)


class Elements(HTMLParser):
    """Every element, attribute and piece of text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data) -> None:
        self.text.append(data)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "section", "article",
    "h1", "h2", "h3", "p", "ol", "ul", "li", "strong", "em", "code", "span", "a", "br",
    "figure", "figcaption", "blockquote", "dl", "dt", "dd", "table", "thead", "tbody", "tr",
    "th", "td", "svg", "path", "rect", "text", "defs", "pattern",
}  # fmt: skip


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize(
    ("which", "links"), [("session", TEMPLATE_LINKS), ("notes_session", EXAMPLE_LINKS)]
)
def test_html_has_no_element_attribute_or_link_from_hostile_text(
    request, which, links, audience
) -> None:
    page = render(summary_of(request.getfixturevalue(which), audience), Format.HTML)
    assert "<script" not in page.lower()
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert [tag for tag, _ in parsed.tags].count("style") == 1
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            assert name not in ("src", "srcset", "style", "action", "formaction"), (tag, name)
            if name == "href":
                assert check_url(value or "") is None, value
                assert "javascript" not in (value or "").lower()
    hrefs = {value for tag, attrs in parsed.tags for name, value in attrs if name == "href"}
    assert hrefs <= links


def test_html_shows_every_hostile_note_as_its_literal_text(session) -> None:
    page = render(summary_of(session, Audience.FACILITATOR), Format.HTML)
    text = "".join(parse(page).text)
    for hostile in HOSTILE:
        for line in hostile.splitlines():
            assert line.strip() in text


def test_html_forbids_any_request_or_script_by_its_content_security_policy(session) -> None:
    page = render(summary_of(session, Audience.PARTICIPANTS), Format.HTML)
    policies = [
        dict(attrs).get("content")
        for tag, attrs in parse(page).tags
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy"
    ]
    assert policies == ["default-src 'none'; style-src 'unsafe-inline'"]


def _tokens(markdown: str):
    # html on: a forge renders some raw HTML, so any that got through must show up here.
    reader = MarkdownIt("commonmark", {"html": True})
    for token in reader.parse(markdown):
        yield token
        yield from token.children or ()


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize(
    ("which", "links"), [("session", TEMPLATE_LINKS), ("notes_session", EXAMPLE_LINKS)]
)
def test_markdown_renders_no_html_image_or_unsafe_link(request, which, links, audience) -> None:
    markdown = render(summary_of(request.getfixturevalue(which), audience), Format.MARKDOWN)
    found = []
    for token in _tokens(markdown):
        assert token.type not in ("html_block", "html_inline", "image"), token
        if token.type == "link_open":
            found.append(token.attrs["href"])
    assert set(found) <= links
    assert all(check_url(str(href)) is None for href in found)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_escaped_note_text_renders_as_exactly_the_text_typed(hostile) -> None:
    lines = [line.strip() for line in hostile.splitlines() if line.strip()]
    tokens = MarkdownIt("commonmark", {"html": True}).parse(
        f"- {markdown_text(hostile, indent='  ')}"
    )
    inline = next(t for t in tokens if t.type == "inline")
    assert [t.type for t in inline.children] == ["text", "hardbreak"] * (len(lines) - 1) + ["text"]
    assert [t.content for t in inline.children if t.type == "text"] == lines


@pytest.mark.parametrize("audience", list(Audience))
def test_json_keeps_hostile_text_as_data_and_inert_as_html(session, audience) -> None:
    text = render(summary_of(session, audience), Format.JSON)
    assert "<" not in text and ">" not in text
    data = json.loads(text)
    assert data["title"] == session.agenda.title
    notes = {note["text"] for note in data["notes"]}
    assert notes == {n.text for n in summary_of(session, audience).notes}
    if audience is Audience.FACILITATOR:
        assert notes == set(HOSTILE)
        assert data["debrief"]["how_it_went"] == HOSTILE[0]


def test_a_resource_whose_link_breaks_the_rules_is_text_only(session) -> None:
    summary = summary_of(session, Audience.PARTICIPANTS)
    refused = [r for r in summary.resources if not r.link_ok]
    assert [r.url for r in refused] == ["javascript:alert(9)"]
    page = render(summary, Format.HTML)
    assert page.count("<svg") == 1  # only the helpline gets a code
    assert "javascript:alert(9) (not a link we can show)" in "".join(parse(page).text)


TYPED = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))
    | st.sampled_from("\n*_`[]()<>!#&\\|~-+=.:;"),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_any_typed_text_renders_as_exactly_itself(text) -> None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    rendered = MarkdownIt("commonmark", {"html": True}).parse(
        f"- {markdown_text(text, indent='  ')}"
    )
    inline = [t for t in rendered if t.type == "inline"]
    if not lines:
        assert markdown_text(text) == ""
        return
    (paragraph,) = inline
    assert [t.type for t in paragraph.children] == ["text", "hardbreak"] * (len(lines) - 1) + [
        "text"
    ]
    assert [t.content for t in paragraph.children if t.type == "text"] == lines
