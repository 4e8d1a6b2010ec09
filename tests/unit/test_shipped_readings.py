"""Readings of the built-in templates shipped with the package: a launch with no cache
lists them without loading the parser, and anything stale or odd is read past."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from probe_support import run_probe

from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.languages.speaking import speaking
from circlekeeper.sessions.templates import library as library_module
from circlekeeper.sessions.templates import shipped as shipped_module
from circlekeeper.sessions.templates.cache import cache_file, kept_form
from circlekeeper.sessions.templates.library import builtin_dir
from circlekeeper.sessions.templates.make_readings import shipped_readings
from circlekeeper.sessions.templates.parse import check_template
from circlekeeper.sessions.templates.shipped import SHIPPED_NAME, ShippedReadings, bytes_digest

CHECK_IN = """---
title: Built-in check-in
summary: A short check-in.
---

## Check-in (20 min, round 2 min)
## Check-out (10 min, round 1 min, fixed)
"""

REMAKE = "run scripts/template-readings to bring it up to date"


def _shipped_file() -> dict:
    return json.loads((builtin_dir() / SHIPPED_NAME).read_bytes())


def test_the_shipped_file_is_current() -> None:
    folder = Path(str(builtin_dir()))
    shipped = _shipped_file()
    assert shipped["parser"] == shipped_module.parser_digest(), (
        f"the template parser changed since {SHIPPED_NAME} was made: {REMAKE}"
    )
    made = shipped_readings(folder)
    assert json.loads(made)["readings"] == shipped["readings"], (
        f"a built-in template reads differently from {SHIPPED_NAME}: {REMAKE}"
    )
    assert made == (folder / SHIPPED_NAME).read_bytes(), f"{SHIPPED_NAME} is not as made: {REMAKE}"


def test_a_reading_is_the_same_in_any_language_and_any_folder(tmp_path: Path) -> None:
    # Shipped readings are used wherever the package is and whatever the facilitator speaks.
    readings = _shipped_file()["readings"]
    assert len(readings) == len(list(Path(str(builtin_dir())).glob("*.md")))
    with speaking(Language("de")):
        for digest, shipped in readings.items():
            data = (builtin_dir() / f"{shipped['name']}.md").read_bytes()
            assert bytes_digest(data) == digest
            reading = check_template(data, tmp_path / "elsewhere" / f"{shipped['name']}.md")
            assert {"name": shipped["name"], **kept_form(reading)} == shipped


def test_a_cold_listing_loads_no_parser_and_leaves_the_cache_warm(folders) -> None:
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from circlekeeper.sessions.settings import Folders\n"
        "from circlekeeper.sessions.templates.library import TemplateLibrary\n"
        f"library = TemplateLibrary.in_folders(Folders.under(Path({str(folders.data.parent)!r})))\n"
        "entries = library.entries()\n"
        "agendas = [e.agenda for e in entries]\n"
        "loaded = [m for m in ('markdown_it', 'mdit_py_plugins', 'linkify_it', 'yaml')"
        " if m in sys.modules]\n"
        "print(len(entries), all(a is not None and a.parts for a in agendas), loaded)\n"
    )
    done = run_probe(probe)
    count = len(_shipped_file()["readings"])
    assert done.stdout.strip() == f"{count} True []", done.stderr
    kept = json.loads(cache_file(folders.cache).read_bytes())
    assert len(kept["files"]) == len(kept["stamps"]) == count


def _counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    parsed: list[Path] = []

    def counting(data: bytes, path: Path) -> object:
        parsed.append(Path(path))
        return check_template(data, path)

    monkeypatch.setattr("circlekeeper.sessions.templates.parse.check_template", counting)
    return parsed


@pytest.fixture
def builtins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder standing in for the packaged built-in templates, with its readings."""
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "check-in.md").write_text(CHECK_IN, encoding="utf-8")
    (folder / SHIPPED_NAME).write_bytes(shipped_readings(folder))
    monkeypatch.setattr(library_module, "builtin_dir", lambda: folder)
    return folder


