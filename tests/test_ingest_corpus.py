"""The ingestion corpus: small articles with exact expected metadata and clean text.

Every file in ``tests/fixtures/ingest/`` (except ``*.expected.json``, dot files, the
generator ``make_encoded.py`` and the ``sources/`` folder it reads) is an article;
``NAME.expected.json`` beside it holds the title, date, authors, source, dateline and the
exact clean paragraphs. Each metadata field is its own test case, so a known bug in one
field (listed in ``KNOWN_BUGS`` and marked ``xfail(strict=True)``) does not hide the others.

The second half feeds :func:`zjopen.read_document` bad input: empty and binary files,
truncated UTF-8, absurdly nested HTML (in a subprocess, in case it crashes the
interpreter) and a 5 MB article.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import subprocess
import sys
import textwrap
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from zjopen import Document, read_document
from zjopen.document import normalise
from zjopen.errors import BinaryInputError, EmptyInputError, InputError

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
FIELDS = ("title", "published", "authors", "source", "dateline", "paragraphs")
NOT_ARTICLES = frozenset({"make_encoded.py"})

# (fixture, field) -> why the current result is wrong. Each is xfail(strict=True): when
# the code is fixed the case passes, the xfail turns into a failure, and the entry goes.
KNOWN_BUGS: dict[tuple[str, str], str] = {
    ("html_outlet_aggregator.html", "source"):
        "'Originally published by Zhejiang Daily' is not read as the source (og:site_name wins)",
    ("html_outlet_aggregator.html", "paragraphs"):
        "the 'Originally published by Zhejiang Daily' line stays in the text",
    ("html_outlet_global_times.html", "paragraphs"):
        "the column label 'SOURCE / ECONOMY' above the headline stays in the text",
}


def _articles() -> list[str]:
    return sorted(
        path.name
        for path in FIXTURES.iterdir()
        if path.is_file()
        and not path.name.startswith(".")
        and not path.name.endswith(".expected.json")
        and path.name not in NOT_ARTICLES
    )


ARTICLES = _articles()


def _expected_path(name: str) -> Path:
    return FIXTURES / (name.rsplit(".", 1)[0] + ".expected.json")


@cache
def _document(name: str) -> Document:
    path = FIXTURES / name
    return read_document(path.read_bytes(), path=str(path))


@cache
def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_expected_path(name).read_text(encoding="utf-8"))
    return data


def _actual(doc: Document, field: str) -> object:
    if field == "published":
        return None if doc.published is None else doc.published.isoformat()
    if field == "authors":
        return list(doc.authors)
    if field == "paragraphs":
        return [span.text for span in doc.paragraphs]
    value: object = getattr(doc, field)
    return value


def _field_cases() -> list[Any]:
    cases = []
    for name in ARTICLES:
        for field in FIELDS:
            reason = KNOWN_BUGS.get((name, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(name, field, id=f"{name}-{field}", marks=marks))
    return cases


# --- the corpus ---------------------------------------------------------------------


def test_corpus_is_complete() -> None:
    assert len(ARTICLES) >= 18
    expectations = {p.name for p in FIXTURES.glob("*.expected.json")}
    assert expectations == {_expected_path(name).name for name in ARTICLES}
    assert sum(name.endswith((".html", ".htm")) for name in ARTICLES) >= 5
    for name in ARTICLES:
        assert sorted(_expected(name)) == sorted(FIELDS), name
    for name, field in KNOWN_BUGS:
        assert name in ARTICLES, name
        assert field in FIELDS, field


@pytest.mark.parametrize(("name", "field"), _field_cases())
def test_field(name: str, field: str) -> None:
    assert _actual(_document(name), field) == _expected(name)[field]


@pytest.mark.parametrize("name", ARTICLES)
def test_text_structure(name: str) -> None:
    doc = _document(name)
    assert doc.text == "\n\n".join(span.text for span in doc.paragraphs)
    assert len(doc.norm) == len(doc.text)
    assert doc.norm == normalise(doc.text)
    for span in doc.paragraphs:
        assert doc.text[span.start : span.end] == span.text
    if doc.title is not None:
        assert doc.paragraphs[0].text == doc.title
    previous_end = 0
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
        assert sentence.start >= previous_end
        previous_end = sentence.end
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in doc.paragraphs)
    covered = "".join(s.text for s in doc.sentences)
    assert covered.replace(" ", "") == "".join(p.text for p in doc.paragraphs).replace(" ", "")


def test_norm_folds_full_width_and_nbsp() -> None:
    doc = _document("fullwidth_nbsp.txt")
    for raw, plain in (("１２３", "123"), ("，", ","), ("\u00a0", " "), ("。", ".")):
        at = doc.text.index(raw)
        assert doc.norm[at : at + len(raw)] == plain
        assert raw not in doc.norm
    assert len(doc.norm) == len(doc.text)


def test_norm_folds_curly_quotes_and_dashes() -> None:
    doc = _document("cp1252.txt")
    for fancy in ("’", "“", "”", "—"):
        assert fancy in doc.text
        assert fancy not in doc.norm
    at = doc.text.index("café")
    assert doc.norm[at : at + 4] == "café"


def _load_generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "_zjopen_ingest_make_encoded", FIXTURES / "make_encoded.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_encoded_fixtures_are_reproducible() -> None:
    generator = _load_generator()
    targets: dict[str, tuple[bytes, str]] = generator.TARGETS
    assert set(targets) <= set(ARTICLES)
    for name in targets:
        data: bytes = generator.encode(name)
        assert (FIXTURES / name).read_bytes() == data, f"run make_encoded.py: {name} is stale"


# --- bad input ----------------------------------------------------------------------


def _png() -> bytes:
    """A real 16x16 greyscale PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + bytes(range(y * 16, y * 16 + 16)) for y in range(16))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"],
    ids=["empty", "blank", "bom-only", "bom-and-blank"],
)
def test_empty_file_names_its_path(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "news" / "empty.txt"
    path.parent.mkdir()
    path.write_bytes(data)
    with pytest.raises(EmptyInputError) as info:
        read_document(path.read_bytes(), path=str(path))
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    assert info.value.reason


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (_png(), "logo.png"),
        (b"\x89PNG\r\n\x1a\n", "header-only.png"),
        (b"\x00" * 10_000, "nul.txt"),
    ],
    ids=["png", "png-header", "nul-bytes"],
)
def test_binary_input(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BinaryInputError) as info:
        read_document(path.read_bytes(), path=str(path))
    assert isinstance(info.value, InputError)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "tail",
    ["宁".encode()[:2], "宁".encode()[:1], "’".encode()[:2], "🚢".encode()[:3]],
    ids=["cjk-2-of-3", "cjk-1-of-3", "quote-2-of-3", "emoji-3-of-4"],
)
def test_truncated_utf8_keeps_the_text(tail: bytes) -> None:
    data = "Ningbo port grows\n\nExports through “Beilun” rose in 宁波".encode() + tail
    doc = read_document(data, path="cut.txt")
    assert doc.text.endswith("宁波\ufffd")
    assert doc.text.count("\ufffd") == 1
    assert "“Beilun”" in doc.text
    assert len(doc.norm) == len(doc.text)


