"""Finding email addresses and street addresses in a note.

Emails: the ordinary ``name@example.org`` form, and the spelled-out form people use
to dodge spam filters (``sam at example dot org``, ``sam [at] example [dot] org``).
The spelled-out form counts only when it ends in a known top-level domain and its
domain is not a word such as "the", so "a dot on the chart" and "look at the dot com
era" stay quiet.

Street addresses: a house number, one to four capitalised words and a street word
("221B Baker Street", "12 St Mary's Rd"); the French order ("10 rue de Rivoli"); the
German one ("Hauptstraße 5", "Berliner Straße 12"); the Spanish, Italian and
Portuguese one ("Calle Mayor 5", "via Roma 12"); and UK postcodes ("NW1 6XE"), whose
shape is rare enough in prose to be worth flagging. Lower-case street names and
addresses with no house number are not found: a note that says "near the High
Street" names no one's home.
"""

from __future__ import annotations

import re

# Inside a word: letters, digits, and accents written as separate marks (text in
# decomposed form spells "é" as "e" plus U+0301, which ``\w`` alone does not cover).
_W = "\\w\u0300-\u036f"
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_CAP_WORD = rf"[{_UPPER}][{_W}'’.-]*"
_NUMBER = rf"(?<![{_W}/.,:-])\d{{1,5}}[A-Za-z]?(?:[-–]\d{{1,5}}[A-Za-z]?)?(?![{_W}:]|[.,]\d)"
# After a trailing house number: not a time, a decimal or a count of something.
_NUMBER_LAST = rf"(?<![{_W}/.,:-])\d{{1,5}}[A-Za-z]?(?![{_W}:]|[.,]\d|\s+[a-z])"

_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Boulevard|Blvd|Close|Court|Ct|"
    "Place|Pl|Square|Sq|Crescent|Cres|Terrace|Tce|Gardens|Gdns|Grove|Mews|Parade|"
    "Highway|Hwy|Parkway|Pkwy"
)

_ENGLISH = rf"{_NUMBER},?\s+(?:{_CAP_WORD}\s+){{1,4}}?(?P<street>{_STREET_WORDS})\b\.?"

_AMBIGUOUS_STREET_WORDS = frozenset(
    {"Close", "Way", "Place", "Court", "Drive", "Dr", "Square", "Grove", "Parade", "Gardens"}
    | {"Terrace"}
)
"""Street words that are also everyday words ("5 Tips Close the meeting")."""

# Before an address: "live at", "moved to", "lives on" ...
_ADDRESS_CUE = re.compile(r"\b(?:at|on|in|to|from|address|live|lives|living|moved)\W*$", re.I)
_FRENCH = (
    rf"{_NUMBER}(?:\s*(?:bis|ter))?,?\s+"
    r"(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Ii]mpasse|[Aa]llée|[Cc]hemin|[Qq]uai)"
    rf"\s+(?:(?:de\s+la|de|du|des|d'|d’|l'|l’)\s*)?{_CAP_WORD}(?:[\s-]+{_CAP_WORD}){{0,3}}"
)
_GERMAN = (
    rf"(?:(?:{_CAP_WORD}\s+)?(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse)"
    rf"|[{_UPPER}][a-zäöüß]+(?:straße|strasse|str\.|weg|allee|platz|gasse))\s+{_NUMBER}"
)
_SOUTHERN = (
    r"(?:[Cc]alle|C/|[Aa]venida|Avda\.|[Pp]laza|[Pp]aseo|[Vv]ia|[Vv]iale|[Pp]iazza|[Cc]orso|"
    r"[Rr]ua|[Cc]arrer)\s+(?:(?:de\s+la|de|del|della|dei|degli|di|do|da|dos|das)\s+)?"
    rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}},?\s+(?:n\.?\s*|nº\s*)?{_NUMBER_LAST}"
)
_UK_POSTCODE = rf"(?<![{_W}-])(?:[A-Z]{{1,2}}\d[A-Z\d]?|GIR) \d[ABD-HJLNP-UW-Z]{{2}}(?![{_W}-])"

_ADDRESS = re.compile(
    "|".join(f"(?:{part})" for part in (_ENGLISH, _FRENCH, _GERMAN, _SOUTHERN, _UK_POSTCODE))
)

_TLDS = (
    "com|org|net|edu|gov|int|info|biz|io|co|me|ac|uk|us|ca|au|nz|ie|de|fr|es|it|nl|be|ch|"
    "at|se|no|dk|fi|pt|pl|in|jp|br|mx|za|eu"
)
_EMAIL = re.compile(
    rf"(?<![{_W}.%+'-])[{_W}.%+'-]*[{_W}]@(?:\w(?:[{_W}-]*[{_W}])?\.)+[^\W\d_]{{2,}}"
    rf"(?![{_W}-]|\.\w)"
)
_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"
# Words that start a phrase, not a domain: "look at the dot com era".
_NOT_DOMAIN = r"(?!(?:the|a|an|this|that|my|your|our|their|his|her|its|some|one)\b)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![{_W}.+-])[{_W}.+-]*[{_W}]{_AT}{_NOT_DOMAIN}\w[{_W}-]*(?:{_DOT}\w[{_W}-]*)*"
    rf"{_DOT}(?:{_TLDS})(?![{_W}])",
    re.IGNORECASE,
)


def email_spans(text: str) -> list[tuple[int, int]]:
    """Where email addresses appear in ``text``, written plainly or spelled out."""
    spans = [match.span() for match in _EMAIL.finditer(text)]
    spans += [match.span() for match in _SPELLED_EMAIL.finditer(text)]
    return spans


def address_spans(text: str) -> list[tuple[int, int]]:
    """Where street addresses and UK postcodes appear in ``text``."""
    spans = []
    for match in _ADDRESS.finditer(text):
        # An everyday street word followed by more of the sentence counts only after
        # words that announce a place ("lives at 4 Privet Drive with her mum").
        if (
            match.group("street") in _AMBIGUOUS_STREET_WORDS
            and re.match(r"\s+[a-z]", text[match.end() :])
            and not _ADDRESS_CUE.search(text[max(0, match.start() - 20) : match.start()])
        ):
            continue
        spans.append(match.span())
    return spans
