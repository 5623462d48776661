"""The linker: overseas presence of companies and order-independent merging."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zjopen
from zjopen import Enterprise, Span
from zjopen.link.merge import merge_named, name_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Top Group built an auto parts plant in Poland last year.", {"Tuopu Group": ("PL",)}),
        ("Jifeng acquired Grammer, a century-old German company, in 2019.",
         {"Jifeng": ("DE",), "Grammer": ()}),
        ("Holley Group and Futong Group established an industrial park in Mexico.",
         {"Holley Group": ("MX",), "Futong Group": ("MX",)}),
        ("Ningbo Haixing Valve Co., Ltd. opened offices in Vietnam and Thailand.",
         {"Ningbo Haixing Valve Co., Ltd.": ("TH", "VN")}),
        ("Before Cixi Lianfa Group, Wenzhou Huaxin Group set up a plant in Egypt.",
         {"Cixi Lianfa Group": (), "Wenzhou Huaxin Group": ("EG",)}),
        ("Zhejiang Xinzhou Group sells to buyers in Germany.", {"Zhejiang Xinzhou Group": ()}),
        ("Sanhua Intelligent Controls is expanding its plant in Monterrey, Mexico.",
         {"Sanhua Intelligent Controls": ("MX",)}),
        ("Minth Group runs a factory in Serbia.", {"Minth Group": ("RS",)}),
        ("Tuopu Group began production in Mexico last year.", {"Tuopu Group": ("MX",)}),
        ("Haitian Group expanded its exports to Brazil.", {"Haitian Group": ()}),
    ],
)
def test_overseas_presence(text: str, expected: dict[str, tuple[str, ...]]) -> None:
    article = zjopen.parse(text, id="t")
    assert {e.name: e.overseas for e in article.enterprises} == expected


def _enterprise(name: str, start: int) -> Enterprise:
    text = " " * start + name
    return Enterprise(name=name, mentions=[Span.of(text, start, start + len(name))])


def test_merging_is_order_independent() -> None:
    records = [_enterprise("Haitian Group", 0), _enterprise("Haitian", 40),
               _enterprise("Geely Holdings", 80), _enterprise("Geely", 120),
               _enterprise("Haitian Group", 160)]
    expected = merge_named(records)
    assert [(e.name, e.aliases, len(e.mentions)) for e in expected] == [
        ("Haitian Group", ("Haitian",), 3), ("Geely Holdings", ("Geely",), 2)]
    rng = random.Random(7)
    for _ in range(20):
        shuffled = records[:]
        rng.shuffle(shuffled)
        assert merge_named(shuffled) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [("Haitian Group", "haitian"), ("Ningbo Xinyi Supplier Management Co., Ltd.",
                                     "ningbo xinyi supplier management"),
     ("China State Railway Group Co., Ltd.", "china state railway"), ("Group", "group")],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


_TRIGGER_TEXT = st.text(alphabet="PortCoCentzone' 07ABgrup\n.Tha", max_size=60)


def _corpus_texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent
    folders = [root.parent / "shared" / "corpus" / "seeds", root / "examples" / "articles"]
    return [p.read_text(encoding="utf-8") for f in folders if f.is_dir()
            for p in sorted(f.iterdir()) if p.suffix == ".txt"]


@given(_TRIGGER_TEXT, st.integers(0, 80), st.integers(0, 400))
def test_the_entity_pattern_runs_wherever_it_can_match(text: str, start: int,
                                                      length: int) -> None:
    """The attribution's trigger search tells the entity pattern where it cannot match:
    never where it does (only where a trigger word, a possessive or a product number
    also begins, as a plain look-ahead over the words sees them)."""
    from zjopen.document import read_document
    from zjopen.link._positions import _TRIGGER_WORDS, _Named
    from zjopen.link._words import ENTITY

    words = "|".join(map(re.escape, _TRIGGER_WORDS))
    plain = re.compile(rf"(?=(?:{words})|'\s|\s0[0-9]|\s[A-Z][0-9])")
    for sample in [text, *_corpus_texts()[:3]]:
        doc = read_document("Title\n\n" + sample + " end.")
        triggers = [m.start() for m in plain.finditer(doc.norm)]
        named = _Named.of(doc, [])
        for begin in {start, len(doc.norm) * start // 80, 0}:
            for end in (begin + length, begin + length // 3, begin + 5):
                end = min(end, len(doc.norm))
                may = named.may_name_entity(begin, end)
                if ENTITY.search(doc.norm[begin:end]):
                    assert may, (begin, end)
                if may:
                    assert any(begin <= t < end for t in triggers), (begin, end)


def test_every_entity_match_holds_a_trigger() -> None:
    from zjopen.document import read_document
    from zjopen.link._positions import _Named
    from zjopen.link._words import ENTITY

    for text in _corpus_texts():
        doc = read_document(text)
        named = _Named.of(doc, [])
        for sentence in doc.sentences:
            for end in range(sentence.start, sentence.end + 1, 7):
                if ENTITY.search(doc.norm[sentence.start:end]):
                    assert named.may_name_entity(sentence.start, end)


def test_a_pipeline_runs_a_link_step_of_its_own_after_the_default_ones() -> None:
    import attrs

    from zjopen import Pipeline
    from zjopen.link import LINK_STEPS, Linking

    seen: list[int] = []

    def no_initiatives(state: Linking) -> Linking:
        seen.append(len(state.initiatives))
        return attrs.evolve(state, initiatives=())

    text = ("Ningbo trade\n\nUnder the Belt and Road Initiative, Ningbo's exports rose. "
            "The Belt and Road Initiative helped.")
    pipeline = Pipeline().with_link_step(no_initiatives)
    assert pipeline.link_steps == (*LINK_STEPS, no_initiatives)
    assert [i.name for i in Pipeline().parse(text).initiatives] == ["Belt and Road Initiative"]
    assert pipeline.parse(text).initiatives == ()
    assert seen == [1]  # it saw the two mentions after the default steps had merged them


_CODES = st.sampled_from(["330200", "CN", "E:Geely", "E:Haitian", "P:Ningbo Port",
                          "P:Yiwu Market", "P:Keqiao Expo"])


@given(st.lists(st.tuples(_CODES, st.sampled_from(["port", "market", "expo"])), max_size=30),
       st.integers(0, 31), st.none() | st.lists(st.sampled_from(["port", "market", "expo"]),
                                                 max_size=2))
def test_a_description_stands_for_the_last_entity_of_its_kind_before_it(
        codes: list[tuple[str, str]], before: int, kinds: list[str] | None) -> None:
    # Found by bisection in per-kind indices, as the scan back through every mention
    # found it (quadratic when "the port" came after many places and no port, in a long
    # article: benchmarks/bench_shapes.py, "described platform never named").
    from zjopen.document import read_document
    from zjopen.link._positions import _Mention, _Named

    mentions = [_Mention(n, n + 1, code, kind if code.startswith("P:") else "")
                for n, (code, kind) in enumerate(codes)]
    scanned = next((index for index in range(min(before, len(mentions)) - 1, -1, -1)
                    if (mentions[index].code.startswith("P:") and kinds is not None
                        and mentions[index].kind in kinds)
                    or (mentions[index].code.startswith("E:") and kinds is None)), None)
    named = _Named.of(read_document("Title\n\nText."), mentions)
    assert named.last_entity(before, kinds) == scanned


@pytest.mark.parametrize(("text", "regions", "figure_region"), [
    # a company the knowledge base knows by a shorter name than the region extractor's
    # names: the place that opens its name is no mention (GUIDELINES), its figure no place's
    ("Zhejiang Longsheng will invest $6 million in the venture.", [], None),
    ("Zhejiang Longsheng Group will invest $6 million in the venture.", [], None),
    # a place before "-based" is one, and so is the same place named on its own
    ("China's Hangzhou-based Holley Group invested $6 million in Thailand.",
     ["CN", "330100", "TH"], None),
    ("Zhejiang Longsheng will invest $6 million in Zhejiang.", ["330000"], None),
])
def test_a_place_opening_a_company_name_is_no_mention(
        text: str, regions: list[str], figure_region: str | None) -> None:
    article = zjopen.parse(text)
    assert [region.code for region in article.regions] == regions
    assert [metric.region for metric in article.metrics] == [figure_region]
