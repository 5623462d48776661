"""``_capitalised._SKIPPED_CHAIN`` steps over, in the regex engine, the runs of
``CHAIN.finditer`` that :func:`chains` drops first (one word, no hyphen, no abbreviation):
its runs are CHAIN's, in order, and each run of CHAIN it leaves out is such a word."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjopen.extract._capitalised import (
    _SKIPPED_CHAIN,
    _TWO_CAPITALS,
    CHAIN,
    _after_leading,
    _leading,
)
from zjopen.extract._tables import LEADING

_PIECES = st.sampled_from([
    "Co", "Ltd", "Inc", "Corp", "U", "S", "A", "Zone", "of", "and", "the", "for", "de", "&",
    "(", ")", ".", ",", " ", " ", "\n", "\t", "-", "'", "'s", "+", "_", "9", "2023", "5.5",
    "x", "é", "É", "Ä", "ß", "\u2014", "“", "%", "Ningbo", "(Zhejiang)", "(FTZ)", "Group",
    "eBay", "McDonald", "FTZ", "Bank", "Port", "China's", "Zhejiang-based", "ab", "Ab", "AB",
])


def _dropped(chunk: str) -> bool:
    # chains' first test: one word, not an abbreviation
    return " " not in chunk and "-" not in chunk and (
        chunk[1:].islower() or chunk.isdigit() or not _TWO_CAPITALS.search(chunk))


@settings(max_examples=3000)
@given(st.lists(_PIECES, max_size=50).map("".join))
@example("Hangzhou Co. Ltd. and A. B. the U.S. 5.5. Co.Ltd eCo. x.Ab (Ab) (ab) ( Ab")
@example("Zhejiang's 2023, of the Ningbo. (Zhejiang) Group, and & de FTZ-based É.é")
def test_skipped_chain_is_chain_less_the_dropped_words(text: str) -> None:
    chain = [(m.span(), m.group()) for m in CHAIN.finditer(text)]
    matches = list(_SKIPPED_CHAIN.finditer(text))
    # the stretch to the end closes them (and an empty match at the end may follow it)
    ends = [index for index, m in enumerate(matches) if m.group(1) is None]
    assert ends
    assert all(matches[index].end() == len(text) for index in ends)
    kept = [(m.span(1), m.group(1)) for m in matches[: ends[0]]]
    at = 0
    for span, chunk in chain:
        if at < len(kept) and kept[at][0] == span:
            assert kept[at][1] == chunk
            at += 1
        else:
            assert _dropped(chunk), (span, chunk)
    assert at == len(kept)


def _former_after_leading(text: str, start: int, end: int) -> tuple[int, int]:
    # chains' former loop: the piece split at its spaces, leading words taken off
    tokens = text[start:end].split(" ")
    while tokens and (tokens[0].casefold() in LEADING or (
            ("'" in tokens[0] or "-" in tokens[0]) and _leading(tokens[0], len(tokens)))):
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    return (start if tokens else end, end)  # (a piece is kept when start < end)


_WORDS = st.sampled_from([
    "The", "the", "A", "a", "China's", "Thailand's", "Ningbo's", "Zhejiang-based", "Hangzhou",
    "Group", "Co.,", "Ltd.", "of", "and", "&", "-", "'", "'s", "", "this", "its", "x-y",
])


@settings(max_examples=2000)
@given(st.lists(_WORDS, max_size=8).map(" ".join), st.integers(0, 6), st.integers(0, 6))
@example("The ", 0, 0)
@example("the China's", 0, 0)
def test_after_leading_is_the_former_loop(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    start = min(start, end)
    ours, former = _after_leading(text, start, end), _former_after_leading(text, start, end)
    assert (ours[0] < end) == (former[0] < end)
    assert ours[0] >= end or ours == former
