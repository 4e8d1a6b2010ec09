"""The personal-data guard: what in a note could tie it to a person, and its removal.

Before a note is saved, and before a handout is emailed, the text is checked for
email addresses, phone numbers, street addresses and the names on the facilitator's
watch list. Each hit is a :class:`Finding`; :func:`redact` swaps the hits for markers
such as ``[email removed]``.

The checks themselves live beside this module: ``names`` (the watch list, which also
carries the region phone numbers are read in), ``phones`` (phone numbers) and
``places`` (emails and street addresses).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.privacy.names import WatchList
from circlekeeper.sessions.privacy.phones import (
    first_known_region,
    known_region,
    phone_spans,
)
from circlekeeper.sessions.privacy.places import address_spans, email_spans

__all__ = [
    "KINDS",
    "Finding",
    "Position",
    "WatchList",
    "find_personal_data",
    "first_known_region",
    "known_region",
    "locate",
    "position_of",
    "redact",
]

KINDS = ("email", "phone", "address", "name")
"""The kinds of personal data looked for, strongest first: where two findings
overlap, the earlier kind wins (an email address that contains a watched name is
reported once, as an email)."""

_LABELS = {
    "email": N_("email address"),
    "phone": N_("phone number"),
    "address": N_("street address"),
    "name": N_("name on your watch list"),
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data found in a text."""

    kind: str
    """What was found: ``"email"``, ``"phone"``, ``"address"`` or ``"name"``."""

    start: int
    """Offset in the text of the first character found."""

    end: int
    """Offset in the text just past the last character found."""

    text: str
    """The text found, exactly as written."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of personal data {self.kind!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"a finding needs 0 <= start < end, not {self.start}..{self.end}")

    @property
    def label(self) -> str:
        """A few words for the facilitator, such as "phone number", in the language spoken."""
        return _(_LABELS[self.kind])

    @property
    def marker(self) -> str:
        """What :func:`redact` puts in place of the finding, such as ``[phone removed]``."""
        return f"[{self.kind} removed]"


@dataclass(frozen=True)
class Position:
    """A place in a text as an editor shows it."""

    line: int
    """Line number, from 1."""

    column: int
    """Column (in characters) within the line, from 1."""


def find_personal_data(
    text: str,
    watch_list: WatchList | Iterable[str] = (),
    region: str | None = None,
) -> list[Finding]:
    """Find what in ``text`` could tie it to a person.

    Args:
        text: A note, or a whole handout.
        watch_list: Names to look for, as a :class:`WatchList` or any iterable of
            names (a single string is one name).
        region: Two-letter region for phone numbers written without a country code;
            ``None`` for the watch list's :attr:`~WatchList.region` (``US`` for a plain
            iterable of names).

    Returns:
        The findings, sorted by where they start and never overlapping.

    Raises:
        ValueError: If ``region`` is not a known region, or a watch-list name is blank.
    """
    names = watch_list if isinstance(watch_list, WatchList) else WatchList(watch_list)
    if region is None:
        region = names.region
    if not known_region(region):
        raise ValueError(f"unknown phone region {region!r}; use a two-letter code such as GB")
    candidates = {
        "email": email_spans(text),
        "phone": phone_spans(text, region.upper()),
        "address": address_spans(text),
        "name": names.spans(text),
    }
    taken: list[tuple[int, int]] = []
    findings: list[Finding] = []
    for kind in KINDS:
        # Within a kind the longest span goes first, so "Anne Marie" beats "Anne".
        for start, end in sorted(candidates[kind], key=lambda span: (span[0] - span[1], span)):
            if _overlaps(taken, start, end):
                continue
            bisect.insort(taken, (start, end))
            findings.append(Finding(kind, start, end, text[start:end]))
    return sorted(findings, key=lambda finding: finding.start)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps a span in ``taken`` (sorted, none overlapping)."""
    index = bisect.bisect_left(taken, (start, end))
    if index > 0 and taken[index - 1][1] > start:
        return True
    return index < len(taken) and taken[index][0] < end


def redact(text: str, findings: Iterable[Finding]) -> str:
    """Replace each finding in ``text`` with its marker.

    Overlapping findings are removed as one stretch, under the marker of the one that
    starts first, so nothing found is left half visible.

    Raises:
        ValueError: If a finding does not match ``text`` (it came from another text,
            or the text changed since): redacting it would cut the wrong words.
    """
    ordered = sorted(findings, key=lambda finding: (finding.start, -finding.end))
    for finding in ordered:
        if text[finding.start : finding.end] != finding.text:
            raise ValueError(
                f"the {finding.label} at {finding.start}..{finding.end} is not in this text"
            )
    pieces: list[str] = []
    done = 0
    for finding in ordered:
        if finding.end <= done:
            continue
        if finding.start >= done:
            pieces.append(text[done : finding.start])
            pieces.append(finding.marker)
        done = finding.end
    pieces.append(text[done:])
    return "".join(pieces)


def position_of(text: str, offset: int) -> Position:
    """The line and column of ``offset`` in ``text``, both counted from 1."""
    line_starts = _line_starts(text)
    return _position(line_starts, offset)


def locate(text: str, findings: Iterable[Finding]) -> list[tuple[Position, Finding]]:
    """Pair each finding with the line and column where it starts."""
    line_starts = _line_starts(text)
    return [(_position(line_starts, finding.start), finding) for finding in findings]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _position(line_starts: list[int], offset: int) -> Position:
    line = bisect.bisect_right(line_starts, offset)
    return Position(line, offset - line_starts[line - 1] + 1)
