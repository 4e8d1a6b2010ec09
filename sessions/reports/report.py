"""A count-only report over many sessions, every table disclosure-controlled.

:func:`build_report` takes the figures of several sessions (a coordinator's collected
records, or a group's history) and lays them out as tables of sessions by figures, each
with its totals, then publishes each through :func:`~.disclosure.publish` with the same
k. Renderers (:mod:`.report_csv`, :mod:`.report_json`, :mod:`.report_html`) only ever see
the published tables, so they cannot show a count that disclosure control withheld.

Its words are English, marked for the catalogs: the HTML page speaks them in the language
chosen (:mod:`.wording`), while the CSV and the JSON keep them as they are.

Sessions are named by their day alone (``2026-03-04``, a second that day ``2026-03-04
#2``): a title is free text and never enters a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from circlekeeper.sessions.dropbox.cards import SCALE, SCALE_LABELS
from circlekeeper.sessions.languages.speaking import N_
from circlekeeper.sessions.reports.disclosure import (
    DEFAULT_K,
    PublishedTable,
    Table,
    check_k,
    publish,
)
from circlekeeper.sessions.reports.figures import (
    NOTE_KINDS,
    RATING_ITEMS,
    RATING_WORDS,
    SessionFigures,
)
from circlekeeper.sessions.reports.wording import UNDATED, mood_column

KIND_WORDS = {
    "theme": N_("Themes"),
    "action": N_("Actions"),
    "question": N_("Questions"),
    "support_need": N_("Support needs"),
}
"""How each kind of note heads its column (translated only on the HTML page)."""


@dataclass(frozen=True)
class RatingRow:
    """One session's end-of-session check: its answers and, from k answers, each mean."""

    label: str
    """The session."""
    answers: int | None
    """How many answered, or ``None`` when fewer than k (shown as ``<k``)."""
    means: tuple[float, ...] | None
    """Each item's mean, or ``None`` when fewer than k answered."""


@dataclass(frozen=True)
class Report:
    """Everything a report shows, already disclosure-controlled."""

    title: str
    """What the report covers, in the report's own words (never a session's title)."""
    k: int
    """Counts below k are shown as ``<k``."""
    sessions: tuple[str, ...]
    """The sessions' labels, oldest first."""
    tables: tuple[PublishedTable, ...]
    """The published tables."""
    ratings: tuple[RatingRow, ...]
    """The rating check of each session that took one."""
    rating_overall: tuple[int, tuple[float, ...]] | None
    """n and the means over the sessions whose ratings are shown, if any."""

    @property
    def n(self) -> int:
        """How many sessions the report covers."""
        return len(self.sessions)


def session_labels(figures: Sequence[SessionFigures]) -> list[str]:
    """Each session's day, numbered when a day has more than one."""
    labels, seen = [], dict[str, int]()
    for f in figures:
        day = f.date or UNDATED
        seen[day] = seen.get(day, 0) + 1
        labels.append(day if seen[day] == 1 else f"{day} #{seen[day]}")
    return labels


def build_report(
    figures: Sequence[SessionFigures], k: int = DEFAULT_K, *, title: str = N_("Sessions")
) -> Report:
    """The report over ``figures``, oldest session first.

    Raises:
        DisclosureError: ``k`` is below 3.
    """
    check_k(k)
    ordered = sorted(figures, key=lambda f: (f.date is None, f.date or ""))
    labels = tuple(session_labels(ordered))
    tables = [publish(t, k) for t in _tables(ordered, labels)]
    ratings, overall = _ratings(ordered, labels, k)
    return Report(title, k, labels, tuple(tables), ratings, overall)


def _tables(figures: Sequence[SessionFigures], labels: tuple[str, ...]) -> list[Table]:
    tables = [
        Table(N_("Attendance"), labels, (N_("People"),), tuple((f.attendance,) for f in figures)),
    ]
    known = [
        (label, f) for label, f in zip(labels, figures, strict=True) if f.newcomers is not None
    ]
    if known:
        tables.append(
            Table(
                N_("Newcomers"),
                tuple(label for label, _f in known),
                (N_("People"),),
                tuple((f.newcomers or 0,) for _label, f in known),
            )
        )
    tables += [
        Table(
            N_("How I am (drop-box answers)"),
            labels,
            tuple(mood_column(v, SCALE_LABELS[v]) for v in SCALE),
            tuple(f.mood for f in figures),
            row_totals=True,
        ),
        Table(N_("Crisis key"), labels, (N_("Uses"),), tuple((f.crisis_uses,) for f in figures)),
        Table(
            N_("Time"),
            labels,
            (N_("Minutes planned"), N_("Minutes run"), N_("Parts that overran")),
            tuple((f.minutes_planned, f.minutes_run, f.parts_overran) for f in figures),
            people=False,
        ),
        Table(
            N_("Notes by kind"),
            labels,
            tuple(KIND_WORDS[kind] for kind in NOTE_KINDS),
            tuple(f.notes for f in figures),
            row_totals=True,
            people=False,
        ),
    ]
    return tables


def _ratings(
    figures: Sequence[SessionFigures], labels: tuple[str, ...], k: int
) -> tuple[tuple[RatingRow, ...], tuple[int, tuple[float, ...]] | None]:
    rows, shown = [], []
    for label, f in zip(labels, figures, strict=True):
        rating = f.rating
        if rating is None:
            continue
        if rating.answers < k:
            rows.append(RatingRow(label, None, None))
            continue
        rows.append(RatingRow(label, rating.answers, rating.means))
        shown.append(rating)
    if not shown:
        return tuple(rows), None
    # Only sessions shown in full count towards the overall means, so no total here can
    # be set against the per-session rows to work out a withheld one.
    n = sum(r.answers for r in shown)
    means = tuple(
        round(sum(r.answers * r.means[i] for r in shown) / n, 1) for i in range(len(RATING_ITEMS))
    )
    return tuple(rows), (n, means)


def rating_items() -> list[str]:
    """The rating items in a report's words."""
    return [RATING_WORDS[item] for item in RATING_ITEMS]
