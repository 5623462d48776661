"""The linker: the extractors' records in, one :class:`~zjopen.model.Article` out,
through steps listed in one place, in the order they run.

A step takes the article's records as they stand (:class:`Linking`) and returns them
changed. :data:`LINK_STEPS` is the default list; a pipeline may add its own step
(:meth:`zjopen.pipeline.Pipeline.with_link_step`), for instance one that fills
``Metric.indicator`` from a house vocabulary.

>>> [step.__name__ for step in LINK_STEPS]  # doctest: +NORMALIZE_WHITESPACE
['merge_region_mentions', 'merge_name_mentions', 'attribute_subjects',
 'find_home_regions', 'find_overseas_presence', 'dedupe_metrics']
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import attrs

from zjopen._evolve import evolve
from zjopen.document import Document
from zjopen.link.merge import merge_named, merge_region_records
from zjopen.link.overseas import home_regions, overseas_presence
from zjopen.link.subjects import attribute_subjects as _attribute_subjects
from zjopen.model import Article, Enterprise, Initiative, Metric, Platform, Record, Region

__all__ = [
    "LINK_STEPS",
    "LinkStep",
    "Linking",
    "attribute_subjects",
    "build_article",
    "dedupe_metrics",
    "find_home_regions",
    "find_overseas_presence",
    "merge_name_mentions",
    "merge_region_mentions",
]

_SPAN = operator.attrgetter("span.start", "span.end")  # (a sort key got in C)


@attrs.frozen
class Linking:
    """One article's records while the linker works on them."""

    doc: Document
    regions: tuple[Region, ...] = ()
    enterprises: tuple[Enterprise, ...] = ()
    platforms: tuple[Platform, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    metrics: tuple[Metric, ...] = ()

    @classmethod
    def of(cls, doc: Document, records: Sequence[Record]) -> Linking:
        """The extractors' records, sorted by kind, in the order they came."""
        if not records:
            return cls(doc)
        regions: list[Region] = []
        enterprises: list[Enterprise] = []
        platforms: list[Platform] = []
        initiatives: list[Initiative] = []
        metrics: list[Metric] = []
        lists: dict[type, list[Any]] = {Region: regions, Enterprise: enterprises,
                                        Platform: platforms, Initiative: initiatives,
                                        Metric: metrics}
        # The extractors give their records in runs of one kind: one look-up per run.
        for made, run in itertools.groupby(records, type):
            kind = lists.get(made)
            if kind is not None:
                kind.extend(run)
                continue
            for record in run:  # a subclass of a record class (or of several): every
                if isinstance(record, Region):  # kind it is one of
                    regions.append(record)
                if isinstance(record, Enterprise):
                    enterprises.append(record)
                if isinstance(record, Platform):
                    platforms.append(record)
                if isinstance(record, Initiative):
                    initiatives.append(record)
                if isinstance(record, Metric):
                    metrics.append(record)
        return cls(doc, tuple(regions), tuple(enterprises), tuple(platforms),
                   tuple(initiatives), tuple(metrics))


LinkStep = Callable[[Linking], Linking]
"""A step of the linker: the records as they stand in, the records changed out."""


def merge_region_mentions(state: Linking) -> Linking:
    """One region per place (by code, else by name), ordered by first mention; a place
    named only as the first words of a company's name is none ("Zhejiang Longsheng
    will invest ...", GUIDELINES: "Ningbo Xusheng Group" names no Ningbo)."""
    if not state.regions:
        return state  # (nothing to merge: the step's work is fixed cost alone)
    regions = state.regions
    if state.enterprises:
        # where each company's name begins, and its farthest end from there
        names: dict[int, int] = {}
        for record in state.enterprises:
            for span in record.mentions:
                if names.get(span.start, -1) < span.end:
                    names[span.start] = span.end
        text = state.doc.text  # (a name's first word: "Zhejiang Longsheng", not
        regions = tuple(region for region in regions if not all(  # "Hangzhou-based X")
            names.get(span.start, -1) > span.end and text[span.end : span.end + 1] == " "
            for span in region.mentions))
    return evolve(state, regions=merge_region_records(regions))


def attribute_subjects(state: Linking) -> Linking:
    """Each figure's subject: a region, or no region when it is a company's or a
    platform's (:mod:`zjopen.link.subjects` says how)."""
    if not state.metrics:
        return state  # (no figure: no subject to look for)
    metrics = _attribute_subjects(state.doc, state.regions, state.metrics,
                                  (*state.enterprises, *state.platforms,
                                   *state.initiatives))
    return evolve(state, metrics=tuple(metrics))


def find_home_regions(state: Linking) -> Linking:
    """Each company's home, when the text names it next to the name and the company has
    none of its own (:mod:`zjopen.link.overseas`)."""
    if not state.enterprises:
        return state
    enterprises = home_regions(state.doc, state.regions, state.enterprises)
    return state if enterprises is None else evolve(state, enterprises=tuple(enterprises))


def find_overseas_presence(state: Linking) -> Linking:
    """The places abroad each company is in (:mod:`zjopen.link.overseas`)."""
    if not state.enterprises:
        return state
    enterprises = overseas_presence(state.doc, state.regions, state.enterprises)
    return evolve(state, enterprises=tuple(enterprises))


def merge_name_mentions(state: Linking) -> Linking:
    """One enterprise, platform and initiative per thing, its other names as aliases."""
    if not (state.enterprises or state.platforms or state.initiatives):
        return state
    return evolve(state, enterprises=merge_named(state.enterprises),
                  platforms=merge_named(state.platforms, editions=True),
                  initiatives=merge_named(state.initiatives))


def dedupe_metrics(state: Linking) -> Linking:
    """One figure per id, in text order."""
    if not state.metrics:
        return state
    seen: dict[str, Metric] = {}
    for metric in sorted(state.metrics, key=_SPAN):
        seen.setdefault(metric.id, metric)
    return evolve(state, metrics=tuple(seen.values()))


LINK_STEPS: tuple[LinkStep, ...] = (
    merge_region_mentions,
    merge_name_mentions,
    attribute_subjects,
    find_home_regions,
    find_overseas_presence,
    dedupe_metrics,
)
"""The default steps, in order."""


def build_article(
    doc: Document,
    records: Sequence[Record],
    *,
    article_id: str,
    published: date | None = None,
    steps: Sequence[LinkStep] = LINK_STEPS,
) -> Article:
    """Run the linker's ``steps`` over ``records`` found in ``doc`` and assemble the
    :class:`~zjopen.model.Article`."""
    state = Linking.of(doc, records)
    for step in steps:
        state = step(state)
    return Article(
        id=article_id,
        title=doc.title,
        published=published or doc.published,
        authors=doc.authors,
        source=doc.source,
        dateline=doc.dateline,
        regions=state.regions,
        enterprises=state.enterprises,
        platforms=state.platforms,
        initiatives=state.initiatives,
        metrics=state.metrics,
        text=doc.text,
    )
