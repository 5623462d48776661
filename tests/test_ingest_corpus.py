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
    ("acronym_dash.txt", "dateline"): (
        "'ASEAN, the city's fastest-growing market — ahead of ...' is read as a dateline "
        "('Asean'): _DATELINE takes any capitalised word, a comma and a dash within 80 "
        "characters, with no date and no agency"
    ),
    ("chinadaily_byline_in.txt", "authors"): (
        "China Daily byline 'By Ma Zhenhuan in Shaoxing | ...' gives the author "
        "'Ma Zhenhuan in Shaoxing'; the ' in PLACE' suffix is not a name"
    ),
    ("chinadaily_dash_dateline.txt", "dateline"): (
        "China Daily dateline 'NINGBO — ...' (no comma, no date) is not recognised: "
        "_DATELINE requires a comma after the place"
    ),
    ("crumb_glued_headline.txt", "title"): (
        "breadcrumb 'Home / News / Business / HEADLINE': _BREADCRUMB accepts '/' but "
        "_CRUMB_SEP does not split on it, so the whole crumb becomes the title"
    ),
    ("crumb_glued_headline.txt", "paragraphs"): (
        "the whole breadcrumb 'Home / News / Business / ...' is the first paragraph "
        "instead of the headline at its end"
    ),
    ("cp1252_cedilla.txt", "paragraphs"): (
        "Windows-1252 text whose only non-ASCII is 'ção' (bytes E7 E3) passes "
        "_looks_like_gb (one GB2312-looking pair out of two high bytes) and is decoded "
        "as GB18030: 'Federação' becomes 'Federa玢o'"
    ),
    ("gbk_page.html", "published"): (
        "the visible 'Release time: 2024-09-02 | Source: en.sx.gov.cn' line is outside the "
        "<div> chosen as the story container, so it is never read"
    ),
    ("gbk_page.html", "source"): (
        "the 'Source: en.sx.gov.cn' metadata line is outside the chosen container "
        "(expected 'Shaoxing government')"
    ),
    ("html_article_header.html", "authors"): (
        "<header> inside <article> is decomposed with the page header, so the byline "
        "'By Hu Min' in it is lost"
    ),
    ("html_article_header.html", "source"): (
        "og:site_name 'SHINE' is returned raw; names from HTML metadata are not "
        "canonicalised through sources.json ('Shanghai Daily')"
    ),
    ("html_json_ld.html", "source"): (
        "JSON-LD publisher 'Xinhua News Agency' is returned raw instead of the canonical "
        "'Xinhua' (HTML sources skip outlet())"
    ),
    ("html_title_h1.html", "source"): (
        "<title> 'HEADLINE - Ningbo Expat' names a known outlet, but _strip_site throws the "
        "site name away and source is None"
    ),
    ("html_noise_comments.html", "paragraphs"): (
        "the comments section is kept: _main_container picks the unmarked wrapper <div> "
        "that holds both the story and div#comments (more <p> text than the story alone), "
        "so commenters' names and comments become paragraphs"
    ),
    ("html_fragment_h1.html", "title"): (
        "an HTML fragment starting with <h1> is not detected as HTML (looks_like_html "
        "knows no <h1>, and the .html path is not used); read as plain text, every line "
        "with two '>' is dropped as a breadcrumb and the document is empty"
    ),
    ("html_fragment_h1.html", "paragraphs"): (
        "HTML fragment starting with <h1> read as plain text: no paragraphs at all"
    ),
    ("html_xml_prolog.html", "title"): (
        "an XHTML page starting with '<?xml ...?>' is not detected as HTML; the title "
        "is the XML declaration"
    ),
    ("html_xml_prolog.html", "paragraphs"): (
        "XHTML page with an XML prolog read as plain text: the paragraphs are tag lines"
    ),
    ("lead_by_month.txt", "authors"): (
        "the lead 'By May, Zhejiang had approved ...' is read as a byline: authors "
        "('May', 'Zhejiang had approved 1')"
    ),
    ("lead_by_month.txt", "paragraphs"): (
        "the lead paragraph 'By May, ...' is dropped as a byline"
    ),
    ("no_headline_author_blurb.txt", "authors"): (
        "'Author: Emma' ends the story only in the last 40% of lines; in a short article "
        "it is line 4 of 8, so the author is not read"
    ),
    ("no_headline_author_blurb.txt", "paragraphs"): (
        "'Author: Emma' and the author blurb after it are kept as body paragraphs"
    ),
    ("no_headline_quote_lead.txt", "title"): (
        "a first body paragraph ending in a closing quote ('...overnight.”') passes "
        "_is_headline, so an article with no headline gets its first sentence as title"
    ),
    ("short_dated_paragraph.txt", "published"): (
        "the short paragraph 'The fair opens on June 8, 2025.' near the top is read as a "
        "metadata line: the event date becomes published"
    ),
    ("short_dated_paragraph.txt", "paragraphs"): (
        "the short paragraph 'The fair opens on June 8, 2025.' is dropped as a metadata line"
    ),
    ("xinhua_anniversary.txt", "published"): (
        "yearless dateline 'YIWU, Nov. 18' is dated from an event in the story with the "
        "same month and day ('the first train ... left Yiwu on Nov. 18, 2014'): 2014-11-18"
    ),
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
