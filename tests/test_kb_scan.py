"""The knowledge base's names found in a text are those the word-by-word search finds:
each name length tried at each first word, from the longest down (the scan skips the
lengths a name's second word rules out)."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract import _kb
from zjopen.extract._kb import kb_matches, knowledge_base
from zjopen.extract._tables import Found, TextWords, word_tables


def _every_length(text: str) -> Iterator[Found]:
    """kb_matches as it was: every name length tried at each first word."""
    kb = knowledge_base()
    split = TextWords.of(text)
    words, gaps, ends = split.words, split.gaps, split.ends
    count = len(words)
    resume = 0
    for i in split.find(kb.lengths):
        if i < resume:
            continue
        hit = None
        counts = kb.lengths[words[i]]
        top = min(counts[0], count - i)
        run = 1
        while run < top and len(gaps[i + run - 1]) <= 3 and "\n" not in gaps[i + run - 1]:
            run += 1
        for n in counts:
            if n <= run:
                entry = kb.surfaces.get(tuple(words[i : i + n]))
                if entry is not None:
                    hit = (n, entry)
                    break
        if hit is None:
            continue
        n, entry = hit
        resume = i + n
        start, end = ends[2 * i], ends[2 * (i + n - 1) + 1]
        if text[end : end + 1].isalpha() or text[start - 1 : start].isalpha():
            continue
        if entry.kind == "enterprise" and _kb._PRODUCT_AFTER.match(text, end):
            continue
        if n == 1 and entry.kind == "initiative" and words[i] in word_tables().generic_words:
            continue
        if words[i] == "Bank" and _kb._NAMED_BEFORE.search(text, max(0, start - 30), start):
            continue
        yield Found(entry.kind, text[start:end], start, end, entry.platform_kind,
                    entry.region, entry.id, entry.name)


def _pieces() -> list[str]:
    names = sorted(knowledge_base().surfaces)[::5]
    return [*sorted({w for name in names for w in name}), "the", "of", "China", "Group"]


_PIECES = _pieces()
_NAMES = [" ".join(name) for name in sorted(knowledge_base().surfaces)[::3]]


@given(st.lists(st.tuples(st.one_of(st.sampled_from(_PIECES), st.sampled_from(_NAMES)),
                          st.sampled_from([" ", " ", ", ", "\n", " - ", ". ", "  "])),
                min_size=1, max_size=20))
def test_the_names_found_are_the_word_by_word_ones(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + g for w, g in parts)
    assert list(kb_matches(text)) == list(_every_length(text))
