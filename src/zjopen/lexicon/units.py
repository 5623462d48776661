"""The unit table (``data/units.json``), loaded once on first use."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from zjopen.lexicon.load import load_json


# (a plain class: an attrs class's methods are generated and compiled at import)
class UnitInfo:
    """One row of the unit table."""

    code: str
    dimension: str
    name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    convert_to: str | None
    factor: Decimal

    __slots__ = ("after", "before", "code", "convert_to", "dimension", "factor", "name")

    def __init__(
        self,
        *,
        code: str,
        dimension: str,
        name: str,
        before: tuple[str, ...],
        after: tuple[str, ...],
        convert_to: str | None = None,
        factor: Decimal = Decimal(1),
    ) -> None:
        self.code = code
        self.dimension = dimension
        self.name = name
        self.before = before
        self.after = after
        self.convert_to = convert_to
        self.factor = factor


@cache
def unit_table() -> dict[str, UnitInfo]:
    """Every known unit, by code, in the order of the data file."""
    raw: dict[str, Any] = load_json("units.json")
    return {
        row["code"]: UnitInfo(
            code=row["code"],
            dimension=row["dimension"],
            name=row["name"],
            before=tuple(row["before"]),
            after=tuple(row["after"]),
            convert_to=row.get("convert", {}).get("to"),
            factor=Decimal(row.get("convert", {}).get("factor", "1")),
        )
        for row in raw["units"]
    }


def is_known_unit(code: str) -> bool:
    """Whether ``code`` is a unit code of the table.

    >>> is_known_unit("CNY"), is_known_unit("‰"), is_known_unit("yuan")
    (True, True, False)
    """
    return code in unit_table()


def units() -> tuple[str, ...]:
    """Every unit code a :class:`~zjopen.Metric` may carry (``CNY``, ``%``, ``TEU`` ...).

    >>> "CNY" in units() and "‰" in units()
    True
    """
    return tuple(unit_table())
