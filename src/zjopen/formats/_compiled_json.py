"""The compiled JSON writer: the same text as :mod:`zjopen.formats.json`'s, several times
faster, when the optional libraries ``orjson`` and ``msgspec`` are installed
(``pip install zjopen[fast]``).

``orjson`` writes the data compactly (``{"a":1,"b":[2,3]}``), each Decimal as the exact
number :func:`~zjopen.formats.json.json_number` gives (an ``orjson.Fragment``, written as
it is); ``msgspec.json.format(..., indent=0)`` then puts the space after each colon and
comma between values (``{"a": 1, "b": [2, 3]}``), copying strings and numbers as they are.
Both escape a string as ``json.dumps(..., ensure_ascii=False)`` does (``"``, ``\\``, and
control characters as ``\\n`` or ``\\u001f``, nothing else). Whatever ``orjson`` refuses (a
lone surrogate, an integer beyond 64 bits, a key that is not a string, a subclass of a
built-in type, a date, nesting over 254 levels) is left to the standard writer:
:func:`encode` returns None. As for the standard writer's C encoder, the data must hold no
binary float (the model holds none: ``orjson`` would write one in its own way).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

__all__ = ["encode", "encoder"]

_Encoder = Callable[[Any], "str | None"]
_loaded: list[_Encoder | None] = []  # the encoder, once looked for


def encoder() -> _Encoder | None:
    """The compiled encoder, or None when ``orjson`` or ``msgspec`` is missing (looked
    for on the first call)."""
    if not _loaded:
        _loaded.append(_make())
    return _loaded[0]


def encode(data: Any) -> str | None:
    """``data`` as one line of JSON, or None when there is no compiled encoder or it
    cannot write ``data`` exactly."""
    made = encoder()
    return None if made is None else made(data)


def _make() -> _Encoder | None:
    try:
        import msgspec
        import orjson
    except ImportError:
        return None
    if not hasattr(orjson, "Fragment"):  # pragma: no cover - orjson before 3.10
        return None

    from zjopen.formats.json import json_number

    fragment = orjson.Fragment
    dumps = orjson.dumps
    option = (orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATETIME
              | orjson.OPT_PASSTHROUGH_DATACLASS)
    spaced = msgspec.json.format
    failed = orjson.JSONEncodeError

    def number(value: object) -> Any:
        if type(value) is not Decimal:
            raise TypeError(f"cannot write {type(value).__name__} as JSON")
        text = str(value)  # (json_number's first case, inlined: the most figures')
        return fragment(text if "E" not in text and value.is_finite() else json_number(value))

    def encode(data: Any) -> str | None:
        try:
            compact = dumps(data, default=number, option=option)
        except failed:
            return None
        return str(spaced(compact, indent=0), "utf-8")

    return encode
