"""The words of a sentence as a set, read once, for the scans that look for a few words.

A pattern that looks for one of a small table of words ("by", "march", "billion") is
tried by the regex engine at nearly every position of a sentence, and most sentences hold
none of them. Where each word of the table, in any match, is a whole run of letters (no
letter on either side), the set of the sentence's runs of letters proves in one set
operation that none is there. :func:`letter_runs` gives that set; the quantity scan and
the time scan ask for it for the same sentence, and the second gets the first's.
"""

from __future__ import annotations

__all__ = ["LETTERS_ONLY", "keep_runs", "letter_runs"]

# Every byte but a-z becomes a space: the runs of letters are then what split() gives.
LETTERS_ONLY = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))
"""The table of ``bytes.translate`` that makes the runs of a text's ``encode("ascii",
"replace")`` what ``split()`` gives (a caller with a document's text encoded translates
it once, and splits each sentence's slice)."""
_last: tuple[str, frozenset[bytes]] = ("", frozenset())  # the last text and its runs


def letter_runs(lowered: str) -> frozenset[bytes]:
    """Every run of ASCII letters a-z in ``lowered`` (lower-cased text) with no such letter
    before or after it, as bytes.

    >>> sorted(letter_runs("in march5, h1 über-growth"))
    [b'ber', b'growth', b'h', b'in', b'march']

    (Each character beyond ASCII is one ``?`` in the bytes, a space after translation:
    it ends a run as it ends ``[a-z]+``. The text asked for last is kept with its runs,
    and asked for again, the same object, it costs nothing.)"""
    global _last
    last = _last
    if last[0] is lowered:
        return last[1]
    runs = frozenset(lowered.encode("ascii", "replace").translate(LETTERS_ONLY).split())
    _last = (lowered, runs)
    return runs


def keep_runs(lowered: str, runs: frozenset[bytes]) -> frozenset[bytes]:
    """Keep ``runs``, made by the caller (``frozenset(split())`` of the translated slice of
    its document that ``lowered`` is), as :func:`letter_runs` of ``lowered``: asked for
    again, the same object, they cost nothing."""
    global _last
    _last = (lowered, runs)
    return runs
