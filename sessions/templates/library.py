"""The templates a facilitator can pick from: the built-in ones and their own.

Built-in templates ship inside the package (``circlekeeper.templates``); a facilitator's or
coordinator's own live in the folder a :class:`TemplateLibrary` is handed (the templates
folder of :class:`~circlekeeper.sessions.settings.folders.Folders`). A user template with the same
name as a built-in one is used instead of it. A broken user template is listed with its
problems and never hides the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.package_folder import package_folder
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.settings.folders import Folders, ensure_private_dir
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.cache import (
    Brief,
    Reading,
    TemplateCache,
    cache_file,
    file_key,
    file_stamp,
)
from circlekeeper.sessions.templates.entry import Load
from circlekeeper.sessions.templates.entry import TemplateEntry as TemplateEntry
from circlekeeper.sessions.templates.errors import Problem, TemplateError
from circlekeeper.sessions.templates.files import name_problem, read_template_bytes
from circlekeeper.sessions.templates.shipped import SHIPPED_NAME, ShippedReadings

BUILTIN_PACKAGE = "circlekeeper.templates"
"""The package whose ``.md`` files are the built-in templates."""

SUFFIX = ".md"


class TemplateNotFoundError(LookupError):
    """No template has the name asked for."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "no such template"


class TemplateExistsError(FileExistsError):
    """Copying would overwrite a template the user already has."""


def builtin_dir() -> Path:
    """The folder of built-in templates, inside the installed package."""
    return package_folder(BUILTIN_PACKAGE)


def _builtin_files() -> dict[str, Path]:
    found = {}
    for item in builtin_dir().iterdir():
        if item.name.endswith(SUFFIX) and not item.name.startswith(".") and item.is_file():
            found[item.name[: -len(SUFFIX)]] = item
    return found


def _user_files(folder: Path) -> dict[str, Path]:
    try:
        # By name: one folder's paths differ only there, and comparing whole paths made
        # sorting a couple of hundred of them a noticeable part of listing.
        candidates = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.name)
    except OSError:
        return {}
    return {p.stem: p for p in candidates if not p.name.startswith(".") and p.is_file()}


def _unread(path: Path, error: OSError) -> Reading:
    unread = _("cannot read: {reason}").format(reason=error.strerror or error)
    return None, [Problem(str(path), 0, unread)]


def _file_bytes(source: Path) -> bytes | Reading:
    """The file's bytes, or the problems that kept it from being read."""
    try:
        return read_template_bytes(source)
    except TemplateError as error:
        return None, error.problems
    except OSError as error:
        return _unread(source, error)


def _parse(data: bytes, path: Path) -> Reading:
    # The parser (markdown, YAML) loads only when a file has to be read afresh.
    from circlekeeper.sessions.templates.parse import check_template

    return check_template(data, path)


def _kept(cache: TemplateCache, key: str, source: Path) -> Load:
    """Reads the reading ``cache`` keeps under ``key``; the file itself should there be
    none to trust."""

    def load() -> Reading:
        reading = cache.reading(key)
        if reading is not None:
            return reading
        data = _file_bytes(source)
        return data if isinstance(data, tuple) else _parse(data, source)

    return load


def _read(
    path: Path, cache: TemplateCache, shipped: ShippedReadings | None = None
) -> tuple[Path, Brief, Load]:
    # A file found as it was when last read is trusted by its size and time alone.
    stamp = file_stamp(path)
    known = cache.known_key(path, stamp)
    found = None if known is None else cache.brief(known)
    if known is not None and found is not None:
        cache.remember(path, stamp, known)
        return path, found, _kept(cache, known, path)
    data = _file_bytes(path)
    if isinstance(data, tuple):
        failed = data
        return path, Brief.of(failed), lambda: failed
    key = file_key(path, data)
    found = cache.brief(key)
    if found is None and shipped is not None:
        found = shipped.keep_in(cache, key, path.stem, data)
    if found is not None:
        cache.remember(path, stamp, key)
        return path, found, _kept(cache, key, path)
    reading = _parse(data, path)
    cache.put(key, reading)
    cache.remember(path, stamp, key)
    return path, Brief.of(reading), lambda: reading


