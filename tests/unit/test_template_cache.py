"""The template library as last read: a shortcut that never changes what is listed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from circlekeeper.sessions.templates import cache as template_cache
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.cache import cache_file
from circlekeeper.sessions.templates.companion import reading_digest, readings_file
from circlekeeper.sessions.templates.library import TemplateEntry

GOOD = """---
title: Lunch circle
---
# Lunch circle

## Check-in (10 min)
- How is the week?

## Close (5 min)
- One word to end.
"""


def _user_template(dirs: dict[str, Path], name: str, text: str) -> Path:
    dirs["templates"].mkdir(parents=True, exist_ok=True)
    path = dirs["templates"] / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was parsed again")

    monkeypatch.setattr("circlekeeper.sessions.templates.parse.check_template", refuse)


def _summary(entries: list[TemplateEntry]) -> list[tuple]:
    return [(e, e.agenda, e.agenda.source if e.agenda else None) for e in entries]


def test_a_second_listing_reads_nothing_again_and_lists_the_same(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, folders, library
) -> None:
    _user_template(isolated_dirs, "lunch", GOOD)
    _user_template(isolated_dirs, "broken", "## No length\n")
    first = library.entries()
    assert cache_file(folders.cache).is_file()
    assert oct(cache_file(folders.cache).stat().st_mode & 0o777) == "0o600"
    _no_parsing(monkeypatch)
    again = library.entries()
    assert _summary(again) == _summary(first)
    broken = next(e for e in again if e.name == "broken")
    assert broken.problems and str(broken.problems[0]).startswith(str(broken.path))
    assert library.find("lunch") == next(e for e in first if e.name == "lunch").agenda


def test_a_changed_file_is_read_again_even_with_the_same_size_and_time(
    isolated_dirs: dict[str, Path],
    library,
) -> None:
    path = _user_template(isolated_dirs, "lunch", GOOD)
    stat = path.stat()
    assert next(e for e in library.entries() if e.name == "lunch").minutes == 15
    path.write_text(GOOD.replace("(10 min)", "(20 min)"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert next(e for e in library.entries() if e.name == "lunch").minutes == 25


def _kept(brief: str) -> bytes:
    files = '{"%KEY%": ' + brief + "}"
    return ('{"format": 3, "code": "%CODE%", "files": ' + files + "}").encode()


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00\xff not json",
        b"[]",
        b'{"format": 3}',
        b'{"format": 3, "code": "%CODE%", "files": []}',
        _kept('{"parts": 3}'),
        _kept('{"title": "x", "minutes": 5, "parts": 1, "summary": "", "problems": 7}'),
        # Briefs the parser could never have given are not trusted either.
        _kept('{"title": "x", "minutes": 0, "parts": 0, "summary": "", "problems": []}'),
        _kept(
            '{"title": "x", "minutes": 5, "parts": 1, "summary": "", "problems": [["x", 1, "m"]]}'
        ),
        _kept(
            '{"title": "x", "minutes": 0, "parts": 0, "summary": "",'
            ' "problems": [["x", 1e400, "m"]]}'
        ),
        _kept('{"title": 5, "minutes": 5, "parts": 1, "summary": "", "problems": []}'),
        b"[" * 100_000,
    ],
)
def test_a_damaged_cache_is_read_past_and_replaced(
    isolated_dirs: dict[str, Path], damage: bytes, folders, library
) -> None:
    path = _user_template(isolated_dirs, "lunch", GOOD)
    expected = _summary(library.entries())
    key = template_cache.file_key(path, path.read_bytes())
    cache_file(folders.cache).write_bytes(
        damage.replace(b"%CODE%", json.dumps(template_cache.code_stamp())[1:-1].encode()).replace(
            b"%KEY%", key.encode()
        )
    )
    assert _summary(library.entries()) == expected
    stored = json.loads(cache_file(folders.cache).read_bytes())
    assert stored["files"][key]["title"] == "Lunch circle"
    kept = json.loads(readings_file(cache_file(folders.cache)).read_bytes())
    assert json.loads(kept["readings"][key])["agenda"]["title"] == "Lunch circle"


def test_a_damaged_reading_behind_a_sound_brief_is_read_from_the_file(
    isolated_dirs: dict[str, Path], folders, library
) -> None:
    path = _user_template(isolated_dirs, "lunch", GOOD)
    expected = _summary(library.entries())
    key = template_cache.file_key(path, path.read_bytes())
    main, companion = cache_file(folders.cache), readings_file(cache_file(folders.cache))
    stored, kept = json.loads(main.read_bytes()), json.loads(companion.read_bytes())
    for damage in (
        "not json",
        '{"agenda": {"parts": 3}, "problems": []}',
        '{"agenda": null, "problems": 7}',
        '{"agenda": {"name": "x", "title": "x", "parts": []}, "problems": []}',
        '{"problems": [], "agenda": {"name": "x", "title": "x", "parts": [{"title": "P",'
        ' "minutes": 5}], "resources": [{"title": "Bad", "url": "javascript:alert(1)"}]}}',
        "[" * 100_000,
    ):
        # Its digest kept too, as if the parser had given it: the reading itself is checked.
        kept["readings"][key], stored["files"][key]["digest"] = damage, reading_digest(damage)
        main.write_text(json.dumps(stored), encoding="utf-8")
        companion.write_text(json.dumps(kept), encoding="utf-8")
        assert _summary(library.entries()) == expected, damage
        lunch = next(agenda for entry, agenda, _ in expected if entry.name == "lunch")
        assert library.find("lunch") == lunch, damage


def test_listing_builds_no_agenda_until_one_is_asked_for(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, library
) -> None:
    _user_template(isolated_dirs, "lunch", GOOD)
    first = {e.name: e.agenda for e in library.entries()}
    built: list[str] = []
    rebuild = Agenda.from_dict.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Agenda], data: dict) -> Agenda:
        built.append(data["name"])
        return rebuild(cls, data)

    monkeypatch.setattr(Agenda, "from_dict", classmethod(counted))
    entries = library.entries()
    assert built == []
    lunch = next(e for e in entries if e.name == "lunch")
    assert (lunch.title, lunch.minutes, lunch.part_count) == ("Lunch circle", 15, 2)
    assert lunch.agenda == first["lunch"] and built == ["lunch"]
    assert lunch.agenda is lunch.agenda and built == ["lunch"]


def test_readings_from_other_code_are_dropped(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, folders, library
) -> None:
    _user_template(isolated_dirs, "lunch", GOOD)
    library.entries()
    stored = json.loads(cache_file(folders.cache).read_bytes())
    for brief in stored["files"].values():
        if brief["parts"]:
            brief["title"] = "Written by an older version"
    cache_file(folders.cache).write_text(json.dumps(stored), encoding="utf-8")
    assert "Written by an older version" in {e.title for e in library.entries()}
    # The same readings, kept by other code, are not trusted.
    monkeypatch.setattr(template_cache, "code_stamp", lambda: "another version")
    assert "Written by an older version" not in {e.title for e in library.entries()}


def test_the_cache_keeps_only_the_library_as_it_is(
    isolated_dirs: dict[str, Path], folders, library
) -> None:
    path = _user_template(isolated_dirs, "lunch", GOOD)
    library.entries()
    key = template_cache.file_key(path, path.read_bytes())
    assert key in json.loads(cache_file(folders.cache).read_bytes())["files"]
    path.unlink()
    names = [e.name for e in library.entries()]
    assert "lunch" not in names
    files = json.loads(cache_file(folders.cache).read_bytes())["files"]
    assert key not in files and len(files) == len(names)
    readings = json.loads(readings_file(cache_file(folders.cache)).read_bytes())["readings"]
    assert readings.keys() == files.keys()


def test_an_unwritable_cache_folder_changes_nothing(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, library
) -> None:
    blocker = isolated_dirs["cache"]
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    _user_template(isolated_dirs, "lunch", GOOD)
    entries = library.entries()
    assert "lunch" in [e.name for e in entries]
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_an_upgraded_parser_library_drops_every_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "fake_parser_library.py"
    library.write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(template_cache, "PARSER_LIBRARIES", ("fake_parser_library",))
    before = template_cache.code_stamp()
    assert template_cache.code_stamp() == before
    library.write_text("VERSION = 22\n", encoding="utf-8")  # an upgrade rewrites it
    assert template_cache.code_stamp() != before


def test_a_file_unchanged_since_it_was_read_is_not_read_again(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, library
) -> None:
    path = _user_template(isolated_dirs, "lunch", GOOD)
    an_hour_ago = path.stat().st_mtime_ns - 3600 * 10**9
    os.utime(path, ns=(an_hour_ago, an_hour_ago))
    first = library.entries()

    def refuse(source: Path) -> bytes:
        raise AssertionError(f"{source} was read again")

    monkeypatch.setattr("circlekeeper.sessions.templates.library.read_template_bytes", refuse)
    assert _summary(library.entries()) == _summary(first)
    # Once its size or time moves, it is read again.
    monkeypatch.undo()
    path.write_text(GOOD.replace("(10 min)", "(20 min)"), encoding="utf-8")
    assert next(e for e in library.entries() if e.name == "lunch").minutes == 25
