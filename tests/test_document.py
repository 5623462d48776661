"""The clean Document: spans slice the text, segmentation is sound, parsing is stable."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjopen import read_document
from zjopen.document import Document, made_span, normalise
from zjopen.errors import InputError
from zjopen.model import Span

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

article_like = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from([
            "Home > News > Ningbo", "By Li Ming", "f t g m", "(Web editor: Wang)",
            "chinadaily.com.cn | Updated: 2021-06-16", "HANGZHOU, Aug. 3 (Xinhua) -- Trade rose.",
            "Co., Ltd. said U.S. sales rose 4.5%. Exports fell.", "", "  ", "Copyright 2024",
            "<p>Hello</p>", "Yiwu’s “market” grew １２％.",
        ]),
    ),
    max_size=12,
).map("\n".join)


def _check(doc: Document) -> None:
    assert len(doc.norm) == len(doc.text)
    for group in (doc.paragraphs, doc.sentences):
        previous_end = 0
        for span in group:
            assert doc.text[span.start : span.end] == span.text
            assert span.start >= previous_end
            assert span.text == span.text.strip()
            assert span.text
            previous_end = span.end
    for sentence in doc.sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in doc.paragraphs)
    assert doc.text == "\n\n".join(p.text for p in doc.paragraphs)


@given(article_like)
def test_spans_slice_the_clean_text(text: str) -> None:
    try:
        doc = read_document(text)
    except InputError:
        return
    _check(doc)


@given(st.binary(max_size=400))
def test_any_bytes_parse_or_fail_cleanly(data: bytes) -> None:
    try:
        doc = read_document(data, path="x.bin")
    except InputError as exc:
        error: InputError | None = exc
    else:
        error = None
        _check(doc)
    assert error is None or error.path == "x.bin"


@given(article_like)
def test_parsing_is_deterministic(text: str) -> None:
    data = text.encode("utf-8")
    try:
        first = read_document(data)
    except InputError:
        return
    assert read_document(data) == first


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("１２３，４５６", "123,456"), ("“Yiwu’s”", "\"Yiwu's\""), ("5\u00a0billion", "5 billion"),
     ("2020–2025", "2020-2025"), ("１０．７８‰", "10.78‰")],
)
def test_normalise_folds_one_for_one(raw: str, folded: str) -> None:
    assert normalise(raw) == folded
    assert len(normalise(raw)) == len(raw)


def test_published_argument_wins() -> None:
    doc = read_document("Title here\n\nDate: 2020-01-02\n\nBody text.", published=date(2021, 5, 6))
    assert doc.published == date(2021, 5, 6)


def _gold(name: str) -> dict[str, dict[str, object]]:
    path = SHARED / "eval" / f"{name}.gold.jsonl"
    return {json.loads(line)["id"]: json.loads(line) for line in path.open(encoding="utf-8")}


# Articles of the dev set (32 added in December 2026) whose title or date line the reader
# misses today; the issue on real pages turns each of them back into a pass.
_MISSED_DATE_LINES: dict[str, str] = {}


def _shared_articles() -> list[object]:
    params: list[object] = []
    for corpus in ("seeds", "dev"):
        for path in sorted((SHARED / "corpus" / corpus).glob("*.txt")):
            reason = _MISSED_DATE_LINES.get(path.stem) if corpus == "dev" else None
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            params.append(pytest.param(corpus, path, id=f"{corpus}/{path.stem}", marks=marks))
    return params


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="needs ../shared")
@pytest.mark.parametrize(("corpus", "path"), _shared_articles())
def test_title_and_date_of_every_shared_article(corpus: str, path: Path) -> None:
    expected = _gold(corpus)[path.stem]
    doc = read_document(path.read_bytes(), path=str(path))
    assert doc.title == expected["title"], path.name
    assert (doc.published.isoformat() if doc.published else None) == expected["published"]
    _check(doc)


@pytest.mark.parametrize("value", [None, 5, ["text"]])
def test_parse_of_what_is_not_text_names_the_argument(value: object) -> None:
    import zjopen

    with pytest.raises(TypeError, match=rf"parse\(\): text must be str or bytes .*, not "
                                        rf"{type(value).__name__}"):
        zjopen.parse(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"read_document\(\): source must be str or bytes"):
        read_document(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "message"), [("", "the text is empty"),
                                               (" \n\t", "the text holds only white space")])
def test_empty_text_says_so_without_talking_of_files(text: str, message: str) -> None:
    import zjopen
    from zjopen.errors import EmptyInputError

    with pytest.raises(EmptyInputError) as caught:
        zjopen.parse(text)
    assert str(caught.value) == message


@given(st.text(max_size=300), st.data())
def test_unchecked_spans_are_the_spans_the_constructor_makes(text: str,
                                                            data: st.DataObject) -> None:
    """The document's spans are made without the constructor's checks: the same spans
    (equal, same repr, same hash, the text shared as the constructor shares it)."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    made, checked = made_span(start, end, text[start:end]), Span(start, end, text[start:end])
    assert made == checked
    assert repr(made) == repr(checked)
    assert hash(made) == hash(checked)
    assert (made.text is checked.text) == (len(checked.text) <= 48)