def test_an_unchanged_builtin_is_taken_as_shipped_and_a_warm_launch_never_looks(
    builtins: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _counting_parses(monkeypatch)
    (entry,) = library.entries()
    assert (entry.title, entry.minutes, entry.summary) == (
        "Built-in check-in",
        30,
        "A short check-in.",
    )
    assert entry.agenda is not None and entry.agenda.name == "check-in"
    assert library.find("check-in") == entry.agenda
    assert parsed == []

    def refuse(*args: object) -> None:
        raise AssertionError("the shipped file was looked at on a warm launch")

    monkeypatch.setattr(ShippedReadings, "_load", refuse)
    monkeypatch.setattr(shipped_module, "parser_digest", refuse)
    assert library.entries() == [entry]
    assert parsed == []


def test_a_builtin_that_changed_or_was_renamed_is_read_afresh(
    builtins: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _counting_parses(monkeypatch)
    (builtins / "check-in.md").write_text(CHECK_IN.replace("20 min", "40 min"), encoding="utf-8")
    (builtins / "sharing.md").write_text(CHECK_IN, encoding="utf-8")
    entries = library.entries()
    assert [(e.name, e.minutes, e.agenda.name) for e in entries] == [
        ("check-in", 50, "check-in"),
        ("sharing", 30, "sharing"),
    ]
    assert sorted(p.name for p in parsed) == ["check-in.md", "sharing.md"]


def test_a_user_template_of_the_same_text_is_read_as_its_own(
    builtins: Path, library, folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _counting_parses(monkeypatch)
    folders.templates.mkdir(parents=True)
    (folders.templates / "check-in.md").write_text(CHECK_IN, encoding="utf-8")
    (entry,) = library.entries()
    assert entry.overrides_builtin and entry.minutes == 30
    assert parsed == [folders.templates / "check-in.md"]


def _with_entry(shipped: dict, **fields: object) -> dict:
    ((digest, entry),) = shipped["readings"].items()
    return {**shipped, "readings": {digest: {**entry, **fields}}}


DAMAGE = {
    "not JSON": lambda shipped: b"\x00\xff not json",
    "not an object": lambda shipped: b"[]",
    "nested past reading": lambda shipped: b"[" * 100_000,
    "another format": lambda shipped: {**shipped, "format": 99},
    "another parser": lambda shipped: {**shipped, "parser": "0" * 64},
    "readings not an object": lambda shipped: {**shipped, "readings": []},
    "a brief the parser never gives": lambda shipped: _with_entry(
        shipped, brief={"title": "x", "minutes": 0, "parts": 0, "summary": "", "problems": []}
    ),
    "no brief": lambda shipped: _with_entry(shipped, brief=None),
    "a reading not text": lambda shipped: _with_entry(shipped, reading=5),
    # A whole reading that is not one is caught when the agenda is asked for.
    "a reading not an agenda": lambda shipped: _with_entry(
        shipped, reading='{"agenda": {"name": "check-in"}, "problems": []}'
    ),
    "a reading not JSON": lambda shipped: _with_entry(shipped, reading="not json"),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_or_stale_shipped_file_is_read_past(
    builtins: Path, library, monkeypatch: pytest.MonkeyPatch, damage
) -> None:
    shipped = builtins / SHIPPED_NAME
    damaged = damage(json.loads(shipped.read_bytes()))
    shipped.write_bytes(damaged if isinstance(damaged, bytes) else json.dumps(damaged).encode())
    parsed = _counting_parses(monkeypatch)
    (entry,) = library.entries()
    assert (entry.title, entry.minutes, entry.ok) == ("Built-in check-in", 30, True)
    assert entry.agenda is not None and [p.minutes for p in entry.agenda.parts] == [20, 10]
    assert [p.name for p in parsed] == ["check-in.md"]


def test_a_missing_shipped_file_is_read_past(
    builtins: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    (builtins / SHIPPED_NAME).unlink()
    parsed = _counting_parses(monkeypatch)
    (entry,) = library.entries()
    assert entry.agenda is not None and entry.minutes == 30
    assert len(parsed) == 1
