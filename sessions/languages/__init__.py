"""Languages: the words circlekeeper speaks, and how it writes days, times and numbers.

- :mod:`.tags`: language tags from the locale or the ``language`` setting, and which
  languages are written right to left;
- :mod:`.catalogs`: the gettext catalogs shipped in the package (English, German, Spanish);
- :mod:`.language`: a :class:`Language`, which translates and formats (with Babel);
- :mod:`.speaking`: the language spoken now, and the ``_``/``N_``/``ngettext`` markers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.languages.language import Language as Language
    from circlekeeper.sessions.languages.speaking import N_ as N_
    from circlekeeper.sessions.languages.speaking import _ as _
    from circlekeeper.sessions.languages.speaking import current_language as current_language
    from circlekeeper.sessions.languages.speaking import ngettext as ngettext
    from circlekeeper.sessions.languages.speaking import speaking as speaking
    from circlekeeper.sessions.languages.speaking import use_language as use_language
    from circlekeeper.sessions.languages.tags import chosen_tag as chosen_tag
    from circlekeeper.sessions.languages.tags import normal_tag as normal_tag

__all__ = [
    "N_",
    "Language",
    "_",
    "chosen_tag",
    "current_language",
    "ngettext",
    "normal_tag",
    "speaking",
    "use_language",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "Language": "language",
        "N_": "speaking",
        "_": "speaking",
        "current_language": "speaking",
        "ngettext": "speaking",
        "speaking": "speaking",
        "use_language": "speaking",
        "chosen_tag": "tags",
        "normal_tag": "tags",
    },
)
