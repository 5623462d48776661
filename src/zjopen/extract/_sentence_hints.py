"""Whether a sentence with no digit holds a number hint or a time hint (the tries
MAY_HAVE_NUMBER and MAY_HAVE_TIME of ``figure_words.json``'s ``hints``), read word by
word: each hint is letters only, so a match lies inside one of the sentence's words
(split at white space), and what each word holds is kept. A sentence's words are most
often all known to hold none (one ``set.issuperset``, in C), where the two tries were
each searched through the whole sentence, letter by letter."""

from __future__ import annotations

from zjopen.extract._figure_words import MAY_HAVE_NUMBER, MAY_HAVE_TIME

NUMBER = 1
"""The flag of a number hint (else: a time hint only, or none)."""
TIME = 2

_KEPT = 1 << 15  # the most words kept in each table; past that, it starts afresh
_NONE: set[str] = set()  # words that hold neither hint
_FLAGS: dict[str, int] = {}  # words that hold one: NUMBER, TIME or both


def hints(low: str) -> int:
    """``NUMBER`` when the lower-cased sentence ``low`` holds a number hint
    (``MAY_HAVE_NUMBER.search(low)``); else ``TIME`` when it holds a time hint
    (``MAY_HAVE_TIME.search(low)``); else 0."""
    words = low.split()
    if _NONE.issuperset(words):
        return 0
    flags = 0
    known = _FLAGS.get
    # The answer does not hang on the words' order (NUMBER if any word holds a number
    # hint, else what they hold together): the words not known to hold none, once each.
    for word in set(words).difference(_NONE):
        flag = known(word)
        if flag is None:
            flag = _flags(word)
            if not flag:
                continue
        if flag & NUMBER:
            return NUMBER
        flags |= flag
    return flags


def _flags(word: str) -> int:
    """What ``word`` holds, searched and kept."""
    flag = ((MAY_HAVE_NUMBER.search(word) is not None)
            | (MAY_HAVE_TIME.search(word) is not None) << 1)
    table: set[str] | dict[str, int] = _FLAGS if flag else _NONE
    if len(table) >= _KEPT:
        table.clear()  # (flat memory: a long run of new words starts the table afresh)
    if flag:
        _FLAGS[word] = flag
    else:
        _NONE.add(word)
    return flag
