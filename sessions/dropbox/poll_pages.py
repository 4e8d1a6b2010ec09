"""The open poll on the phone's page: one plain form, radio buttons or checkboxes, no script.

A question with one pick is a row of radio buttons (the rating check's 0 to 10 among
them); a question with more is a set of checkboxes, with the number of picks said
beside it (the server refuses more, as no script counts them on the phone). Every word
of a question or an option is escaped: a topic from a card is data, never markup. The
values sent are the options' numbers, never their words.
"""

from __future__ import annotations

from html import escape

from circlekeeper.sessions.dropbox.polls import Poll, Question
from circlekeeper.sessions.languages.speaking import N_, _

ANONYMOUS = N_(
    "Your answer is anonymous: it is only added to the counts, and nothing about you or "
    "when you answered is kept. Please answer once."
)
"""What the page promises about an answer, in plain words."""


def poll_form(token: str, poll: Poll, ticket: str) -> str:
    """The form answering ``poll``, carrying the one-time ``ticket`` of this page."""
    parts = [
        f'<form method="post" action="/{escape(token)}/poll" accept-charset="UTF-8" '
        'class="poll" aria-labelledby="poll-title">',
        f'<input type="hidden" name="ticket" value="{escape(ticket)}">',
        f'<h2 id="poll-title">{escape(poll.title)}</h2>',
        f'<p class="hint" id="poll-promise">{escape(_(ANONYMOUS))}</p>',
    ]
    for number, question in enumerate(poll.questions):
        parts.append(_question(number, question))
    send = _("Send my answer")
    parts += [f'<button type="submit">{escape(send)}</button>', "</form>"]
    return "\n".join(parts)


def _question(number: int, question: Question) -> str:
    name = f"q{number}"
    one = question.picks == 1
    kind = "radio" if one else "checkbox"
    need = " required" if one else ""
    choices = "\n".join(
        f'<label><input type="{kind}" name="{name}" value="{index}"{need}> {escape(option)}</label>'
        for index, option in enumerate(question.options)
    )
    if one:
        hint = _("0 is not at all, 10 is completely.") if _is_scale(question) else _("Pick one.")
    else:
        hint = _("Pick up to {count}.").format(count=question.picks)
    row = "scale ten" if _is_scale(question) else "choices"
    return "\n".join(
        [
            f'<fieldset aria-describedby="{name}-hint">',
            f"<legend>{escape(question.words)}</legend>",
            f'<p class="hint" id="{name}-hint">{escape(hint)}</p>',
            f'<div class="{row}">\n{choices}\n</div>',
            "</fieldset>",
        ]
    )


def _is_scale(question: Question) -> bool:
    return question.options == tuple(str(v) for v in range(11))


def answered_body(token: str) -> str:
    """The thanks after an answer was counted, with the way back to the page."""
    thanks = _("Thank you")
    counted = _("Your answer is counted. Only the counts are kept.")
    back = _("Back to the page")
    return "\n".join(
        [
            f"<h1>{escape(thanks)}</h1>",
            f'<p role="status">{escape(counted)}</p>',
            f'<p><a class="button" href="/{escape(token)}/">{escape(back)}</a></p>',
        ]
    )
