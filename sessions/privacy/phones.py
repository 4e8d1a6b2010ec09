"""Finding phone numbers in a note, and the region that local numbers are read in.

The numbers are found by ``phonenumbers``' matcher, not by a pattern of our own. Its
strict settings miss realistic local numbers (fictional ranges such as 07700 900xxx
are not "valid"), and its loose one flags years and room numbers, so we run it
loosely and keep a candidate when it is a valid number, or when it is shaped like one
someone would write down: a leading ``+``, ``0`` or bracket, or digits in groups,
long enough not to be a count or a budget. Anything next to a time ("10:30") or
shaped like a date is dropped. A word such as "call" or "mobile" just before a
number lets a shorter local one through ("call 555-0199"); a word such as "ticket"
or "order" keeps a number out unless it has a country code.

Numbers are read in the facilitator's region first. When digits enough for a phone
number are left over, a dozen common regions' formats are tried as well, so a wrong or
missing region setting never lets a local number through.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

FALLBACK_REGION = "US"
"""The region used when neither the settings nor the locale name a known one."""

OTHER_REGIONS = ("GB", "US", "IE", "DE", "FR", "ES", "IT", "NL", "AU", "NZ", "IN", "ZA")
"""Regions whose local numbers are also looked for, when digits are left unexplained.

The region setting can be wrong (a laptop set up in another country, a locale with no
region) and a number missed is a number shared; one flagged by mistake costs a click."""

MIN_DIGITS = 9
"""Fewest digits in an unverified number with no phone word before it."""

MIN_DIGITS_AFTER_CUE = 7
"""Fewest digits in an unverified number that follows a word such as "call"."""

_CUE = re.compile(
    r"\b(?:call|calls|called|calling|phone|phoned|tel|telephone|mobile|mob|cell|text|"
    r"texted|ring|whatsapp|signal|number|contact|reach|fax|landline)\b"
    r"(?:\s+(?:me|him|her|them|us|on|at|is|was|my|his|their|number|no\.?))*[\s:#.-]{0,4}$",
    re.IGNORECASE,
)
_NOT_PHONE_CUE = re.compile(
    r"\b(?:order|ticket|ref|reference|invoice|case|id|po|account|acct|employee|staff|badge|"
    r"isbn|version|v)\b(?:\s*(?:no\.?|num|number|#))?\W{0,3}$|#$",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d{1,4}([-/.])\d{1,2}\1\d{1,4}")
_YEARS = re.compile(r"(?:(?:19|20)\d\d\W*)+")


def known_region(code: str) -> bool:
    """Whether ``code`` is a two-letter region ``phonenumbers`` has formats for."""
    return code.upper() in phonenumbers.SUPPORTED_REGIONS


def first_known_region(hints: Iterable[str]) -> str:
    """The first of ``hints`` that is a region with known phone formats, upper case.

    Args:
        hints: Candidate regions, the first choice first, as gathered at start-up by
            :func:`~circlekeeper.sessions.settings.config.region_hints` (the region setting,
            then the locale's region).

    Returns:
        That region, or :data:`FALLBACK_REGION` when none of them is known.
    """
    for hint in hints:
        if known_region(hint):
            return hint.upper()
    return FALLBACK_REGION


def _is_part_of_something_else(text: str, start: int, end: int) -> bool:
    """Whether the digits run on into a word, a time or a date ("A1234567", "10:30")."""
    # An accent written as a separate mark belongs to the letter before it.
    while start > 0 and unicodedata.combining(text[start - 1]):
        start -= 1
    if end < len(text) and unicodedata.combining(text[end]):
        return True
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return bool(re.search(r"(?:\w|[:/]\d?)$", before) or re.match(r"\w|\d?[:/]|[.,]\d", after))


def _looks_written_as_phone(raw: str) -> bool:
    if raw[0] in "+(" or raw.startswith("0"):
        return True
    groups = re.findall(r"\d+", raw)
    return len(groups) >= 2


def phone_spans(text: str, region: str) -> list[tuple[int, int]]:
    """Where phone numbers appear in ``text``, as ``(start, end)`` offsets.

    Args:
        text: The note or handout.
        region: Two-letter region for numbers written without a country code;
            numbers with a ``+`` country code are found whatever the region.
    """
    found = _spans_in(text, region)
    if _LONG_DIGITS.search(_without(text, found)):
        # Digits enough for a phone number that the region's formats did not explain.
        for other in OTHER_REGIONS:
            if other != region:
                found += [s for s in _spans_in(text, other) if not _overlaps(s, found)]
    return sorted(found)


_LONG_DIGITS = re.compile(r"\d(?:[\s().-]{0,2}\d){6,}")
"""Seven or more digits written together, separators allowed: worth a second look."""


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _spans_in(text: str, region: str) -> list[tuple[int, int]]:
    found = []
    for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
        raw = match.raw_string
        start, end = match.start, match.end
        if _is_part_of_something_else(text, start, end) or _DATE.fullmatch(raw):
            continue
        if _YEARS.fullmatch(raw):
            continue
        before = text[max(0, start - 30) : start]
        if not raw.startswith("+") and _NOT_PHONE_CUE.search(before):
            continue
        digits = sum(ch.isdigit() for ch in raw)
        if phonenumbers.is_valid_number(match.number):
            found.append((start, end))
        elif _CUE.search(before):
            if digits >= MIN_DIGITS_AFTER_CUE:
                found.append((start, end))
        elif digits >= MIN_DIGITS and _looks_written_as_phone(raw):
            found.append((start, end))
    return found
