"""A session's tables in memory, with the JSON text of each kept up to date as it changes.

TinyDB re-reads and re-serialises the whole file on every change, so an action costs more
the longer the session runs. :class:`Tables` holds the documents once and keeps each
table's serialised text: adding a document at the end of a table (an event) appends its
text, and any other change re-serialises only the table it touches. The file's text is
the same as :func:`json.dumps` of all the tables with compact separators would give.
Changes kept in a journal instead (:meth:`Tables.apply`) are made in place and leave the
text of the tables they touch to be made when the file is next written whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.messages import could_not

Document = dict[str, Any]
Change = tuple[str, str, "Document | None"]
"""One change: the table, the document's id, and the new document (``None`` removes it)."""


def _dumps(value: Any, where: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as exc:
        raise StorageError(could_not("save", where, exc)) from exc


@dataclass(frozen=True)
class Pending:
    """Changes prepared but not yet kept: the tables and the file's text they give."""

    docs: dict[str, dict[str, Document]]
    """Every table's documents with the changes made (changed tables are new dicts)."""
    texts: dict[str, str]
    """Every table's serialised text with the changes made."""
    text: str
    """The whole file's text."""
    added: dict[str, int]
    """The highest numbered id added to each table."""


class Tables:
    """Documents by table and id, each table's JSON text kept beside them.

    Nothing here changes until :meth:`commit`: :meth:`prepare` works on copies, so a write
    that fails leaves the tables as the file still has them.
    """

    def __init__(self, data: dict[str, dict[str, Document]]) -> None:
        self._docs = {name: dict(table) for name, table in data.items()}
        self._texts = {name: _dumps(table, name) for name, table in self._docs.items()}
        self._next: dict[str, int] = {}

    @property
    def docs(self) -> dict[str, dict[str, Document]]:
        """Every table's documents by id; never change them."""
        return self._docs

    def table(self, name: str) -> dict[str, Document]:
        """The documents of a table by id (empty if it has none); never change them."""
        return self._docs.get(name, {})

    def next_id(self, name: str) -> str:
        """The id the next document added to ``name`` gets: one more than any so far."""
        if name not in self._next:
            # As TinyDB numbers them, so files it wrote and files written here agree.
            self._next[name] = max((int(k) for k in self.table(name)), default=0) + 1
        return str(self._next[name])

    def prepare(self, changes: Iterable[Change], where: str) -> Pending:
        """The tables and text after ``changes``, leaving these tables as they are.

        Raises:
            StorageError: a document cannot be written as JSON.
        """
        docs, texts = dict(self._docs), self._all_texts(where)
        added: dict[str, int] = {}
        for name, key, doc in changes:
            table = docs[name] = dict(docs.get(name, {}))
            appended = doc is not None and key not in table
            if doc is None:
                table.pop(key, None)
            else:
                table[key] = doc
            old = texts.get(name)
            if appended and key.isdigit():
                added[name] = max(added.get(name, 0), int(key))
            if appended and old is not None:
                # Only the new document's text is made: the rest of the table is kept.
                part = f"{_dumps(key, where)}:{_dumps(doc, where)}"
                texts[name] = f"{old[:-1]}{',' if len(table) > 1 else ''}{part}}}"
            else:
                texts[name] = _dumps(table, where)
        whole = ",".join(f"{_dumps(name, where)}:{text}" for name, text in texts.items())
        return Pending(docs, texts, f"{{{whole}}}", added)

    def _all_texts(self, where: str) -> dict[str, str]:
        """Every table's text, made afresh for those changed in place since."""
        return {
            name: self._texts.get(name) or _dumps(table, where)
            for name, table in self._docs.items()
        }

    def text(self, where: str) -> str:
        """The whole file's text, as the tables are now."""
        self._texts = self._all_texts(where)
        whole = ",".join(f"{_dumps(name, where)}:{text}" for name, text in self._texts.items())
        return f"{{{whole}}}"

    def apply(self, changes: Iterable[Change]) -> None:
        """Make ``changes`` in place, once they are kept elsewhere (in a journal).

        Only the documents change; the text of each table touched is made again when it
        is next asked for.
        """
        for name, key, doc in changes:
            table = self._docs.setdefault(name, {})
            if doc is None:
                table.pop(key, None)
            else:
                if key not in table and key.isdigit() and name in self._next:
                    self._next[name] = max(self._next[name], int(key) + 1)
                table[key] = doc
            self._texts.pop(name, None)

    def commit(self, pending: Pending) -> None:
        """Keep prepared changes, once they are written."""
        self._docs, self._texts = pending.docs, pending.texts
        for name, highest in pending.added.items():
            if name in self._next:
                self._next[name] = max(self._next[name], highest + 1)
