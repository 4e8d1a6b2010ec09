"""The template cache's whole readings, kept apart from the briefs: listing never reads
them, the first agenda asked for reads them once, and a companion that is missing, damaged,
stale or left from a crash is read past without changing what is shown."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from circlekeeper.sessions.templates.cache import cache_file
from circlekeeper.sessions.templates.companion import KeptReadings, readings_file
from circlekeeper.sessions.templates.library import TemplateEntry
from circlekeeper.sessions.templates.parse import check_template

GOOD = """---
title: Circle {n}
---
# Circle {n}

## Check-in ({n} min)
- How is the week?

## Close (5 min)
- One word to end.
"""


def _own(folders, count: int) -> list[Path]:
    """``count`` templates of the user's own, last changed an hour ago."""
    folders.templates.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, count + 1):
        path = folders.templates / f"circle-{n:02d}.md"
        path.write_text(GOOD.format(n=n), encoding="utf-8")
        an_hour_ago = path.stat().st_mtime_ns - 3600 * 10**9
        os.utime(path, ns=(an_hour_ago, an_hour_ago))
        paths.append(path)
    return paths


def _counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    loaded: list[Path] = []
    load = KeptReadings._load

    def counting(self: KeptReadings) -> dict:
        loaded.append(self.path)
        return load(self)

    monkeypatch.setattr(KeptReadings, "_load", counting)
    return loaded


def _counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []

    def counting(data: bytes, path: Path) -> object:
        parsed.append(Path(path).stem)
        return check_template(data, path)

    monkeypatch.setattr("circlekeeper.sessions.templates.parse.check_template", counting)
    return parsed


def _shown(entries: list[TemplateEntry]) -> list[tuple]:
    return [(e.name, e.title, e.minutes, e.agenda) for e in entries]


def test_listing_never_reads_the_readings_and_the_first_agenda_reads_them_once(
    folders, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _own(folders, 50)
    first = _shown(library.entries())
    main, companion = cache_file(folders.cache), readings_file(cache_file(folders.cache))
    assert companion.name == "templates.readings.json"
    assert readings_file(main.with_name("templates-de.json")).name == "templates-de.readings.json"
    assert oct(companion.stat().st_mode & 0o777) == "0o600"
    # The briefs alone: the main file is a small part of the whole.
    assert main.stat().st_size * 4 < companion.stat().st_size
    loaded, parsed = _counting_loads(monkeypatch), _counting_parses(monkeypatch)
    before = companion.stat().st_mtime_ns

    def refuse(self: KeptReadings) -> dict:
        raise AssertionError("the whole file was decoded, not the reading asked for")

    # Each brief says where its reading lies: only the ones asked for are decoded.
    monkeypatch.setattr(KeptReadings, "_by_key", refuse)
    entries = library.entries()
    assert loaded == [] and parsed == []
    assert [(e.name, e.title, e.minutes) for e in entries] == [s[:3] for s in first]
    # A preview of one, then a start of another: the readings are read once for all.
    own = [e for e in entries if e.name.startswith("circle-")]
    assert own[7].agenda == first[[s[0] for s in first].index(own[7].name)][3]
    assert _shown(entries) == first
    assert loaded == [companion] and parsed == []
    # Nothing changed, so nothing was written; a file touched but not changed has its
    # stamp rewritten in the main file, and its reading is left where it is.
    assert companion.stat().st_mtime_ns == before
    main_before = main.read_bytes()
    two_hours_ago = paths[0].stat().st_mtime_ns - 3600 * 10**9
    os.utime(paths[0], ns=(two_hours_ago, two_hours_ago))
    assert _shown(library.entries()) == first
    assert main.read_bytes() != main_before and companion.stat().st_mtime_ns == before


DAMAGE = {
    "missing": None,
    "not JSON": b"\x00\xff not json",
    "nested past reading": b"[" * 100_000,
    "another layout": lambda kept: {**kept, "format": 2},
    "other code": lambda kept: {**kept, "code": "0" * 64},
    "readings not an object": lambda kept: {**kept, "readings": []},
    "a reading not text": lambda kept: {**kept, "readings": dict.fromkeys(kept["readings"], 5)},
    "a reading not its brief's": lambda kept: {
        **kept,
        "readings": {k: t.replace("Circle", "Other") for k, t in kept["readings"].items()},
    },
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_readings_not_to_trust_are_read_past_and_the_file_is_read_afresh(
    folders, library, monkeypatch: pytest.MonkeyPatch, damage
) -> None:
    _own(folders, 2)
    expected = _shown(library.entries())
    companion = readings_file(cache_file(folders.cache))
    if damage is None:
        companion.unlink()
    else:
        damaged = (
            damage if isinstance(damage, bytes) else damage(json.loads(companion.read_bytes()))
        )
        companion.write_bytes(
            damaged if isinstance(damaged, bytes) else json.dumps(damaged).encode()
        )
    parsed = _counting_parses(monkeypatch)
    entries = library.entries()
    assert parsed == []
    assert _shown(entries) == expected
    # Each read afresh once, when its agenda was asked for (the built-ins too, but for
    # the last damage, which touches only these two).
    assert {"circle-01", "circle-02"} <= set(parsed) and len(parsed) == len(set(parsed))
    assert library.find("circle-02") == expected[[s[0] for s in expected].index("circle-02")][3]


def test_a_crash_between_the_two_writes_leaves_a_cache_that_shows_the_truth(
    folders, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = _own(folders, 2)
    library.entries()
    main, companion = cache_file(folders.cache), readings_file(cache_file(folders.cache))
    old_main, old_companion = main.read_bytes(), companion.read_bytes()
    # Then one template changes and another is added, and both files are written anew.
    first.write_text(GOOD.format(n=20), encoding="utf-8")
    (folders.templates / "circle-03.md").write_text(GOOD.format(n=3), encoding="utf-8")
    expected = _shown(library.entries())
    assert [s[2] for s in expected if s[0].startswith("circle-")] == [25, 7, 8]
    new_main, new_companion = main.read_bytes(), companion.read_bytes()
    for crashed in ((old_main, new_companion), (new_main, old_companion)):
        main.write_bytes(crashed[0])
        companion.write_bytes(crashed[1])
        assert _shown(library.entries()) == expected
    # Left with the new companion and the old briefs, the next listing mends both files.
    main.write_bytes(old_main)
    companion.write_bytes(new_companion)
    library.entries()
    parsed = _counting_parses(monkeypatch)
    assert _shown(library.entries()) == expected and parsed == []
    kept = json.loads(companion.read_bytes())["readings"]
    assert kept.keys() == json.loads(main.read_bytes())["files"].keys()
