"""Making the file of the built-in templates' readings that ships with the package.

Run through ``scripts/template-readings`` after changing a built-in template or the
template parser; a unit test fails while the file in the source is not current. The file
is written the same way every time (keys sorted, templates in name order), so making it
again from unchanged sources gives the same bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.languages.speaking import speaking
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.storage.atomic import write_file_atomic
from circlekeeper.sessions.templates.cache import kept_form
from circlekeeper.sessions.templates.errors import TemplateError
from circlekeeper.sessions.templates.shipped import (
    FORMAT,
    SHIPPED_NAME,
    bytes_digest,
    parser_digest,
)

SUFFIX = ".md"


def shipped_readings(folder: Path) -> bytes:
    """The shipped file's bytes for the templates in ``folder`` as they read now.

    Raises:
        TemplateError: a template has problems. Built-in templates must have none, so
            that what they read to does not depend on where they are or on the language
            spoken (problems name the file, in that language's words).
    """
    # The parser loads here, never at launch.
    from circlekeeper.sessions.templates.parse import check_template

    readings = {}
    sources = sorted(p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith("."))
    with speaking(Language()):
        for source in sources:
            data = source.read_bytes()
            agenda, problems = check_template(data, source)
            if problems:
                raise TemplateError(problems)
            readings[bytes_digest(data)] = {"name": source.stem, **kept_form((agenda, []))}
    payload = {"format": FORMAT, "parser": parser_digest(), "readings": readings}
    return (json.dumps(payload, sort_keys=True, indent=1) + "\n").encode("utf-8")


def main(argv: list[str]) -> int:
    """Write the shipped file into the templates folder ``argv[0]``; 1 if one has problems."""
    if len(argv) != 1:
        print("usage: make_readings TEMPLATES_FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    try:
        made = shipped_readings(folder)
    except TemplateError as error:
        for problem in error.problems:
            print(safe_text(str(problem), lines=False), file=sys.stderr)
        print("a built-in template has problems; nothing was written", file=sys.stderr)
        return 1
    target = folder / SHIPPED_NAME
    if target.is_file() and target.read_bytes() == made:
        print(f"{target} is current")
        return 0
    # Package data, read by whoever runs the installed program: not owner-only.
    write_file_atomic(target, made, mode=0o644)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":  # pragma: no cover - run by scripts/template-readings
    sys.exit(main(sys.argv[1:]))
