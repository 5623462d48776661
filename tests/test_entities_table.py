"""Table-driven tests for enterprise, platform and initiative extraction (issue 7).

Each row of ``tests/cases/entities.jsonl`` is one short body text (it ends with a full
stop, so it is never taken for a headline) and EXACTLY the records a careful annotator
following ``GUIDELINES.md`` (sections Enterprises, Platforms, Initiatives) expects::

    {"id": ..., "text": ...,
     "enterprises": [{"name": "Haitian Group", "aliases_include": ["Haitian"]}],
     "platforms":   [{"name": "Ningbo-Zhoushan Port", "kind": "port"}],
     "initiatives": [{"name": "Belt and Road Initiative"}],
     "xfail": "why the code is wrong"}   # optional: a documented bug, strict xfail

A list that is given is compared exactly; a list that is left out is not checked. An
expected entry matches a produced record as the scorer (``score.py``) matches a gold
entry: some normalised name or alias of the one equals one of the other, or their word
sets overlap with a Jaccard index of at least 0.6 (normalising lower-cases, drops
punctuation, quotes and "'s", and one trailing legal suffix). Every expected entry must
be matched by exactly one record and every record by one entry. Where an entry gives
``kind`` the platform kind must be equal; where it gives ``aliases_include`` each of
those surface forms must be the record's name or one of its aliases, exactly as written.

Expectations come from the guidelines, never from the code's output: a row the code
gets wrong is marked ``xfail`` with the reason, so the suite stays green while the bug
stays documented (the mark is strict: it must go once the bug is fixed).

The hypothesis properties below check that an invented company name in random article
context is found with a mention span that slices the text to the name, and that
``merge_named`` does not depend on the order of its input.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TypedDict

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import zjopen
from tests.cases import read_rows
from zjopen import Enterprise, Initiative, Platform, PlatformKind, Span
from zjopen.evaluation.rules import _keys_agree, _name_keys
from zjopen.link.merge import merge_named

CASES = Path(__file__).parent / "cases" / "entities.jsonl"

Section = Literal["enterprises", "platforms", "initiatives"]
SECTIONS: tuple[Section, ...] = ("enterprises", "platforms", "initiatives")
_KINDS = {kind.value for kind in PlatformKind}


class ExpectedEntity(TypedDict, total=False):
    name: str
    kind: str  # platforms only
    aliases_include: list[str]


class Case(TypedDict, total=False):
    id: str
    text: str
    enterprises: list[ExpectedEntity]
    platforms: list[ExpectedEntity]
    initiatives: list[ExpectedEntity]
    xfail: str


CASE_ROWS: list[Case] = read_rows(CASES)


# ---------------------------------------------------------------- matching (as score.py)



def names_match(produced: Sequence[str], expected: Sequence[str]) -> bool:
    """The scorer's rule (:mod:`zjopen.evaluation.rules`): equal normalised names, or word
    sets with a Jaccard index of at least 0.6."""
    return _keys_agree(_name_keys(produced), _name_keys(expected))


def _assign(edges: list[list[int]], n_right: int) -> list[int | None]:
    """A maximum matching of left nodes to right nodes (augmenting paths); for each
    left node the right node it is paired with, or None."""
    owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            current = owner[right]
            if current is None or augment(current, seen):
                owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    pairs: list[int | None] = [None] * len(edges)
    for right, paired in enumerate(owner):
        if paired is not None:
            pairs[paired] = right
    return pairs


Named = Enterprise | Platform | Initiative


def _surfaces(record: Named) -> list[str]:
    return [record.name, *record.aliases]


def _expected_names(want: ExpectedEntity) -> list[str]:
    return [want["name"], *want.get("aliases_include", [])]


def _describe(record: Named) -> str:
    kind = f" [{record.kind.value}]" if isinstance(record, Platform) else ""
    return f"{record.name!r}{kind} aka {list(record.aliases)!r}"


def _compare(produced: Sequence[Named], wanted: Sequence[ExpectedEntity]) -> dict[str, list[str]]:
    """What differs between the records found and the entries expected; empty lists
    when they agree."""
    edges = [[j for j, want in enumerate(wanted)
              if names_match(_surfaces(record), _expected_names(want))]
             for record in produced]
    pairs = _assign(edges, len(wanted))
    matched = {j for j in pairs if j is not None}
    problems: dict[str, list[str]] = {
        "unexpected": [_describe(r) for r, j in zip(produced, pairs, strict=True) if j is None],
        "missing": [w["name"] for j, w in enumerate(wanted) if j not in matched],
        "wrong kind": [],
        "missing alias": [],
    }
    for record, j in zip(produced, pairs, strict=True):
        if j is None:
            continue
        want = wanted[j]
        if "kind" in want:
            kind = record.kind.value if isinstance(record, Platform) else None
            if kind != want["kind"]:
                problems["wrong kind"].append(f"{record.name!r}: {kind} != {want['kind']}")
        surfaces = _surfaces(record)
        for alias in want.get("aliases_include", []):
            if alias not in surfaces:
                problems["missing alias"].append(f"{alias!r} not in {surfaces!r}")
    return problems


_NO_PROBLEMS: dict[str, list[str]] = {
    "unexpected": [], "missing": [], "wrong kind": [], "missing alias": []}


def _params() -> list[Any]:
    params = []
    for case in CASE_ROWS:
        marks = []
        if "xfail" in case:
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _records(article: zjopen.Article, section: Section) -> Sequence[Named]:
    if section == "enterprises":
        return article.enterprises
    if section == "platforms":
        return article.platforms
    return article.initiatives


@pytest.mark.parametrize("case", _params())
def test_entities_table(case: Case) -> None:
    article = zjopen.parse(case["text"], id="t")
    assert article.title is None, "a table row must be body text (end it with a full stop)"
    outcome = {}
    for section in SECTIONS:
        if section in case:
            outcome[section] = _compare(_records(article, section), case[section])
    assert outcome == dict.fromkeys(outcome, _NO_PROBLEMS)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASE_ROWS])
def test_table_mentions_slice_the_text(case: Case) -> None:
    """Every mention of every record is a true slice of the article text."""
    article = zjopen.parse(case["text"], id="t")
    for section in SECTIONS:
        for record in _records(article, section):
            assert record.mentions, record
            for mention in record.mentions:
                assert article.text[mention.start : mention.end] == mention.text, record


def test_table_shape() -> None:
    """The table is well formed, large enough, and covers the negatives."""
    ids = [case["id"] for case in CASE_ROWS]
    assert len(ids) == len(set(ids)), "row ids must be unique"
    allowed_row = set(Case.__annotations__)
    allowed_entry = set(ExpectedEntity.__annotations__)
    for case in CASE_ROWS:
        assert set(case) <= allowed_row, (case["id"], set(case) - allowed_row)
        assert case["text"].rstrip().endswith("."), case["id"]
        assert any(section in case for section in SECTIONS), case["id"]
        for section in SECTIONS:
            for want in case.get(section, []):
                assert set(want) <= allowed_entry, (case["id"], want)
                assert want["name"].strip(), case["id"]
                if section == "platforms":
                    assert want.get("kind") in _KINDS, (case["id"], want)
                else:
                    assert "kind" not in want, (case["id"], want)
    counts = {section: sum(section in case for case in CASE_ROWS) for section in SECTIONS}
    assert counts["enterprises"] >= 65, counts
    assert counts["platforms"] >= 45, counts
    assert counts["initiatives"] >= 35, counts
    kinds = {w["kind"] for c in CASE_ROWS for w in c.get("platforms", []) if "kind" in w}
    assert kinds == _KINDS, _KINDS - kinds
    for section in SECTIONS:
        negatives = [c for c in CASE_ROWS if section in c and not c[section]]
        assert len(negatives) >= 5, section


# ---------------------------------------------------------------- property 1: new names

# Pinyin-like syllables; a word is one or two of them ("Hai", "Haixing"). "Xinhua" is
# left out: it is the news agency (never a company, by the guidelines).
_SYLLABLES = ["Hai", "Xing", "Tong", "Lian", "Fa", "Da", "Hua", "Sheng", "Long", "Feng",
              "Yuan", "Kang", "Rui", "Bao", "Mei", "Xin"]
_AVOID = {"Xinhua"}
_PREFIXES = ["", "In 2023, ", "Last year, ", "Officials said ", "According to the report, ",
             "Shares of "]
_SUFFIXES = [" signed a deal in Ningbo.", " opened a plant in Mexico.",
             " exported goods to Germany in May.", ", a private firm, signed a deal in Ningbo."]

_words = st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=2).map(
    lambda parts: parts[0] + "".join(p.lower() for p in parts[1:])
).filter(lambda word: word not in _AVOID)


def _company_names(legal: str) -> st.SearchStrategy[str]:
    return st.lists(_words, min_size=1, max_size=3).map(lambda ws: " ".join(ws) + legal)


def _assert_found(name: str, prefix: str, suffix: str) -> None:
    text = prefix + name + suffix
    article = zjopen.parse(text, id="t")
    hits = [(record, mention) for record in article.enterprises for mention in record.mentions
            if article.text[mention.start : mention.end] == name]
    assert hits, (text, [_describe(r) for r in article.enterprises])
    for record, mention in hits:
        assert mention.text == name
        assert name in _surfaces(record), (text, _describe(record))


@given(name=_company_names(" Group"), prefix=st.sampled_from(_PREFIXES),
       suffix=st.sampled_from(_SUFFIXES))
@example(name="Hai Group", prefix="", suffix=" signed a deal in Ningbo.")
@example(name="Haixing Tong Lian Group", prefix="In 2023, ", suffix=" signed a deal in Ningbo.")
def test_new_group_is_found_with_its_span(name: str, prefix: str, suffix: str) -> None:
    _assert_found(name, prefix, suffix)


@given(name=_company_names(" Co., Ltd."), prefix=st.sampled_from(_PREFIXES),
       suffix=st.sampled_from(_SUFFIXES))
@example(name="Haixing Co., Ltd.", prefix="In 2023, ", suffix=" signed a deal in Ningbo.")
def test_new_co_ltd_is_found_with_its_span(name: str, prefix: str, suffix: str) -> None:
    _assert_found(name, prefix, suffix)


# ---------------------------------------------------------------- property 2: merging

# Surface forms that share keys in several ways: legal suffixes, bare short names,
# knowledge-base aliases, and names with nothing in common.
_POOL = ["Haitian Group", "Haitian", "Haitian Plastics Group", "Geely", "Geely Holdings",
         "Geely Automobile", "Ningbo Haixing Valve Co., Ltd.", "Ningbo Haixing Valve Co.",
         "Cixi Lianfa Group", "Lianfa", "Grammer AG", "Grammer", "CNOOC", "Zeekr", "Jikrypton"]


@st.composite
def _single_mention_enterprises(draw: st.DrawFn) -> list[Enterprise]:
    count = draw(st.integers(min_value=0, max_value=10))
    starts = draw(st.lists(st.integers(min_value=0, max_value=2000), min_size=count,
                           max_size=count, unique=True))
    records = []
    for start in starts:
        name = draw(st.sampled_from(_POOL))
        aliases = draw(st.lists(st.sampled_from(_POOL), max_size=2, unique=True))
        records.append(Enterprise(
            name=name,
            aliases=tuple(a for a in aliases if a != name),
            region=draw(st.none() | st.sampled_from(["330200", "330100", "DE"])),
            kb_id=draw(st.none() | st.sampled_from(["haitian", "geely", "grammer"])),
            mentions=(Span(start, start + len(name), name),),
        ))
    return records


@given(records=_single_mention_enterprises(), rng=st.randoms(use_true_random=False))
def test_merge_named_is_order_independent(records: list[Enterprise], rng: random.Random) -> None:
    ordered = sorted(records, key=lambda r: r.mentions[0].start)
    shuffled = list(records)
    rng.shuffle(shuffled)
    merged = merge_named(ordered)
    assert merge_named(shuffled) == merged
    assert merge_named(ordered) == merged  # deterministic
    # Nothing is lost: each mention lands in exactly one record, with all its names.
    for record in records:
        (mention,) = record.mentions
        holders = [m for m in merged if mention in m.mentions]
        assert len(holders) == 1, (record, merged)
        assert set(_surfaces(record)) <= set(_surfaces(holders[0]))
    assert sum(len(m.mentions) for m in merged) == len(records)


def test_merge_named_ties_are_order_independent() -> None:
    mention = Span(5, 12, "Haitian")
    ningbo = Enterprise(name="Haitian", region="330200", mentions=(mention,))
    hangzhou = Enterprise(name="Haitian", region="330100", mentions=(mention,))
    assert merge_named([ningbo, hangzhou]) == merge_named([hangzhou, ningbo])
