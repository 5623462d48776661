"""The region pass finds the words of the whole text once and takes each sentence's as a
range of them: exactly the words the sentence's own search finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.document import read_document
from zjopen.extract._region_words import Words

_PIECES = ["Ningbo", "ningbo", "Zhejiang's", "People's", "Republic", "of", "China", "U.S.",
           "china's", "Xi'an", "杭州", "杭州's", "Hong", "Kong", "'s", "'", "Ltd.", "Co.",
           "exports", "Yiwu-Madrid", "É", "Zürich", "No.", "5", "rose", "It", "O'Neil"]
_GAPS = [" ", " ", " ", "-", ", ", ". ", "! ", "? ", "\n", "\n\n", "'", "\u00a0", "“", "” "]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), min_size=1,
                max_size=30))
def test_the_words_of_a_sentence_are_a_range_of_the_texts(parts: list[tuple[str, str]]
                                                          ) -> None:
    text = "Title\n\n" + "".join(w + g for w, g in parts) + " end."
    doc = read_document(text)
    words = Words(doc.norm)
    for sentence in doc.sentences:
        own = Words(doc.norm, sentence.start, sentence.end)
        span = words.span(sentence.start, sentence.end)
        if span is None:
            continue  # (the pass uses ``own``)
        lo, hi = span
        for field in ("starts", "ends", "texts", "keys", "raws"):
            assert getattr(words, field)[lo:hi] == getattr(own, field), field
        assert [i - lo for i in words.candidates_in(lo, hi)] == own.candidates
        assert [i - lo for i in words.possessive if lo <= i < hi] == own.possessive


@given(st.text(alphabet="aZ' ’.\u00e9杭-", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_a_range_is_given_only_when_no_word_runs_over_its_ends(text: str, a: int,
                                                                b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    words = Words(text)
    own = Words(text, start, end)
    span = words.span(start, end)
    if span is not None:
        lo, hi = span
        assert words.starts[lo:hi] == own.starts
        assert words.texts[lo:hi] == own.texts
        assert words.raws[lo:hi] == own.raws


@given(st.text(alphabet="aZ'’. \u00e9\u00c0杭-\n\u00d7s", max_size=60))
def test_the_words_of_the_whole_text_by_split_are_the_searched_ones(text: str) -> None:
    whole, searched = Words(text), Words(text, 0, len(text))
    for field in ("starts", "ends", "full_ends", "texts", "keys", "raws", "possessive",
                  "candidates"):
        assert getattr(whole, field) == getattr(searched, field), field


@given(st.text(alphabet="aZsS' ’.\u00df\u00e9\u00c0杭-\n", max_size=60), st.integers(0, 60),
       st.integers(0, 60))
def test_the_possessive_words_are_those_whose_key_ends_in_s(text: str, a: int,
                                                            b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    words = Words(text, start, end)
    raws = words.raws
    assert words.possessive == [i for i, raw in enumerate(raws) if raw.endswith("'s")]


def _matches_word_by_word(text: str, words: Words, lo: int, hi: int
                          ) -> list[tuple[int, int, str, int, int]]:
    """The places as the pass found them before it looked up each first word's name
    lengths: every run length from the longest down, at each candidate."""
    from zjopen.extract._region_index import _MAX_WORDS, _index
    from zjopen.extract._region_words import _LINKS

    names, lengths = _index().names, _index().lengths
    found, resume = [], 0
    for i in words.candidates_in(lo, hi):
        if i < resume:
            continue
        run = 1
        while run < min(_MAX_WORDS, hi - i):
            gap = text[words.ends[i + run - 1] : words.starts[i + run]]
            if gap in _LINKS or (gap == "'s " and words.raws[i + run - 1].endswith("'s")):
                run += 1
            else:
                break
        for n in range(run, 0, -1):
            if n > 1 and n not in lengths.get(words.raws[i], ()):
                continue
            last = i + n - 1
            key = " ".join([*words.raws[i:last], words.keys[last]]) if n > 1 else words.keys[i]
            code = names.get(key)
            if code is not None:
                end = words.ends[last]
                if len(words.texts[last]) == 1 and text[end : end + 1] == ".":
                    end += 1
                found.append((i, last, code, words.starts[i], end))
                resume = i + n
                break
    return found


_PLACE_PIECES = ["Hong", "Kong", "People's", "Republic", "of", "China", "U", "S", "Ningbo",
                 "Zhoushan", "New", "York", "Papua", "Guinea", "Inner", "Mongolia", "Sri",
                 "Lanka", "the", "Bosnia", "and", "Herzegovina", "Xi'an", "Taizhou", "city"]


@given(st.lists(st.tuples(st.sampled_from(_PLACE_PIECES),
                          st.sampled_from([" ", "-", ".", " - ", "'s ", ", ", "  "])),
                min_size=1, max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_the_places_are_the_word_by_word_ones(parts: list[tuple[str, str]], a: int,
                                              b: int) -> None:
    from zjopen.extract._region_words import matches

    text = "".join(w + g for w, g in parts)
    words = Words(text)
    lo, hi = sorted((min(a, len(words.starts)), min(b, len(words.starts))))
    assert [tuple(h) for h in matches(text, words, lo, hi, words.candidates_in(lo, hi))] == (
        _matches_word_by_word(text, words, lo, hi))


_KEY_PIECES = ["Ningbo", "ningbo", "NINGBO", "China's", "china's", "CHINA'S", "the", "The",
               "iPhone", "Hong", "kong", "Xi'an", "straße", "Straße", "É", "éclair", "杭州",
               "Zürich", "zürich", "of", "U", "S", "Beilun", "beilun", "Inner", "new", "New"]


@given(st.lists(st.tuples(st.sampled_from(_KEY_PIECES), st.sampled_from([" ", ". ", "-", "\n"])),
                max_size=20), st.booleans())
def test_the_keys_and_candidates_are_those_of_every_word(parts: list[tuple[str, str]],
                                                         ascii_only: bool) -> None:
    from zjopen.extract._region_index import _index

    text = "".join(w + g for w, g in parts)
    if ascii_only:
        text = text.encode("ascii", "ignore").decode()
    words = Words(text)
    assert words.keys == [t.casefold() for t in words.texts]
    first_words = _index().first_words
    assert words.candidates == [
        i for i, key in enumerate(words.keys)
        if (key in first_words or (i in words.possessive and words.raws[i] in first_words))
        and (words.texts[i][:1].isupper() or not words.texts[i][:1].isascii())]


def _around_as_written(text: str, words: Words, lo: int, hi: int, first: int,
                       last: int) -> tuple[int, int]:
    """The run around a place, walked word by word as the pass first did (no table of
    the runs walked before: the same run from any of its places)."""
    from zjopen.extract._region_words import _JOINS, _STOP

    starts, ends, texts, keys = words.starts, words.ends, words.texts, words.keys
    while first > lo and text[ends[first - 1] : starts[first]] in _JOINS:
        before = first - 1
        if (not texts[before][:1].isupper() or keys[before] in _STOP
                or text[ends[before] : ends[before] + 2] == "'s"):
            break
        first -= 1
    while last + 1 < hi and text[ends[last] : starts[last + 1]] in _JOINS:
        after = last + 1
        if (not texts[after][:1].isupper() or keys[after] in _STOP
                or text[ends[last] : ends[last] + 2] == "'s"):
            break
        last += 1
    return first, last


@given(st.lists(st.tuples(st.sampled_from([*_PLACE_PIECES, "Customs", "Group", "Mayor", "in",
                                           "Bank", "Port", "China's", "Yiwu", "Madrid", "The",
                                           "In", "And"]),
                          st.sampled_from([" ", "-", ".", " - ", "'s ", ", ", "  ", " ("])),
                min_size=1, max_size=16))
def test_the_run_around_each_place_is_the_walked_one(parts: list[tuple[str, str]]) -> None:
    from zjopen.extract._region_words import Runs, matches

    text = "".join(w + g for w, g in parts)
    words = Words(text)
    lo, hi = 0, len(words.starts)
    hits = list(matches(text, words, lo, hi, words.candidates_in(lo, hi)))
    runs = Runs(text, words, lo, hi, {i for h in hits for i in range(h.first, h.last + 1)})
    for hit in hits:
        assert runs.around(hit) == _around_as_written(text, words, lo, hi, hit.first, hit.last)


@given(st.lists(st.sampled_from(["Ningbo", "NINGBO", "ningbo", "nINGBO", "China's", "CHINA'S",
                                 "china's", "People's", "Hong", "kONG", "iPhone", "O'Neil",
                                 "Xi'an", "É", " ", "  ", "'", "-", "\0", ".", "\n"]),
                max_size=30))
def test_the_keys_and_candidates_are_the_words_folded_and_looked_up(pieces: list[str]) -> None:
    """(In ASCII text the words in lower case are told from the others in one pass over
    all the words' capitals, not word by word.)"""
    from zjopen.extract._region_index import _index

    text = "".join(pieces)
    words = Words(text)
    first_words = _index().first_words
    full = [text[s:e] for s, e in zip(words.starts, words.full_ends, strict=True)]
    assert words.raws == [w.casefold() for w in full]
    assert words.keys == [r[:-2] if i in words.possessive else r
                          for i, r in enumerate(words.raws)]
    assert words.candidates == [
        i for i, (t, k, r) in enumerate(zip(words.texts, words.keys, words.raws, strict=True))
        if (t[:1].isupper() or not t[:1].isascii()) and (k in first_words or r in first_words)]
