"""``document._spans`` and ``made_span`` (slot setters called directly, one ``match.span``
per boundary) give what their former forms gave."""

from __future__ import annotations

import sys

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjopen._article_checks import _SHARED_LENGTH
from zjopen.document import _spans, made_span
from zjopen.ingest.segment import _BOUNDARY, _is_abbreviation
from zjopen.model import Span


def _former_spans(parts: list[str]) -> tuple[list[Span], list[Span]]:
    """``_spans`` as it was: ``Span(...)`` for each paragraph and sentence."""
    paragraphs: list[Span] = []
    sentences: list[Span] = []
    offset = -2
    for paragraph in parts:
        offset += 2
        size = len(paragraph)
        paragraphs.append(Span(offset, offset + size, paragraph))
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            dot = match.start()
            if paragraph[dot] == "." and not (
                    dot >= 7 and (word := paragraph[dot - 7 : dot]).isalpha()
                    and word.isascii()) and _is_abbreviation(
                    paragraph, dot, paragraph[match.end()] if match.end() < size else ""):
                continue
            end = match.start(1)
            if end > start:
                sentences.append(Span(offset + start, offset + end, paragraph[start:end]))
            start = match.end()
        text = paragraph[start:].rstrip() if start else paragraph.rstrip()
        if text:
            sentences.append(Span(offset + start, offset + start + len(text), text))
        offset += size
    return paragraphs, sentences


_PIECES = ["Ningbo", "grew", "4.5%", "in", "the", "U.S.", "market.", "Co.,", "Ltd.", "No.",
           "5", "Aug.", "3", "etc.", "It", "ended.", "\"Yes.\"", "(Xinhua)", "A.", "B", "!",
           "?", "。", "杭州", "“Quote.”", "e.g.", "Mr.", "Li", "approx.", "10", "J.", "K.",
           "Transno.", "reapprox.", "Zürichno.", "ab.No.", "ÉtatsNo.", " ", "  ", "\t", "",
           "x" * 60 + ".", "Y" * 50]
_SEPARATORS = st.sampled_from([" ", "  ", "\n", " \t", ""])


def _key(spans: list[Span]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.text) for s in spans]


@given(st.lists(st.lists(st.tuples(st.sampled_from(_PIECES), _SEPARATORS), max_size=15)
                .map(lambda pairs: "".join(a + b for a, b in pairs)), max_size=5)
       | st.lists(st.text(max_size=40), max_size=4))
def test_spans_are_the_former_spans(parts: list[str]) -> None:
    paragraphs, sentences = _spans(parts)
    former_paragraphs, former_sentences = _former_spans(parts)
    assert _key(paragraphs) == _key(former_paragraphs)
    assert _key(sentences) == _key(former_sentences)
    assert paragraphs == former_paragraphs
    assert sentences == former_sentences
    for span in [*paragraphs, *sentences]:
        if len(span.text) <= _SHARED_LENGTH:
            assert span.text is sys.intern(span.text)


@given(st.text(max_size=70), st.integers(0, 100))
def test_made_span_is_the_span(text: str, start: int) -> None:
    span = made_span(start, start + len(text), text)
    assert span == Span(start, start + len(text), text)
    assert repr(span) == repr(Span(start, start + len(text), text))
    assert hash(span) == hash(Span(start, start + len(text), text))
    if len(text) <= _SHARED_LENGTH:
        assert span.text is sys.intern(text)
    else:
        assert span.text is text
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
