"""Bytes to text: the encoding of each case, exactly, and no mojibake from a stray byte."""

from __future__ import annotations

import codecs
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjopen.errors import DecodeWarning
from zjopen.ingest.decode import decode

CJK_LATIN = "Test Wire — 测试 Ningbo’s exports to Deutschland rose 5% (宁波港, café)."

# (id, bytes, expected text, expected bad-byte offsets or None for no warning)
CASES = [
    ("utf8-plain", CJK_LATIN.encode(), CJK_LATIN, None),
    ("utf8-bom", codecs.BOM_UTF8 + CJK_LATIN.encode(), CJK_LATIN, None),
    ("utf16-le-bom", CJK_LATIN.encode("utf-16"), CJK_LATIN, None),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + CJK_LATIN.encode("utf-16-be"), CJK_LATIN, None),
    ("utf16-le-no-bom", "Ningbo port grows fast".encode("utf-16-le"),
     "Ningbo port grows fast", None),
    ("gb18030", "宁波港集装箱吞吐量增长".encode("gb18030"), "宁波港集装箱吞吐量增长", None),
    ("gbk-with-ascii", "Ningbo 宁波 exports 出口 rose".encode("gbk"),
     "Ningbo 宁波 exports 出口 rose", None),
    ("cp1252-quotes", "Ningbo’s “café” trade – up".encode("cp1252"),
     "Ningbo’s “café” trade – up", None),
    ("utf8-stray-ff-with-cjk", CJK_LATIN.encode()[:20] + b"\xff" + CJK_LATIN.encode()[20:],
     CJK_LATIN[:14] + "\ufffd" + CJK_LATIN[14:], (20,)),
    ("utf8-stray-ff-latin-only", b"Ningbo exports rose. " * 60 + b"\xff" + b" End.",
     "Ningbo exports rose. " * 60 + "\ufffd End.", (1260,)),
    ("utf8-two-stray-bytes", "宁波 trade".encode() + b"\x80" + " 测试 up".encode() + b"\xfe",
     "宁波 trade\ufffd 测试 up\ufffd", (12, 23)),
    ("utf8-truncated-last-char", "Trade 宁".encode()[:-1], "Trade \ufffd", None),
]


@pytest.mark.parametrize(("data", "text", "offsets"),
                         [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_decoding(data: bytes, text: str, offsets: tuple[int, ...] | None) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert decode(data, "news/a.txt") == text
    reported = [w.message for w in caught if isinstance(w.message, DecodeWarning)]
    if offsets is None:
        assert reported == []
    else:
        assert len(reported) == 1
        assert reported[0].offsets == offsets
        assert reported[0].path == "news/a.txt"


letters = st.sampled_from(list("Ningbo exports rose ,.%0123456789 宁波港测试出口贸易 éüß’—"))


@given(st.lists(letters, min_size=200, max_size=600).map("".join), st.data())
def test_a_few_bad_bytes_never_turn_utf8_into_mojibake(text: str, data: st.DataObject) -> None:
    """UTF-8 text with CJK and Latin letters, up to 0.1% of its bytes corrupted (at least
    one): every character whose bytes were not touched survives."""
    raw = bytearray(text.encode())
    count = data.draw(st.integers(1, max(1, len(raw) // 1000)))
    places = sorted(set(data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=count,
                                           max_size=count))))
    for place in places:
        raw[place] = 0xFF
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        decoded = decode(bytes(raw))
    position = 0
    untouched = []
    for char in text:
        size = len(char.encode())
        if not any(position <= p < position + size for p in places):
            untouched.append(char)
        position += size
    kept = iter(decoded)
    assert all(char in kept for char in untouched)  # in order, as a subsequence
