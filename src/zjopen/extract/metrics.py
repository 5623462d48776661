"""Metrics: every figure, with its unit, kind, qualifier, sign, period and indicator.

Where a sentence becomes a Metric: :func:`extract_metrics` walks the sentences;
:func:`zjopen.quantities.find_quantities` finds the numbers and units; the word tables
of ``data/figure_words.json`` (as patterns, :mod:`zjopen.extract._figure_words`) read
the kind ("up 5%" is a change), the qualifier ("over") and the sign ("fell");
:mod:`zjopen.extract.times` finds the time cues and :mod:`zjopen.extract._time_context`
gives the year. The subject region is the linker's job.

>>> from zjopen.document import read_document
>>> doc = read_document("In 2023, exports rose 5.2 percent to 4.1 billion yuan.")
>>> [(str(m.value), m.unit, m.kind.value, m.year, m.of) for m in extract_metrics(doc)]
[('5.2', '%', 'change', 2023, 'm37'), ('4100000000', 'CNY', 'level', 2023, None)]
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import accumulate

from zjopen._evolve import made_metric
from zjopen.document import Document, made_span
from zjopen.extract._figure_lists import (
    THE_TOTAL,
    carried,
    link_changes,
    respective_years,
    unit_from_before,
)
from zjopen.extract._figure_words import (
    BACK_OPENER,
    BASE_LEFT,
    ESTIMATE,
    ESTIMATE_MONTHS,
    TIME_PREPOSITION,
    YEAR_EARLIER,
    YEAR_EARLIER_SECOND,
    clause_break,
)
from zjopen.extract._indicators import indicator_of
from zjopen.extract._kinds import (
    NAME_GOES_ON,
    REACH,
    SPACED_DASHES,
    in_subject_aside,
    is_aside,
    is_not_a_metric,
    is_target,
    kind_of,
    may_have_target_after,
    may_have_target_words,
    qualifier_of,
)
from zjopen.extract._ranks import find_ranks
from zjopen.extract._sentence_hints import NUMBER, hints
from zjopen.extract._time_context import (
    Context,
    reported_unended,
    year_before,
    year_of,
    year_of_period,
)
from zjopen.extract._time_roles import range_end
from zjopen.extract.times import TimeMention, find_times
from zjopen.lexicon._letter_runs import LETTERS_ONLY, keep_runs
from zjopen.lexicon.patterns import lazy_compile
from zjopen.model import Metric, MetricKind, Period, Span
from zjopen.quantities import QuantityMatch, find_quantities

__all__ = ["extract_metrics"]

# The kinds as module names: MetricKind.X goes through EnumType's __getattr__ hook (a
# call of type.__getattribute__ each time, several times a global's cost), per figure.
_LEVEL, _SHARE, _CHANGE, _TARGET, _RANK = (
    MetricKind.LEVEL, MetricKind.SHARE, MetricKind.CHANGE, MetricKind.TARGET, MetricKind.RANK)


def _time_for(times: list[TimeMention], starts: list[int], text: str, start: int,
              end: int) -> TimeMention | None:
    """The time cue governing the figure at ``text[start:end]``: in its own clause the
    last cue before it, else the first after it; else the last before it in the
    sentence. Comparison bases ("from the same period last year") and the years things
    began ("Founded in 1994, ...") never govern. ``starts``: where ``times`` start."""
    if not times:
        return None
    # Only cues near the figure can govern it: a window keeps a huge "sentence" linear.
    first = bisect.bisect_left(starts, start - REACH)
    last = bisect.bisect_right(starts, end + REACH)
    usable = []
    for t in times[first:last]:
        if t.origin:
            continue
        if not t.comparison:
            usable.append(t)
        elif t.end <= start and _BASE_OWN.fullmatch(text, t.end, start):
            return t  # "more than last year's total of 480 million": the base's own year
    if not usable:
        return None
    high = -1  # where the figure's clause ends: read when a cue after it is to be tested
    for t in usable:
        if end <= t.start <= end + 24 and high < 0:
            high = _clause_end(text, end)
        if (end <= t.start <= end + 24 and t.end <= high
                and not any(map(str.isdigit, text[end : t.start]))
                and (TIME_PREPOSITION.search(text, end, t.start)
                     or not text[t.start : t.start + 1].isdigit())):
            return t  # "95 billion yuan in 2022"
    earlier = [t for t in usable if t.end <= start]
    if earlier:
        near = max(0, start - REACH)
        breaks = clause_break(text, near, start).finditer(text, near, start)
        low = max((m.end() for m in breaks), default=0)
        for t in reversed(earlier):
            if low <= t.start:
                return None if _AND_PERFECT.search(text, t.end, start) else t
    for t in usable:
        if end <= t.start:
            if high < 0:
                high = _clause_end(text, end)
            if t.end <= high:
                return t
    if not earlier or _AND_PERFECT.search(text, earlier[-1].end, start):
        return None  # "was set up in 1993 and has since attracted 57 ...": the present
    return earlier[-1]


_BULLETS = ("- ", "-\t", "• ", "· ", "* ")  # (en and em dashes are "-" in Document.norm)


def _list_item(norm: str, paragraphs: Sequence[Span], index: int) -> int:
    """1 when paragraph ``index`` is the first item of a list the paragraph before opens
    with a colon ("The figures for the 12 months to December 31, 2023, show:"), 2 when it
    is a later item ("- Revenue of 179 billion RMB, up 21%" after another), else 0: the
    time in force where the list began holds for each item."""
    if index == 0 or not norm.startswith(_BULLETS, paragraphs[index].start):
        return 0
    before = paragraphs[index - 1]
    if norm.startswith(_BULLETS, before.start):
        return 2
    return 1 if norm[before.start : before.end].rstrip().endswith(":") else 0


def _clause_end(text: str, end: int) -> int:
    """Where the clause of a figure ending at ``end`` ends: at the next clause break
    within reach, else at the end of ``text``."""
    following = clause_break(text, end, end + REACH).search(text, end, end + REACH)
    return following.start() if following else len(text)


def extract_metrics(doc: Document) -> list[Metric]:
    """One :class:`Metric` per figure in ``doc``, in text order."""
    metrics: list[Metric] = []
    published = doc.published
    paragraph_index = 0
    context = Context()
    list_context: Context | None = None  # the time in force where a list began
    lowered = doc.lower  # what the case-insensitive patterns read
    amount_unit: str | None = None  # the unit of the paragraph's last scaled amount
    before_unit: str | None = None  # ... and of the paragraph before
    paragraphs = doc.paragraphs
    last_paragraph = len(paragraphs) - 1
    norm = doc.norm
    # Each digit as "0", each character one byte (beyond ASCII, "?"): where the next
    # digit is, found by bytes.find (a search for [0-9] tested each character in turn).
    encoded = lowered.encode("ascii", "replace")
    digits = encoded.translate(_DIGITS_AS_ZERO)
    # ... and each letter a-z as it is, any other byte a space: each sentence's runs of
    # letters (letter_runs) split from its slice, not encoded and translated again
    letters = encoded.translate(LETTERS_ONLY)
    digit = -1  # where the first digit at or after the last sentence's start is (or none)
    # With no "\x1c"-"\x1f" (as ingested text has none; each found by memchr), an ASCII
    # sentence's time scans run in ASCII mode (find_times's ``plain``)
    plain = all(space not in encoded for space in _UNICODE_ONLY_SPACES)
    # Where the paragraph in force ends, while a later one follows (else past any start)
    boundary = paragraphs[0].end if last_paragraph > 0 else len(norm)
    for sentence in doc.sentences:
        start = sentence.start
        if boundary < start:
            while paragraph_index < last_paragraph and paragraphs[paragraph_index].end < start:
                paragraph_index += 1
                item = _list_item(norm, paragraphs, paragraph_index)
                if item == 1:  # the first item of a list "... show:" opens: its time
                    list_context = context  # holds for each item
                elif item == 2 and list_context is not None:
                    context = list_context
                elif not BACK_OPENER.match(lowered, paragraphs[paragraph_index].start):
                    context = context.next_paragraph(published)  # ("Of the total, ...")
                    list_context = None
                before_unit, amount_unit = amount_unit, None
            boundary = (paragraphs[paragraph_index].end if paragraph_index < last_paragraph
                        else len(norm))
        low = lowered[start : sentence.end]
        if amount_unit is None and before_unit is not None and THE_TOTAL.search(low):
            amount_unit = before_unit  # "...13 billion yuan.\n\nThe total is to top 15 billion"
        # Cheap prefilters keep the full patterns off sentences that cannot match them.
        if digit < start:  # one search finds it for the digitless sentences before it too
            digit = digits.find(b"0", start)
            if digit < 0:
                digit = len(lowered)
        if digit < sentence.end:  # a digit in the sentence
            numbers = True
            keep_runs(low, frozenset(letters[start : sentence.end].split()))
        else:
            # a number hint, else a time hint, else none
            hinted = hints(low, letters[start : sentence.end].split())
            if not hinted:
                continue  # no figure, no time cue: the context goes on as it is
            numbers = hinted == NUMBER
        text = norm[start : sentence.end]
        times = list(find_times(text, published, lowered=low,
                                plain=plain and low.isascii()))
        if numbers:
            found = _sentence_metrics(doc, sentence, text, low, times, context, published,
                                      digit - start)
            if found:
                found, amount_unit = unit_from_before(found, amount_unit, norm)
                metrics.extend(found)
        if times:
            context = context.after(times, published)
    return metrics


_STATES = (_LEVEL, _SHARE)  # (no change, target or rank)
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
# The ASCII characters \s matches in Unicode mode alone
_UNICODE_ONLY_SPACES = (b"\x1c", b"\x1d", b"\x1e", b"\x1f")


def _sentence_metrics(
    doc: Document, sentence: Span, text: str, low: str, times: list[TimeMention],
    context: Context, published: date | None, digit: int = 0,
) -> list[Metric]:
    """The figures of one sentence; ``low`` is its text lower-cased (:func:`ascii_lower`),
    which the case-insensitive context patterns read; no digit is before ``digit``."""
    base = sentence.start
    whole = doc.text
    opens = not base or whole[base - 1] == "\n"  # (the sentence opens a paragraph)
    found: list[Metric] = []
    uncued: set[int] = set()  # where figures with no time cue of their own start
    rank_spans = list(find_ranks(text, low, base))
    starts = [t.start for t in times]
    # Whether the sentence may hold a target word before (after) a figure: else no window
    # is searched for them. Read once, for the first figure that may be a target.
    hints: tuple[bool, bool] | None = None
    for start, end, position, rank_kind in rank_spans:
        cue = _time_for(times, starts, text, start - base, end - base)
        if cue is None:
            uncued.add(start)
        # (made_metric: no checks, right by construction: an int position, a known unit,
        # a MetricKind from find_ranks, a span of the text, a year or None)
        found.append(made_metric(
            value=Decimal(position), unit="rank", kind=rank_kind,
            span=made_span(start, end, whole[start:end]),
            year=year_of(cue, rank_kind, context, published,
                       low, max(0, start - base - REACH), start - base),
        ))
    # Where each rank starts, and the furthest any rank up to it reaches (none: -1 last): a
    # quantity inside one is told by bisect, not by a test of every rank (a sentence of
    # thousands of ranks and figures was quadratic)
    if rank_spans:
        rank_starts = [s for s, _, _, _ in rank_spans]
        rank_reach = [*accumulate([e for _, e, _, _ in rank_spans], max), -1]
    for quantity in find_quantities(text, lowered=low, digits_from=digit, years=False):
        q_start, q_end = quantity.start, quantity.end
        if rank_spans and base + q_start < rank_reach[
                bisect.bisect_right(rank_starts, base + q_start) - 1]:
            continue  # inside a rank ("ranked 3rd")
        if quantity.form == "vague" or is_not_a_metric(text, low, quantity, opens):
            continue
        if (quantity.form == "word" and q_start and text[q_start].isupper()
                and NAME_GOES_ON.match(text, q_end)
                and not text.endswith(SPACED_DASHES, 0, q_start)):  # (a dateline's)
            continue  # "the "Ten Thousand Enterprises Go Global" campaign": a name
        near = q_start - 60 if q_start > 60 else 0
        far = q_start - REACH if q_start > REACH else 0
        left = low[near:q_start]
        right = low[q_end : q_end + 60]
        kind, fall = kind_of(left, right, quantity, text, near)
        cue = _time_for(times, starts, text, q_start, q_end) if times else None
        if kind is _CHANGE and cue is not None and cue.start >= q_end:
            cue = range_end(low, q_end, cue, times, starts)  # "..., from A in 2015 to B in 2016"
        own, anaphor = context, False
        if cue is not None and cue.same_period:  # "during the period": the period in force,
            own, cue, anaphor = context.after([cue], published), None, True  # or named last
        estimate = (_estimate(low, far, q_start, own.year, published)
                    if cue is None and own.year is not None and published is not None
                    and "ted to " in left else None)
        if kind is not _RANK and estimate is None and not (
                text[q_start - 1 : q_start] == "(" and is_aside(text, quantity)):
            if hints is None:
                hints = may_have_target_words(low), may_have_target_after(low)
            # (is_target's first tests, written out: with no target word in the sentence,
            # only a deadline makes a target)
            if (cue is not None and cue.target) or ((hints[0] or hints[1]) and is_target(
                    text, low, q_start, cue, published,
                    aside=left if kind is _CHANGE else None,
                    hinted=hints[0], hinted_after=hints[1])):
                kind = _TARGET  # also a change: "exports are expected to grow 8%"
        if cue is None and kind is _TARGET and times:
            # "over 150 million tons, ..., and 1.6 million TEUs by the end of 2025": a
            # deadline later in the sentence (within reach) is its targets' before it
            after = times[bisect.bisect_left(starts, q_end) : bisect.bisect_right(
                starts, q_end + REACH)]
            cue = next((t for t in after if t.target), None)
        year = (estimate if estimate is not None
                else year_of(cue, kind, own, published, low, far, q_start))
        if (published is not None and cue is not None and cue.start >= q_end
                and kind in _STATES and in_subject_aside(low, q_start, q_end, cue.start)):
            year = published.year  # "The market, with 50,000 stalls, reported ... in 2023"
        if (year is not None and right[1:2] in YEAR_EARLIER_SECOND
                and YEAR_EARLIER.match(right) and BASE_LEFT.search(left)
                and not (cue is not None and cue.previous and not cue.relative)):
            year -= 1  # "up from 6.9 percent a year earlier": the year before
        if cue is None and not anaphor:
            uncued.add(base + q_start)
        period = cue.period if cue is not None and not cue.since else (
            own.period if cue is None else None)
        if cue is not None and cue.whole_year and cue.anaphoric and year is not None:
            period = Period.year(year)  # "The port supplied 6.02 million tons that year"
        if (cue.unended if cue is not None else own.unended) and reported_unended(
                True, kind, low[far:q_start]):
            period = year_before(period)
        if cue is None and period is not None and year != year_of_period(period):
            period = None  # "It has attracted 320 firms": the state now, not the year before's
        # (made_metric: no checks, right by construction: the finite Decimals and known
        # unit of find_quantities, the members of kind_of and qualifier_of, a span of the
        # text; the optional texts are made None when blank, and shared, as by Metric)
        qualifier = qualifier_of(left, quantity)
        indicator = indicator_of(text[far : q_start + 1], low[far : q_start + 1],
                                 q_start - far, text[q_end : q_end + 80], quantity.unit)
        found.append(made_metric(
            value=-quantity.value if fall else quantity.value, unit=quantity.unit,
            span=made_span(base + q_start, base + q_end, whole[base + q_start : base + q_end]),
            kind=kind, qualifier=qualifier, year=year, period=period, indicator=indicator,
            noun=quantity.noun, high=quantity.high,
        ))
        if (high := quantity.high) is not None and _two_bounds(quantity, high):
            # "cutting costs by 20-40 percent": the upper bound is a figure of its own
            # (GUIDELINES: both bounds are figures), with the range's kind, sign and time
            at = base + quantity.high_start
            found.append(made_metric(
                value=-high if fall else high, unit=quantity.unit,
                span=made_span(at, base + q_end, whole[at : base + q_end]),
                kind=kind, qualifier=qualifier, year=year, period=period,
                indicator=indicator, noun=quantity.noun,
            ))
    if rank_spans:
        found.sort(key=lambda m: m.span.start)  # (the quantities come in text order)
    found = respective_years(carried(found, doc.text), text, base)
    return link_changes(found, uncued, context.reported, whole) if found else found


def _two_bounds(quantity: QuantityMatch, high: Decimal) -> bool:
    """Whether a range's upper bound is a figure of its own: a range that rises ("978-3"
    of a book number is none) of an amount, or of things it names ("5-10 trains"; not
    bare numbers, "pages 2579-2605")."""
    return high > quantity.value and quantity.high_start > quantity.start and (
        quantity.unit != "count" or quantity.noun is not None)


def _estimate(low: str, far: int, start: int, year: int, published: date) -> int | None:
    """``year`` (the year in force) when the figure at ``start`` is an estimate of it, a
    year already ended: "GDP was estimated to have grown 5.2 percent", or "... is
    expected to increase by 3 percent" about the year before, read early in the next."""
    found = ESTIMATE.search(low, far, start)
    if found is None or year >= published.year or low.find(" will ", far, start) >= 0:
        return None  # (none beside a plan: "will build 3 parks and is expected to ...")
    if found["perfect"] or (year == published.year - 1 and published.month <= ESTIMATE_MONTHS):
        return year
    return None


# A verb in the present perfect joined to the clause of a time cue: the cue dates the
# first verb alone ("was designated in 1993 and has since attracted 57 firms")
_AND_PERFECT = lazy_compile(r"\band\s(?:has|have)\s")
_BASE_OWN = lazy_compile(r"'s\s(?:[a-z-]+\s){0,2}of\s(?:[a-z]+\s){0,2}")
