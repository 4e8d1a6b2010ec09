"""Storage: session files that survive a crash, the folder that holds them, and its index.

Each session is one TinyDB file (:mod:`.record`) in a versioned format (:mod:`.session_file`)
written atomically (:mod:`.atomic`: temp file, fsync, rename) and locked while open
(:mod:`.folder`), with a :mod:`.claim` checked before each write so that two windows never
write one session; the small :mod:`.index` is a cache rebuilt from the files, and
:mod:`.scan` lists the folder through it. The :class:`SessionStore` (:mod:`.session_store`)
creates, opens, lists, deletes and purges sessions (every copy: :mod:`.removal`).
Exports and QR images the user names go only where :mod:`.write_targets` allows: a
regular file, in a folder that exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.storage.atomic import DamagedFile as DamagedFile
    from circlekeeper.sessions.storage.atomic import write_atomic as write_atomic
    from circlekeeper.sessions.storage.atomic import write_file_atomic as write_file_atomic
    from circlekeeper.sessions.storage.claim import SessionTakenOver as SessionTakenOver
    from circlekeeper.sessions.storage.folder import SessionLocked as SessionLocked
    from circlekeeper.sessions.storage.folder import UnknownSession as UnknownSession
    from circlekeeper.sessions.storage.handle import SessionHandle as SessionHandle
    from circlekeeper.sessions.storage.index import DamagedSession as DamagedSession
    from circlekeeper.sessions.storage.index import Listing as Listing
    from circlekeeper.sessions.storage.index import SessionSummary as SessionSummary
    from circlekeeper.sessions.storage.record import SCHEMA_VERSION as SCHEMA_VERSION
    from circlekeeper.sessions.storage.record import SessionRecord as SessionRecord
    from circlekeeper.sessions.storage.session_file import NewerSchema as NewerSchema
    from circlekeeper.sessions.storage.session_store import SessionStore as SessionStore

__all__ = [
    "DamagedFile",
    "DamagedSession",
    "Listing",
    "NewerSchema",
    "SCHEMA_VERSION",
    "SessionHandle",
    "SessionLocked",
    "SessionRecord",
    "SessionStore",
    "SessionSummary",
    "SessionTakenOver",
    "UnknownSession",
    "write_atomic",
    "write_file_atomic",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "DamagedSession": "index",
        "SessionHandle": "handle",
        "SessionStore": "session_store",
        "SCHEMA_VERSION": "record",
        "SessionRecord": "record",
        "DamagedFile": "atomic",
        "NewerSchema": "session_file",
        "write_atomic": "atomic",
        "write_file_atomic": "atomic",
        "SessionLocked": "folder",
        "SessionTakenOver": "claim",
        "UnknownSession": "folder",
        "Listing": "index",
        "SessionSummary": "index",
    },
)
