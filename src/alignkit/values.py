"""A value: a record compared by what it holds and never changed once made.

alignkit's records are named tuples where they can be. Where one cannot (it is extended
by a subclass, as Diagnostic is by Finding; or a field's name would hide a tuple method,
as Theme's ``index`` would), it is a plain class with slots built on this base, rather
than a frozen dataclass: defining a dataclass costs about a millisecond at every start,
and a frozen one is slower to make.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class Value:
    """Equal by kind and every value in ``FIELDS``, hashable, with a readable repr;
    ``replace`` makes a changed copy. A subclass lists its fields in ``FIELDS`` in the
    order its constructor takes them, and its slots."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` made (what dataclasses.replace does for a dataclass)."""
        unknown = set(changes) - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no {', '.join(sorted(unknown))}")
        return type(self)(**{name: changes.get(name, getattr(self, name)) for name in self.FIELDS})

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self.values() == other.values()

    def __hash__(self) -> int:
        return hash(self.values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"
