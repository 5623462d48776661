"""The merging step's shortcuts (zjopen.link.merge) give what their plain forms gave:
spans sorted without hashing them when no two share a place, records ordered by first
mention without a ``_Repr`` each unless two tie, names' keys remembered."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.link import merge
from zjopen.model import Enterprise, Region, Span

_TEXT = "Ningbo Zhoushan Port and Geely Holding Group, Yiwu, Hangzhou"


def _span(start: int, length: int) -> Span:
    start = min(start, len(_TEXT))
    end = min(start + length, len(_TEXT))
    return Span(start, end, _TEXT[start:end])


_SPANS = st.builds(_span, st.integers(0, 12), st.integers(0, 4))


@given(st.lists(_SPANS, min_size=1, max_size=6))
def test_spans_are_sorted_as_the_set_was(spans: list[Span]) -> None:
    assert merge._sorted_spans(spans) == tuple(sorted(set(spans), key=merge._START_END))


_NAMES = st.sampled_from(["Geely", "Geely Group", "Haitian", "Yiwu", "geely"])


@st.composite
def _records(draw: Any) -> list[Any]:
    made: list[Any] = []
    for _ in range(draw(st.integers(0, 6))):
        mentions = tuple(draw(st.lists(_SPANS, max_size=2)))
        name = draw(_NAMES)
        if draw(st.booleans()):
            made.append(Enterprise(name=name, mentions=mentions,
                                   aliases=tuple(draw(st.lists(_NAMES, max_size=2))),
                                   overseas=tuple(draw(st.lists(st.sampled_from(
                                       ["DE", "FR", "US"]), max_size=2)))))
        else:
            made.append(Region(code=draw(st.sampled_from([None, "330200", "CN"])), name=name,
                               level="prefecture", mentions=mentions))
    return made


@settings(max_examples=300)
@given(_records())
def test_records_are_ordered_as_by_their_whole_key(records: list[Any]) -> None:
    assert merge._by_first_mention(records) == sorted(records, key=merge._first_mention)


@settings(max_examples=200)
@given(_records())
def test_merging_gives_what_the_plain_group_gave(records: list[Any]) -> None:
    companies = [r for r in records if isinstance(r, Enterprise)]
    merged = merge.merge_named(companies)
    # The plain form: every name's key worked out afresh, each group's record built with
    # attrs.evolve when a field differs.
    ordered = sorted(companies, key=merge._first_mention)
    groups: list[list[Enterprise]] = []
    index: dict[str, int] = {}
    for record in ordered:
        keys = {merge.name_key(name) for name in (record.name, *record.aliases)}
        hit = next((index[key] for key in sorted(keys) if key in index), None)
        if hit is None:
            hit = len(groups)
            groups.append([])
        groups[hit].append(record)
        index.update(dict.fromkeys(keys, hit))
    assert len(merged) == len(groups)
    for record, group in zip(merged, groups, strict=True):
        base = group[0]
        aliases = dict.fromkeys(base.aliases)
        for other in group:
            for name in (other.name, *other.aliases):
                if name != base.name:
                    aliases.setdefault(name)
        assert record.name == base.name
        assert record.aliases == tuple(aliases)
        assert record.mentions == tuple(sorted({s for r in group for s in r.mentions},
                                               key=merge._START_END))
        assert record.overseas == tuple(sorted({c for r in group for c in r.overseas}))
