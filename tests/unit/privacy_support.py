"""What the personal-data guard finds in a text, as plain pairs a test can compare."""

from __future__ import annotations

from collections.abc import Iterable

from circlekeeper.sessions.privacy.guard import find_personal_data


def kinds_and_texts(
    text: str, names: Iterable[str] | str = (), region: str = "GB"
) -> list[tuple[str, str]]:
    """Each finding in ``text`` as ``(kind, text found)``, in the order of the text."""
    return [(f.kind, f.text) for f in find_personal_data(text, names, region)]
