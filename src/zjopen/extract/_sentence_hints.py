"""Whether a sentence with no digit holds a number hint or a time hint (the tries
MAY_HAVE_NUMBER and MAY_HAVE_TIME of ``figure_words.json``'s ``hints``), read run by run:
each hint is ASCII letters only, so a match lies inside one of the sentence's runs of
letters (:func:`~zjopen.lexicon._letter_runs.letter_runs`), and what each run holds is
kept. A sentence's runs are most often all known to hold none (one ``set.issuperset``, in
C), where the two tries were each searched through the whole sentence, letter by letter;
a sentence with a hint goes on to the time scan, which reads the same runs again for free."""

from __future__ import annotations

from zjopen.extract._figure_words import MAY_HAVE_NUMBER, MAY_HAVE_TIME
from zjopen.lexicon._letter_runs import keep_runs, letter_runs

NUMBER = 1
"""The flag of a number hint (else: a time hint only, or none)."""
TIME = 2

_KEPT = 1 << 15  # the most words kept in each table; past that, it starts afresh
_NONE: set[bytes] = set()  # runs of letters that hold neither hint
_FLAGS: dict[bytes, int] = {}  # runs that hold one: NUMBER, TIME or both


def hints(low: str, words: list[bytes] | None = None) -> int:
    """``NUMBER`` when the lower-cased sentence ``low`` holds a number hint
    (``MAY_HAVE_NUMBER.search(low)``); else ``TIME`` when it holds a time hint
    (``MAY_HAVE_TIME.search(low)``); else 0. Each hint is ASCII letters only: a match lies
    inside one of the sentence's runs of letters (:func:`letter_runs`, which the time scan
    of a sentence with a hint then reads again at no cost). ``words``: those runs as the
    caller split them, in a list (:func:`~zjopen.lexicon._letter_runs.keep_runs`): a
    sentence whose runs all hold none is told so without making a set of them."""
    if words is None:
        runs = letter_runs(low)
        if _NONE.issuperset(runs):
            return 0
    else:
        if _NONE.issuperset(words):
            return 0
        runs = keep_runs(low, frozenset(words))
    flags = 0
    known = _FLAGS.get
    # The answer does not hang on the runs' order (NUMBER if any run holds a number hint,
    # else what they hold together): the runs not known to hold none, once each.
    for run in runs.difference(_NONE):
        flag = known(run)
        if flag is None:
            flag = _flags(run)
            if not flag:
                continue
        if flag & NUMBER:
            return NUMBER
        flags |= flag
    return flags


def _flags(run: bytes) -> int:
    """What ``run`` holds, searched and kept."""
    word = run.decode("ascii")
    flag = ((MAY_HAVE_NUMBER.search(word) is not None)
            | (MAY_HAVE_TIME.search(word) is not None) << 1)
    table: set[bytes] | dict[bytes, int] = _FLAGS if flag else _NONE
    if len(table) >= _KEPT:
        table.clear()  # (flat memory: a long run of new words starts the table afresh)
    if flag:
        _FLAGS[run] = flag
    else:
        _NONE.add(run)
    return flag
