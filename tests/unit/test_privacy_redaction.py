"""The personal-data guard's redaction, and properties of findings over any text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.privacy.guard import Finding, find_personal_data, redact

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
