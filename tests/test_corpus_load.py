"""Loading a saved corpus from hostile and broken input: every failure a typed error naming
the file and line, and ``errors="skip"`` keeping every good line and reporting the bad ones."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import IO, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import strategies as gen
from zjopen.corpus import ArticleStream, Corpus, LoadProblem, LoadReport
from zjopen.corpus.load import MAX_PROBLEMS, LeanReader
from zjopen.errors import (
    CompressedFileError,
    DuplicateIdError,
    FormatError,
    InputError,
    InvalidArticleError,
    NotJsonError,
    ZjopenError,
)
from zjopen.formats.json import dumps, loads
from zjopen.model import Article, Metric, Span

TEXT = "Ningbo's foreign trade hit 1.27 trillion yuan in 2022."
A = Article(id="a", title="Ningbo trade", text=TEXT, metrics=[
    Metric(value=Decimal("1270000000000"), unit="CNY", year=2022, region="330200",
           span=Span.of(TEXT, 27, 45))])
B = Article(id="b", title="Yiwu", text="Yiwu's exports rose 12 percent.")
C = Article(id="c", text="Zhoushan's port handled 1.3 billion tonnes.")
GOOD_A, GOOD_B, GOOD_C = (dumps(x).encode() for x in (A, B, C))


def jsonl(*lines: bytes) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def ids(corpus: Corpus) -> list[str]:
    return [article.id for article in corpus]


# -- each reproducer of the issue: a typed error naming the file and the line ---------------

DEEP = b"[" * 100_000
DIGITS = b'{"id": ' + b"9" * 4301 + b"}"
LONE_HIGH = GOOD_B.replace(b'"id": "b"', b'"id": "\\ud800"')
LONE_LOW = GOOD_B.replace(b"Yiwu's", b"Yiwu\\uDC00s")  # a low half, upper case, in the text
RETITLED = GOOD_A.replace(b'"title": "Ningbo trade"', b'"title": "Ningbo trade, revised"')
TRUNCATED = gzip.compress(jsonl(GOOD_A, GOOD_B, GOOD_C))[:-12]  # the trailer and more

BAD_LINES = [
    pytest.param(jsonl(GOOD_A, b'{"id": "\xff"}', GOOD_B), NotJsonError,
                 "{f}:2: not JSON: not UTF-8 (byte 8)", id="invalid-utf8"),
    pytest.param(jsonl(GOOD_A, DEEP), NotJsonError,
                 "{f}:2: not JSON: nested deeper than 64 levels", id="deep-nesting"),
    pytest.param(jsonl(GOOD_A, DIGITS), NotJsonError,
                 "{f}:2: not JSON: Exceeds the limit (4300 digits)", id="4301-digit-integer"),
    pytest.param(jsonl(GOOD_A, LONE_HIGH), NotJsonError,
                 "{f}:2: not JSON zjopen can write back: $.id holds a lone surrogate",
                 id="lone-surrogate"),
    pytest.param(jsonl(GOOD_A, LONE_LOW), NotJsonError,
                 "{f}:2: not JSON zjopen can write back: $.text holds a lone surrogate",
                 id="lone-low-surrogate"),
    pytest.param(jsonl(GOOD_A, b"{not json", GOOD_B), NotJsonError,
                 "{f}:2: not JSON: Expecting property name", id="bad-syntax"),
    pytest.param(jsonl(GOOD_A, b"", b'["an", "array"]'), InvalidArticleError,
                 "{f}:3: not a valid zjopen article", id="not-an-article"),
]


@pytest.mark.parametrize(("data", "kind", "message"), BAD_LINES)
@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_a_bad_line_raises_its_typed_error(tmp_path: Path, data: bytes, kind: type[Exception],
                                           message: str, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    expected = message.format(f=path)
    with pytest.raises(kind) as loading:
        Corpus.load(path)
    assert str(loading.value).startswith(expected)
    with pytest.raises(kind) as streaming:
        list(Corpus.iter_load(path))
    assert str(streaming.value).startswith(expected)


def test_two_different_articles_with_one_id_name_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_bytes(jsonl(GOOD_A, GOOD_B, GOOD_A, RETITLED))
    with pytest.raises(DuplicateIdError) as caught:
        Corpus.load(path)
    assert str(caught.value) == (f"{path}:4: two different articles have the id 'a' "
                                 "(lines 1 and 4)")
    assert isinstance(caught.value, FormatError)
    # iter_load streams every line: one per id is load's business.
    assert [a.id for a in Corpus.iter_load(path)] == ["a", "b", "a", "a"]
    loaded = Corpus.load(path, errors="skip")
    assert loaded == Corpus([A, B])  # the first kept
    report = loaded.load_report
    assert report is not None
    assert (report.lines, report.bad_lines) == (4, 1)
    assert [(p.line, type(p.error)) for p in report.problems] == [(4, DuplicateIdError)]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: None, "{f}: no such file", id="missing-file"),
        pytest.param(lambda p: p.mkdir(), "{f}: is a folder, not a file", id="folder"),
    ],
)
@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
@pytest.mark.parametrize("errors", ["raise", "skip"])
def test_a_file_that_cannot_be_opened_raises_input_error(
        tmp_path: Path, make: Callable[[Path], None], message: str, name: str,
        errors: str) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError) as caught:
        Corpus.load(path, errors=errors)  # type: ignore[arg-type]
    assert str(caught.value) == message.format(f=path)
    assert caught.value.path == str(path)
    with pytest.raises(InputError):
        next(Corpus.iter_load(path, errors=errors))  # type: ignore[arg-type]


@pytest.mark.parametrize("errors", ["raise", "skip"])
def test_a_gz_file_that_is_not_gzip_raises(tmp_path: Path, errors: str) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(jsonl(GOOD_A, GOOD_B))
    with pytest.raises(CompressedFileError) as caught:
        Corpus.load(path, errors=errors)  # type: ignore[arg-type]
    assert str(caught.value) == (f"{path}: not gzip data: a .gz file starts with the bytes "
                                 "1f 8b, this one with 7b 22")


def test_a_truncated_gzip_raises_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    packed = gzip.compress(jsonl(GOOD_A, GOOD_B, GOOD_C))
    path.write_bytes(packed[:-8])  # only the gzip trailer is missing: three whole lines
    with pytest.raises(CompressedFileError) as caught:
        Corpus.load(path)
    assert str(caught.value) == (
        f"{path}:4: the compressed data ends early (the gzip file is cut short); the 3 "
        "complete lines before were read")
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(CompressedFileError, match=r"corpus\.jsonl\.gz:\d: the compressed data "
                       "ends early"):
        Corpus.load(path)


def test_a_truncated_gzip_in_skip_mode_keeps_every_complete_line(tmp_path: Path) -> None:
    lines = [dumps(Article(id=f"n{n:04d}", text=f"Article {n} of many.")).encode()
             for n in range(2000)]
    packed = gzip.compress(jsonl(*lines))
    path = tmp_path / "corpus.jsonl.gz"
    for cut in (len(packed) // 3, len(packed) - 8, 30):
        data = packed[:cut]
        path.write_bytes(data)
        # What a reader that stops at the cut sees: the complete lines before it.
        partial = zlib.decompressobj(wbits=31).decompress(data)
        complete = partial.count(b"\n")
        loaded = Corpus.load(path, errors="skip")
        assert ids(loaded) == [f"n{n:04d}" for n in range(complete)]
        report = loaded.load_report
        assert report is not None
        assert report.truncated
        assert not report.ok
        assert report.bad_lines == 0
        assert report.truncation is not None
        assert report.truncation.line == complete + 1
        assert isinstance(report.truncation.error, CompressedFileError)
        assert report.truncation.message.startswith(f"{path}:{complete + 1}: the compressed "
                                                    "data ends early")
        assert f"stopped at line {complete + 1:,}" in str(report)


def test_corrupt_gzip_raises_or_stops(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(jsonl(GOOD_A, GOOD_B)))
    packed[-6] ^= 0xFF  # the CRC: the data is whole, its checksum wrong
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(bytes(packed))
    with pytest.raises(CompressedFileError, match=r"corpus\.jsonl\.gz:3: corrupt compressed "
                       "data: CRC check failed"):
        Corpus.load(path)
    loaded = Corpus.load(path, errors="skip")
    assert ids(loaded) == ["a", "b"]
    assert loaded.load_report is not None
    assert loaded.load_report.truncated
    path.write_bytes(gzip.compress(jsonl(GOOD_A)) + b"trailing garbage")
    with pytest.raises(CompressedFileError, match=r":2: corrupt compressed data: Not a gzip"):
        Corpus.load(path)


def test_every_error_is_a_zjopen_error(tmp_path: Path) -> None:
    for number, data in enumerate([jsonl(DEEP), jsonl(DIGITS), jsonl(b'"\xc3"'), TRUNCATED]):
        path = tmp_path / f"{number}.jsonl.gz"
        path.write_bytes(data if data is TRUNCATED else gzip.compress(data))
        with pytest.raises(ZjopenError):
            Corpus.load(path)


# -- skip mode ---------------------------------------------------------------------------


def test_skip_keeps_every_good_line_and_reports_the_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl(GOOD_A, DEEP, b"", b'{"id": "\xff"}', GOOD_B, DIGITS, LONE_HIGH,
                           b"[1, 2]", RETITLED, GOOD_C, b"  \t"))
    loaded = Corpus.load(path, errors="skip")
    assert ids(loaded) == ["a", "b", "c"]
    assert loaded == Corpus([A, B, C])
    report = loaded.load_report
    assert isinstance(report, LoadReport)
    assert report.source == str(path)
    assert (report.lines, report.bad_lines, report.ok, report.truncated) == (11, 6, False,
                                                                             False)
    assert [(p.line, type(p.error).__name__) for p in report.problems] == [
        (2, "NotJsonError"), (4, "NotJsonError"), (6, "NotJsonError"), (7, "NotJsonError"),
        (8, "InvalidArticleError"), (9, "DuplicateIdError")]
    assert all(p.message.startswith(f"{path}:{p.line}: ") for p in report.problems)
    assert all(p.error.__traceback__ is None for p in report.problems)  # no frames kept
    assert str(report).startswith(f"{path}: 6 of 11 lines skipped\n  {path}:2: not JSON: "
                                  "nested deeper than 64 levels\n")
    assert (f"\n  {path}:8: not a valid zjopen article\n    expected an article object, "
            "not list\n") in str(report)  # a message's own lines indented under it
    # The same file raises without "skip", at the first bad line.
    with pytest.raises(NotJsonError, match=r"corpus\.jsonl:2: "):
        Corpus.load(path)


def test_a_clean_load_has_a_clean_report(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    Corpus([A, B]).save(path)
    loaded = Corpus.load(path)
    assert loaded.load_report == LoadReport(str(path), lines=2)
    assert loaded.load_report is not None
    assert loaded.load_report.ok
    assert str(loaded.load_report) == f"{path}: 2 lines read, none skipped"
    assert Corpus([A]).load_report is None


def test_the_report_describes_the_first_bad_lines_and_counts_all() -> None:
    stream = io.StringIO("".join(f"bad {n}\n" for n in range(MAX_PROBLEMS + 5)))
    loaded = Corpus.load(stream, errors="skip")
    assert len(loaded) == 0
    report = loaded.load_report
    assert report is not None
    assert report.bad_lines == MAX_PROBLEMS + 5
    assert [p.line for p in report.problems] == list(range(1, MAX_PROBLEMS + 1))
    assert str(report).endswith("\n  (and 5 more bad lines)")


def test_iter_load_fills_its_report_as_it_goes(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl(GOOD_A, b"oops", GOOD_B, GOOD_C))
    with Corpus.iter_load(path, errors="skip") as articles:
        assert isinstance(articles, ArticleStream)
        assert articles.report == LoadReport(str(path))
        assert next(articles).id == "a"
        assert (articles.report.lines, articles.report.bad_lines) == (1, 0)
        assert next(articles).id == "b"
        assert (articles.report.lines, articles.report.bad_lines) == (3, 1)
    with pytest.raises(StopIteration):
        next(articles)  # closed by the with block
    stream = Corpus.iter_load(path, errors="skip", where=lambda a: a.id != "b")
    assert [a.id for a in stream] == ["a", "c"]
    assert stream.report.problems == [LoadProblem(2, stream.report.problems[0].error)]
    assert stream.report.problems[0].message == (f"{path}:2: not JSON: Expecting value: "
                                                 "line 1 column 1 (char 0)")


def test_errors_must_be_raise_or_skip(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip', not 'ignore'"):
        Corpus.iter_load(tmp_path / "missing.jsonl", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip'"):
        Corpus.load(tmp_path / "missing.jsonl", errors="warn")  # type: ignore[arg-type]


# -- streams -----------------------------------------------------------------------------


def test_text_and_binary_streams() -> None:
    data = jsonl(GOOD_A, b"", GOOD_B)
    assert Corpus.load(io.BytesIO(data)) == Corpus([A, B])
    assert Corpus.load(io.StringIO(data.decode())) == Corpus([A, B])
    with pytest.raises(NotJsonError, match="<stream>:2: not JSON: not UTF-8"):
        Corpus.load(io.BytesIO(jsonl(GOOD_A, b'{"id": "\xff"}')))


def test_a_raw_surrogate_in_a_text_stream_is_refused() -> None:
    # Decoded text can hold a surrogate unescaped, which JSON then reads into a string.
    line = dumps(B).replace("Yiwu's", "Yiwu\ud800s")
    with pytest.raises(NotJsonError, match=r"<stream>:1: not JSON zjopen can write back: "
                       r"\$\.text holds a lone surrogate"):
        Corpus.load(io.StringIO(line + "\n"))
    # A surrogate pair, written escaped, is a character like any other.
    paired = GOOD_B.replace(b"Yiwu's", b"Yiwu\\ud83d\\ude00s")
    assert Corpus.load(io.BytesIO(paired))["b"].text.startswith("Yiwu\U0001f600s")


def test_a_text_stream_that_is_not_utf8_raises_or_stops(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl(GOOD_A) + b"\xff" * 100_000)
    with path.open(encoding="utf-8") as stream, pytest.raises(NotJsonError, match=(
            r"corpus\.jsonl:\d: not JSON: the stream is not UTF-8 at or after this line")):
        Corpus.load(stream)
    with path.open(encoding="utf-8") as stream:
        loaded = Corpus.load(stream, errors="skip")
    assert loaded.load_report is not None
    assert loaded.load_report.truncated


def test_white_space_lines_are_blank(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl(GOOD_A, b"\xc2\xa0", b"\r", b"\t \x0c", GOOD_B))
    loaded = Corpus.load(path)
    assert loaded == Corpus([A, B])
    assert loaded.load_report == LoadReport(str(path), lines=5)


# -- the lean reader reads exactly what loads reads ----------------------------------------


@given(gen.articles())
def test_the_lean_path_takes_every_line_dumps_writes(article: Article) -> None:
    """The fast path, not the converter, reads what the writer writes (a guard of the
    loading speed: were a key added to the writer, the lean path would stop taking it)."""
    reader = LeanReader()
    assert reader._lean_article(json.loads(dumps(article), parse_float=reader._number)) == (
        article)


@pytest.mark.parametrize("depth", [2, 64, 65, 500, 5000])
def test_an_unknown_key_cannot_hide_nesting_too_deep(depth: int) -> None:
    # A key the model does not know, nesting lists: the article itself is one level.
    line = dumps(A)[:-1] + ', "extra": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    reader = LeanReader()
    if depth <= 64:
        assert reader.read_line(line) == loads(line) == A
    else:
        for read in (reader.read_line, loads):
            with pytest.raises(NotJsonError, match="x:1: not JSON: nested deeper than 64"):
                read(line, source="x:1")


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDBFF", "\\udc00", "\\uDFFF"])
@pytest.mark.parametrize("where", ["id", "title", "text", "extra"])
def test_lone_surrogates_are_refused_wherever_they_are(escape: str, where: str) -> None:
    data = json.loads(dumps(B))
    data[where] = f"Yiwu{escape}"
    line = json.dumps(data).replace("\\\\u", "\\u")  # the escape as written, not escaped
    assert escape in line
    for read in (LeanReader().read_line, loads):
        with pytest.raises(NotJsonError, match="lone surrogate"):
            read(line)


# -- a property: K corruptions among N good lines ------------------------------------------

CORRUPTIONS = st.sampled_from(["utf8", "deep", "digits", "surrogate", "syntax", "cut",
                               "array", "duplicate", "garbage"])


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[list[Article], list[bytes], int]:
    """N articles, and their lines with K corrupt lines inserted (K counted)."""
    good = draw(st.lists(gen.articles(), min_size=0, max_size=6, unique_by=lambda a: a.id))
    lines: list[bytes] = [dumps(a).encode() for a in good]
    kinds = draw(st.lists(CORRUPTIONS, max_size=6))
    for kind in kinds:
        at = draw(st.integers(0, len(lines)))
        if kind == "utf8":
            line = b'{"id": "' + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + b'"}'
        elif kind == "deep":
            line = b"[" * draw(st.integers(65, 3000)) + b"0"
        elif kind == "digits":
            line = b'{"id": "x", "n": ' + b"7" * draw(st.integers(4301, 5000)) + b"}"
        elif kind == "surrogate":
            line = dumps(draw(gen.articles())).encode()[:-1] + b', "x": "\\udead"}'
        elif kind == "syntax":
            line = b'{"id": "x",}'
        elif kind == "cut" and good:
            whole = dumps(draw(st.sampled_from(good))).encode()
            line = whole[: draw(st.integers(1, len(whole) - 1))]
        elif kind == "duplicate" and any(lines[:at]):
            # A different article with the id of one before it: the later one is bad.
            earlier = [a for a in good if dumps(a).encode() in lines[:at]]
            if not earlier:
                continue
            original = draw(st.sampled_from(earlier))
            line = dumps(Article(id=original.id, text=original.text + " (revised)")).encode()
        elif kind == "garbage":
            line = draw(st.binary(min_size=1, max_size=40).filter(
                lambda b: b"\n" not in b and not b.decode("utf-8", "replace").isspace()))
        else:  # "array", or a kind that needs a good line when there is none
            line = b"[1, 2, 3]"
        lines.insert(at, line)
    bad = len(lines) - len(good)
    return good, lines, bad


@given(corrupted(), st.booleans())
def test_skip_keeps_exactly_the_good_lines(case: tuple[list[Article], list[bytes], int],
                                           packed: bool) -> None:
    good, lines, bad = case
    data = jsonl(*lines)
    source: IO[bytes] = io.BytesIO(data)
    if packed:
        source = cast(IO[bytes], gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(data))))
    loaded = Corpus.load(source, errors="skip")
    assert loaded == Corpus(good)
    report = loaded.load_report
    assert report is not None
    assert (report.lines, report.bad_lines, report.truncated) == (len(lines), bad, False)
    assert len(report.problems) == min(bad, MAX_PROBLEMS)
    if bad:
        with pytest.raises(FormatError):
            Corpus.load(io.BytesIO(data))
    else:
        assert Corpus.load(io.BytesIO(data)) == loaded
