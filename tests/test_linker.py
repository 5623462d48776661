"""The linker: overseas presence of companies and order-independent merging."""

from __future__ import annotations

import random

import pytest

import zjopen
from zjopen import Enterprise, Span
from zjopen.linker import merge_named, name_key


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
