"""Print circlekeeper's speed figures, each against its target.

Usage: ``.venv/bin/python scripts/bench.py [SECTION ...]`` (sections: the ``bench_*.py``
files beside this one, e.g. ``storage``; all of them by default).

Each section module has a ``run()`` that yields figures as tuples
``(what, value, unit, target)``, where ``target`` is ``("<=", number)``,
``(">=", number)`` or ``None`` for a figure shown for information. One line is printed
per figure, ending in PASS or MISS. These are measurements to read, not tests: the exit
code is 0 even when a figure misses its target.
"""

from __future__ import annotations

import importlib
import operator
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKS = {"<=": operator.le, ">=": operator.ge}


def sections() -> list[str]:
    """The names of the bench sections beside this script."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def show(what: str, value: float, unit: str, target: tuple[str, float] | None) -> str:
    """One printed line for a figure."""
    figure = f"{value:.3g}{unit}"
    if target is None:
        return f"  {what}: {figure}"
    op, limit = target
    verdict = "PASS" if CHECKS[op](value, limit) else "MISS"
    return f"  {what}: {figure} (target {op} {limit:g}{unit}) {verdict}"


def main(argv: list[str]) -> int:
    known = sections()
    chosen = argv or known
    unknown = [name for name in chosen if name not in known]
    if unknown:
        print(f"bench: no section {', '.join(unknown)} (have: {', '.join(known)})", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    from child_processes import end_on_signals

    end_on_signals()
    for name in chosen:
        module = importlib.import_module(f"bench_{name}")
        started = time.perf_counter()
        print(f"{name}:", flush=True)
        for figure in module.run():
            print(show(*figure), flush=True)
        print(f"  ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
