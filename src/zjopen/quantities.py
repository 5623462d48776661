"""Numbers with units, as English news writes them, found in one linear pass.

>>> [(q.value, q.unit) for q in find_quantities("trade of 450.16 billion yuan, up 91.3%")]
[(Decimal('450160000000'), 'CNY'), (Decimal('91.3'), '%')]
>>> q = parse_quantity("US$2.696 billion")
>>> q.value, q.unit
(Decimal('2696000000'), 'USD')
>>> parse_quantity("21mu").unit, parse_quantity("8800-ton").value
('mu', Decimal('8800'))
>>> parse_quantity("eightfold").value, parse_quantity("10,000-plus").qualifier
(Decimal('8'), 'more_than')

Text is expected in the folded form of :func:`zjopen.document.normalise` (ASCII quotes,
dashes and digits); offsets are character offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

import attrs

from zjopen._article_checks import plain_init
from zjopen.lexicon._exact import _EXACT, _absolute, _times
from zjopen.lexicon._exact import MAX_DIGITS as MAX_DIGITS
from zjopen.lexicon._exact import parse_number as parse_number
from zjopen.lexicon._exact import scaled as scaled
from zjopen.lexicon._quantity_patterns import _DIGITS as _DIGITS
from zjopen.lexicon._quantity_patterns import QuantityPatterns as _Patterns
from zjopen.lexicon._quantity_patterns import bare_year, pattern_sources

# (the counted noun is read there too; tests/test_quantity_scans.py reads these here)
from zjopen.lexicon._quantity_words import _NOUN_STOP as _NOUN_STOP
from zjopen.lexicon._quantity_words import _noun as _noun
from zjopen.lexicon._quantity_words import _plural as _plural
from zjopen.lexicon._quantity_words import may_have_words, millions_before, word_keys, word_matches
from zjopen.lexicon.numbers import cardinals, number_table
from zjopen.lexicon.patterns import (
    ascii_lower,
    guarded_compile,
    lazy_compile,
    lower_pattern,
    phrase_alt,
)
from zjopen.lexicon.units import unit_table

__all__ = ["RATIO_UNITS", "QuantityMatch", "find_quantities", "parse_number", "parse_quantity"]


@attrs.frozen
class QuantityMatch:
    """A number found in text: its value in absolute terms, unit, and where it is.

    ``unit`` is ``"count"`` for a bare number; ``noun`` is then the counted noun when
    one follows ("3000 mold companies"). ``qualifier`` comes from "-plus" or a sign
    inside the figure; context words ("over", "nearly") are read by the extractor.
    """

    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str = "exact"
    high: Decimal | None = None
    noun: str | None = None
    form: str = "digits"  # digits, word, multiple, fraction, vague, duration
    scale: Decimal = Decimal(1)  # what the written number was multiplied by
    high_start: int = -1  # where a range's upper bound is written ("10" of "5 to 10")


# (attrs' __init__, each field set through its slot: a sentence makes several)
setattr(QuantityMatch, "__init__", plain_init(QuantityMatch))  # noqa: B010

_new = object.__new__
_SLOT_SET: dict[str, Any] = {field.name: QuantityMatch.__dict__[field.name].__set__
                             for field in attrs.fields(QuantityMatch)}
(_set_start, _set_end, _set_value, _set_unit, _set_qualifier, _set_high, _set_noun, _set_form,
 _set_scale, _set_high_start) = (_SLOT_SET[name] for name in (
    "start", "end", "value", "unit", "qualifier", "high", "noun", "form", "scale", "high_start"))
_NO_HIGH_START = -1


def _made_digits(start: int, end: int, value: Decimal, unit: str, qualifier: str,
                 noun: str | None, scale: Decimal) -> QuantityMatch:
    """``QuantityMatch(start, end, value, unit, qualifier, None, noun, scale=scale)``, the
    quantity of most numbers written in digits, made without calling the class: its slots
    set as its ``__init__`` sets them, without the call of a class with keywords (an
    arguments tuple and dict made, then read again)."""
    quantity: QuantityMatch = _new(QuantityMatch)
    _set_start(quantity, start)
    _set_end(quantity, end)
    _set_value(quantity, value)
    _set_unit(quantity, unit)
    _set_qualifier(quantity, qualifier)
    _set_high(quantity, None)
    _set_noun(quantity, noun)
    _set_form(quantity, "digits")
    _set_scale(quantity, scale)
    _set_high_start(quantity, _NO_HIGH_START)
    return quantity


@cache
def _patterns() -> _Patterns:
    table = number_table()
    units = unit_table()
    before = {b.casefold(): u.code for u in units.values() for b in u.before}
    after = {a.casefold(): u.code for u in units.values() for a in u.after}
    scales = {k.casefold(): int(v) for k, v in table["scales"].items()}
    words = [*cardinals(), *table["fractions"], *table["vague"], *table["durations"]]
    multiples = [*table["multiples"], *table["qualified_multiples"]]
    number_source, prefix_source, words_source, unit_after_source, starts_source = \
        pattern_sources(words, multiples, list(scales), list(before), list(after))
    number = lazy_compile(number_source, re.IGNORECASE)
    prefix = guarded_compile(prefix_source, re.IGNORECASE)
    # On ASCII text IGNORECASE matches what the pattern in lower case matches in the text
    # lower-cased (no currency or unit holds a character that folds to an ASCII letter:
    # tests/test_quantity_unit_ascii.py), at less than half the cost.
    prefix_ascii = lazy_compile(lower_pattern(prefix_source))
    # (matched against ASCII-lower-cased text: IGNORECASE is slow)
    words_re = lazy_compile(words_source)
    unit_after = lazy_compile(unit_after_source, re.IGNORECASE)
    unit_after_ascii = lazy_compile(lower_pattern(unit_after_source))  # as prefix_ascii
    # Where a match of words_re can begin: where one of its words does (a trie, which the
    # engine skips along to in C; words_re is tried there alone: word_matches).
    word_starts = lazy_compile(starts_source)
    all_words = [w.lower() for w in [*words, *multiples]]
    return _Patterns(number, prefix, prefix_ascii, words_re, word_starts, word_keys(all_words),
                     unit_after, unit_after_ascii, before, after, scales,
                     frozenset(b for b in before if len(b) == 1),
                     frozenset(b[-2:] for b in before if len(b) > 1))


_RANGE_WORDS = r"\s?(?:-|to|~|and)\s?"  # between a range's ends: "5-10", "5 to 10"
_RANGE_GAP = lazy_compile(rf"\A{_RANGE_WORDS}\Z")
_FROM = guarded_compile(r"\bfrom\b[^,;.0-9]{0,16}\Z")
_YEARISH = lazy_compile(r"\A(?:19|20)[0-9]{2}\Z")


def find_quantities(text: str, *, lowered: str | None = None, digits_from: int = 0,
                    years: bool = True) -> Iterator[QuantityMatch]:
    """Every quantity in ``text``, left to right, non-overlapping; "5 to 10 days" and
    "between 3 and 5 percent" are one quantity with ``high`` set. ``lowered``:
    :func:`~zjopen.lexicon.patterns.ascii_lower` of ``text``, when the caller has it;
    ``digits_from``: where its first digit is, when the caller knows (none before).
    ``years=False``: bare years left out (``bare_year``; one just after digits may be
    kept), no other quantity changed."""
    found = _find(text, ascii_lower(text) if lowered is None else lowered, digits_from, years)
    if len(found) < 2:
        return iter([q for q in found if q.form != _WORD_LOW] if found else found)
    out: list[QuantityMatch] = []
    pending: QuantityMatch | None = None
    for quantity in found:
        if pending is not None:
            # (_range's first test, written out: most neighbours are no range)
            merged = _range(text, pending, quantity) if (
                quantity.start - pending.end <= 5 and pending.form in _LOW_FORMS
                and quantity.form in _HIGH_FORMS) else None
            if merged is not None:
                out.append(merged)
                pending = None
                continue
            if pending.form != _WORD_LOW:  # (a range's first word alone: no figure)
                out.append(pending)
        pending = quantity
    if pending is not None and pending.form != _WORD_LOW:
        out.append(pending)
    return iter(out)


# "seven to 10 days", "two to three million tons": a number word with no unit or noun,
# kept (as _WORD_LOW) only as the low end of a range
_WORD_LOW = "word-low"
_LOW_FORMS, _HIGH_FORMS = ("digits", _WORD_LOW), ("digits", "word")


def _range(text: str, low: QuantityMatch, high: QuantityMatch) -> QuantityMatch | None:
    if (high.start - low.end > 5 or low.form not in _LOW_FORMS or high.form not in _HIGH_FORMS
            or not _RANGE_GAP.match(gap := text[low.end : high.start])):
        return None  # (no gap of _RANGE_GAP is longer than " and ")
    before = text[max(0, low.start - 24) : low.start].casefold()
    if gap.strip() == "and" and not before.endswith("between "):
        return None
    if _FROM.search(before):
        return None  # "from (just over) 23 to 1,100" states two values
    if _YEARISH.match(text[low.start : low.end]):
        return None
    if (low.unit != "count" and high.unit == "count" and high.noun is None and high.scale != 1
            and not text[low.start].isdigit()):
        # "$10-20 million": the currency is written once, before the range (not "rose 10.9
        # percent to 960 million": a change and a level)
        return QuantityMatch(low.start, high.end, _absolute(_times(low.value, high.scale)),
                             low.unit, low.qualifier, high.value, None, "digits", high.scale,
                             high.start)
    if low.unit not in (high.unit, "count"):
        return None
    if low.unit == "count" and low.noun is not None:
        return None
    scale = high.scale if low.scale == 1 else Decimal(1)
    value = _absolute(_times(low.value, scale))
    if low.form == _WORD_LOW and not value < high.value:
        return None  # ("seven-5": no range)
    return QuantityMatch(low.start, high.end, value, high.unit, low.qualifier, high.value,
                         high.noun, "word" if low.form == _WORD_LOW else "digits", high.scale,
                         high.start)


def _find(text: str, lowered: str, digits_from: int = 0, years: bool = True
          ) -> list[QuantityMatch]:
    patterns = _patterns()
    low_ascii = lowered if lowered.isascii() else None
    found = _digit_quantities(text, patterns, low_ascii, digits_from, years)  # in order, apart
    words = _word_quantities(text, lowered, patterns)
    if words:
        found = sorted([*found, *words], key=attrgetter("start"))
    out: list[QuantityMatch] = []
    end = -1
    for quantity in found:
        if quantity.start >= end:
            out.append(quantity)
            end = quantity.end
    return out


def _digit_quantities(text: str, patterns: _Patterns, low_ascii: str | None = None,
                      digits_from: int = 0, years: bool = True) -> list[QuantityMatch]:
    """The quantities written with digits in ``text``; ``low_ascii``: the text lower-cased
    where it is ASCII (:func:`_digit_quantity`); ``digits_from``: no digit is before it
    (every match of ``number`` begins with one: the scan starts there); ``years=False``:
    bare years left out (:func:`~zjopen.lexicon._quantity_patterns.bare_year`)."""
    singles, pairs, prefix_re = patterns.prefix_singles, patterns.prefix_pairs, patterns.prefix
    if low_ascii is not None:  # (the currency is then lower-cased: only its casefold counts)
        prefix_text, prefix_re = low_ascii, patterns.prefix_ascii
    else:
        prefix_text = text
    out: list[QuantityMatch] = []
    known = _BEFORE_DIGITS.get
    for match in patterns.number.finditer(text, digits_from):
        start = match.start()
        pre: str | None = None
        if start:
            before = text[start - 3 if start > 3 else 0 : start]
            seen = known(before)
            if seen is None:
                seen = _before_digits(before, singles, pairs)
            if seen & _MAY_PREFIX:
                prefix = prefix_re.search(prefix_text, max(0, start - 10), start)
                if prefix is not None:
                    at = prefix.start()
                    if at == 0 or not ((char := text[at - 1]).isalnum() or char in "_.$"):
                        pre, start = prefix.group().strip(), at
            if pre is None and seen & _GLUED:
                continue  # inside a word or a number (_glued): "C2", "H1", "$"-less "US2"
        if (not years and pre is None and match.end() - start == 4
                and bare_year(text, start, patterns, low_ascii, out)):
            continue
        found = _digit_quantity(text, match, patterns, start, pre, low_ascii)
        if found is not None:
            out.append(found)
    return out


_MAY_PREFIX, _GLUED = 1, 2  # what _before_digits tells
_BEFORE_DIGITS: dict[str, int] = {}  # what it told of the characters before digits


def _before_digits(before: str, singles: frozenset[str], pairs: frozenset[str]) -> int:
    """Of the (up to) three characters ``before`` a number's digits, kept: _MAY_PREFIX if a
    currency may end right before the digits or before a space there (the test that it
    never misses one is tests/test_quantity_scans.py's), _GLUED if they follow a letter,
    digit, "_", "." or "$" (inside a word or a number)."""
    last = before[-2:].lower()
    may = not last.isascii() or last[-1] in singles or last in pairs
    if not may and len(before) > 1 and last[-1].isspace():
        last = before[-3:-1].lower()
        may = not last.isascii() or last[-1] in singles or last in pairs
    char = before[-1]
    if len(_BEFORE_DIGITS) >= 4096:
        _BEFORE_DIGITS.clear()  # (flat memory)
    seen = _BEFORE_DIGITS[before] = (_MAY_PREFIX if may else 0) | (
        _GLUED if char.isalnum() or char in "_.$" else 0)
    return seen


def _word_quantities(text: str, lowered: str, patterns: _Patterns) -> list[QuantityMatch]:
    out: list[QuantityMatch] = []
    if not may_have_words(lowered, patterns.word_keys):
        return out  # no match the loop below would keep
    matches = word_matches(lowered, patterns.word_starts, patterns.words)
    if not matches:
        return out
    table = number_table()
    for match in matches:
        start, end = match.span()
        if start > 0 and ((char := text[start - 1]).isalnum() or char in "_-"):
            continue  # glued to a word: [\w-]
        if match["mult"]:
            word = match["mult"].casefold()
            if word in table["qualified_multiples"]:
                if lowered[end : end + 1] == "-" or not _multiple_qualifier().search(
                        lowered, max(0, start - 16), start):
                    continue  # "double-digit growth", "Double 11": no multiple
                value = Decimal(str(table["qualified_multiples"][word]))
            else:
                value = Decimal(str(table["multiples"][word]))
            out.append(QuantityMatch(start, end, value, "times", form="multiple"))
        else:
            out.extend(_word_quantity(text, match, patterns, table))
    return out


@cache
def _multiple_qualifier() -> re.Pattern[str]:
    """A qualifier right before a multiple that is one only so ("more than double"):
    numbers.json's multiple_qualifiers, matched in the lower-cased text."""
    qualifiers = phrase_alt(number_table()["multiple_qualifiers"], space=r"\s")
    return lazy_compile(rf"\b{qualifiers}\s\Z")


_PARTITIVE = lazy_compile(  # "Of the city's 11 investments, " opening a sentence
    r"(?:\A|[.;]\s|\n)(?:[A-Z][a-z]+\s)?(?:[Oo]f|[Aa]mong)\s"  # ("Among the nine ...")
    r"(?:the|its|their|these|those|[A-Z][a-z]+'s)\s[^,.;\n]{1,60},\s\Z"
    r"|(?:\A|[.;]\s|\n)[Aa]mong\sthem,\s\Z"  # "Among them, two are in Ningbo"
    r"|,\s(?:among|of)\swhich\s\Z")  # "43 companies, among which three are from Wenzhou"


# "Five of them are cities in Zhejiang", "three of the nine candidates", "six out of seven
# routes": a number word that counts part of a group named after it. (A number word right
# after "the", "all" or "both" refers back to the group: "the two of them" is no count.)
_PARTITIVE_AFTER = lazy_compile(
    r"""\s(?:out\sof\s                                 # "six out of seven", "out of 10"
         |of\s(?:the|its|their|them|these|those|which|whom  # a group named next or before
              |[A-Z][\w-]*'s)\b)                        # "of China's"
    """, re.VERBOSE)
# "one in every five", "one in three", "one out of every seven" (not "one of three ports")
_ONE_IN_EVERY = lazy_compile(r"\bone\s(?:in\s(?:every\s)?|(?:out\s)?of\severy\s)\Z")
_WORD_RANGE_NEXT = lazy_compile(rf"{_RANGE_WORDS}[0-9a-z]")  # (a range's gap, then a number)
_BACK_REFERENCE = lazy_compile(r"\b(?:the|all|both|these|those)\s\Z", re.IGNORECASE)


def _digit_quantity(text: str, match: re.Match[str], patterns: _Patterns, start: int,
                    pre: str | None, low_ascii: str | None = None) -> QuantityMatch | None:
    """The quantity of the digits ``match`` found; ``low_ascii``: ``text`` lower-cased where it
    is ASCII, which the unit after the digits is matched in faster."""
    # (by number: "num", "plus", "scale", "short" and "plus2", without looking them up)
    num, plus, scale_word, short, plus2 = match.group(1, 2, 3, 4, 5)
    end = match.end()
    if len(num) > MAX_DIGITS and parse_number(num) is None:
        return None
    scale = 1
    if scale_word:
        scale = patterns.scales[scale_word.casefold()]
    elif short:
        if not pre:
            if short != "m":
                return None  # "4G" is a network, "5k" a race
            if not millions_before(text, end, patterns.unit_after, patterns.after):
                value = parse_number(num)  # "50m tall": metres ("27.26m teu": millions)
                return None if value is None else QuantityMatch(start, end, _absolute(value), "m")
        scale = patterns.scales[short.casefold()]
    if (text[end : end + 1] == "/" and text[end + 1 : end + 2].isdigit()) or (
            text[start - 1 : start] == "/" and text[start - 2 : start - 1].isdigit()):
        return None if pre else _slashed(text, match, start, end)
    unit = patterns.before.get(pre.casefold()) if pre else None
    after = (patterns.unit_after.match(text, end) if low_ascii is None
             else patterns.unit_after_ascii.match(low_ascii, end))
    if after is not None and (unit is None or patterns.after[after["unit"].casefold()] == unit):
        unit = patterns.after[after["unit"].casefold()] if unit is None else unit
        end = after.end()
    elif end < len(text) and (text[end].isalpha() or text[end].isdigit()):
        return None  # glued to letters: a model number or a name ("4G", "C2", "12th")
    qualifier = "more_than" if (plus or plus2) else "exact"
    noun = None
    if unit is None:
        unit = "count"
        noun = _noun(text, end)
    if (num[-4:] == ".000" and scale == 1 and len(num) <= 7 and unit not in RATIO_UNITS
            and "," not in num):
        num = num[:-4] + "000"  # "more than 60.000 automobiles": a dot between thousands
    amount = _amount(num, scale, unit)
    if amount is None:
        return None
    unit, value, scaled = amount
    return _made_digits(start, end, value, unit, qualifier, noun, scaled)


RATIO_UNITS = frozenset(("%", "pp", "times", "‰"))
"""The units of ratios and multiples: no thousands of them ("2.000 percent")."""
# A fraction of a whole in digits, "less than 1/400 of the area", is a share (as "one-third")
_FRACTION = lazy_compile(r"/([1-9][0-9]{0,5})(?=\s(?:of|the)\b)")  # the denominator
_HUNDREDTHS = Decimal("0.01")


def _slashed(text: str, match: re.Match[str], start: int, end: int) -> QuantityMatch | None:
    """Digits beside a slash and digits: a fraction of a whole ("1/400 of") is a share in
    percent; any other ("24/7", "9/11", "3/15/2024", "2019/20", "1.5/2") is no figure."""
    num, at = match["num"], match.start()
    fraction = None if text[at - 1 : at] == "/" or not num.isdigit() or end != match.end(
        "num") else _FRACTION.match(text, end)
    if fraction is None or int(num) >= int(den := fraction[1]):
        return None
    share = _EXACT.divide(_times(int(num), 100), Decimal(den)).quantize(_HUNDREDTHS)
    return QuantityMatch(start, fraction.end(), _absolute(share), "%", form="fraction")


@lru_cache(maxsize=4096)
def _amount(num: str, scale: int, unit: str) -> tuple[str, Decimal, Decimal] | None:
    """The unit, absolute value and scale of digits ``num`` times ``scale`` in ``unit``
    (converted, :func:`_converted`); None where :func:`parse_number` gives None. Cached:
    an article repeats its figures, and the Decimal work is the slow part."""
    value = parse_number(num)
    if value is None:
        return None
    unit, factor = _converted(unit)
    return unit, _absolute(_times(value, scale, factor)), _times(scale, factor)


def _converted(unit: str) -> tuple[str, Decimal]:
    """Units reported in another ("acre" in "ha"), with the factor."""
    info = unit_table()[unit]
    return (info.convert_to, info.factor) if info.convert_to else (unit, Decimal(1))


def _word_quantity(text: str, match: re.Match[str], patterns: _Patterns,
                   table: dict[str, dict[str, Any]]) -> Iterator[QuantityMatch]:
    word = match["word"].casefold()
    if word in table["durations"]:
        amount, unit = table["durations"][word]
        yield QuantityMatch(match.start(), match.end(), Decimal(amount), unit, form="duration")
        return
    if word in table["fractions"]:
        following = text[match.end():match.end() + 5]
        preceding = text[max(0, match.start() - 8):match.start()].casefold()
        if preceding.endswith(("first ", "second ", "latter ", "former ")):
            return  # "the first half of the year" is a period
        if following.startswith((" of", " the")):
            yield QuantityMatch(match.start(), match.end(),
                                Decimal(str(table["fractions"][word])), "%", form="fraction")
        return
    if word in table["vague"]:
        value = Decimal(str(table["vague"][word]))
        noun = _noun(text, match.end())
        yield QuantityMatch(match.start(), match.end(), value, "count", "approx", noun=noun,
                            form="vague")
        return
    value = Decimal(str(table["cardinals"][word]))
    if value >= 2 and not match["wscale"] and (
            one := _ONE_IN_EVERY.search(match.string, max(0, match.start() - 24),
                                        match.start())) is not None:
        # "One in every five hair dryers sold worldwide": a share, a fifth (as "a fifth")
        share = _EXACT.divide(Decimal(100), value).quantize(_HUNDREDTHS)
        yield QuantityMatch(one.start(), match.end(), _absolute(share), "%", form="fraction")
        return
    if match["wscale"]:
        value = _times(value, patterns.scales[match["wscale"].casefold()])
    end = match.end()
    lowered = match.string  # (ASCII: the unit matched in it, as in _digit_quantity)
    after = (patterns.unit_after_ascii.match(lowered, end) if lowered.isascii()
             else patterns.unit_after.match(text, end))
    if after is not None:
        unit, factor = _converted(patterns.after[after["unit"].casefold()])
        scale = _times(patterns.scales[match["wscale"].casefold()] if match["wscale"] else 1,
                       factor)  # (the low end of a range is scaled as its high end)
        yield QuantityMatch(match.start(), after.end(), _absolute(_times(value, factor)), unit,
                            form="word", scale=scale)
        return
    noun = _noun(text, end)
    if noun is not None and value >= 2:
        yield QuantityMatch(match.start(), end, _absolute(value), "count", noun=noun, form="word")
    elif value >= 2 and (
            _PARTITIVE.search(text, max(0, match.start() - 80), match.start())
            or (_PARTITIVE_AFTER.match(text, end) is not None and _BACK_REFERENCE.search(
                text, max(0, match.start() - 6), match.start()) is None)):
        # "Of the city's 11 outbound investments, eight were in furniture", "five of them":
        # a count of them
        yield QuantityMatch(match.start(), end, _absolute(value), "count", form="word")
    elif noun is None and not match["wscale"] and _WORD_RANGE_NEXT.match(lowered, end):
        yield QuantityMatch(match.start(), end, _absolute(value), "count", form=_WORD_LOW)


def parse_quantity(text: str) -> QuantityMatch | None:
    """The quantity a short string states, or None.

    >>> parse_quantity("1,234.5 million").value
    Decimal('1234500000')
    >>> parse_quantity("no number") is None
    True
    """
    return next(iter(find_quantities(text.strip())), None)
