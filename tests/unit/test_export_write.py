"""Export files: named by day, template and audience; written whole; never over another."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from export_example import example_session

from circlekeeper.sessions.export import (
    Audience,
    ExportError,
    ExportExists,
    Format,
    default_path,
    export_filename,
    render,
    save_export,
    summary_of,
    write_text,
)


@pytest.fixture(scope="module")
def session():
    return example_session()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_by_default_a_file_goes_to_the_exports_folder(session, isolated_dirs, folders) -> None:
    summary = summary_of(session, Audience.PARTICIPANTS)
    path = save_export(summary, Format.HTML, folder=folders.export_folder())
    assert path == isolated_dirs["exports"] / "2026-03-04-example-agenda-handout.html"
    assert path == default_path(summary, Format.HTML, folders.export_folder())
    assert path.read_text(encoding="utf-8") == render(summary, Format.HTML)


def test_an_export_needs_a_file_or_a_folder(session) -> None:
    with pytest.raises(ValueError, match="the file to write or the folder"):
        save_export(summary_of(session, Audience.PARTICIPANTS), Format.HTML)


@pytest.mark.posix_permissions
def test_the_record_is_for_its_owner_only_and_the_handout_can_be_shared(session, tmp_path) -> None:
    record = save_export(
        summary_of(session, Audience.FACILITATOR), Format.MARKDOWN, folder=tmp_path
    )
    handout = save_export(
        summary_of(session, Audience.PARTICIPANTS), Format.MARKDOWN, folder=tmp_path
    )
    assert mode(record) == 0o600
    assert mode(handout) == 0o644
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_never_overwritten_unless_asked(session, tmp_path) -> None:
    summary = summary_of(session, Audience.FACILITATOR)
    target = tmp_path / "record.md"
    target.write_text("the facilitator's own edits", encoding="utf-8")
    with pytest.raises(ExportExists) as caught:
        save_export(summary, Format.MARKDOWN, target)
    assert isinstance(caught.value, FileExistsError)
    assert caught.value.path == target
    assert str(caught.value) == f"{target}: already exists; choose another name or overwrite it"
    assert target.read_text(encoding="utf-8") == "the facilitator's own edits"
    assert leftovers(tmp_path) == []
    save_export(summary, Format.MARKDOWN, target, overwrite=True)
    assert target.read_text(encoding="utf-8").startswith("# Facilitator record:")
    assert mode(target) == 0o600


def test_overwriting_a_shared_file_makes_the_record_private_again(session, tmp_path) -> None:
    target = tmp_path / "record.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o644)
    save_export(summary_of(session, Audience.FACILITATOR), Format.JSON, target, overwrite=True)
    assert mode(target) == 0o600


def test_a_folder_that_cannot_be_written_is_one_clear_error(tmp_path, monkeypatch) -> None:
    # Simulated: the tests may run as root, who may write into any folder.
    def refused(**options):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(ExportError, match=r"/a\.md: could not write: Permission denied$"):
        write_text(tmp_path / "a.md", "x", private=False)
    assert list(tmp_path.iterdir()) == []


def test_a_path_that_cannot_exist_is_one_clear_error_and_leaves_nothing(tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(
        ExportError, match=r"a-file/out\.md: could not write: a file is in the way of its folder"
    ):
        write_text(blocker / "out.md", "x", private=True)
    with pytest.raises(ExportError, match="is a folder; give a file name"):
        write_text(tmp_path, "x", private=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path, monkeypatch
) -> None:
    target = tmp_path / "handout.md"
    target.write_text("old", encoding="utf-8")

    def full_disk(fd: int, fsync=os.fsync) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        write_text(target, "new", private=False, overwrite=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_without_hard_links_the_file_is_still_put_in_place_once(tmp_path, monkeypatch) -> None:
    def no_links(src, dst) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "handout.md"
    write_text(target, "first", private=False)
    with pytest.raises(ExportExists):
        write_text(target, "second", private=False)
    assert target.read_text(encoding="utf-8") == "first"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("mentors-and-role-models", "2026-03-04-mentors-and-role-models-record.md"),
        ("Réunion / équipe", "2026-03-04-r-union-quipe-record.md"),
        ("../../etc/passwd", "2026-03-04-etc-passwd-record.md"),
        ("", "2026-03-04-session-record.md"),
    ],
)
def test_a_file_name_is_safe_whatever_the_template_is_called(session, template, expected) -> None:
    summary = replace(summary_of(session, Audience.FACILITATOR), template=template)
    assert export_filename(summary, Format.MARKDOWN) == expected


def test_an_undated_summary_still_gets_a_name(session) -> None:
    summary = replace(summary_of(session, Audience.PARTICIPANTS), day=None)
    assert export_filename(summary, Format.JSON) == "undated-example-agenda-handout.json"
