"""JSON and JSON Lines: exact, streaming, round-tripping.

``loads(dumps(article)) == article`` for every article. Decimal values are written as
exact JSON numbers (``450160000000``, ``10.78``), never through binary floats.

>>> from decimal import Decimal
>>> from zjopen.model import Article, Metric, Span
>>> text = "Trade hit 450.16 billion yuan."
>>> a = Article(id="x", text=text, metrics=[
...     Metric(value=Decimal("450160000000"), unit="CNY", span=Span.of(text, 10, 29))])
>>> '"value": 450160000000' in dumps(a)
True
>>> loads(dumps(a)) == a
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO, Any

import attrs

from zjopen.errors import NotJsonError
from zjopen.formats import _compiled_json, _plain
from zjopen.lexicon.patterns import lazy_compile
from zjopen.model import Article

__all__ = [
    "MAX_DEPTH", "dump_jsonl", "dumps", "iter_dumps", "iter_jsonl", "json_number",
    "load_jsonl", "loads", "parse_json", "to_json_text",
]

_encode_str = json.encoder.encode_basestring  # the C implementation when available


def json_number(value: Decimal) -> str:
    """An exact JSON number for a finite Decimal: plain digits when reasonable (also the
    text of a number in a CSV cell).

    >>> json_number(Decimal("4.5016E+11")), json_number(Decimal("10.780"))
    ('450160000000', '10.780')
    >>> json_number(Decimal("-0.5")), json_number(Decimal("1E+40"))
    ('-0.5', '1E+40')
    """
    text = str(value)
    if "E" not in text and value.is_finite():
        return text  # plain already: what format(value, "f") gives (no exponent to undo)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if -30 <= exponent <= 30 and abs(value.adjusted()) <= 30:
        return format(value, "f")
    return str(value)


_number = json_number  # the former private name, which zjopen.corpus.export imports


_BREAKS = "\u0085\u2028\u2029"  # line separators JSON leaves raw
_LINE_BREAKS = lazy_compile(f"[{_BREAKS}]")


def _escape_line_breaks(encoded: str) -> str:
    """JSON text with the line separators JSON leaves raw escaped, so that no reader
    splitting lines (``str.splitlines``, JavaScript) breaks a JSON Lines record."""
    if "\u2028" in encoded or "\u2029" in encoded or "\u0085" in encoded:  # (_BREAKS)
        encoded = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
    return encoded


def _string(text: str) -> str:
    """A JSON string (line separators escaped)."""
    return _escape_line_breaks(str(_encode_str(text)))


def _encode(obj: Any, indent: str | None, level: int) -> str:
    if isinstance(obj, str):
        return _string(obj)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, Decimal):
        return json_number(obj)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{_string(str(k))}: {_encode(v, indent, level + 1)}" for k, v in obj.items()]
        return _join("{", items, "}", indent, level)
    if isinstance(obj, list | tuple):
        if not obj:
            return "[]"
        return _join("[", [_encode(v, indent, level + 1) for v in obj], "]", indent, level)
    raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def _join(open_: str, items: list[str], close: str, indent: str | None, level: int) -> str:
    if indent is None:
        return open_ + ", ".join(items) + close
    inner = "\n" + indent * (level + 1)
    return open_ + inner + ("," + inner).join(items) + "\n" + indent * level + close


# The fast path: the C encoder writes each Decimal as a marked string, "\u0000<number>\u0000",
# and the marks are then taken off. It is used only when every mark found is one it made.
_OPEN, _CLOSE = '"\\u0000', '\\u0000"'


def _fast(data: Any, indent: int | None) -> str | None:
    count = 0

    def number(value: object) -> str:
        nonlocal count
        if not isinstance(value, Decimal):
            raise TypeError(f"cannot write {type(value).__name__} as JSON")
        count += 1
        return f"\0{json_number(value)}\0"

    try:
        text = json.dumps(data, ensure_ascii=False, indent=indent, default=number,
                          allow_nan=False)
    except (TypeError, ValueError):
        return None  # the exact encoder gives the error
    if not text.count(_OPEN) == count == text.count(_CLOSE):
        return None  # a string of the data holds something like a mark
    return _escape_line_breaks(text.replace(_OPEN, "").replace(_CLOSE, ""))


def to_json_text(data: Any, *, indent: int | None = None) -> str:
    """Plain data (dicts, lists, str, int, bool, None, Decimal) as JSON text.

    >>> to_json_text({"v": Decimal("0.1"), "ok": [True, None]})
    '{"v": 0.1, "ok": [true, null]}'
    """
    return _encode(data, None if indent is None else " " * indent, 0)


# The compiled writer's libraries take some milliseconds to import, as long as the standard
# writer takes for some 200,000 characters: a process uses the standard writer for its
# first characters of JSON and the compiled one (same text) once it has written these.
_STANDARD_FIRST = 100_000
_written = [0]  # characters of JSON written by the standard writer in this process


def _dumps_data(data: Any, indent: int | None) -> str:
    # The model holds no binary floats, so the C encoders (which would write them) are safe.
    if indent is None and _written[0] >= _STANDARD_FIRST:
        compiled = _compiled_json.encode(data)  # orjson and msgspec, when installed
        if compiled is not None:
            return _escape_line_breaks(compiled)
    fast = _fast(data, indent)
    if fast is None:
        return to_json_text(data, indent=indent)
    _written[0] += len(fast)
    return fast


# The converter (and cattrs) is imported on first use: writing JSON needs neither as long
# as no hook is registered on it (zjopen.formats._plain writes the same data).

def __getattr__(name: str) -> Any:
    """``converter``, ``from_data`` and ``to_data``, formerly imported here on import."""
    if name in ("converter", "from_data", "to_data"):
        from zjopen.formats import converter as module
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _data(article: Article, *, records: bool = True) -> dict[str, Any]:
    """``to_data(article)`` (without ``records``: with empty record lists), or the same
    with enum values for enum members, which JSON writes alike."""
    if _plain.usable():
        try:
            return _plain.article_data(article, records=records, values=True)
        except _plain.Unusual:
            pass
    from zjopen.formats.converter import converter
    if not records:
        empty: dict[str, Any] = dict.fromkeys(_RECORD_LISTS, ())
        article = attrs.evolve(article, **empty)
    data: dict[str, Any] = converter.unstructure(article, Article)
    return data


def _records_data(records: Sequence[Any]) -> list[Any]:
    """The records, all of ``type(records[0])``'s hook, as plain data."""
    if _plain.usable():
        write = _plain.record_data(type(records[0]))
        if write is not None:
            try:
                return [write(r, True) for r in records]
            except _plain.Unusual:
                pass
    from zjopen.formats.converter import converter
    unstructure = converter.get_unstructure_hook(type(records[0]))
    return [unstructure(r) for r in records]