_NESTED_SCRIPT = textwrap.dedent(
    """
    import sys
    from zjopen import read_document
    from zjopen.errors import InputError
    depth, kind = int(sys.argv[1]), sys.argv[2]
    story = "<p>Ningbo port handled more cargo in the first half, officials said.</p>"
    if kind == "div":
        html = "<html><body>" + "<div>" * depth + story + "</div>" * depth + "</body></html>"
    elif kind == "unclosed":
        html = "<!DOCTYPE html><body>" + "<div><span>" * depth + "Ningbo grows. Trade rose."
    else:
        html = "<html><body>" + "<div><b><i>" * depth + "Ningbo grows." + "</i></b></div>" * depth
    try:
        doc = read_document(html.encode(), path="deep.html")
    except InputError as exc:
        print("input-error", exc.reason)
    else:
        print("parsed", len(doc.text))
    """
)


@pytest.mark.parametrize("kind", ["div", "unclosed", "inline"])
def test_deeply_nested_html_does_not_crash(kind: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _NESTED_SCRIPT, "10000", kind],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "RecursionError" not in result.stderr
    assert result.stdout.split()[0] in {"parsed", "input-error"}


def test_five_megabyte_article() -> None:
    paragraph = (
        "Ningbo Zhoushan Port handled 679 million tonnes of cargo in the first half, up 6 "
        "percent year on year. Container throughput rose 1.2 percent to 17.6 million TEUs."
    )
    count = 5_000_000 // (len(paragraph) + 2)
    data = ("Ningbo port keeps growing\n\n" + "\n\n".join([paragraph] * count) + "\n").encode()
    assert len(data) >= 4_900_000
    doc = read_document(data, path="big.txt")
    assert doc.title == "Ningbo port keeps growing"
    assert len(doc.paragraphs) == count + 1
    assert len(doc.sentences) == 2 * count + 1
    assert doc.paragraphs[-1].text == paragraph
    assert len(doc.norm) == len(doc.text)