def _entry(
    source: Path,
    name: str,
    builtin: bool,
    overrides: bool,
    cache: TemplateCache,
    shipped: ShippedReadings | None = None,
) -> TemplateEntry:
    path, brief, load = _read(source, cache, shipped)
    shown = safe_text(name, lines=False)
    problems = brief.problems
    badly_named = name_problem(path)
    if badly_named is not None:
        problems = (*problems, badly_named)
    sound = not problems
    return TemplateEntry(
        name=shown,
        path=path,
        builtin=builtin,
        title=brief.title if sound else shown,
        minutes=brief.minutes if sound else 0,
        part_count=brief.part_count if sound else 0,
        summary=brief.summary if sound else "",
        overrides_builtin=overrides,
        problems=problems,
        load=load,
    )


def _clean_name(name: str) -> str:
    name = name.strip()
    return name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name


# A named tuple, not a frozen dataclass: it is defined on every launch, and a dataclass
# costs several times as much to define.
class TemplateLibrary(NamedTuple):
    """The built-in templates and the user's own folder of them, read through a cache."""

    folder: Path
    """The folder of the facilitator's or coordinator's own templates."""
    cache_path: Path | None = None
    """Where the library as last read is kept; ``None`` to read every file afresh."""

    @classmethod
    def in_folders(cls, folders: Folders) -> TemplateLibrary:
        """The library of ``folders``: its templates folder, its cache in the cache folder."""
        return cls(folders.templates, cache_file(folders.cache))

    def _cache(self) -> TemplateCache:
        return TemplateCache(self.cache_path)

    def entries(self) -> list[TemplateEntry]:
        """Every template there is to pick from, sorted by name.

        Where a user template has a built-in one's name, only the user's is listed,
        marked :attr:`TemplateEntry.overrides_builtin`.
        """
        builtins = _builtin_files()
        users = _user_files(self.folder)
        shipped = ShippedReadings(builtin_dir() / SHIPPED_NAME)
        with self._cache() as cache:
            entries = [
                _entry(path, name, False, name in builtins, cache) for name, path in users.items()
            ]
            entries += [
                _entry(item, name, True, False, cache, shipped)
                for name, item in builtins.items()
                if name not in users
            ]
        return sorted(entries, key=lambda e: e.name)

    def _not_found(self, name: str) -> TemplateNotFoundError:
        return TemplateNotFoundError(
            _("no template named '{name}' (neither built-in nor in {folder})").format(
                name=name, folder=self.folder
            )
        )

    def find(self, name: str) -> Agenda:
        """The agenda of the template called ``name``, the user's own before a built-in one.

        Raises:
            TemplateNotFoundError: there is no template of that name.
            TemplateError: the template has problems.
        """
        name = _clean_name(name)
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise self._not_found(name)
        own = _user_files(self.folder).get(name)
        source = own or _builtin_files().get(name)
        if source is None:
            raise self._not_found(name)
        shipped = None if own else ShippedReadings(builtin_dir() / SHIPPED_NAME)
        # Looked up in the cache but never written back: the cache keeps the whole library.
        _, brief, load = _read(source, self._cache(), shipped)
        agenda, problems = (None, list(brief.problems)) if brief.problems else load()
        if agenda is None:
            raise TemplateError(problems)
        return agenda

    def copy_builtin(self, name: str, force: bool = False) -> Path:
        """Copy a built-in template into the user's templates folder, to be adapted there.

        Args:
            name: the built-in template's name.
            force: overwrite the user's file of that name if there is one.

        Returns:
            The path of the copy.

        Raises:
            TemplateNotFoundError: there is no built-in template of that name.
            TemplateExistsError: the user already has a template of that name.
            OSError: the folder or the file cannot be written.
        """
        name = _clean_name(name)
        source = _builtin_files().get(name)
        if source is None:
            message = _("no built-in template named '{name}'")
            raise TemplateNotFoundError(message.format(name=name))
        target = self.folder / f"{name}{SUFFIX}"
        if target.exists() and not force:
            raise TemplateExistsError(_("{path} already exists").format(path=target))
        # The atomic writer loads only for a copy: listing the library writes nothing.
        from circlekeeper.sessions.storage.atomic import write_file_atomic

        ensure_private_dir(self.folder)
        # A crash mid-copy must leave either the old file or the whole new one, never half.
        write_file_atomic(target, source.read_bytes())
        return target
