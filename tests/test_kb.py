"""The knowledge base (``data/kb.json``): built from ``scripts/kb/`` by
``scripts/build_kb.py``, and safe to match in ordinary news text.

- kb.json is what the script builds from the lists (``--check``);
- every id is unique, every platform kind a :class:`PlatformKind`, every region a code of
  the gazetteer;
- no name or alias is, to the matcher, a common English word, a number, one lower-case
  word or a place's name, and no two entries share one (``STOP`` below is this test's own
  list, written independently of the build's);
- the entries of the hand-written knowledge base the script replaced are all still there,
  with their names, kinds and regions;
- a few texts: the new names are found and linked, common words are not taken for names.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import zjopen
from zjopen import gazetteer
from zjopen.extract._kb import _MAX_WORDS, knowledge_base
from zjopen.extract._tables import WORD, words_of
from zjopen.lexicon.load import load_json
from zjopen.model import PlatformKind

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_kb.py"
SECTIONS = ("enterprises", "platforms", "initiatives")

# Words that open sentences and headlines, or name things other than companies and zones;
# none may be a knowledge-base name on its own (kept separate from the build's
# scripts/kb/common_words.txt on purpose: a second, shorter opinion).
STOP = frozenset("""
the a an and or of in on at to for by with from as is are was were be this that these
those it its their our new first one two china chinese world global international group
company national state people great wall bull bear golden star sun sunny orient eastern
western southern northern central pacific energy power digital internet smart future
trade market port zone park city bay river lake island road belt silk plan strategy
initiative program project economy economic business industry industrial investment
bank capital fund free pilot general united total shell apple visa target next gap wish
jack key deli bird dragon tiger lion panda phoenix eagle spring crown royal mobile
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december
""".split())

# One-word names kept on purpose despite being a word or a place elsewhere (the build's
# COMMON_WORDS_KEPT and PLACE_NAMES_KEPT): each needs a reason there.
KEPT = frozenset({"Haitian", "Dahua", "Lotus", "Proton", "Chevron"})

# The entries of the hand-written kb.json (v1) that the built one replaced: id -> (name,
# kind, region). They are tested elsewhere (tests/cases, the examples, the corpus).
V1 = {
    "alibaba": ("Alibaba", None, "330100"),
    "ant-group": ("Ant Group", None, "330100"),
    "geely": ("Geely Holdings", None, "330100"),
    "zeekr": ("Zeekr", None, "330200"),
    "volvo": ("Volvo", None, None),
    "haitian": ("Haitian Group", None, "330206"),
    "minth": ("Minth Group", None, "330200"),
    "tuopu": ("Tuopu Group", None, "330200"),
    "joyson": ("Joyson Electronics", None, "330200"),
    "cnooc": ("CNOOC", None, None),
    "china-railway": ("China State Railway Group Co., Ltd.", None, None),
    "china-post": ("China Post", None, None),
    "bank-of-china": ("Bank of China", None, None),
    "zj-ftz": ("China (Zhejiang) Pilot Free Trade Zone", "free_trade_zone", "330000"),
    "ningbo-zhoushan-port": ("Ningbo-Zhoushan Port", "port", "330200"),
    "yiwu-market": ("Yiwu International Trade Market", "market", "330782"),
    "meishan-bonded": ("Meishan Bonded Port Area", "bonded_zone", "330206"),
    "jiaxing-etdz": ("Jiaxing Economic and Technological Development Zone",
                     "development_zone", "330400"),
    "yixinou": ("Yiwu-Xinjiang-Europe freight trains", "logistics", "330782"),
    "ningbo-sbd": ("Southern Business District", "business_district", "330200"),
    "wic": ("World Internet Conference", "expo", "330483"),
    "bri": ("Belt and Road Initiative", None, None),
    "eight-eight": ("Eight-Eight Strategy", None, "330000"),
    "rcep": ("Regional Comprehensive Economic Partnership", None, None),
    "internet-plus": ("Internet Plus", None, None),
    "green-rural-revival": ("Green Rural Revival Program", None, "330000"),
}
V1_COUNT = 155  # all of them are kept: the ids below are checked one by one
V1_IDS = """
alibaba ant-group geely zeekr volvo proton lotus levc haitian minth tuopu xusheng jifeng
grammer joyson youngor shenzhou cnooc sinopec cosco china-railway zhejiang-seaport hikvision
dahua netease wahaha wanxiang chint holley futong sunny-optical huayou rongsheng hengyi zoppas
coca-cola pepsi danone exim-bank bank-of-china china-post cainiao aliexpress tmall amazon temu
shein tiktok maersk msc tesla byd leapmotor jushi supor transfar zc-rubber hailiang wolong
sanhua tongkun xinfengming huahai longsheng tianneng kaishan aux gongniu shanshan great-star
basf toyota wilmar siemens bosch walmart costco ikea samsung panasonic hyundai bmw
mercedes-benz airbus boeing cargill carrefour unilever nestle starbucks dhl fedex cma-cgm ebay
shopee lazada mercado-libre ozon shopify alibaba-com chaowei hengdian astronergy aiko zj-ftz
zj-ftz-ningbo zj-ftz-hangzhou zj-ftz-jinyi ningbo-zhoushan-port zhoushan-port yiwu-market
chinagoods meishan-bonded ningbo-etdz jiaxing-etdz hangzhou-etdz hangzhou-cbec ningbo-cbec
gdte ciie canton-fair yiwu-fair china-europe-train yixinou hangzhou-bay-new-zone
qianjiang-new-town ningbo-sbd yongjiang-innovation ningbo-ftz yiwu-bonded
china-outsourcing-summit yangshan china-ceec-expo wic ewtp zj-ftz-zhoushan
world-zhejiang-entrepreneurs bri eight-eight rcep zuiduopao common-prosperity
dual-circulation yrd-integration made-in-china-2025 internet-plus internet-plus-trade
digital-economy-no1 cptpp china-asean-fta go-global digital-silk-road silk-road-ecommerce
yangtze-economic-belt green-rural-revival
""".split()


def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = load_json("kb.json")
    return raw


def _rows() -> Iterator[tuple[str, dict[str, Any]]]:
    raw = _raw()
    for section in SECTIONS:
        for row in raw[section]:
            yield section, row


def _surfaces(row: dict[str, Any]) -> list[str]:
    return [row["name"], *row["aliases"]]


# ------------------------------------------------------------------------ the build


def test_kb_json_is_what_the_script_builds() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_script_reads_words_as_the_matcher_does() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert f"WORD = re.compile(r\"{WORD.pattern}\")" in text
    assert f"MAX_WORDS = {_MAX_WORDS}" in text


def test_the_script_refuses_a_common_word_and_a_shared_alias(tmp_path: Path) -> None:
    """The checks run on a copy of the lists with two bad rows added."""
    import shutil

    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copytree(ROOT / "src" / "zjopen" / "data", copy / "src" / "zjopen" / "data")
    with (copy / "scripts" / "kb" / "enterprises_foreign.csv").open("a", encoding="utf-8") as f:
        f.write("bull-x,Bull,,US,test\nsecond-geely,Geely Again,Geely,,test\n")
    done = subprocess.run([sys.executable, str(copy / "scripts" / "build_kb.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "'Bull' is the common word" in done.stderr
    assert "'Geely' is also a name of 'geely'" in done.stderr


# ------------------------------------------------------------------------ the entries


def test_ids_are_unique_and_sorted() -> None:
    raw = _raw()
    ids = [row["id"] for _, row in _rows()]
    assert len(ids) == len(set(ids))
    for section in SECTIONS:
        section_ids = [row["id"] for row in raw[section]]
        assert section_ids == sorted(section_ids)


def test_sizes() -> None:
    raw = _raw()
    counts = {section: len(raw[section]) for section in SECTIONS}
    assert counts["enterprises"] >= 600
    assert counts["platforms"] >= 200
    assert counts["initiatives"] >= 50


def test_kinds_and_regions() -> None:
    kinds = {kind.value for kind in PlatformKind}
    for section, row in _rows():
        assert ("kind" in row) == (section == "platforms"), row["id"]
        if section == "platforms":
            assert row["kind"] in kinds, row["id"]
        region = row["region"]
        if region is not None:
            assert gazetteer.lookup(region) is not None, (row["id"], region)


def test_no_alias_is_a_common_word_a_number_or_a_place() -> None:
    bad = []
    for _, row in _rows():
        for surface in _surfaces(row):
            words = words_of(surface)
            assert words, (row["id"], surface)
            assert len(words) <= _MAX_WORDS, (row["id"], surface)
            if len(words) != 1 or words[0] in KEPT:
                continue
            word = words[0]
            if (word.casefold() in STOP or word.islower() or word.isdigit()
                    or gazetteer.lookup(word) is not None):
                bad.append((row["id"], surface))
    assert bad == []


def test_no_two_entries_share_a_name() -> None:
    owners: dict[tuple[str, ...], set[str]] = {}
    for _, row in _rows():
        for surface in _surfaces(row):
            owners.setdefault(words_of(surface), set()).add(row["id"])
    shared = {" ".join(words): ids for words, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_every_surface_is_matched_to_its_own_entry() -> None:
    kb = knowledge_base()
    for _, row in _rows():
        for surface in _surfaces(row):
            assert kb.surfaces[words_of(surface)].id == row["id"], surface


def test_the_hand_written_entries_are_kept() -> None:
    rows = {row["id"]: row for _, row in _rows()}
    assert len(V1_IDS) == V1_COUNT == len(set(V1_IDS))
    assert [i for i in V1_IDS if i not in rows] == []
    for ident, (name, kind, region) in V1.items():
        row = rows[ident]
        assert (row["name"], row.get("kind"), row["region"]) == (name, kind, region), ident


def test_the_build_is_ascii_and_printable() -> None:
    text = (ROOT / "src" / "zjopen" / "data" / "kb.json").read_text(encoding="utf-8")
    assert re.fullmatch(r"[\x20-\x7e\n]*", text)
    json.loads(text)


# ------------------------------------------------------------------------ in a text


def _names(text: str) -> dict[str, set[tuple[str, str | None]]]:
    article = zjopen.parse(text)
    return {
        "enterprises": {(e.name, e.kb_id) for e in article.enterprises},
        "platforms": {(p.name, p.kb_id) for p in article.platforms},
        "initiatives": {(i.name, i.kb_id) for i in article.initiatives},
    }


@pytest.mark.parametrize(("text", "section", "expected"), [
    ("Sinopec and PetroChina signed a supply deal with Hikvision last week.", "enterprises",
     {("Sinopec", "sinopec"), ("PetroChina", "petrochina"), ("Hikvision", "hikvision")}),
    ("The cargo left Chuanshan Port Area. It reached the Port of Piraeus in May.", "platforms",
     {("Chuanshan Port Area", "chuanshan-port-area"), ("Port of Piraeus", "piraeus")}),
    ("Exporters in Keqiao sell through China Textile City.", "platforms",
     {("China Textile City", "china-textile-city")}),
    ("The firm joined the China-EU Comprehensive Agreement on Investment talks.",
     "initiatives", {("China-EU Comprehensive Agreement on Investment", "china-eu-cai")}),
    ("Xiaoshan ETDZ drew three new projects this year.", "platforms",
     {("Xiaoshan Economic and Technological Development Zone", "xiaoshan-etdz")}),
])
def test_new_names_are_found(text: str, section: str,
                             expected: set[tuple[str, str | None]]) -> None:
    assert expected <= _names(text)[section]


@pytest.mark.parametrize("text", [
    "Bull markets lifted shares in Hangzhou, and Total exports rose 5%.",
    "Internet use grew fast in Yiwu, and Shell companies were closed.",
    "Great Wall tours brought visitors, and Golden Week sales rose 8%.",
    "Apple growers in Zhejiang sold 1688 tons last year.",
])
def test_common_words_are_not_names(text: str) -> None:
    names = _names(text)
    assert {kb for section in names.values() for _, kb in section if kb is not None} == set()
