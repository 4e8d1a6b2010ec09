"""The template library: built-in templates, the user's own, and copying one to adapt."""

from __future__ import annotations

import stat
from importlib.resources import files
from pathlib import Path

import pytest

from circlekeeper.sessions.templates import library as library_module
from circlekeeper.sessions.templates.library import (
    TemplateExistsError,
    TemplateNotFoundError,
)
from circlekeeper.sessions.templates.parse import TemplateError

CHECK_IN = """---
title: Built-in check-in
summary: A short check-in.
---

## Check-in (20 min, round 2 min)
## Check-out (10 min, round 1 min, fixed)
"""

SHARING = "# Built-in sharing\n\n## Sharing (45 min, round 3 min)\n"


@pytest.fixture
def builtins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder standing in for the packaged built-in templates."""
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "check-in.md").write_text(CHECK_IN, encoding="utf-8")
    (folder / "sharing.md").write_text(SHARING, encoding="utf-8")
    (folder / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(library_module, "builtin_dir", lambda: folder)
    return folder


@pytest.fixture
def user_dir(isolated_dirs: dict[str, Path]) -> Path:
    folder = isolated_dirs["templates"]
    folder.mkdir(parents=True)
    return folder


def test_builtins_are_listed_without_a_user_folder(builtins: Path, library) -> None:
    entries = library.entries()
    assert [(e.name, e.builtin, e.title, e.minutes, e.part_count) for e in entries] == [
        ("check-in", True, "Built-in check-in", 30, 2),
        ("sharing", True, "Built-in sharing", 45, 1),
    ]
    assert entries[0].summary == "A short check-in."
    assert entries[0].path == builtins / "check-in.md"
    assert all(e.ok and not e.overrides_builtin for e in entries)


def test_a_user_template_with_a_builtin_name_overrides_it(
    builtins: Path, user_dir: Path, library
) -> None:
    (user_dir / "sharing.md").write_text("## Our sharing (30 min)\n", encoding="utf-8")
    (user_dir / "ours.md").write_text("# Ours\n## Only (5 min)\n", encoding="utf-8")
    entries = {e.name: e for e in library.entries()}
    assert sorted(entries) == ["check-in", "ours", "sharing"]
    assert entries["sharing"].overrides_builtin and not entries["sharing"].builtin
    assert entries["sharing"].minutes == 30
    assert not entries["ours"].builtin and not entries["ours"].overrides_builtin
    assert library.find("sharing").parts[0].title == "Our sharing"
    assert library.find("check-in").title == "Built-in check-in"


def test_a_broken_user_template_is_listed_with_its_problems(
    builtins: Path, user_dir: Path, library
) -> None:
    (user_dir / "broken.md").write_text("# Broken\n\n## Welcome\n", encoding="utf-8")
    (user_dir / "binary.md").write_bytes(b"\x00\x01\x02")
    entries = {e.name: e for e in library.entries()}
    assert sorted(entries) == ["binary", "broken", "check-in", "sharing"]
    broken = entries["broken"]
    assert not broken.ok and broken.title == "broken" and broken.agenda is None
    assert [str(p) for p in broken.problems] == [
        f"{user_dir / 'broken.md'}:3: a part needs its length, e.g. (10 min)"
    ]
    assert not entries["binary"].ok
    with pytest.raises(TemplateError, match=":3: a part needs its length"):
        library.find("broken")


def test_only_markdown_files_are_templates(builtins: Path, user_dir: Path, library) -> None:
    (user_dir / "notes.txt").write_text("## A (1 min)\n", encoding="utf-8")
    (user_dir / ".hidden.md").write_text("## A (1 min)\n", encoding="utf-8")
    (user_dir / "folder.md").mkdir()
    assert [e.name for e in library.entries()] == ["check-in", "sharing"]


def test_find_accepts_the_file_name_too(builtins: Path, library) -> None:
    assert library.find("check-in.md").name == "check-in"


@pytest.mark.parametrize("name", ["nope", "", "../builtin/sharing", ".hidden", "a/b"])
def test_find_an_unknown_template(builtins: Path, name: str, library) -> None:
    with pytest.raises(TemplateNotFoundError, match="no template named"):
        library.find(name)


def test_copy_a_builtin_to_adapt_it(
    builtins: Path, isolated_dirs: dict[str, Path], library
) -> None:
    target = library.copy_builtin("check-in")
    assert target == isolated_dirs["templates"] / "check-in.md"
    assert target.read_bytes() == (builtins / "check-in.md").read_bytes()
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (entry,) = [e for e in library.entries() if e.name == "check-in"]
    assert entry.overrides_builtin and entry.path == target
    assert [p.name for p in target.parent.iterdir()] == ["check-in.md"]  # no temporary left


def test_copy_refuses_to_overwrite_unless_forced(builtins: Path, user_dir: Path, library) -> None:
    mine = user_dir / "sharing.md"
    mine.write_text("## Mine (5 min)\n", encoding="utf-8")
    with pytest.raises(TemplateExistsError, match="already exists"):
        library.copy_builtin("sharing")
    assert mine.read_text(encoding="utf-8") == "## Mine (5 min)\n"
    library.copy_builtin("sharing", force=True)
    assert mine.read_text(encoding="utf-8") == SHARING


def test_copy_an_unknown_builtin(builtins: Path, user_dir: Path, library) -> None:
    (user_dir / "ours.md").write_text("## A (1 min)\n", encoding="utf-8")
    with pytest.raises(TemplateNotFoundError, match="no built-in template named 'ours'"):
        library.copy_builtin("ours")


def test_the_packaged_builtins_are_all_listed_and_usable(library) -> None:
    shipped = sorted(p.stem for p in Path(str(files("circlekeeper.templates"))).glob("*.md"))
    entries = library.entries()
    assert [e.name for e in entries] == shipped
    assert all(e.builtin and e.ok and e.agenda is not None for e in entries)
