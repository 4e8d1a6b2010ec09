"""The personal-data guard's parts: findings, the watch list, redaction and positions."""

from __future__ import annotations

import copy
import pickle
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.privacy.guard import (
    Finding,
    Position,
    WatchList,
    find_personal_data,
    locate,
    position_of,
    redact,
)


def kinds_and_texts(text: str, names=(), region: str = "GB") -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_data(text, names, region)]


# --- findings -------------------------------------------------------------------


def test_offsets_point_at_the_text_found() -> None:
    text = "Action: Sam to email hr-help@example.org, or call 07700 900123."
    findings = find_personal_data(text, ["Sam"], "GB")
    assert [(f.kind, f.start, f.end) for f in findings] == [
        ("name", 8, 11),
        ("email", 21, 40),
        ("phone", 50, 62),
    ]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text


def test_labels_and_markers_use_plain_words() -> None:
    labels = {
        Finding(kind, 0, 1, "x").label: Finding(kind, 0, 1, "x").marker
        for kind in ("email", "phone", "address", "name")
    }
    assert labels == {
        "email address": "[email removed]",
        "phone number": "[phone removed]",
        "street address": "[address removed]",
        "name on your watch list": "[name removed]",
    }


@pytest.mark.parametrize(
    ("kind", "start", "end"), [("postcode", 0, 1), ("email", 3, 3), ("name", -1, 2)]
)
def test_a_malformed_finding_is_refused(kind: str, start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Finding(kind, start, end, "x")


def test_an_unknown_region_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="unknown phone region 'XX'"):
        find_personal_data("call 07700 900123", region="XX")


def test_a_lower_case_region_is_accepted() -> None:
    assert kinds_and_texts("call 07700 900123", region="gb") == [("phone", "07700 900123")]


@pytest.mark.parametrize("region", ["GB", "US", "DE", "IN"])
@pytest.mark.parametrize(
    "text",
    [
        "call 020 7946 0958",  # London
        "Priya said call her on 07700 900123 after",  # a UK mobile
        "ring 07700900123",
        "her number is (415) 555-0132",  # San Francisco
        "erreichbar unter 030 1234567",  # Berlin
    ],
)
def test_local_numbers_are_found_whatever_the_region_is_set_to(region: str, text: str) -> None:
    # The region can be wrong (a laptop set up elsewhere, a locale without one): other
    # common regions are looked at too, so a number is not shared for that.
    watch_list = WatchList(region=region)
    assert [f.kind for f in find_personal_data(text, watch_list)] == ["phone"]


def test_the_watch_list_carries_the_region_to_the_guard() -> None:
    # A London landline written locally is read as one in GB; the list says which region.
    assert WatchList(region="gb").region == "GB"
    assert WatchList().region == "US"
    found = find_personal_data("ring 020 7946 0958", WatchList(region="GB"))
    assert [f.kind for f in found] == ["phone"]
    with pytest.raises(ValueError, match="unknown phone region 'XX'"):
        find_personal_data("call 07700 900123", WatchList(region="XX"))


def test_an_email_holding_a_watched_name_is_reported_once_as_an_email() -> None:
    text = "maria.lopez@example.org"
    assert kinds_and_texts(text, ["Maria", "Lopez"]) == [("email", text)]


def test_a_spelled_out_email_wins_over_the_name_inside_it() -> None:
    assert kinds_and_texts("write to sam [at] example [dot] org", ["Sam"]) == [
        ("email", "sam [at] example [dot] org")
    ]


def test_an_address_on_a_street_named_after_a_watched_name_is_one_address() -> None:
    assert kinds_and_texts("she lives at 12 Maria Lane", ["Maria"]) == [
        ("address", "12 Maria Lane")
    ]


def test_findings_are_sorted_and_never_overlap() -> None:
    text = "Anne Marie (anne.marie@example.org, 07700 900123) at 4 Privet Drive; Anne agreed"
    findings = find_personal_data(text, ["Anne", "Anne Marie", "Marie"], "GB")
    assert [f.kind for f in findings] == ["name", "email", "phone", "address", "name"]
    for before, after in zip(findings, findings[1:], strict=False):
        assert before.end <= after.start


