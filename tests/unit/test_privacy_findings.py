"""The personal-data guard's findings: what it reports, where, and in which region."""

from __future__ import annotations

import pytest
from privacy_support import kinds_and_texts

from circlekeeper.sessions.privacy.guard import (
    Finding,
    Position,
    WatchList,
    find_personal_data,
    locate,
    position_of,
)

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
