"""Fill the English catalog from the code's own words: ``python -m ... english LOCALE_DIR``.

The messages are written in English in the code, so the English catalog's translation
of each is the message itself; filling it by hand would only invite typing slips. Run
by ``scripts/catalogs`` after each update.
"""

from __future__ import annotations

import sys
from pathlib import Path

from circlekeeper.sessions.languages.catalogs import DOMAIN, SOURCE_LANGUAGE


def fill_english(locale_dir: Path) -> int:
    """Give every untranslated message in the English catalog its own words; how many."""
    from babel.messages.pofile import read_po, write_po

    path = locale_dir / SOURCE_LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=SOURCE_LANGUAGE)
    filled = 0
    for message in catalog:
        if not message.id or message.string and all(message.string):
            continue
        message.string = message.id
        filled += 1
    with path.open("wb") as target:
        write_po(target, catalog, width=96, omit_header=False, sort_output=True)
    return filled


if __name__ == "__main__":  # pragma: no cover - run by scripts/catalogs
    print(f"English catalog: {fill_english(Path(sys.argv[1]))} messages filled in")
