"""attribute_subjects finds each figure's sentence by bisection and takes the sentences
with no figure before it as pending all at once: the same subjects as the former walk
through every sentence (kept here as the oracle), on generated articles."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.document import Document, read_document
from zjopen.extract.metrics import extract_metrics
from zjopen.extract.names import extract_names
from zjopen.extract.regions import extract_regions
from zjopen.link import subjects
from zjopen.link._positions import _Mention, _Named
from zjopen.link._subject_mentions import subject_mentions
from zjopen.model import Enterprise, Initiative, Metric, Platform, Region, Span


def _former(doc: Document, regions: Sequence[Region], metrics: Sequence[Metric],
            others: Sequence[Enterprise | Platform | Initiative]) -> list[Metric]:
    mentions = subject_mentions(doc, regions, others)
    starts = [m.start for m in mentions]
    main = subjects._main_region(doc, mentions)
    datelines = [_Mention(span.start, span.end, region.code) for region in regions
                 if region.code is not None and region.code.isdigit()
                 for span in region.mentions if span.text.isupper() and len(span.text) > 3]
    named = _Named.of(doc, mentions, datelines)
    ordered = sorted(metrics, key=lambda m: m.span.start)
    topic = main
    result: list[Metric] = []
    position = 0
    pending: list[Span] = []
    figure_starts = [m.span.start for m in ordered]
    count = len(ordered)
    next_start = figure_starts[0] if count else -1
    for sentence in doc.sentences:
        if position == count or next_start >= sentence.end:
            pending.append(sentence)
            continue
        stop = bisect.bisect_left(figure_starts, sentence.end, position)
        figures = ordered[position:stop]
        position = stop
        if stop < count:
            next_start = figure_starts[stop]
        respective = subjects._respectively(doc, sentence.start, sentence.end, figures,
                                            mentions, starts)
        for metric in figures:
            if metric.region is not None:
                result.append(metric)
                continue
            subject = respective.get(metric.id) or subjects._subject(
                doc, sentence.start, metric.span.start, mentions, starts, main, named)
            if subject is None:
                subject = subjects._pending_topic(doc, pending, mentions, starts, main, named)
            pending.clear()
            if subject is not None:
                topic = subject or None
            result.append(subjects._about(metric, topic, doc.norm))
    result.extend(ordered[position:])
    return result


_SENTENCES = st.sampled_from([
    "Ningbo's exports rose 5 percent in 2023.",
    "Jiaxing and Huzhou grew 3.2 percent and 7.5 percent respectively.",
    "The city handled 12 million containers last year, up 4 percent.",
    "Officials said the plan would help local firms reach new markets abroad.",
    "Geely Holding sold 2.8 million cars, while Quzhou's imports fell 2 percent.",
    "Yiwu city in Zhejiang has 75,000 shops.",
    "HANGZHOU, July 10 (Xinhua) -- Zhejiang's foreign trade reached 4.9 trillion yuan.",
    "Qingtian has deepened its ties with Europe over the past decade.",
    "The Port of Ningbo Zhoushan handled 1.3 billion tons of cargo.",
    "In 2022, Ningbo, Jinhua and Jiaxing exported 820, 560 and 310 billion yuan.",
    "It is a short line.",
    "5 percent",
])
_ARTICLES = st.lists(_SENTENCES, min_size=1, max_size=8).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "\n\n"]), min_size=len(parts),
                           max_size=len(parts)).map(
        lambda gaps: "Zhejiang trade news\n\n" + "".join(
            p + g for p, g in zip(parts, gaps, strict=True))))


@settings(max_examples=150, deadline=None)
@given(_ARTICLES)
def test_the_bisected_walk_gives_the_former_subjects(text: str) -> None:
    doc = read_document(text)
    regions = extract_regions(doc)
    names = extract_names(doc)
    metrics = extract_metrics(doc)
    others = [r for r in names if isinstance(r, Enterprise | Platform | Initiative)]
    assert (subjects.attribute_subjects(doc, regions, metrics, others)
            == _former(doc, regions, metrics, others))
