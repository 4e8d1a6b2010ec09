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
from circlekeeper.sessions.languages.speaking import N_, _, current_language

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
    CardKind.QUESTION: N_("Something you would like to ask the group or the facilitator."),
    CardKind.TOPIC: N_("Something you would like the group to talk about another time."),
}

_SEND = {
    CardKind.QUESTION: N_("Send question"),
    CardKind.TOPIC: N_("Send topic for next time"),
}
"""Each text card's button, a whole phrase for the translator."""


def _page(title: str, body: str) -> str:
    # The page speaks the language of the session it serves (see server.make_app).
    language = current_language()
    return _PAGE.substitute(
        lang=escape(language.html_lang),
        dir=language.direction,
        title=escape(title),
        style=STYLE,
        body=body,
    )


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
    lead = _(
        "Cards carry no name. The facilitator reads them in mixed order "
        "and never sees who sent which."
    )
    heading = _("Send a card")
    body = [f"<h1>{escape(heading)}</h1>", f'<p class="lead">{escape(lead)}</p>']
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
        none_open = _("No cards are open right now. Ask the facilitator.")
        body.append(f"<p>{escape(none_open)}</p>")
    for each in shown:
        given = text if each is kind else ""
        if each is CardKind.HOW_I_AM:
            body.append(_scale_form(token, given))
        else:
            body.append(_text_form(token, each, given))
    return _page(_("Send a card"), "\n".join(body))


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
    hint = _("{hint} Up to {most} characters.").format(hint=_(_HINTS[kind]), most=MAX_CARD_CHARS)
    return "\n".join(
        [
            _form_start(token, kind),
            f'<h2 id="{kind.value}-title"><label for="{kind.value}-text">'
            f"{escape(kind.label)}</label></h2>",
            f'<p class="hint" id="{kind.value}-hint">{escape(hint)}</p>',
            _textarea(kind, text, required=True, described=f"{kind.value}-hint"),
            f'<button type="submit">{escape(_(_SEND[kind]))}</button>',
            "</form>",
        ]
    )


def _scale_form(token: str, text: str) -> str:
    kind = CardKind.HOW_I_AM
    choices = "\n".join(
        f'<label><input type="radio" name="scale" value="{value}" required> '
        f"{value} {escape(_(SCALE_LABELS[value]))}</label>"
        for value in SCALE
    )
    choose = _(
        "Choose a number: 1 is struggling, 5 is very good. Numbers are only ever shown as "
        "counts, and only once 3 people answered."
    )
    alone = _(
        "The words are read on their own, without your number. Up to {most} characters."
    ).format(most=MAX_CARD_CHARS)
    # Whole strings, not calls inside f-strings, so every Python's extractor finds them.
    few_words, send = _("A few words, if you like"), _("Send how I am")
    return "\n".join(
        [
            _form_start(token, kind),
            f'<fieldset aria-describedby="{kind.value}-hint">',
            f'<legend id="{kind.value}-title">{escape(kind.label)}</legend>',
            f'<p class="hint" id="{kind.value}-hint">{escape(choose)}</p>',
            f'<div class="scale">\n{choices}\n</div>',
            "</fieldset>",
            f'<label for="{kind.value}-text">{escape(few_words)}</label>',
            f'<p class="hint" id="{kind.value}-words">{escape(alone)}</p>',
            _textarea(kind, text, required=False, described=f"{kind.value}-words"),
            f'<button type="submit">{escape(send)}</button>',
            "</form>",
        ]
    )


def sent_page(token: str) -> str:
    """The thanks after a card was put in the box, with a way to send another."""
    thanks, in_the_box = _("Thank you"), _("Your card is in the box.")
    another = _("Send another card")
    return _page(
        _("Card sent"),
        "\n".join(
            [
                f"<h1>{escape(thanks)}</h1>",
                f'<p role="status">{escape(in_the_box)}</p>',
                f'<p><a class="button" href="/{escape(token)}/">{escape(another)}</a></p>',
            ]
        ),
    )


def answered_page(token: str) -> str:
    """The thanks after a poll answer was counted."""
    from circlekeeper.sessions.dropbox.poll_pages import answered_body

    return _page(_("Answer counted"), answered_body(token))


def refusal_page(sentence: str, token: str | None) -> str:
    """A page saying why nothing was sent, with a link back to the cards when there is one."""
    heading = escape(_("Not sent"))
    body = [f"<h1>{heading}</h1>", f'<p class="problem" role="alert">{escape(sentence)}</p>']
    if token is not None:
        back = escape(_("Back to the cards"))
        body.append(f'<p><a href="/{escape(token)}/">{back}</a></p>')
    return _page(_("Not sent"), "\n".join(body))


def closed_page() -> str:
    """The answer to a wrong or expired link: nothing about whether a drop-box exists."""
    closed = _("The drop-box may have closed. If the facilitator shows a new code, scan that one.")
    heading = escape(_("This page is not open"))
    return _page(_("Not open"), f"<h1>{heading}</h1>\n<p>{escape(closed)}</p>")
