"""The one merge of named records (:func:`zjopen.corpus.merge.merge_named`) behind
``merge_enterprises``, ``merge_platforms`` and ``merge_initiatives``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
import pytest

from zjopen.corpus import CorpusEnterprise, CorpusInitiative, CorpusPlatform, Mention
from zjopen.corpus.merge import (
    merge_enterprises,
    merge_initiatives,
    merge_named,
    merge_platforms,
)
from zjopen.model import Article, Enterprise, Initiative, Platform, PlatformKind, Span


def _article(article_id: str, records: list[Enterprise | Platform | Initiative]) -> Article:
    """An article whose text is the records' names joined by ", ", each named once."""
    text = ", ".join(r.name for r in records)
    named: list[Enterprise | Platform | Initiative] = []
    at = 0
    for record in records:
        named.append(attrs.evolve(record, mentions=[Span(at, at + len(record.name),
                                                         record.name)]))
        at += len(record.name) + 2
    return Article(
        id=article_id, text=text,
        enterprises=[r for r in named if isinstance(r, Enterprise)],
        platforms=[r for r in named if isinstance(r, Platform)],
        initiatives=[r for r in named if isinstance(r, Initiative)],
    )


# Three articles naming one company by knowledge-base id and by name, one company by name
# only, one port under two spellings and kinds, one initiative with several years.
ARTICLES = (
    _article("a", [
        Enterprise(name="Geely Holdings", kb_id="geely", region="330200"),
        Enterprise(name="Tuopu Group", region="330206", overseas=["PL", "MX"]),
        Platform(name="Ningbo Zhoushan Port", kind="port", region="330200"),
        Initiative(name="Digital Silk Road", region="330000", start_year=2020,
                   target_year=2027),
    ]),
    _article("b", [
        Enterprise(name="Geely", region="330100"),
        Enterprise(name="Tuopu Group", aliases=["Tuopu"], overseas=["US"]),
        Platform(name="Ningbo-Zhoushan Port", kind="other"),
        Initiative(name="digital silk road", target_year=2025),
    ]),
    _article("c", [
        Enterprise(name="Geely", kb_id="geely", region="330100"),
        Platform(name="Ningbo Zhoushan Port", kind="port", region="330200"),
        Initiative(name="Digital Silk Road", region="330000", target_year=2027),
    ]),
)


def _mentions(*where: tuple[str, int, str]) -> tuple[Mention, ...]:
    return tuple(Mention(a, Span(at, at + len(text), text)) for a, at, text in where)


# What the three merges gave before they became one (zjopen 0.9).
ENTERPRISES = (
    CorpusEnterprise(
        name="Geely", aliases=("Geely Holdings",), region="330100",
        regions=("330100", "330200"), kb_id="geely",
        mentions=_mentions(("a", 0, "Geely Holdings"), ("b", 0, "Geely"), ("c", 0, "Geely")),
    ),
    CorpusEnterprise(
        name="Tuopu Group", aliases=("Tuopu",), region="330206", regions=("330206",),
        overseas=("MX", "PL", "US"),
        mentions=_mentions(("a", 16, "Tuopu Group"), ("b", 7, "Tuopu Group")),
    ),
)
PLATFORMS = (
    CorpusPlatform(
        name="Ningbo Zhoushan Port", kind=PlatformKind.PORT,
        aliases=("Ningbo-Zhoushan Port",), region="330200", regions=("330200",),
        mentions=_mentions(("a", 29, "Ningbo Zhoushan Port"), ("b", 20, "Ningbo-Zhoushan Port"),
                           ("c", 7, "Ningbo Zhoushan Port")),
    ),
)
INITIATIVES = (
    CorpusInitiative(
        name="Digital Silk Road", aliases=("digital silk road",), region="330000",
        regions=("330000",), start_year=2020, target_year=2027,
        mentions=_mentions(("a", 51, "Digital Silk Road"), ("b", 42, "digital silk road"),
                           ("c", 29, "Digital Silk Road")),
    ),
)


@pytest.mark.parametrize(("merge", "expected"), [
    (merge_enterprises, ENTERPRISES),
    (merge_platforms, PLATFORMS),
    (merge_initiatives, INITIATIVES),
])
def test_each_kind_merges_as_before(
    merge: Callable[[Iterable[Article]], tuple[object, ...]], expected: tuple[object, ...]
) -> None:
    assert merge(ARTICLES) == expected
    assert merge(ARTICLES[::-1]) == expected  # the order of the articles does not matter


def test_merge_named_makes_the_common_fields_and_the_kinds_own() -> None:
    merged = merge_named(ARTICLES, lambda a: a.platforms, CorpusPlatform,
                         lambda items: {"kind": PlatformKind.MARKET})
    assert merged == (attrs.evolve(PLATFORMS[0], kind=PlatformKind.MARKET),)
    bare = merge_named(ARTICLES, lambda a: a.initiatives, CorpusInitiative, lambda items: {})
    assert bare == (attrs.evolve(INITIATIVES[0], start_year=None, target_year=None),)


def test_merge_named_of_no_articles_is_empty() -> None:
    assert merge_named((), lambda a: a.enterprises, CorpusEnterprise, lambda items: {}) == ()
