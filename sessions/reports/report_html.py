"""A report as one self-contained HTML page: tables, small SVG charts, printable.

Every word on the page is the report's own (titles, column names, days) or a number, and
all of it is escaped. The words, and ``<html lang>``, follow the language spoken now (the
command line's ``language`` setting or the locale): a report is read by people. The page
makes no request: the style sheet is inline, the charts are inline SVG, there is no
script, and a Content-Security-Policy forbids anything else.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from importlib.resources import files

from circlekeeper.sessions.languages.speaking import _, current_language, ngettext
from circlekeeper.sessions.reports.charts_svg import bar_chart
from circlekeeper.sessions.reports.disclosure import Mark, PublishedTable
from circlekeeper.sessions.reports.layout import columns, table_rows
from circlekeeper.sessions.reports.report import Report, rating_items
from circlekeeper.sessions.reports.wording import spoken, spoken_label
from circlekeeper.sessions.safe_text import safe_text

HEAD = (
    '<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    '<meta name="referrer" content="no-referrer">\n'
    '<meta name="generator" content="circlekeeper">\n'
)


@lru_cache(maxsize=1)
def _css() -> str:
    return files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def _about(report: Report) -> str:
    about = ngettext(
        "{count} session. Counts only: no names and no words from any session. A count of "
        "fewer than {k} people is shown as “<{k}”; “–” marks a count withheld so that no "
        "“<{k}” can be worked out from a total.",
        "{count} sessions. Counts only: no names and no words from any session. A count of "
        "fewer than {k} people is shown as “<{k}”; “–” marks a count withheld so that no "
        "“<{k}” can be worked out from a total.",
        report.n,
    )
    return f'<p class="about">{escape(about.format(count=report.n, k=report.k))}</p>'


def _with_n(label: str, n: int) -> str:
    """A total's label with the number of sessions it covers."""
    return _("{label} (n = {count})").format(label=label, count=n)


def _table(table: PublishedTable, k: int) -> str:
    names = [_("Session"), *map(spoken, columns(table))]
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in names)
    body = []
    for row in table_rows(table):
        cells = "".join(
            f'<td class="withheld">{escape(e.text(k))}</td>'
            if e.mark is not Mark.SHOWN
            else f"<td>{e.value}</td>"
            for e in row.entries
        )
        label = _with_n(spoken(row.label), row.sessions) if row.total else spoken_label(row.label)
        css = ' class="total"' if row.total else ""
        body.append(f'<tr{css}><th scope="row">{escape(label)}</th>{cells}</tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _charts(table: PublishedTable, k: int) -> str:
    names = [spoken(c) for c in columns(table)]
    # With row totals the total tells the story (answers, notes); else each figure does.
    which = [len(names) - 1] if table.table.row_totals else list(range(len(names)))
    rows = [r for r in table_rows(table) if not r.total]
    figures = []
    for c in which:
        title = spoken(table.table.title) if len(which) == 1 else names[c]
        labels = [spoken_label(r.label) for r in rows]
        svg = bar_chart(title, labels, [r.entries[c] for r in rows], k)
        figures.append(f"<figure>{svg}<figcaption>{escape(title)}</figcaption></figure>")
    return f'<div class="charts">{"".join(figures)}</div>'


def _ratings(report: Report) -> str:
    if not report.ratings:
        return ""
    items = rating_items()
    names = [_("Session"), _("Answers"), *map(spoken, items)]
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in names)
    body = []
    for r in report.ratings:
        answers = f"&lt;{report.k}" if r.answers is None else str(r.answers)
        means = "".join(
            '<td class="withheld">–</td>' if r.means is None else f"<td>{m:.1f}</td>"
            for m in (r.means or (None,) * len(items))
        )
        label = escape(spoken_label(r.label))
        body.append(f'<tr><th scope="row">{label}</th><td>{answers}</td>{means}</tr>')
    if report.rating_overall is not None:
        n, overall = report.rating_overall
        cells = "".join(f"<td>{m:.1f}</td>" for m in overall)
        label = escape(_with_n(_("All shown"), n))
        body.append(f'<tr class="total"><th scope="row">{label}</th><td>{n}</td>{cells}</tr>')
    heading = escape(_("End-of-session check (0–10)"))
    return (
        f"<section><h2>{heading}</h2>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></section>"
    )


def render_html(report: Report) -> str:
    """The report as a page that prints cleanly."""
    sections = [
        f"<section><h2>{escape(spoken(t.table.title))}</h2>"
        f"{_table(t, report.k)}{_charts(t, report.k)}</section>"
        for t in report.tables
    ]
    title = escape(spoken(report.title))
    language = current_language()
    html = f'<html lang="{escape(language.html_lang)}" dir="{language.direction}">'
    page = (
        f"<!DOCTYPE html>\n{html}\n<head>\n{HEAD}<title>{title}</title>\n"
        f"<style>\n{_css()}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
        f"{_about(report)}\n{''.join(sections)}{_ratings(report)}\n</main>\n</body>\n</html>\n"
    )
    return safe_text(page)
