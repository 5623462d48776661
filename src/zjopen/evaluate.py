"""Measure zjopen (or any parser) on articles you annotated yourself.

The annotations ("gold") are JSON Lines in the format ``zjopen-gold/1``: one object per
article, described in ``docs/evaluation.md`` and by :func:`gold_schema`. The predictions
are what ``zjopen parse --format jsonl`` writes, or :class:`~zjopen.Article` objects.
:func:`evaluate` matches the two article by article and counts, per record kind, the
records found (``tp``), the extra ones (``fp``) and the missed ones (``fn``); its numbers
are those of the project's reference scorer (``../shared/eval/score.py``).

>>> gold = [{"id": "a", "title": "Ningbo trade", "published": "2024-01-20",
...          "regions": ["330200", "HK"], "enterprises": [], "platforms": [],
...          "initiatives": [{"name": "Belt and Road Initiative"}],
...          "metrics": [{"value": 1270000000000, "unit": "CNY", "year": 2023,
...                       "region": "330200"}]}]
>>> pred = [{"id": "a", "title": "Ningbo trade", "published": "2024-01-20",
...          "regions": [{"code": "330200"}, {"code": "810000"}],
...          "initiatives": [{"name": "Belt and Road", "aliases": []}],
...          "metrics": [{"value": 1.27e12, "unit": "CNY", "year": 2023, "region": None}]}]
>>> result = evaluate(gold, pred)
>>> result.regions.f1, result.initiatives.tp, result.metrics.tp
(1.0, 1, 1)
>>> result.metric_year_accuracy, result.metric_region_accuracy
(1.0, 0.0)

``zjopen.evaluate`` is the function; import the other names from this module
(``from zjopen.evaluate import Evaluation, Score``).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import IO, Any, Final, Literal, TypeAlias

import attrs

from zjopen.errors import EvaluationFormatError, GoldFormatError, PredictionFormatError
from zjopen.model import Article, MetricKind, PlatformKind

__all__ = [
    "ENTITY_KINDS",
    "GOLD_FORMAT",
    "SCORED_KINDS",
    "Difference",
    "Evaluation",
    "Score",
    "check_gold",
    "evaluate",
    "gold_schema",
    "normalise_name",
]

GOLD_FORMAT: Final = "zjopen-gold/1"
"""The name of the gold annotation format."""

ENTITY_KINDS: Final = ("enterprises", "platforms", "initiatives")
"""The record kinds matched by name."""

SCORED_KINDS: Final = ("regions", *ENTITY_KINDS, "metrics", "metrics_strict")
"""The rows of the score table, in order."""

Source: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes] | Iterable[Mapping[str, Any]]"
"""Where articles come from: a JSON Lines file (its path), an open stream of JSON Lines,
or article objects (dicts as in the JSON form)."""

PredictionSource: TypeAlias = "Source | Iterable[Mapping[str, Any] | Article]"
"""Gold sources, or :class:`~zjopen.Article` objects (a :class:`~zjopen.Corpus` too)."""

Side = Literal["missed", "extra"]


# -- matching rules --------------------------------------------------------------------------

# Checked in this order; only the first one found at the end is removed.
_LEGAL_SUFFIXES: Final = ("co ltd", "co", "company", "corp", "corporation", "inc", "ltd",
                          "limited", "group", "holdings", "holding")
_PUNCTUATION = re.compile(r"[^\w\s]")
_WHITESPACE = re.compile(r"\s+")
_JACCARD_THRESHOLD: Final = 0.6
_VALUE_TOLERANCE: Final = 0.005
# Places with two codes: the ISO country code and the GB/T 2260 one.
_TWO_CODES: Final = {"hk": "810000", "mo": "820000", "tw": "710000"}


def normalise_name(name: str) -> str:
    """The form of a name that matching compares: lower case, no possessive ``'s``,
    punctuation and quotes replaced by spaces, one space between words, and a trailing
    legal suffix (``co``, ``co ltd``, ``group``, ``holdings`` ...) removed.

    >>> normalise_name("Ningbo Xinyi Supplier Management Co., Ltd.")
    'ningbo xinyi supplier management'
    >>> normalise_name('CNOOC\\'s Ningbo "Green Energy Port"')
    'cnooc ningbo green energy port'
    >>> normalise_name("Group")
    'group'
    """
    text = _PUNCTUATION.sub(" ", name.lower().replace("'s", ""))
    text = _WHITESPACE.sub(" ", text).strip()
    for suffix in _LEGAL_SUFFIXES:
        if text.endswith(" " + suffix):
            return text[: -len(suffix) - 1].strip()
    return text


def _name_keys(names: Iterable[str]) -> frozenset[str]:
    """The normalised forms of ``names``, without empty ones."""
    return frozenset(normalise_name(name) for name in names) - {""}


def _keys_agree(predicted: frozenset[str], gold: frozenset[str]) -> bool:
    """Whether two sets of normalised names meet: a form in common, or two forms whose
    word sets have a Jaccard index of at least 0.6."""
    if predicted & gold:
        return True
    for one in predicted:
        words = set(one.split())
        for other in gold:
            others = set(other.split())
            if len(words & others) / len(words | others) >= _JACCARD_THRESHOLD:
                return True
    return False


def _region_key(entry: object) -> str | None:
    """A region as compared: the code (of an object with ``code``), upper case, with
    ``HK``, ``MO`` and ``TW`` read as their six-digit codes; ``None`` for no region."""
    raw = entry.get("code") if isinstance(entry, Mapping) else entry
    if raw is None:
        return None
    code = str(raw).strip()
    return _TWO_CODES.get(code.lower(), code.upper())


def _unit_synonyms() -> dict[str, str]:
    spellings = {
        "CNY": "cny|rmb|yuan|renminbi",
        "USD": "usd|us$|$|dollar|dollars",
        "EUR": "eur|euro|euros",
        "%": "%|percent|pct|per cent|percentage",
        "‰": "‰|permille|per mille",
        "pp": "pp|percentage point|percentage points",
        "t": "t|tonne|tonnes|ton|tons|metric ton",
        "TEU": "teu|teus",
        "m2": "m2|m²|sqm|square meter|square meters|square metre|square metres",
        "km2": "km2|km²|sq km|square kilometer|square kilometers",
        "mu": "mu", "ha": "ha|hectare|hectares", "km": "km|kilometer|kilometers", "m": "m",
        "count": "count|number|items|item",
        "times": "times|x|fold|multiple",
        "rank": "rank|ordinal",
        "year": "year|years", "month": "month|months", "day": "day|days",
        "hour": "hour|hours", "minute": "minute|minutes",
    }
    return {word: code for code, words in spellings.items() for word in words.split("|")}


_UNIT_SYNONYMS: Final = _unit_synonyms()


def _unit_key(unit: object) -> str:
    """A unit as compared: the code its common spellings stand for (``yuan`` and ``RMB``
    are ``CNY``, ``percent`` is ``%``); any other string as written; ``""`` for none."""
    if not isinstance(unit, str):
        return ""
    written = unit.strip()
    return _UNIT_SYNONYMS.get(written.lower().replace("_", " "), written)


def _as_float(value: object) -> float | None:
    """The number a value stands for, or ``None`` when it stands for none."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _values_agree(one: float | None, other: float | None) -> bool:
    """Equal, or within 0.5 % of the larger of the two in size."""
    if one is None or other is None:
        return False
    return one == other or abs(one - other) <= _VALUE_TOLERANCE * max(abs(one), abs(other))


# -- what is compared ------------------------------------------------------------------------

@attrs.frozen
class _Entity:
    """An enterprise, platform or initiative: the name shown in reports, the names'
    normalised forms."""

    label: str
    keys: frozenset[str]


@attrs.frozen
class _Figure:
    """A metric as compared. ``year`` is kept as written (compared with ``==``);
    ``shown`` and ``context`` describe it in a report."""

    value: float | None
    unit: str
    year: object
    region: str | None
    optional: bool = False
    platform: frozenset[str] | None = None
    enterprise: frozenset[str] | None = None
    shown: str = ""
    context: str = ""


@attrs.frozen
class _Records:
    """What one article holds, on either side."""

    id: str
    title: object = None
    published: object = None
    regions: frozenset[str] = frozenset()
    entities: Mapping[str, tuple[_Entity, ...]] = attrs.field(factory=dict)
    metrics: tuple[_Figure, ...] = ()

    def of(self, kind: str) -> tuple[_Entity, ...]:
        return self.entities.get(kind, ())


_NO_RECORDS: Final = _Records(id="")


# -- results ---------------------------------------------------------------------------------

@attrs.frozen
class Score:
    """Counts of one record kind over all articles, and the rates made of them.

    ``tp``: predictions that match a gold record; ``fp``: predictions that match none;
    ``fn``: gold records no prediction matched. A rate whose denominator is 0 is 0.0.

    >>> s = Score(tp=8, fp=2, fn=0)
    >>> s.precision, s.recall, round(s.f1, 3)
    (0.8, 1.0, 0.889)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        precision, recall = self.precision, self.recall
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        """``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn``."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@attrs.frozen
class Difference:
    """One gold record no prediction matched (``side="missed"``) or one prediction that
    matched no gold record (``side="extra"``).

    ``kind`` is ``regions``, ``enterprises``, ``platforms``, ``initiatives`` or
    ``metrics``; ``what`` is the region code, the (first) name, or for a metric its value,
    unit and year (``"450160000000 CNY year=2023"``); ``context`` is a metric's text (an
    extra one) or its gold indicator (a missed one), else empty.
    """

    article: str
    kind: str
    side: Side
    what: str
    context: str = ""

    def to_dict(self) -> dict[str, str]:
        """The fields, as a dict."""
        return {"article": self.article, "kind": self.kind, "side": self.side,
                "what": self.what, "context": self.context}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@attrs.frozen(kw_only=True)
class Evaluation:
    """The scores of predictions against gold annotations.

    Per record kind a :class:`Score`: ``regions`` (sets of codes), ``enterprises``,
    ``platforms``, ``initiatives`` (by name), ``metrics`` (value and unit) and
    ``metrics_strict`` (value, unit and year). Optional gold metrics count nowhere.

    The accuracies are shares, 0.0 when there is nothing to count:

    - ``metric_year_accuracy``: of the required gold metrics matched on value and unit,
      those whose predicted ``year`` is the gold one;
    - ``metric_region_accuracy``: of the same, those whose ``region`` is the gold one;
    - ``metric_subject_accuracy``: of the same, those whose region is right and, where
      the gold metric names a ``platform`` or an ``enterprise``, whose predicted platform
      or enterprise has that name (by the rules names are matched by);
    - ``title_accuracy``, ``published_accuracy``: of the gold articles, those whose
      normalised title and whose publication date (the first 10 characters) are the
      gold ones; an article with no prediction counts as predicting null.

    ``articles`` is the number of gold articles, ``articles_missing`` the ids of those
    no prediction has. ``differences`` lists every miss and extra, article by article,
    when :func:`evaluate` was asked for the detail, else it is ``None``.
    """

    regions: Score
    enterprises: Score
    platforms: Score
    initiatives: Score
    metrics: Score
    metrics_strict: Score
    metric_year_accuracy: float
    metric_region_accuracy: float
    metric_subject_accuracy: float
    title_accuracy: float
    published_accuracy: float
    articles: int
    articles_missing: tuple[str, ...]
    differences: tuple[Difference, ...] | None = None

    def score(self, kind: str) -> Score:
        """The score of a kind named as in :data:`SCORED_KINDS`."""
        if kind not in SCORED_KINDS:
            raise KeyError(kind)
        value: Score = getattr(self, kind)
        return value

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the keys the reference scorer writes (a dict per kind,
        the accuracies, ``articles_missing``), then ``metric_year_accuracy``,
        ``metric_subject_accuracy``, ``articles``, and ``detail`` (a dict per difference)
        when there is detail."""
        data: dict[str, Any] = {kind: self.score(kind).to_dict() for kind in SCORED_KINDS}
        data.update(
            metric_region_accuracy=self.metric_region_accuracy,
            title_accuracy=self.title_accuracy,
            published_accuracy=self.published_accuracy,
            articles_missing=list(self.articles_missing),
            metric_year_accuracy=self.metric_year_accuracy,
            metric_subject_accuracy=self.metric_subject_accuracy,
            articles=self.articles,
        )
        if self.differences is not None:
            data["detail"] = [difference.to_dict() for difference in self.differences]
        return data

    def format(self) -> str:
        """The report as the reference scorer prints it (the differences, when there are
        any, then the table, the accuracies and the articles with no prediction), followed
        by a line with the year and subject accuracies."""
        lines = list(_difference_lines(self.differences or ()))
        lines.append(f"{'':16}{'precision':>10}{'recall':>10}{'f1':>8}"
                     f"{'tp':>6}{'fp':>6}{'fn':>6}")
        for kind in SCORED_KINDS:
            s = self.score(kind)
            lines.append(f"{kind:16}{s.precision:10.3f}{s.recall:10.3f}{s.f1:8.3f}"
                         f"{s.tp:6}{s.fp:6}{s.fn:6}")
        lines.append(f"metric region accuracy {self.metric_region_accuracy:.3f}   "
                     f"title accuracy {self.title_accuracy:.3f}   "
                     f"published accuracy {self.published_accuracy:.3f}")
        if self.articles_missing:
            lines.append(f"articles with no prediction: {', '.join(self.articles_missing)}")
        lines.append(f"metric year accuracy {self.metric_year_accuracy:.3f}   "
                     f"metric subject accuracy {self.metric_subject_accuracy:.3f}")
        return "\n".join(lines) + "\n"


def _difference_lines(differences: Iterable[Difference]) -> Iterator[str]:
    """One line per article and kind for regions and names, one per metric."""
    for (article, kind), group in itertools.groupby(differences,
                                                    lambda d: (d.article, d.kind)):
        found = list(group)
        if kind == "metrics":
            for d in found:
                if d.side == "extra":
                    yield f"[{article}] metric extra  {d.what} «{d.context[:60]}»"
                else:
                    yield f"[{article}] metric missed {d.what} ({d.context})"
        else:
            extra = [d.what for d in found if d.side == "extra"]
            missed = [d.what for d in found if d.side == "missed"]
            yield f"[{article}] {kind}  extra={extra!r} missed={missed!r}"


# -- matching --------------------------------------------------------------------------------

def _match_entities(predicted: Sequence[_Entity], gold: Sequence[_Entity]
                    ) -> tuple[int, list[str], list[str]]:
    """Pair predictions with gold entries in the predictions' order, each taking the
    first gold entry not yet taken whose names agree. Returns the pairs' count, the
    names of the predictions left over and of the gold entries left over."""
    taken: set[int] = set()
    extra: list[str] = []
    for entity in predicted:
        found = next((i for i, candidate in enumerate(gold)
                      if i not in taken and _keys_agree(entity.keys, candidate.keys)), None)
        if found is None:
            extra.append(entity.label)
        else:
            taken.add(found)
    missed = [candidate.label for i, candidate in enumerate(gold) if i not in taken]
    return len(taken), extra, missed


def _figures_agree(predicted: _Figure, gold: _Figure, *, strict: bool) -> bool:
    return (predicted.unit == gold.unit
            and _values_agree(predicted.value, gold.value)
            and (not strict or predicted.year == gold.year))


def _pair_figures(predicted: Sequence[_Figure], gold: Sequence[_Figure], *, strict: bool
                  ) -> dict[int, int]:
    """Pair predicted with gold metrics: the index of a prediction to that of its gold
    metric. In a first round a pair must also agree on year and region, in a second it
    need not. In each round the predictions not yet paired go in order, and each takes,
    of the gold metrics still free that it agrees with, a required one before an optional
    one, then one of the same year, then one of the same region, then the first."""
    pairs: dict[int, int] = {}
    free = list(range(len(gold)))
    for same_year_and_region in (True, False):
        for n, figure in enumerate(predicted):
            if n in pairs:
                continue
            options = [
                i for i in free
                if _figures_agree(figure, gold[i], strict=strict)
                and (not same_year_and_region
                     or (figure.year == gold[i].year and figure.region == gold[i].region))
            ]
            if options:
                best = min(options, key=lambda i: (gold[i].optional,
                                                   gold[i].year != figure.year,
                                                   gold[i].region != figure.region))
                pairs[n] = best
                free.remove(best)
    return pairs


def _subject_agrees(predicted: _Figure, gold: _Figure) -> bool:
    """Same region, and the gold metric's platform and enterprise, where it names one,
    named by the prediction too."""
    if predicted.region != gold.region:
        return False
    for wanted, given in ((gold.platform, predicted.platform),
                          (gold.enterprise, predicted.enterprise)):
        if wanted is not None and (given is None or not _keys_agree(given, wanted)):
            return False
    return True


@attrs.define
class _Tally:
    """Running counts while articles are compared."""

    scores: dict[str, Score] = attrs.field(factory=lambda: dict.fromkeys(SCORED_KINDS, Score()))
    pairs: int = 0
    same_year: int = 0
    same_region: int = 0
    same_subject: int = 0
    titles: int = 0
    dates: int = 0
    differences: list[Difference] = attrs.field(factory=list)

    def add(self, kind: str, tp: int, fp: int, fn: int) -> None:
        self.scores[kind] += Score(tp=tp, fp=fp, fn=fn)

    def note(self, article: str, kind: str, side: Side, what: Iterable[str]) -> None:
        self.differences.extend(Difference(article, kind, side, w) for w in what)


def _compare_article(gold: _Records, predicted: _Records, tally: _Tally) -> None:
    """Add one article's counts (and differences) to ``tally``."""
    aid = gold.id
    tally.titles += _title_key(gold.title) == _title_key(predicted.title)
    shown = predicted.published
    tally.dates += gold.published == (shown[:10] if isinstance(shown, str) else shown)

    tally.add("regions", len(gold.regions & predicted.regions),
              len(predicted.regions - gold.regions), len(gold.regions - predicted.regions))
    tally.note(aid, "regions", "extra", sorted(predicted.regions - gold.regions))
    tally.note(aid, "regions", "missed", sorted(gold.regions - predicted.regions))

    for kind in ENTITY_KINDS:
        tp, extra, missed = _match_entities(predicted.of(kind), gold.of(kind))
        tally.add(kind, tp, len(extra), len(missed))
        tally.note(aid, kind, "extra", extra)
        tally.note(aid, kind, "missed", missed)

    for strict in (False, True):
        pairs = _pair_figures(predicted.metrics, gold.metrics, strict=strict)
        required = [(predicted.metrics[n], gold.metrics[i])
                    for n, i in sorted(pairs.items()) if not gold.metrics[i].optional]
        taken = set(pairs.values())
        unpaired = [m for n, m in enumerate(predicted.metrics) if n not in pairs]
        unfound = [m for i, m in enumerate(gold.metrics) if i not in taken and not m.optional]
        tally.add("metrics_strict" if strict else "metrics", len(required), len(unpaired),
                  len(unfound))
        if strict:
            continue
        for mine, theirs in required:
            tally.pairs += 1
            tally.same_year += mine.year == theirs.year
            tally.same_region += mine.region == theirs.region
            tally.same_subject += _subject_agrees(mine, theirs)
        tally.differences.extend(Difference(aid, "metrics", "extra", m.shown, m.context)
                                 for m in unpaired)
        tally.differences.extend(Difference(aid, "metrics", "missed", m.shown, m.context)
                                 for m in unfound)


def _title_key(title: object) -> object:
    return normalise_name(title) if isinstance(title, str) else title


def evaluate(gold: Source, pred: PredictionSource, *, detail: bool = False) -> Evaluation:
    """Score predictions against gold annotations.

    ``gold``: a ``zjopen-gold/1`` JSON Lines file (a path or an open stream), or its
    article objects as dicts. ``pred``: what ``zjopen parse --format jsonl`` writes (a
    path or an open stream), its objects as dicts, or :class:`~zjopen.Article` objects
    (a :class:`~zjopen.Corpus` too). Articles are paired by ``id``; predictions for
    articles the gold does not have are ignored. With ``detail``, the result lists every
    miss and extra (:attr:`Evaluation.differences`).

    The gold is checked strictly (:func:`check_gold`). Predictions are read as the
    reference scorer reads them, so that any parser's output of the same shape can be
    scored: each line needs an ``id``; a region may be a code or an object with ``code``,
    a name a string or an object with ``name`` and ``aliases``; other keys, and entries
    that are neither, are ignored. A list that is not a list is an error.

    Raises :class:`~zjopen.errors.GoldFormatError` or
    :class:`~zjopen.errors.PredictionFormatError` naming the file and line of a bad
    article, and :class:`OSError` when a file cannot be read.
    """
    gold_articles = _read_gold(gold)
    predicted = _read_predictions(pred)
    tally = _Tally()
    for aid in sorted(gold_articles):
        _compare_article(gold_articles[aid], predicted.get(aid, _NO_RECORDS), tally)
    count = len(gold_articles)
    scores = tally.scores
    return Evaluation(
        regions=scores["regions"],
        enterprises=scores["enterprises"],
        platforms=scores["platforms"],
        initiatives=scores["initiatives"],
        metrics=scores["metrics"],
        metrics_strict=scores["metrics_strict"],
        metric_year_accuracy=_ratio(tally.same_year, tally.pairs),
        metric_region_accuracy=_ratio(tally.same_region, tally.pairs),
        metric_subject_accuracy=_ratio(tally.same_subject, tally.pairs),
        title_accuracy=_ratio(tally.titles, count),
        published_accuracy=_ratio(tally.dates, count),
        articles=count,
        articles_missing=tuple(sorted(set(gold_articles) - set(predicted))),
        differences=tuple(tally.differences) if detail else None,
    )


# -- reading ---------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")


def _text_lines(chunks: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """The lines of a file read in pieces, split at ``\\n``, ``\\r\\n`` and ``\\r`` only
    (as Python's text files are), without the line ends."""
    for chunk in chunks:
        if isinstance(chunk, bytes):
            yield from chunk.splitlines()  # bytes split at these three only
        else:
            pieces = _NEWLINE.split(chunk)
            yield from pieces[:-1] if len(pieces) > 1 and pieces[-1] == "" else pieces


def _json_objects(chunks: Iterable[str | bytes], name: str,
                  error: type[EvaluationFormatError]) -> Iterator[tuple[int, object]]:
    """The value on each non-blank line, with its line number."""
    for number, line in enumerate(_text_lines(chunks), 1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise error(name, number, f"not UTF-8 text: {exc.reason} at byte "
                                          f"{exc.start}") from None
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise error(name, number, f"not JSON: {exc}") from None


def _items(source: Source | PredictionSource, role: str,
           error: type[EvaluationFormatError]) -> Iterator[tuple[str, int, object]]:
    """(file name, line, article object) for every article of ``source``."""
    if isinstance(source, str | os.PathLike):
        name = os.fsdecode(source)
        with open(source, "rb") as handle:
            for number, obj in _json_objects(handle, name, error):
                yield name, number, obj
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", f"<{role}>"))
        for number, obj in _json_objects(source, name, error):  # type: ignore[arg-type]
            yield name, number, obj
    else:
        for number, item in enumerate(source, 1):
            if isinstance(item, Article):
                from zjopen.formats.converter import to_data

                item = to_data(item)
            yield f"<{role}>", number, item


def _object_with_id(obj: object, name: str, number: int,
                    error: type[EvaluationFormatError]) -> Mapping[str, Any]:
    if not isinstance(obj, Mapping):
        raise error(name, number, f"an article object is expected, not {_type_name(obj)}")
    if "id" not in obj:
        raise error(name, number, "the article has no 'id'")
    return obj


def _type_name(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "true or false",
            int: "a number", float: "a number", type(None): "null"}.get(
        type(value), type(value).__name__)


def _read_predictions(source: PredictionSource) -> dict[str, _Records]:
    """Predicted articles by id (a later one with the same id replaces an earlier one)."""
    articles: dict[str, _Records] = {}
    for name, number, obj in _items(source, "predictions", PredictionFormatError):
        data = _object_with_id(obj, name, number, PredictionFormatError)
        problems: list[str] = []
        records = _predicted_records(data, problems)
        if problems:
            raise _error(PredictionFormatError, name, number, problems)
        articles[records.id] = records
    return articles


_MAX_PROBLEMS: Final = 12


def _error(error: type[EvaluationFormatError], name: str, number: int,
           problems: Sequence[str]) -> EvaluationFormatError:
    """The error for a bad line: its problem, or how many there are and the first few."""
    if len(problems) == 1:
        return error(name, number, problems[0])
    shown = list(problems[:_MAX_PROBLEMS])
    if len(problems) > _MAX_PROBLEMS:
        shown.append(f"... and {len(problems) - _MAX_PROBLEMS} more")
    return error(name, number, f"{len(problems)} problems", shown)


def _short(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _list(data: Mapping[str, Any], key: str, problems: list[str]) -> Sequence[Any]:
    """A list of a predicted article; absent, null or empty are all empty."""
    value = data.get(key) or []
    if not isinstance(value, list | tuple):
        problems.append(f"{key}: a list is expected, not {_type_name(value)}")
        return []
    return value


def _predicted_entity(entry: object, where: str, problems: list[str]) -> _Entity | None:
    """A predicted name (a string, or an object with ``name`` and ``aliases``)."""
    if isinstance(entry, str):
        return _Entity(entry, _name_keys([entry]))
    if not isinstance(entry, Mapping):
        return None  # not a record: ignored, as the reference scorer does
    name = entry.get("name") or ""
    aliases = entry.get("aliases") or []
    if not isinstance(name, str):
        problems.append(f"{where}.name: a string is expected, not {_type_name(name)}")
        return None
    if not isinstance(aliases, list | tuple):
        problems.append(f"{where}.aliases: a list is expected, not {_type_name(aliases)}")
        return None
    names = [n for n in [name, *aliases] if isinstance(n, str) and n]
    return _Entity(names[0], _name_keys(names)) if names else None


def _subject_keys(name: object) -> frozenset[str] | None:
    return _name_keys([name]) if isinstance(name, str) and name else None


def _shown(value: object) -> str:
    """A value as a report shows it: as written in JSON."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _predicted_figure(metric: Mapping[str, Any]) -> _Figure:
    text = metric.get("text")
    return _Figure(
        value=_as_float(metric.get("value")),
        unit=_unit_key(metric.get("unit")),
        year=metric.get("year"),
        region=_region_key(metric.get("region")),
        platform=_subject_keys(metric.get("platform")),
        enterprise=_subject_keys(metric.get("enterprise")),
        shown=f"{_shown(metric.get('value'))} {metric.get('unit')} year={metric.get('year')}",
        context="" if text is None else str(text),
    )


def _predicted_records(data: Mapping[str, Any], problems: list[str]) -> _Records:
    """What a predicted article holds. Entries that are no records are ignored."""
    entities: dict[str, tuple[_Entity, ...]] = {}
    for kind in ENTITY_KINDS:
        found = (_predicted_entity(entry, f"{kind}[{n}]", problems)
                 for n, entry in enumerate(_list(data, kind, problems)))
        entities[kind] = tuple(e for e in found if e is not None)
    regions = {_region_key(entry) for entry in _list(data, "regions", problems)}
    return _Records(
        id=str(data["id"]),
        title=data.get("title"),
        published=data.get("published"),
        regions=frozenset(r for r in regions if r is not None),
        entities=entities,
        metrics=tuple(_predicted_figure(m) for m in _list(data, "metrics", problems)
                      if isinstance(m, Mapping)),
    )


# -- the gold format -------------------------------------------------------------------------

_ARTICLE_KEYS: Final = ("id", "title", "published", "regions", "enterprises", "platforms",
                        "initiatives", "metrics")
_METRIC_REQUIRED: Final = ("value", "unit", "year", "region")
_METRIC_OPTIONAL: Final = ("indicator", "kind", "optional", "platform", "enterprise", "note")
_CODE = re.compile(r"[0-9]{6}|[A-Z]{2}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CURRENCY = re.compile(r"[A-Z]{3}")


def check_gold(source: Source) -> tuple[str, ...]:
    """Check a gold file (or its article objects); return the ids of its articles.

    Every line must be a ``zjopen-gold/1`` article (see :func:`gold_schema`); region codes
    must be in zjopen's gazetteer, a metric's region among its article's regions, and no
    id may be used twice. Raises :class:`~zjopen.errors.GoldFormatError` naming the file,
    the line and every problem of the first bad line; :func:`evaluate` checks the same.
    """
    return tuple(_read_gold(source))


def _read_gold(source: Source) -> dict[str, _Records]:
    """The gold articles by id, checked (see :func:`check_gold`)."""
    articles: dict[str, _Records] = {}
    first_line: dict[str, int] = {}
    for name, number, obj in _items(source, "gold", GoldFormatError):
        data = _object_with_id(obj, name, number, GoldFormatError)
        problems: list[str] = []
        records = _gold_records(data, problems)
        if not problems and records.id in first_line:
            problems.append(f"id {records.id!r} is already used on line "
                            f"{first_line[records.id]}")
        if problems:
            raise _error(GoldFormatError, name, number, problems)
        articles[records.id] = records
        first_line[records.id] = number
    return articles


def _gold_records(data: Mapping[str, Any], problems: list[str]) -> _Records:
    aid = data["id"]
    if data.get("format") == "zjopen/1":
        problems.append("this is zjopen output (format 'zjopen/1'), not a gold annotation "
                        f"({GOLD_FORMAT}): are GOLD and PRED the right way round?")
        return _Records(id=str(aid))
    if not isinstance(aid, str) or not aid.strip():
        problems.append("id: a non-empty string is expected")
    allowed = {*_ARTICLE_KEYS, "format", "note"}
    problems.extend(f"unknown key {key!r}" for key in data if key not in allowed)
    if data.get("format", GOLD_FORMAT) != GOLD_FORMAT:
        problems.append(f"format: {_short(data['format'])} is not {GOLD_FORMAT!r}")
    for key in _ARTICLE_KEYS:
        if key not in data:
            empty = "null" if key in ("title", "published") else "[]"
            problems.append(f"no {key!r} (write {empty} when there is none)")
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        problems.append(f"title: a string or null is expected, not {_type_name(title)}")
    published = data.get("published")
    if published is not None and not _is_iso_date(published):
        problems.append(f"published: an ISO date (YYYY-MM-DD) or null is expected, "
                        f"not {_short(published)}")
    regions = _gold_regions(_gold_list(data, "regions", problems), problems)
    entities = {kind: _gold_entities(kind, _gold_list(data, kind, problems), problems)
                for kind in ENTITY_KINDS}
    metrics = tuple(_gold_figure(metric, f"metrics[{n}]", regions, entities, problems)
                    for n, metric in enumerate(_gold_list(data, "metrics", problems)))
    return _Records(id=str(aid), title=title, published=published, regions=regions,
                    entities=entities, metrics=metrics)


def _is_iso_date(value: object) -> bool:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _gold_list(data: Mapping[str, Any], key: str, problems: list[str]) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(f"{key}: a list is expected, not {_type_name(value)}")
        return []
    return value


def _code_problem(code: object) -> str | None:
    """What is wrong with a region code, or ``None``."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        return (f"{_short(code)} is not a region code (six digits for China, two capital "
                "letters for a country)")
    if code.lower() in _TWO_CODES:
        return None
    from zjopen.gazetteer import lookup

    place = lookup(code)
    if place is None:
        return f"unknown region code {code!r}"
    if place.code != code:
        return f"{code!r} is not a current code; zjopen knows {place.name} as {place.code!r}"
    return None


def _gold_regions(entries: list[Any], problems: list[str]) -> frozenset[str]:
    codes: set[str] = set()
    for n, code in enumerate(entries):
        problem = _code_problem(code)
        if problem is not None:
            problems.append(f"regions[{n}]: {problem}")
        else:
            codes.add(str(_region_key(code)))
    return frozenset(codes)


def _gold_name(value: object, where: str, problems: list[str]) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: a non-empty string is expected, not {_short(value)}")
        return None
    if not normalise_name(value):
        problems.append(f"{where}: {value!r} has no letters or digits to match")
        return None
    return value


def _gold_entities(kind: str, entries: list[Any], problems: list[str]
                   ) -> tuple[_Entity, ...]:
    allowed = {"name", "aliases", "note", *(("kind",) if kind == "platforms" else ())}
    found: list[_Entity] = []
    for n, entry in enumerate(entries):
        where = f"{kind}[{n}]"
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: an object with a 'name' is expected, "
                            f"not {_type_name(entry)}")
            continue
        problems.extend(f"{where}: unknown key {key!r}" for key in entry if key not in allowed)
        name = _gold_name(entry.get("name"), f"{where}.name", problems)
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list):
            problems.append(f"{where}.aliases: a list is expected, not {_type_name(aliases)}")
            aliases = []
        names = [_gold_name(a, f"{where}.aliases[{i}]", problems) for i, a in enumerate(aliases)]
        platform_kind = entry.get("kind") if kind == "platforms" else None
        if platform_kind is not None and platform_kind not in _PLATFORM_KINDS:
            problems.append(f"{where}.kind: {_short(platform_kind)} is not one of "
                            f"{', '.join(_PLATFORM_KINDS)}")
        if name is not None:
            all_names = [name, *(a for a in names if a is not None)]
            found.append(_Entity(name, _name_keys(all_names)))
    return tuple(found)


_PLATFORM_KINDS: Final = tuple(kind.value for kind in PlatformKind)
_METRIC_KINDS: Final = tuple(kind.value for kind in MetricKind)


def _unit_problem(unit: object) -> str | None:
    """What is wrong with a gold unit, or ``None``: it must be a code of zjopen's unit
    table, or three capital letters (an ISO 4217 currency)."""
    from zjopen.lexicon.units import is_known_unit

    if isinstance(unit, str) and (is_known_unit(unit) or _CURRENCY.fullmatch(unit)):
        return None
    code = _unit_key(unit)
    hint = f" (write {code!r})" if code != unit and is_known_unit(code) else ""
    return f"unknown unit {_short(unit)}{hint}"


def _gold_subject(value: object, where: str, named: Sequence[_Entity],
                  problems: list[str]) -> frozenset[str] | None:
    """A metric's platform or enterprise: the names of the article's entry with that
    name (all its aliases), else the name alone."""
    if value is None:
        return None
    name = _gold_name(value, where, problems)
    if name is None:
        return None
    key = normalise_name(name)
    for entity in named:
        if key in entity.keys:
            return entity.keys
    return _name_keys([name])


def _value_problem(value: object) -> str | None:
    number = None if isinstance(value, bool) else _as_float(value)
    if not isinstance(value, int | float) or number is None or not math.isfinite(number):
        return f"a finite number is expected, not {_short(value)}"
    return None


def _year_problem(year: object) -> str | None:
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        return f"a whole number or null is expected, not {_short(year)}"
    return None


def _kind_problem(kind: object) -> str | None:
    if kind is not None and kind not in _METRIC_KINDS:
        return f"{_short(kind)} is not one of {', '.join(_METRIC_KINDS)}"
    return None


def _optional_problem(optional: object) -> str | None:
    if not isinstance(optional, bool):
        return f"true or false is expected, not {_short(optional)}"
    return None


def _indicator_problem(indicator: object) -> str | None:
    if indicator is not None and not isinstance(indicator, str):
        return f"a string or null is expected, not {_short(indicator)}"
    return None


_METRIC_CHECKS: Final = {"value": _value_problem, "unit": _unit_problem,
                         "year": _year_problem, "kind": _kind_problem,
                         "optional": _optional_problem, "indicator": _indicator_problem}


def _metric_problems(metric: Mapping[str, Any], regions: frozenset[str]) -> Iterator[str]:
    """The problems of a gold metric, each starting with ``": "`` or ``".field: "``."""
    yield from (f": no {key!r}" for key in _METRIC_REQUIRED if key not in metric)
    yield from (f": unknown key {key!r}" for key in metric
                if key not in _METRIC_REQUIRED and key not in _METRIC_OPTIONAL)
    for key, check in _METRIC_CHECKS.items():
        if key in metric and (problem := check(metric[key])) is not None:
            yield f".{key}: {problem}"
    region = metric.get("region")
    if region is not None:
        problem = _code_problem(region)
        if problem is None and _region_key(region) not in regions:
            problem = f"{region!r} is not among the article's regions"
        if problem is not None:
            yield f".region: {problem}"


def _gold_figure(metric: object, where: str, regions: frozenset[str],
                 entities: Mapping[str, tuple[_Entity, ...]], problems: list[str]) -> _Figure:
    """A gold metric, its problems added to ``problems``."""
    if not isinstance(metric, Mapping):
        problems.append(f"{where}: a metric object is expected, not {_type_name(metric)}")
        return _Figure(value=None, unit="", year=None, region=None)
    problems.extend(where + problem for problem in _metric_problems(metric, regions))
    value, unit, year = metric.get("value"), metric.get("unit"), metric.get("year")
    return _Figure(
        value=None if isinstance(value, bool) else _as_float(value),
        unit=_unit_key(unit),
        year=year,
        region=_region_key(metric.get("region")),
        optional=metric.get("optional") is True,
        platform=_gold_subject(metric.get("platform"), f"{where}.platform",
                               entities["platforms"], problems),
        enterprise=_gold_subject(metric.get("enterprise"), f"{where}.enterprise",
                                 entities["enterprises"], problems),
        shown=f"{value} {unit} year={year}",
        context=str(metric.get("indicator") or ""),
    )


def gold_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of a ``zjopen-gold/1`` file.

    It checks the shape of an article. :func:`check_gold` (and so ``zjopen evaluate``)
    checks a little more: that region codes exist, that a metric's region is among its
    article's regions, that names hold a letter or digit, and that ids are not repeated.

    >>> schema = gold_schema()
    >>> schema["required"]
    ['id', 'title', 'published', 'regions', 'enterprises', 'platforms', 'initiatives', 'metrics']
    """
    from zjopen.lexicon.units import units

    code = {"type": "string", "pattern": "^([0-9]{6}|[A-Z]{2})$",
            "description": "GB/T 2260 code (China) or ISO 3166-1 alpha-2 code (a country)."}
    name = {"type": "string", "pattern": r"\S"}
    note = {"type": "string", "description": "A remark for annotators; not scored."}
    nullable_name = {"anyOf": [name, {"type": "null"}]}

    def entity(description: str, **extra: Any) -> dict[str, Any]:
        return {
            "anyOf": [
                name,
                {"type": "object", "description": description,
                 "properties": {"name": name, "aliases": {"type": "array", "items": name},
                                "note": note, **extra},
                 "required": ["name"], "additionalProperties": False},
            ],
        }

    metric = {
        "type": "object",
        "description": "A figure stated in the article.",
        "properties": {
            "value": {"type": "number", "description": "The absolute value, signed."},
            "unit": {"anyOf": [{"enum": list(units())}, {"type": "string",
                                                         "pattern": "^[A-Z]{3}$"}],
                     "description": "A unit code, or an ISO 4217 currency code."},
            "year": {"type": ["integer", "null"]},
            "region": {"anyOf": [{"$ref": "#/$defs/Code"}, {"type": "null"}]},
            "indicator": {"type": ["string", "null"]},
            "kind": {"anyOf": [{"enum": list(_METRIC_KINDS)}, {"type": "null"}]},
            "optional": {"type": "boolean",
                         "description": "Neither rewarded nor punished when predicted."},
            "platform": nullable_name,
            "enterprise": nullable_name,
            "note": note,
        },
        "required": list(_METRIC_REQUIRED),
        "additionalProperties": False,
    }
    listed = {"type": "array", "items": {"$ref": "#/$defs/Entity"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://zjopen.invalid/schema/zjopen-gold-1.json",
        "title": "zjopen gold article",
        "description": f"One line of a gold annotation file (format {GOLD_FORMAT}).",
        "type": "object",
        "properties": {
            "format": {"const": GOLD_FORMAT},
            "id": {"type": "string", "pattern": r"\S",
                   "description": "The article's file name without its extension."},
            "title": {"type": ["string", "null"]},
            "published": {"anyOf": [{"type": "string", "format": "date",
                                     "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                                    {"type": "null"}]},
            "regions": {"type": "array", "items": {"$ref": "#/$defs/Code"}},
            "enterprises": listed,
            "platforms": {"type": "array", "items": {"$ref": "#/$defs/Platform"}},
            "initiatives": listed,
            "metrics": {"type": "array", "items": {"$ref": "#/$defs/Metric"}},
            "note": note,
        },
        "required": list(_ARTICLE_KEYS),
        "additionalProperties": False,
        "$defs": {
            "Code": code,
            "Entity": entity("An enterprise or an initiative."),
            "Platform": entity("A platform.",
                               kind={"anyOf": [{"enum": list(_PLATFORM_KINDS)},
                                               {"type": "null"}]}),
            "Metric": metric,
        },
    }
