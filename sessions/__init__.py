"""circlekeeper's core: templates, the session engine, storage, privacy guard, QR and export.

Nothing in this package imports Textual or rich, so every piece can be used and tested
without a terminal interface. Its folders tell the story, bottom up:

- :mod:`.errors`: the errors a facilitator is told about (imports nothing), and
  :mod:`.safe_text`: text from outside made safe to show;
- :mod:`.settings`: where files live, and the facilitator's settings;
- :mod:`.templates`: markdown agendas read into :class:`~.templates.Agenda` values;
- :mod:`.privacy`: the personal-data guard for notes, cards and debriefs;
- :mod:`.engine`: a :class:`~.engine.Session` run from an agenda, as an event log;
- :mod:`.storage`: crash-safe session files, their folder and its index;
- :mod:`.export`, :mod:`.qr` and :mod:`.dropbox`: summaries, QR codes, cards from phones;
- :mod:`.host`: the one owner of what is open (a session, its drop-box, the resources).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package`` that imports each public name on first use.

    A package re-exports its public names without loading every module at import, so
    the app still opens without loading the engine or the guard it does not need yet.

    Args:
        package: the package's ``__name__``.
        exports: public name -> the module of the package (relative name) defining it.
    """

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
