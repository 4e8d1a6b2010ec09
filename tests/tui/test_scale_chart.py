"""The how-I-am chart follows disclosure control: no count below k, none worked out."""

from __future__ import annotations

from circlekeeper.sessions.dropbox import ScaleSummary
from circlekeeper.tui.widgets.scale_chart import chart_lines


def counts_shown(text: str) -> dict[str, str]:
    return {line.split()[0]: line.split()[-1] for line in text.splitlines()[1:]}


def test_fewer_answers_than_k_show_nothing_but_when_the_chart_will_come() -> None:
    assert chart_lines(ScaleSummary((0, 1, 2, 1, 0)), 5) == (
        "How I am: shown once 5 people have answered."
    )
    assert chart_lines(ScaleSummary((0, 1, 2, 0, 0)), 3).startswith("How I am, 3 answers:")


def test_a_count_below_k_has_no_bar_and_n_heads_the_chart() -> None:
    text = chart_lines(ScaleSummary((0, 1, 5, 0, 0)), 5)
    assert text.splitlines()[0] == "How I am, 6 answers:"
    assert counts_shown(text) == {"5": "<5", "4": "<5", "3": "5", "2": "<5", "1": "<5"}
    assert [line.count("█") > 0 for line in text.splitlines()[1:]] == [0, 0, 1, 0, 0]


def test_when_everyone_chose_one_value_the_total_would_give_it_away_so_it_is_hidden() -> None:
    # Four "<5" that add up to nothing would each be 0, so the six is withheld too.
    text = chart_lines(ScaleSummary((0, 0, 0, 0, 6)), 5)
    assert counts_shown(text) == {"5": "–", "4": "<5", "3": "<5", "2": "<5", "1": "<5"}
    assert "█" not in text
