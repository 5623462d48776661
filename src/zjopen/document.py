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

import re
from datetime import date

import attrs

from zjopen.errors import EmptyInputError
from zjopen.ingest.clean import clean_lines, meta_line
from zjopen.ingest.decode import decode
from zjopen.ingest.html import HtmlPage, looks_like_html
from zjopen.ingest.segment import sentences as split_sentences
from zjopen.lexicon.patterns import ascii_lower, guarded_compile
from zjopen.model import Span

__all__ = ["Document", "normalise", "read_document"]


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
    for chars, plain in (
        ("‘’‚‛′`´", "'"),
        ("“”„‟″«»", '"'),
        ("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
        ("‐‑‒–—―−﹣", "-"),
        ("、", ","),
        ("。", "."),
        ("￥", "¥"),
        ("\u200b\u200c\u200d\u2060\ufeff", " "),
    ):
        for char in chars:
            table[ord(char)] = plain
    return table


_FOLD = _fold_table()
_FOLD_STR = {chr(code): plain for code, plain in _FOLD.items()}
# The characters folded, as one class: news text holds few of them, and replacing each
# one found is many times faster than str.translate's lookup of every character.
_FOLDED = re.compile("[" + "".join(sorted(re.escape(c) for c in _FOLD_STR)) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ud800-\udfff]")


def normalise(text: str) -> str:
    """Fold quotes, spaces, dashes and full-width forms to ASCII, one character for one.

    >>> normalise("１２３，“ok”—fine")
    '123,"ok"-fine'
    """
    if text.isascii():  # only the backtick folds
        return text.replace("`", "'") if "`" in text else text
    return _FOLDED.sub(lambda match: _FOLD_STR[match.group()], text)


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


_CONTINUES = guarded_compile(
    r"(?:[,;(\-–]|\b(?:and|or|of|the|a|an|in|on|to|for|with|by|from|at|as"
    r"|than|its|their|that|which|who|per|about|over|under))\Z"
)


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line continues onto the next when it ends without
    closing punctuation and the next starts in lower case, or when it ends in a comma
    or a word no sentence ends with ("of", "the", "and") -- unless the next line is a
    metadata line ("chinadaily.com.cn | Updated: 2024-10-21" under a headline).

    >>> unwrap(["Exports rose in the first two", "months of 2024.", "", "Next one."])
    ['Exports rose in the first two months of 2024.', '', 'Next one.']
    >>> unwrap(["Ningbo port keeps its lead", "chinadaily.com.cn | Updated: 2024-10-21"])
    ['Ningbo port keeps its lead', 'chinadaily.com.cn | Updated: 2024-10-21']
    """
    joined: list[str] = []
    for line in lines:
        stripped = line.strip()
        if joined and stripped and joined[-1].strip():
            previous = joined[-1].rstrip()
            if ((previous[-1:] not in ".!?:\"”'’)]" and stripped[0].islower())
                    or _CONTINUES.search(previous)) and meta_line(stripped) is None:
                joined[-1] = f"{previous} {stripped}"
                continue
        joined.append(line)
    return joined


def _lines(text: str) -> list[str]:
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.split("\n")


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
    text = decode(source, path) if isinstance(source, bytes) else source
    if not text.strip():
        raise EmptyInputError(path)
    is_html = path is not None and path.lower().endswith((".html", ".htm", ".xhtml"))
    if is_html or looks_like_html(text):
        page = HtmlPage.parse(text)
        cleaned = clean_lines(
            [line for raw in page.lines for line in _lines(raw)],
            title=page.title,
            published=page.published,
            authors=page.authors,
            source=page.source,
        )
    else:
        cleaned = clean_lines(unwrap(_lines(text)))
    paragraphs: list[Span] = []
    sentence_spans: list[Span] = []
    parts: list[str] = []
    offset = 0
    for paragraph in cleaned.paragraphs:
        if parts:
            offset += 2
        parts.append(paragraph)
        paragraphs.append(Span(offset, offset + len(paragraph), paragraph))
        for start, end in split_sentences(paragraph, offset):
            sentence_spans.append(Span(start, end, paragraph[start - offset : end - offset]))
        offset += len(paragraph)
    clean = "\n\n".join(parts)
    if not clean.strip():
        raise EmptyInputError(path, "no article text: only page furniture (menus, credits)")
    return Document(
        text=clean,
        norm=normalise(clean),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentence_spans),
        title=cleaned.title,
        published=published or cleaned.published,
        authors=cleaned.authors,
        source=cleaned.source,
        dateline=cleaned.dateline,
    )
