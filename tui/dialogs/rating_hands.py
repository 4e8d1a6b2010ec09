"""The end of a group's meeting: the rating check, taken by a show of hands.

For each of the four items the facilitator asks for hands at each band (0–3, 4–6, 7–8,
9–10) and types the counts; the dialog says, as they type, how many answered and each
item's mean, every hand taken at its band's midpoint. A box left empty counts no hands.
While the participant view is on, fewer than k answers are shown as ``<k`` with no
means, as the reports show them.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from circlekeeper.sessions.engine.hands import BANDS, HandsRating, item_mean, rating_from_hands
from circlekeeper.sessions.engine.timekeeper import MAX_ATTENDANCE
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.reports.figures import RATING_ITEMS
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.view import is_shared

NOT_A_COUNT = N_("Type the hands counted as a number (an empty box is none).")

ITEM_WORDS = {
    "heard": N_("Felt heard"),
    "topics": N_("The topics mattered"),
    "way": N_("The way we worked"),
    "overall": N_("Overall"),
}
"""Each rating item's words on screen, in English: translated when shown."""


def box_id(item: str, band: int) -> str:
    """The id of the box for ``item``'s hands in band ``band`` (0 is the lowest)."""
    return f"hands-{item}-{band}"


class RatingHandsDialog(FormDialog[HandsRating]):
    """Hands counted per item and band; dismisses with the rating, or ``None`` to skip."""

    submit_label = N_("Save rating")
    cancel_label = N_("Skip")

    DEFAULT_CSS = """
    RatingHandsDialog .hands-row {
        height: 1;
        margin-bottom: 1;
    }
    RatingHandsDialog .hands-row Label, RatingHandsDialog .hands-head Label.item {
        width: 22;
    }
    RatingHandsDialog .hands-row Input:focus {
        background: $accent 40%;
    }
    RatingHandsDialog .hands-row Input, RatingHandsDialog .hands-head Label.band {
        width: 9;
        height: 1;
        border: none;
        padding: 0 1;
        margin-right: 1;
    }
    RatingHandsDialog .hands-head {
        height: 1;
    }
    RatingHandsDialog #hands-result {
        height: auto;
        margin-top: 1;
    }
    """

    def __init__(self, k: int) -> None:
        """``k``: the group's smallest count shown as it is."""
        super().__init__()
        self.k = k

    def compose_fields(self) -> ComposeResult:
        yield Static(_("How did this meeting go? Count hands"), classes="form-title", markup=False)
        yield Static(
            _(
                "For each line ask: who would say 0 to 3? 4 to 6? 7 or 8? 9 or 10? "
                "Type the hands counted; an empty box is none."
            ),
            classes="hint",
            markup=False,
        )
        with Horizontal(classes="hands-head"):
            yield Label("", classes="item")
            for shown in BANDS:
                yield Label(shown.label, classes="band")
        for item in RATING_ITEMS:
            with Horizontal(classes="hands-row"):
                yield Label(_(ITEM_WORDS[item]), markup=False)
                for band in range(len(BANDS)):
                    # Any key is let in and checked: a box that dropped keys would swallow
                    # the crisis key typed there, with no word of why.
                    yield Input(placeholder="0", max_length=3, id=box_id(item, band))
        yield Static(self._result(), id="hands-result", markup=False)

    def counts(self) -> list[list[int]] | None:
        """The hands typed, one row per item and one count per band; ``None`` while a box
        holds something that is not a count."""
        rows = []
        for item in RATING_ITEMS:
            row = []
            for band in range(len(BANDS)):
                raw = self.query_one(f"#{box_id(item, band)}", Input).value.strip() or "0"
                if not (raw.isascii() and raw.isdigit()):
                    return None
                row.append(int(raw))
            rows.append(row)
        return rows

    @on(Input.Changed)
    def _typed(self) -> None:
        self.query_one("#hands-result", Static).update(self._result())

    def _result(self) -> str:
        if not self.is_mounted:
            return _("No hands counted yet.")
        rows = self.counts()
        if rows is None:
            return _(NOT_A_COUNT)
        answers = max(sum(row) for row in rows)
        if answers == 0:
            return _("No hands counted yet.")
        if answers < self.k and is_shared(self):
            return _("n = <{k} answered: the means are shown from {k} answers.").format(k=self.k)
        means = []
        for item, row in zip(RATING_ITEMS, rows, strict=True):
            mean = item_mean(row)
            words = _(ITEM_WORDS[item])
            means.append(f"{words} {'–' if mean is None else mean}")
        midpoints = ", ".join(f"{band.midpoint:g}" for band in BANDS)
        return _(
            "n = {answers} answered (the most hands on one line). Means: {means}.\n"
            "Each hand counts as its band's middle ({midpoints})."
        ).format(answers=answers, means="; ".join(means), midpoints=midpoints)

    def check_field(self, field: Input) -> str | None:
        raw = field.value.strip() or "0"
        if not (raw.isascii() and raw.isdigit()):
            return _(NOT_A_COUNT)
        if int(raw) > MAX_ATTENDANCE:
            return _("Count at most {count} hands in one box.").format(count=MAX_ATTENDANCE)
        return None

    def submit(self) -> None:
        for field in self.query(Input):
            problem = self.check_field(field)
            if problem:
                self.show_error(problem, focus=f"#{field.id}")
                return
        counts = self.counts()
        try:
            rating = rating_from_hands(counts or [])
        except SessionError as error:
            self.show_error(
                _("{problem}. Count hands on every line, or skip the rating.").format(problem=error)
            )
            return
        self.dismiss(rating)