@pytest.mark.parametrize(
    "text",
    [
        "Meeting at 10:30, 2 min each",
        "From 10:30-11:45 we ran 3 rounds of 2 min",
        "budget 2024, down from 2023",
        "Session on 12/03/2024, the next on 2024-05-01",
        "Order #2125550199 arrived",
        "a dot on the chart",
    ],
)
def test_times_dates_counts_and_references_are_not_flagged(text: str) -> None:
    assert find_personal_data(text, region="US") == []
    assert find_personal_data(text, region="GB") == []


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


# --- redaction ----------------------------------------------------------------------


def test_redact_replaces_each_finding_with_its_marker() -> None:
    text = "Sam's mobile is 07700 900123, email sam@example.org, home 4 Privet Drive"
    redacted = redact(text, find_personal_data(text, ["Sam"], "GB"))
    assert redacted == (
        "[name removed]'s mobile is [phone removed], email [email removed], home [address removed]"
    )


def test_redact_with_no_findings_changes_nothing() -> None:
    assert redact("Theme: feeling isolated", []) == "Theme: feeling isolated"


def test_redact_accepts_findings_in_any_order() -> None:
    text = "Sam and Maria"
    findings = find_personal_data(text, ["Sam", "Maria"], "GB")
    assert redact(text, reversed(findings)) == "[name removed] and [name removed]"


def test_redact_removes_overlapping_findings_as_one_stretch() -> None:
    text = "call Anne Marie Smith now"
    findings = [Finding("name", 5, 15, "Anne Marie"), Finding("name", 10, 21, "Marie Smith")]
    assert redact(text, findings) == "call [name removed] now"
    nested = [Finding("name", 5, 21, "Anne Marie Smith"), Finding("name", 10, 15, "Marie")]
    assert redact(text, nested) == "call [name removed] now"


def test_redact_refuses_a_finding_from_another_text() -> None:
    finding = Finding("name", 0, 3, "Sam")
    with pytest.raises(ValueError, match="name on your watch list at 0..3 is not in this text"):
        redact("Al spoke", [finding])


# --- positions ----------------------------------------------------------------------


def test_positions_count_lines_and_columns_from_one() -> None:
    text = "first line\nSam said\r\n  email sam@example.org"
    assert position_of(text, 0) == Position(1, 1)
    assert position_of(text, 11) == Position(2, 1)
    located = locate(text, find_personal_data(text, ["Sam"], "GB"))
    assert [(p.line, p.column, f.kind) for p, f in located] == [(2, 1, "name"), (3, 9, "email")]


def test_a_position_at_the_end_of_the_text_is_on_the_last_line() -> None:
    assert position_of("ab\ncd", 5) == Position(2, 3)
    assert position_of("ab\n", 3) == Position(2, 1)


# --- properties ----------------------------------------------------------------------

_WORDS = [
    "Sam",
    "sam's",
    "Sam’s",
    "Also",
    "José",
    "jose",
    "Anne Marie",
    "anne",
    "10:30",
    "2024",
    "07700 900123",
    "+44 20 7946 0958",
    "hr@example.org",
    "221B Baker Street",
    "rue",
    "at",
    "dot",
    "org",
    "é",
    # Decomposed text, as some keyboards and file systems write it.
    unicodedata.normalize("NFD", "José"),
]
_SEPARATORS = [" ", "\n", ", ", ". ", "; ", " (", ") ", "/", ": "]
_NAMES = ["Sam", "Jose", "Anne Marie"]

_GLUED = st.lists(st.sampled_from([*_WORDS, *_SEPARATORS, "-", "’s"]), max_size=20).map("".join)
_SENTENCES = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)).map("".join), max_size=15
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(_GLUED, st.text(max_size=80)))
def test_findings_always_match_the_text_and_never_overlap(text: str) -> None:
    findings = find_personal_data(text, _NAMES, "GB")
    for before, after in zip(findings, findings[1:], strict=False):
        assert before.end <= after.start
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text


@settings(max_examples=150, deadline=None)
@given(_SENTENCES)
def test_after_redaction_no_watched_name_is_left(text: str) -> None:
    redacted = redact(text, find_personal_data(text, _NAMES, "GB"))
    assert [f for f in find_personal_data(redacted, _NAMES, "GB") if f.kind == "name"] == []
