"""Which two-letter regions the phone number tables cover, known without loading them.

The settings file's ``phone_region`` is checked at launch, when loading the phone number
library (a tenth of the launch time) would be wasted: its tables ship one module a
region, ``region_GB.py`` and so on, so their names say which regions it knows. Should a
release lay them out otherwise, the library itself is asked.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path


@cache
def known_regions() -> frozenset[str]:
    """Every region code the phone number library can read numbers in."""
    # Compiled here rather than at import: this runs once, and only for a phone region.
    region_file = re.compile(r"^region_([A-Z]{2})\.py$")
    spec = importlib.util.find_spec("phonenumbers")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        data = Path(folder) / "data"
        found = {m.group(1) for p in _names(data) if (m := region_file.match(p))}
        if len(found) > 100:  # a full table set, not a stray file or two
            return frozenset(found)
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def _names(folder: Path) -> list[str]:
    try:
        return [p.name for p in folder.iterdir()]
    except OSError:
        return []
