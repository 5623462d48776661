"""Figures, periods and subjects as a person reads them, for the review pages.

Values are shown rounded and scaled ("1.04 billion t"); the exact value goes in a
``title`` attribute beside it (:func:`exact_value`).

>>> from decimal import Decimal as D
>>> human_value(D("1040000000"), "t"), human_value(D("5.2"), "%"), human_value(D("12"), "rank")
('1.04 billion t', '5.2%', '12th')
>>> human_value(D("1400000000"), "USD"), human_value(D("-300000000"), "CNY", signed=True)
('US$ 1.4 billion', '−300 million yuan')
>>> exact_value(D("1.04E+9"), "t")
'1040000000 t'
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from zjopen.model import Metric, Period, PeriodKind, Qualifier

__all__ = ["exact_value", "human_period", "human_value", "metric_value", "ordinal"]

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
           (Decimal(10) ** 6, "million"))
_PREFIX = {"USD": "US$ ", "EUR": "€", "GBP": "£", "HKD": "HK$ ", "JPY": "¥", "AUD": "A$ ",
           "CAD": "C$ ", "SGD": "S$ ", "NZD": "NZ$ ", "TWD": "NT$ ", "BRL": "R$ ", "INR": "₹"}
_SUFFIX = {"CNY": " yuan", "%": "%", "‰": "‰", "pp": " pp", "times": "×", "count": "",
           "m2": " m²", "km2": " km²"}
_PLURAL = {"year", "month", "week", "day", "hour", "minute"}
_QUALIFIER = {Qualifier.APPROX: "≈ ", Qualifier.AT_LEAST: "≥ ", Qualifier.MORE_THAN: "> ",
              Qualifier.AT_MOST: "≤ ", Qualifier.LESS_THAN: "< "}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _plain(value: Decimal) -> str:
    """``value`` in positional notation, without trailing zeros after the point."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact_value(value: Decimal, unit: str, high: Decimal | None = None) -> str:
    """The exact value and unit code, as stored ("1040000000 t", "5 to 10 %")."""
    shown = _plain(value) + (f" to {_plain(high)}" if high is not None else "")
    return f"{shown} {unit}"


def _number(value: Decimal) -> str:
    """A magnitude scaled to million / billion / trillion, three decimals at most."""
    for size, word in _SCALES:
        if value >= size:
            return f"{_rounded(value / size)} {word}"
    return _rounded(value, grouped=value >= 10000)


def _rounded(value: Decimal, *, grouped: bool = False) -> str:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -3:
        value = value.quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)
    text = format(value, ",f" if grouped else "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``12th``, ``23rd``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd']
    """
    teens = 10 <= number % 100 <= 20
    suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def human_value(value: Decimal, unit: str, *, high: Decimal | None = None,
                signed: bool = False) -> str:
    """``value`` (and the top of its range) in ``unit``, rounded for reading.

    ``signed`` puts a ``+`` before a rise (a change); a fall always shows its minus.

    >>> from decimal import Decimal as D
    >>> human_value(D("4.2"), "%", signed=True), human_value(D("5"), "%", high=D("10"))
    ('+4.2%', '5–10%')
    >>> human_value(D("30100000"), "TEU"), human_value(D("50000"), "count")
    ('30.1 million TEU', '50,000')
    >>> human_value(D("3"), "year"), human_value(D("1"), "month"), human_value(D("2"), "times")
    ('3 years', '1 month', '2×')
    """
    if unit == "rank" and value == value.to_integral_value() and value > 0:
        return ordinal(int(value))
    sign = "−" if value < 0 else ("+" if signed and value > 0 and unit != "times" else "")
    number = _number(abs(value))
    if high is not None:
        number = f"{number}–{_number(abs(high))}"
    if unit in _PREFIX:
        return f"{sign}{_PREFIX[unit]}{number}"
    if unit in _SUFFIX:
        return f"{sign}{number}{_SUFFIX[unit]}"
    if unit in _PLURAL:
        return f"{sign}{number} {unit}{'' if abs(value) == 1 and high is None else 's'}"
    return f"{sign}{number} {unit}"


def metric_value(metric: Metric) -> str:
    """A figure's value for reading: qualifier, sign for a change, scale and unit;
    a count with its noun ("> 300 container routes").

    >>> from zjopen.model import Span
    >>> metric_value(Metric(value=Decimal(300), unit="count", qualifier="more_than",
    ...                     noun="shops", span=Span(0, 3, "300")))
    '> 300 shops'
    """
    text = human_value(metric.value, metric.unit, high=metric.high,
                       signed=metric.kind.value == "change")
    if metric.unit == "count" and metric.noun:
        text = f"{text} {metric.noun}"
    return _QUALIFIER.get(metric.qualifier, "") + text


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def human_period(period: Period) -> str:
    """A period as a reader writes it.

    >>> human_period(Period.months(2024, 1, 9)), human_period(Period.quarter(2021, 2))
    ('Jan–Sep 2024', 'Q2 2021')
    >>> human_period(Period.year(2023)), human_period(Period.by(2030))
    ('2023', 'by 2030')
    >>> human_period(Period.half(2022, 1)), human_period(Period(PeriodKind.SPAN, date(2019, 1, 1),
    ...                                                         date(2023, 12, 31)))
    ('H1 2022', '2019–2023')
    """
    start, end = period.start, period.end
    kind = period.kind
    if start is None or end is None:
        edge = start or end
        assert edge is not None  # a period has a start, an end, or both
        word = "by" if end is not None else "from"
        return f"{word} {edge.year if kind in (PeriodKind.BY, PeriodKind.YEAR) else _day(edge)}"
    if kind is PeriodKind.YEAR:
        return str(start.year)
    if kind is PeriodKind.HALF:
        return f"H{1 if start.month <= 6 else 2} {start.year}"
    if kind is PeriodKind.QUARTER:
        return f"Q{(start.month + 2) // 3} {start.year}"
    if kind is PeriodKind.MONTH:
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if kind is PeriodKind.MONTHS and start.year == end.year:
        return f"{_MONTHS[start.month - 1]}–{_MONTHS[end.month - 1]} {start.year}"
    if kind is PeriodKind.SPAN and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}–{end.year}"
    if start == end:
        return _day(start)
    return f"{_day(start)} – {_day(end)}"
