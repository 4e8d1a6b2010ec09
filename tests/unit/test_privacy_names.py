"""The personal-data guard's watch list: how names are matched, and how the list is kept."""

from __future__ import annotations

import copy
import pickle
import unicodedata

import pytest
from privacy_support import kinds_and_texts

from circlekeeper.sessions.privacy.guard import WatchList, find_personal_data, redact

# --- watch-list names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("maria's idea", "maria"),
        ("Maria’s idea", "Maria"),
        ("MARIA‘s idea", "MARIA"),
        ("it was James' plan", "James"),
        ("(Maria) agreed", "Maria"),
        ("Maria.", "Maria"),
    ],
)
def test_possessives_and_punctuation_leave_the_name_found(text: str, found: str) -> None:
    names = ["Maria", "James"]
    assert kinds_and_texts(text, names) == [("name", found)]


@pytest.mark.parametrize("spelled", ["jose", "Jose", "JOSÉ", "José", "josé", "JOSE's"])
def test_accents_and_case_fold_both_ways(spelled: str) -> None:
    for listed in ("José", "Jose", "JOSE"):
        assert [f.kind for f in find_personal_data(f"{spelled} spoke", [listed], "GB")] == ["name"]


def test_accents_written_as_combining_marks_are_removed_with_their_letter() -> None:
    text = unicodedata.normalize("NFD", "José spoke")
    findings = find_personal_data(text, ["Jose"], "GB")
    assert findings[0].text == unicodedata.normalize("NFD", "José")
    assert redact(text, findings) == "[name removed] spoke"


def test_a_name_with_a_curly_apostrophe_matches_a_straight_one() -> None:
    assert kinds_and_texts("O'Brien said", ["O’Brien"]) == [("name", "O'Brien")]


def test_a_name_whose_folding_lengthens_keeps_exact_offsets() -> None:
    text = "Weiß and Strauß spoke"
    assert kinds_and_texts(text, ["Strauss"]) == [("name", "Strauß")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Anne Marie spoke", "Anne Marie"),
        ("anne  marie spoke", "anne  marie"),
        ("Anne-Marie spoke", "Anne-Marie"),
        ("Anne\nMarie spoke", "Anne\nMarie"),
    ],
)
def test_a_name_of_two_words_matches_as_a_phrase(text: str, found: str) -> None:
    assert kinds_and_texts(text, ["Anne Marie"]) == [("name", found)]


def test_half_a_watched_phrase_is_not_flagged() -> None:
    assert kinds_and_texts("Anne spoke, then Marie", ["Anne Marie"]) == []


def test_the_longer_watched_name_wins() -> None:
    assert kinds_and_texts("Anne Marie spoke", ["Anne", "Anne Marie"]) == [("name", "Anne Marie")]


@pytest.mark.parametrize(
    "text",
    ["also", "Alice", "salary", "Al-Amin", "AL2", "hal", "totAl", "ALL of us"],
)
def test_a_name_never_matches_inside_another_word(text: str) -> None:
    assert find_personal_data(text, ["Al"], "GB") == []


def test_a_short_name_is_still_found_on_its_own() -> None:
    assert kinds_and_texts("Al, also Alice's friend, and AL", ["Al"]) == [
        ("name", "Al"),
        ("name", "AL"),
    ]


def test_a_single_string_is_one_name_not_a_list_of_letters() -> None:
    assert kinds_and_texts("Sam and a", "Sam") == [("name", "Sam")]
    assert list(WatchList("Sam")) == ["Sam"]


# --- the watch list -------------------------------------------------------------


def test_a_watch_list_keeps_the_first_spelling_of_each_name() -> None:
    names = WatchList(["José", "jose", " JOSE "])
    names.add("Anne  Marie")
    names.add("anne-marie")
    assert list(names) == ["José", "Anne  Marie"]
    assert len(names) == 2
    assert "JOSÉ" in names and "Sam" not in names


def test_an_empty_watch_list_is_false_and_finds_nothing() -> None:
    names = WatchList()
    assert not names and len(names) == 0
    assert find_personal_data("Sam spoke", names, "GB") == []
    names.add("Sam")
    assert names
    assert [f.kind for f in find_personal_data("Sam spoke", names, "GB")] == ["name"]


@pytest.mark.parametrize("blank", ["", "   ", "-", "'"])
def test_a_blank_name_is_refused(blank: str) -> None:
    with pytest.raises(ValueError, match="needs letters"):
        WatchList([blank])


def test_a_watch_list_never_shows_or_saves_its_names() -> None:
    names = WatchList(["Maria", "Sam"])
    assert "Maria" not in repr(names) and "2 names" in repr(names)
    with pytest.raises(TypeError, match="memory only"):
        pickle.dumps(names)
    with pytest.raises(TypeError):
        copy.deepcopy(names)
