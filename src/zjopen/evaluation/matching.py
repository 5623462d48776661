"""Matching predictions with gold, article by article, and :func:`evaluate`."""


from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from zjopen.evaluation._common import ENTITY_KINDS, SCORED_KINDS, PredictionSource, Side, Source
from zjopen.evaluation.gold import _read_gold
from zjopen.evaluation.read import _read_predictions
from zjopen.evaluation.records import _NO_RECORDS, _Entity, _Figure, _Records
from zjopen.evaluation.results import Difference, Evaluation, Score, _ratio
from zjopen.evaluation.rules import _keys_agree, _values_agree, normalise_name

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