def dumps(article: Article, *, indent: int | None = None) -> str:
    """One article as a JSON object (format ``zjopen/1``), on one line unless ``indent``."""
    return _dumps_data(_data(article), indent)


_RECORD_LISTS = ("regions", "enterprises", "platforms", "initiatives", "metrics")
_BATCH = 256  # records made plain data and encoded at a time by iter_dumps


def iter_dumps(article: Article, *, indent: int | None = None) -> Iterator[str]:
    """:func:`dumps` in pieces: ``"".join(iter_dumps(a)) == dumps(a)``, but no piece
    holds more than a few hundred records (or the article's text), so that writing a
    large article never builds its whole JSON, or its whole plain data, at once.

    >>> from zjopen.model import Region, Span
    >>> a = Article(id="x", text="In Yiwu.", regions=[
    ...     Region(code="330782", name="Yiwu", level="county_city",
    ...            mentions=[Span(3, 7, "Yiwu")])])
    >>> "".join(iter_dumps(a)) == dumps(a), "".join(iter_dumps(a, indent=2)) == dumps(a, indent=2)
    (True, True)
    """
    lists = {name: getattr(article, name) for name in _RECORD_LISTS}
    head = _data(article, records=False)
    # Inside the article, values sit one level deeper than when encoded on their own.
    pad = "" if indent is None else "\n" + " " * indent
    between = ", " if indent is None else ","
    yield "{"
    for n, (key, value) in enumerate(head.items()):
        yield f"{between if n else ''}{pad}{_string(key)}: "
        records = lists.get(key, ())
        if not records:
            yield _shifted(_dumps_data(value, indent), pad)
            continue
        yield "["
        for k in range(0, len(records), _BATCH):
            batch = _dumps_data(_records_data(records[k : k + _BATCH]), indent)
            inner = batch[1:-1] if indent is None else batch[1 : -2]  # "[...]", "[\n...\n]"
            yield f"{between if k else ''}{_shifted(inner, pad)}"
        yield f"{pad}]"
    yield "\n}" if indent is not None else "}"


