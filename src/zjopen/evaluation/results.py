"""The scores: per record kind, the accuracies, and the differences found."""


from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from zjopen.evaluation._common import SCORED_KINDS, Side

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


