"""The groups folder: one crash-safe file per group, beside the sessions folder.

Each group is ``groups/<id>.json`` in the data folder, written whole through
:func:`~circlekeeper.sessions.storage.atomic.write_atomic`. Every change is a read, a
change and a write made under the group's lock file (``<id>.lock``), so two windows never
write one group and neither loses the other's change. A file that cannot be read is
reported by name and never stops the other groups from listing.
"""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.groups.model import MAX_NAME_LENGTH, Group
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.storage.atomic import dumps, load_json, read_text, write_atomic
from circlekeeper.sessions.storage.naming import LOCK_SUFFIX, holding, random_id
from circlekeeper.sessions.storage.removal import remove_file

__all__ = ["DamagedGroup", "GroupListing", "GroupStore", "UnknownGroup", "check_group_name"]

GROUP_SUFFIX = ".json"
LOCK_WAIT_SECONDS = 5.0
"""How long to wait for another window changing the same group (it takes milliseconds)."""


class UnknownGroup(StorageError):
    """There is no group of that name."""


class DamagedGroup(StorageError):
    """A group's file is not one circlekeeper wrote; it is left as it is."""


@dataclass(frozen=True)
class GroupListing:
    """Every group that could be read, and one line for each file that could not."""

    groups: list[Group] = field(default_factory=list)
    """The groups, by name."""
    problems: list[str] = field(default_factory=list)
    """``path: what is wrong``, one per file that could not be read."""


def check_group_name(name: str) -> str:
    """The name, trimmed, or :class:`StorageError` saying why it cannot be a group's name.

    A name is a label the facilitator chooses ("Tuesday circle"), never a person: the
    personal-data guard looks for email and street addresses and phone numbers in it.
    """
    from circlekeeper.sessions.privacy.guard import find_personal_data

    cleaned = " ".join(safe_text(name, lines=False).split())
    if not cleaned:
        raise StorageError(_("A group needs a name, such as 'Tuesday circle'."))
    if len(cleaned) > MAX_NAME_LENGTH:
        message = _("A group's name is at most {count} characters.")
        raise StorageError(message.format(count=MAX_NAME_LENGTH))
    found = find_personal_data(cleaned)
    if found:
        kinds = ", ".join(sorted({f.label.lower() for f in found}))
        raise StorageError(
            _(
                "The name {name} looks like it holds personal data ({kinds}); "
                "choose a name that says nothing about anyone."
            ).format(name=repr(cleaned), kinds=kinds)
        )
    return cleaned


