"""The "Phase One Stage Two" parts that end a name ("Ningbo Zhoushan Port Meishan Base
Phase One Stage Two": the base is the name), found in linear time.

>>> phase_start("Meishan Base Phase One Stage Two")
12
"""

from __future__ import annotations

from zjopen.lexicon.patterns import lazy_compile

__all__ = ["phase_start"]

# Each "Phase One", "Stage Two" part of a name, found where it begins (overlapping too).
_PHASE_PART = lazy_compile(r"(?=(\s(?:Phase|Stage)\s[A-Z0-9][\w-]*))")


def phase_start(chunk: str) -> int | None:
    r"""Where the "Phase One Stage Two" parts that end ``chunk`` begin, or None: what
    ``(?:\s(?:Phase|Stage)\s[A-Z0-9][\w-]*)+\Z`` finds, in linear time (that search read
    every later part from each part: quadratic). A part's extent is fixed (its last word
    ends at the next space), so the parts that reach the end are found from the last back."""
    ends = {m.start(): m.end(1) for m in _PHASE_PART.finditer(chunk)}
    reaching: set[int] = set()
    for begin in sorted(ends, reverse=True):
        if ends[begin] == len(chunk) or ends[begin] in reaching:
            reaching.add(begin)
    return min(reaching) if reaching else None
