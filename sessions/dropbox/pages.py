"""The pages a phone sees: the cards to fill in, the thanks, and the refusals.

Plain HTML forms, one per kind of card open now: no script, no external resource, no
cookie, no image. The style sheet is inlined and allowed by its hash in the
Content-Security-Policy, so the policy can forbid everything else. Every piece of text
that is not ours (a card given back after a refusal) is escaped.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Collection
from html import escape
from importlib import resources
from string import Template

from circlekeeper.sessions.dropbox.cards import MAX_CARD_CHARS, SCALE, SCALE_LABELS, CardKind

_HERE = resources.files("circlekeeper.sessions.dropbox")
_PAGE = Template(_HERE.joinpath("page.html").read_text(encoding="utf-8"))
STYLE = _HERE.joinpath("phone.css").read_text(encoding="utf-8")
"""The page's style sheet, inlined in every page."""

_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")

CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
"""Nothing may load but our own inline style; forms post only back here; no framing."""

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Server": "circlekeeper",
}
"""Sent with every answer. ``no-store`` keeps a card out of the phone's cache and
history; ``Server`` replaces the web library's name and version."""

ORDER = (CardKind.QUESTION, CardKind.HOW_I_AM, CardKind.TOPIC)
"""The order the cards appear on the page."""

_HINTS = {
    CardKind.QUESTION: "Something you would like to ask the group or the facilitator.",
    CardKind.TOPIC: "Something you would like the group to talk about another time.",
}


def _page(title: str, body: str) -> str:
    return _PAGE.substitute(title=escape(title), style=STYLE, body=body)


def form_page(
    token: str,
    kinds: Collection[CardKind],
    *,
    problem: str | None = None,
    kind: CardKind | None = None,
    text: str = "",
    poll: str = "",
) -> str:
    """The page with one form per kind of card open now.

    Args:
        token: the drop-box's token (the forms post back to its path).
        kinds: the kinds of card open now.
        problem: a sentence saying why the last card was not sent, shown on top.
        kind: the card the problem is about, whose text is given back.
        text: the words to give back in that card's box, so nothing typed is lost.
        poll: the open poll's form (:func:`.poll_pages.poll_form`), shown first.
    """
    body = [
        "<h1>Send a card</h1>",
        '<p class="lead">Cards carry no name. The facilitator reads them in mixed order '
        "and never sees who sent which.</p>",
    ]
    if problem:
        body.append(f'<p class="problem" role="alert">{escape(problem)}</p>')
    if poll:
        body.append(poll)
    shown = [k for k in ORDER if k in kinds]
    if kind in shown:
        # The card given back comes first, right under the sentence about it.
        shown.remove(kind)
        shown.insert(0, kind)
    if not shown:
        body.append("<p>No cards are open right now. Ask the facilitator.</p>")
    for each in shown:
        given = text if each is kind else ""
        if each is CardKind.HOW_I_AM:
            body.append(_scale_form(token, given))
        else:
            body.append(_text_form(token, each, given))
    return _page("Send a card", "\n".join(body))


def _form_start(token: str, kind: CardKind) -> str:
    return (
        f'<form method="post" action="/{escape(token)}/" accept-charset="UTF-8" '
        f'aria-labelledby="{kind.value}-title">\n'
        f'<input type="hidden" name="kind" value="{kind.value}">'
    )


def _textarea(kind: CardKind, text: str, *, required: bool, described: str) -> str:
    need = " required" if required else ""
    return (
        f'<textarea id="{kind.value}-text" name="text" rows="4" maxlength="{MAX_CARD_CHARS}"'
        f'{need} aria-describedby="{described}">{escape(text)}</textarea>'
    )


def _text_form(token: str, kind: CardKind, text: str) -> str:
    hint = f"{_HINTS[kind]} Up to {MAX_CARD_CHARS} characters."
    return "\n".join(
        [
            _form_start(token, kind),
            f'<h2 id="{kind.value}-title"><label for="{kind.value}-text">{kind.label}</label></h2>',
            f'<p class="hint" id="{kind.value}-hint">{escape(hint)}</p>',
            _textarea(kind, text, required=True, described=f"{kind.value}-hint"),
            f'<button type="submit">Send {escape(kind.label.lower())}</button>',
            "</form>",
        ]
    )


def _scale_form(token: str, text: str) -> str:
    kind = CardKind.HOW_I_AM
    choices = "\n".join(
        f'<label><input type="radio" name="scale" value="{value}" required> '
        f"{value} {escape(SCALE_LABELS[value])}</label>"
        for value in SCALE
    )
    return "\n".join(
        [
            _form_start(token, kind),
            f'<fieldset aria-describedby="{kind.value}-hint">',
            f'<legend id="{kind.value}-title">{kind.label}</legend>',
            f'<p class="hint" id="{kind.value}-hint">Choose a number: 1 is struggling, 5 is '
            "very good. Numbers are only ever shown as counts, and only once 3 people "
            "answered.</p>",
            f'<div class="scale">\n{choices}\n</div>',
            "</fieldset>",
            f'<label for="{kind.value}-text">A few words, if you like</label>',
            f'<p class="hint" id="{kind.value}-words">The words are read on their own, without '
            f"your number. Up to {MAX_CARD_CHARS} characters.</p>",
            _textarea(kind, text, required=False, described=f"{kind.value}-words"),
            '<button type="submit">Send how I am</button>',
            "</form>",
        ]
    )


def sent_page(token: str) -> str:
    """The thanks after a card was put in the box, with a way to send another."""
    return _page(
        "Card sent",
        "\n".join(
            [
                "<h1>Thank you</h1>",
                '<p role="status">Your card is in the box.</p>',
                f'<p><a class="button" href="/{escape(token)}/">Send another card</a></p>',
            ]
        ),
    )


def answered_page(token: str) -> str:
    """The thanks after a poll answer was counted."""
    from circlekeeper.sessions.dropbox.poll_pages import answered_body

    return _page("Answer counted", answered_body(token))


def refusal_page(sentence: str, token: str | None) -> str:
    """A page saying why nothing was sent, with a link back to the cards when there is one."""
    body = ["<h1>Not sent</h1>", f'<p class="problem" role="alert">{escape(sentence)}</p>']
    if token is not None:
        body.append(f'<p><a href="/{escape(token)}/">Back to the cards</a></p>')
    return _page("Not sent", "\n".join(body))


def closed_page() -> str:
    """The answer to a wrong or expired link: nothing about whether a drop-box exists."""
    return _page(
        "Not open",
        "<h1>This page is not open</h1>\n"
        "<p>The drop-box may have closed. If the facilitator shows a new code, scan that "
        "one.</p>",
    )