class GroupStore:
    """The groups folder.

    Args:
        root: The folder (``groups`` inside the data folder); made when first written.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        """Where the group files are."""

    def path_of(self, group_id: str) -> Path:
        """The file of group ``group_id``."""
        return self.root / f"{group_id}{GROUP_SUFFIX}"

    # Reading -------------------------------------------------------------------------

    def _load(self, path: Path) -> Group:
        try:
            text = read_text(path)
            if text is None:
                raise UnknownGroup(_("{path}: no such group file").format(path=path))
            return Group.from_dict(load_json(text, path))
        except (KeyError, TypeError, ValueError) as error:
            raise DamagedGroup(
                _(
                    "{path}: not a group file circlekeeper can read ({problem}); it is left as "
                    "it is, and the other groups are not affected"
                ).format(path=path, problem=error)
            ) from None
        except UnknownGroup:
            raise
        except StorageError as error:
            message = _("{problem}; the other groups are not affected")
            raise DamagedGroup(message.format(problem=error)) from None

    def list(self) -> GroupListing:
        """Every group, by name, with a line for each file that could not be read."""
        listing = GroupListing()
        if not self.root.is_dir():
            return listing
        for path in sorted(self.root.glob(f"*{GROUP_SUFFIX}")):
            if path.name.startswith("."):
                continue
            try:
                listing.groups.append(self._load(path))
            except StorageError as error:
                listing.problems.append(str(error))
        listing.groups.sort(key=lambda g: g.name.casefold())
        return listing

    def find(self, name: str) -> Group:
        """The group called ``name`` (any case), or with that id.

        Raises:
            UnknownGroup: there is none; the message lists the groups there are.
        """
        listing = self.list()
        wanted = " ".join(name.split()).casefold()
        for group in listing.groups:
            if group.name.casefold() == wanted or group.id == name:
                return group
        known = ", ".join(repr(g.name) for g in listing.groups) or _("none yet")
        unread = _(" ({count} group file(s) could not be read)")
        problems = unread.format(count=len(listing.problems)) * bool(listing.problems)
        message = _("There is no group called {name}; groups: {known}{problems}.")
        raise UnknownGroup(message.format(name=repr(name), known=known, problems=problems))

    # Writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self, group_id: str) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        busy = _("The group {id} is being changed in another window; try again").format(id=group_id)
        with holding(self.root / f"{group_id}{LOCK_SUFFIX}", LOCK_WAIT_SECONDS, busy):
            yield

    def _write(self, group: Group, now: datetime) -> Group:
        group = group.with_changes(updated=now.isoformat())
        path = self.path_of(group.id)
        write_atomic(path, dumps(group.to_dict(), path))
        return group

    def create(self, name: str, now: datetime, *, template: str = "") -> Group:
        """A new group called ``name``, on disk before this returns.

        Raises:
            StorageError: the name is refused, taken, or the file cannot be written.
        """
        name = check_group_name(name)
        if any(g.name.casefold() == name.casefold() for g in self.list().groups):
            raise StorageError(_("There is a group called {name} already.").format(name=repr(name)))
        group_id = random_id(8)
        with self._locked(group_id):
            return self._write(Group(id=group_id, name=name, template=template), now)

    def update(self, group_id: str, change: Callable[[Group], Group], now: datetime) -> Group:
        """Read group ``group_id``, apply ``change`` and write the result, under its lock.

        Raises:
            StorageError: the group is gone, damaged, busy or cannot be written.
        """
        with self._locked(group_id):
            return self._write(change(self._load(self.path_of(group_id))), now)

    def rename(self, name: str, new_name: str, now: datetime) -> Group:
        """Give the group called ``name`` the name ``new_name`` (checked as a new one is)."""
        group = self.find(name)
        new_name = check_group_name(new_name)
        others = (g for g in self.list().groups if g.id != group.id)
        if any(g.name.casefold() == new_name.casefold() for g in others):
            message = _("There is a group called {name} already.")
            raise StorageError(message.format(name=repr(new_name)))
        return self.update(group.id, lambda g: g.with_changes(name=new_name), now)

    def delete(self, group_id: str) -> builtins.list[Path]:
        """Delete a group's file (its items, agreements and history) for good."""
        path = self.path_of(group_id)
        with self._locked(group_id):
            removed = [p for p in self._copies(group_id) if p.exists() or p.is_symlink()]
            for each in removed:
                remove_file(each)
        with contextlib.suppress(OSError):
            (self.root / f"{group_id}{LOCK_SUFFIX}").unlink()
        return removed if removed else [path]

    def _copies(self, group_id: str) -> builtins.list[Path]:
        # The file and the temporary file of a write a crash cut short.
        return [self.path_of(group_id), *self.root.glob(f".{group_id}{GROUP_SUFFIX}.*.tmp")]

    def expired(self, older_than_days: int, now: datetime) -> builtins.list[Group]:
        """The groups not changed for ``older_than_days`` days."""
        cutoff = now - timedelta(days=older_than_days)
        found = []
        for group in self.list().groups:
            try:
                updated = datetime.fromisoformat(group.updated)
            except ValueError:
                continue
            if updated.tzinfo is None and cutoff.tzinfo is not None:
                updated = updated.replace(tzinfo=cutoff.tzinfo)
            if updated < cutoff:
                found.append(group)
        return found
