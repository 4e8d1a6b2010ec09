"""Records that never change once made, lighter to define than frozen dataclasses.

The records the app defines on every launch are kept cheap to define (a frozen dataclass
compiles half a dozen methods as it is defined). Most are named tuples; a record that
needs more (a value it works out once and keeps, or a default made afresh for each one)
is a class of its own on :class:`Fixed`, which refuses any change after it is made.
"""

from __future__ import annotations


class Fixed:
    """A record whose attributes are set once, by :meth:`_fix`, and never again."""

    __slots__ = ()

    def _fix(self, **values: object) -> None:
        """Set the record's attributes, as only its making may."""
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} never changes; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} never changes; cannot delete {name!r}")
