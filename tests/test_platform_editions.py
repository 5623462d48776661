"""Table tests: an expo, fair or conference named with its edition ("the 5th ...", "the
2023 ...") and without it in one article is one platform, the other form an alias
(:func:`zjopen.link.merge.edition_key`); editions of no name, and names that differ in
more than the edition, stay apart."""

from __future__ import annotations

import pytest

import zjopen
from zjopen.link.merge import edition_key

_DATE = "Ningbo fairs draw buyers\n\nMay 3, 2024\n\n"


@pytest.mark.parametrize(("text", "platforms"), [
    ("The 7th Taizhou Sewing Machine Expo opened on Friday. Over 400 firms came to the "
     "Taizhou Sewing Machine Expo.",
     [("7th Taizhou Sewing Machine Expo", ("Taizhou Sewing Machine Expo",))]),
    ("The 2023 Global Wenling Merchants Conference closed in Wenling. The Global Wenling "
     "Merchants Conference signed 30 projects.",
     [("2023 Global Wenling Merchants Conference", ("Global Wenling Merchants Conference",))]),
    ("Buyers at the Cixi Home Appliance Fair placed orders. The 12th Cixi Home Appliance "
     "Fair ran for four days.",
     [("Cixi Home Appliance Fair", ("12th Cixi Home Appliance Fair",))]),
    # a name with and without "International", "Intl" or "Railway": one platform
    ("Cargo at Hangzhou International Airport rose 12 percent. Hangzhou Intl Airport "
     "opened two routes.",
     [("Hangzhou International Airport", ("Hangzhou Intl Airport",))]),
    ("Trains left Jinhua South Railway Station daily. Jinhua South Station handled 300 "
     "trains.",
     [("Jinhua South Railway Station", ("Jinhua South Station",))]),
    ("Ningbo Lishe International Airport added routes, and Ningbo Airport handled 150,000 "
     "tons.",
     [("Ningbo Lishe International Airport", ("Ningbo Airport",))]),
    # other names: two platforms
    ("Flights from Ningbo Airport and Wenzhou Airport rose in May.",
     [("Ningbo Lishe International Airport", ("Ningbo Airport",)),
      ("Wenzhou Longwan International Airport", ("Wenzhou Airport",))]),
    ("The 3rd Taizhou Sewing Machine Expo and the Wenling Pump Fair opened in May.",
     [("3rd Taizhou Sewing Machine Expo", ()), ("Wenling Pump Fair", ())]),
])
def test_editions_of_one_platform_merge(text: str,
                                        platforms: list[tuple[str, tuple[str, ...]]]) -> None:
    article = zjopen.parse(_DATE + text)
    assert [(p.name, p.aliases) for p in article.platforms] == platforms


@pytest.mark.parametrize(("name", "key"), [
    ("The 5th Lishui Imported Goods Expo", "lishui imported goods expo"),
    ("2023 Zhoushan Fishing Fair", "zhoushan fishing fair"),
    ("Twelfth Cixi Home Appliance Fair", "cixi home appliance fair"),
    ("21st Yiwu Fair", "yiwu fair"),
    ("2023 Expo", "2023 expo"),  # nothing but the edition left: kept
    ("Expo 2023 Park", "expo 2023 park"),  # not an opening edition
    ("12345 Road Port", "12345 road port"),  # no year, no ordinal
    ("Hangzhou Intl. Airport", "hangzhou airport"),
    ("Yiwu West Railway Station", "yiwu west station"),
    ("International Airport", "international airport"),  # the first word stays
    ("Airport", "airport"),
    ("Ningbo Railway Hub", "ningbo railway hub"),  # "railway" goes only before "station"
])
def test_edition_key(name: str, key: str) -> None:
    assert edition_key(name) == key
