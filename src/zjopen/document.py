"""The clean document every extractor reads: text, paragraphs, sentences, metadata.

:attr:`Document.text` is what the user sees (and what spans point into); it holds the
headline and the body paragraphs, one blank line apart, with page furniture gone.
:attr:`Document.norm` is the same text, character for character, with curly quotes,
non-breaking spaces, dashes and full-width forms folded to ASCII for the extractors,
so an offset in one is the same offset in the other.

>>> doc = read_document(
...     "Ningbo grows\\n\\nBy Li Ming\\n\\nExports rose ５％ in “Beilun”. Imports fell.")
>>> doc.title, doc.authors
('Ningbo grows', ('Li Ming',))
>>> doc.text
'Ningbo grows\\n\\nExports rose ５％ in “Beilun”. Imports fell.'
>>> doc.norm
'Ningbo grows\\n\\nExports rose 5% in "Beilun". Imports fell.'
>>> [s.text for s in doc.sentences]
['Ningbo grows', 'Exports rose ５％ in “Beilun”.', 'Imports fell.']
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

import attrs

from zjopen._article_checks import _SHARED_LENGTH
from zjopen.errors import EmptyInputError
from zjopen.ingest._looks import looks_like_html
from zjopen.ingest.clean import clean_lines
from zjopen.ingest.decode import decode
from zjopen.ingest.fold import normalise, split_lines, unwrap
from zjopen.ingest.segment import _BOUNDARY, _DOT_BOUNDARY, _is_abbreviation
from zjopen.lexicon.patterns import ascii_lower
from zjopen.model import Span

__all__ = ["Document", "normalise", "read_document"]


@attrs.frozen
class Document:
    """An article's clean text with its structure and metadata."""

    text: str
    norm: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    title: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    dateline: str | None = None
    lower: str = attrs.field(
        default=attrs.Factory(lambda doc: ascii_lower(doc.norm), takes_self=True),
        eq=False, repr=False,
    )
    """``norm`` with A-Z lower-cased and nothing else (offsets unchanged): what
    case-insensitive word tables are matched against, computed once."""

    @property
    def body_start(self) -> int:
        """Offset where the body begins (after the headline, if any)."""
        if self.title is not None and self.paragraphs:
            return self.paragraphs[1].start if len(self.paragraphs) > 1 else len(self.text)
        return 0


_new = object.__new__
# The setters of Span's slots, called directly: cheaper than ``object.__setattr__``
# (which looks the slot up by name on every call), and like it past the frozen check.
_set_start: Callable[[Span, int], None] = Span.__dict__["start"].__set__
_set_end: Callable[[Span, int], None] = Span.__dict__["end"].__set__
_set_text: Callable[[Span, str], None] = Span.__dict__["text"].__set__


def made_span(start: int, end: int, text: str) -> Span:
    """``Span(start, end, text)`` for a span right by construction (``text`` is the slice
    ``start:end`` of the text, with ``0 <= start <= end``), built without checking it
    again: a document has a span per sentence and paragraph, an extractor one per
    figure or mention."""
    span: Span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    # (_shared, inlined)
    _set_text(span, sys.intern(text) if type(text) is str and len(text) <= _SHARED_LENGTH
              else text)
    return span


def _spans(parts: list[str]) -> tuple[list[Span], list[Span]]:
    """The spans of the paragraphs ``parts`` and of their sentences in the text that
    joins them with blank lines (:func:`zjopen.ingest.segment.sentences`, inlined: a
    span made at once from each boundary found)."""
    paragraphs: list[Span] = []
    sentences: list[Span] = []
    add_paragraph, add_sentence = paragraphs.append, sentences.append
    boundaries, dot_boundaries = _BOUNDARY.finditer, _DOT_BOUNDARY.finditer
    # (made_span, inlined: a span per sentence and paragraph)
    new, set_start, set_end, set_text = _new, _set_start, _set_end, _set_text
    intern, shared = sys.intern, _SHARED_LENGTH
    offset = -2
    for paragraph in parts:
        offset += 2
        size = len(paragraph)
        whole = new(Span)
        set_start(whole, offset)
        set_end(whole, offset + size)
        set_text(whole, intern(paragraph) if size <= shared and type(paragraph) is str
                 else paragraph)
        add_paragraph(whole)
        start = 0
        found = (boundaries(paragraph) if "!" in paragraph or "?" in paragraph
                 or "。" in paragraph or "！" in paragraph or "？" in paragraph
                 else dot_boundaries(paragraph))  # (no stop but "." can end a sentence)
        for match in found:
            # (The match ends where its group 1, the white space, ends: a look-ahead follows.)
            end, after = match.span(1)
            dot = match.start()
            # (A word of seven ASCII letters or more before the dot is no abbreviation:
            # none is that long. Most sentences end in one, or in a digit.)
            if paragraph[dot] == "." and not (
                    dot >= 7 and (word := paragraph[dot - 7 : dot]).isalpha()
                    and word.isascii()) and _is_abbreviation(
                    paragraph, dot, paragraph[after] if after < size else ""):
                continue
            if end > start:
                span = new(Span)
                set_start(span, offset + start)
                set_end(span, offset + end)
                text = paragraph[start:end]
                set_text(span, intern(text) if end - start <= shared else text)
                add_sentence(span)
            start = after
        text = paragraph[start:].rstrip() if start else paragraph.rstrip()
        if text is paragraph and text and type(text) is str:
            # (a paragraph of one sentence, with no white space after it, the most: the
            # sentence's span is the paragraph's, equal and immutable, made once)
            add_sentence(whole)
        elif text:
            span = new(Span)
            set_start(span, offset + start)
            set_end(span, offset + start + len(text))
            set_text(span, intern(text) if len(text) <= shared else text)
            add_sentence(span)
        offset += size
    return paragraphs, sentences


def read_document(
    source: str | bytes,
    *,
    path: str | None = None,
    published: date | None = None,
) -> Document:
    """Decode, clean and segment one article (plain text or HTML).

    ``published`` overrides whatever date the article prints (or supplies one it lacks).
    Raises :class:`~zjopen.errors.InputError` subclasses for input that is not an article.
    """
    if isinstance(source, bytearray | memoryview):
        source = bytes(source)
    if not isinstance(source, str | bytes):
        raise TypeError(f"read_document(): source must be str or bytes (text, HTML or a "
                        f"file's bytes), not {type(source).__name__}")
    text = decode(source, path) if isinstance(source, bytes) else source
    if not text.strip():
        raise EmptyInputError(path) if path is not None else EmptyInputError(
            None, "the text is empty" if not text else "the text holds only white space")
    is_html = path is not None and path.lower().endswith((".html", ".htm", ".xhtml"))
    if is_html or looks_like_html(text):
        from zjopen.ingest.html import HtmlPage  # (imported for the first page)

        page = HtmlPage.parse(text)
        cleaned = clean_lines(
            [line for raw in page.lines for line in split_lines(raw)],
            title=page.title,
            published=page.published,
            authors=page.authors,
            source=page.source,
        )
    else:
        cleaned = clean_lines(unwrap(split_lines(text)))
    paragraphs, sentence_spans = _spans(cleaned.paragraphs)
    parts = cleaned.paragraphs
    clean = "\n\n".join(parts)
    if not clean.strip():
        raise EmptyInputError(path, "no article text: only page furniture (menus, credits)")
    norm = normalise(clean)
    return Document(
        text=clean,
        norm=norm,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentence_spans),
        title=cleaned.title,
        published=published or cleaned.published,
        authors=cleaned.authors,
        source=cleaned.source,
        dateline=cleaned.dateline,
        lower=ascii_lower(norm),
    )