def _shifted(encoded: str, pad: str) -> str:
    """Indented JSON one level deeper (its strings hold no raw line break to shift)."""
    return encoded.replace("\n", pad) if pad and "\n" in encoded else encoded


MAX_DEPTH = 64
"""Arrays and objects nested deeper than this are refused (an article is 4 deep)."""
_OPENERS = lazy_compile(r"[\[{]")
_SURROGATE_ESCAPE = lazy_compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")  # \uD800-\uDFFF


def parse_json(text: str | bytes, where: str | None = None) -> Any:
    """The JSON value of ``text``, numbers with a fraction as :class:`Decimal`.

    Raises :class:`~zjopen.errors.NotJsonError`, its message starting with ``where``,
    for anything zjopen does not read: bad syntax, bytes that are not UTF-8, nesting
    deeper than :data:`MAX_DEPTH`, an integer with more digits than Python parses
    (4,300), a lone surrogate in a string (it could not be written out again).

    >>> parse_json('{"value": 1.50}')
    {'value': Decimal('1.50')}
    >>> parse_json("[" * 100_000, "a.jsonl:3")
    Traceback (most recent call last):
    zjopen.errors.NotJsonError: a.jsonl:3: not JSON: nested deeper than 64 levels
    """
    prefix = f"{where}: " if where else ""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotJsonError(f"{prefix}not JSON: not UTF-8 (byte {exc.start})") from None
    if len(_OPENERS.findall(text)) > MAX_DEPTH and _depth(text) > MAX_DEPTH:
        raise NotJsonError(f"{prefix}not JSON: nested deeper than {MAX_DEPTH} levels")
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise NotJsonError(f"{prefix}not JSON: {exc}") from None
    except (ValueError, RecursionError) as exc:  # an integer past the int-parsing limit
        raise NotJsonError(f"{prefix}not JSON: {exc}") from None
    if _SURROGATE_ESCAPE.search(text):
        _refuse_surrogates(data, "$", prefix)
    return data


def _depth(text: str) -> int:
    """How deep arrays and objects nest, brackets inside strings not counted."""
    deepest = depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _refuse_surrogates(value: Any, path: str, prefix: str) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise NotJsonError(f"{prefix}not JSON zjopen can write back: {path} holds a lone "
                               "surrogate (half of a UTF-16 pair)") from None
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _refuse_surrogates(item, f"{path}[{n}]", prefix)
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_surrogates(key, path, prefix)
            _refuse_surrogates(item, f"{path}.{key}", prefix)


def loads(text: str | bytes, *, source: str | None = None) -> Article:
    """The article in a JSON object written by :func:`dumps`.

    Raises :class:`~zjopen.errors.NotJsonError` for text that is not JSON, and
    :class:`~zjopen.errors.InvalidArticleError` naming each bad field.
    """
    from zjopen.formats.converter import from_data
    return from_data(parse_json(text, source), source=source)


def dump_jsonl(articles: Iterable[Article], stream: IO[str]) -> int:
    """Write articles to ``stream`` as JSON Lines, one per line, as they come.

    Returns the number of lines written.
    """
    count = 0
    for article in articles:
        stream.writelines(iter_dumps(article))
        stream.write("\n")
        count += 1
    return count


def iter_jsonl(stream: Iterable[str], *, source: str | None = None) -> Iterator[Article]:
    """Read articles lazily from JSON Lines; blank lines are skipped.

    A bad line raises :class:`~zjopen.errors.FormatError` naming the line number.
    """
    name = source or getattr(stream, "name", None) or "<jsonl>"
    for number, line in enumerate(stream, 1):
        if line.strip():
            yield loads(line, source=f"{name}:{number}")


def load_jsonl(stream: Iterable[str], *, source: str | None = None) -> list[Article]:
    """All articles of a JSON Lines stream, as a list."""
    return list(iter_jsonl(stream, source=source))
