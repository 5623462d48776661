"""What is compared: the entities and figures of one article, gold or predicted."""


from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

# -- what is compared ------------------------------------------------------------------------

@attrs.frozen
class _Entity:
    """An enterprise, platform or initiative: the name shown in reports, the names'
    normalised forms."""

    label: str
    keys: frozenset[str]


@attrs.frozen
class _Figure:
    """A metric as compared. ``year`` is kept as written (compared with ``==``);
    ``shown`` and ``context`` describe it in a report."""

    value: float | None
    unit: str
    year: object
    region: str | None
    optional: bool = False
    platform: frozenset[str] | None = None
    enterprise: frozenset[str] | None = None
    shown: str = ""
    context: str = ""


@attrs.frozen
class _Records:
    """What one article holds, on either side."""

    id: str
    title: object = None
    published: object = None
    regions: frozenset[str] = frozenset()
    entities: Mapping[str, tuple[_Entity, ...]] = attrs.field(factory=dict)
    metrics: tuple[_Figure, ...] = ()

    def of(self, kind: str) -> tuple[_Entity, ...]:
        return self.entities.get(kind, ())


_NO_RECORDS: Final = _Records(id="")


