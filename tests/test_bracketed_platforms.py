"""A platform named "China (X) ..." is X's, not China's: the bracketed place is where the
zone is ("China (Hubei) Pilot Free Trade Zone") or where the expo is held ("China (South
Africa) Trade Expo"); the knowledge base's own platforms keep their regions."""

from __future__ import annotations

import pytest

import zjopen

_CASES = [
    ("Firms in the China (Hubei) Pilot Free Trade Zone signed deals with Ningbo exporters.",
     "China (Hubei) Pilot Free Trade Zone", "420000"),
    ("The China (Shanghai) Pilot Free Trade Zone shared its customs reforms with Zhoushan.",
     "China (Shanghai) Pilot Free Trade Zone", "310000"),
    ("Wenzhou shoemakers took orders at the 3rd China (South Africa) Trade Expo.",
     "3rd China (South Africa) Trade Expo", "ZA"),
    ("Wenzhou firms booked stands at the China (India) Trade Expo in New Delhi.",
     "China (India) Trade Expo", "IN"),
    # the knowledge base's platform keeps its region
    ("The China (Zhejiang) Pilot Free Trade Zone added a Jinhua area.",
     "China (Zhejiang) Pilot Free Trade Zone", "330000"),
    # no bracketed place: the name's first place, as before
    ("The Hubei Free Trade Zone signed deals with Ningbo exporters.",
     "Hubei Free Trade Zone", "420000"),
    # brackets that name no place say nothing of the region
    ("Exporters met at the China (International) Trade Expo in Hangzhou.",
     "China (International) Trade Expo", "CN"),
]


@pytest.mark.parametrize(("text", "name", "region"), _CASES)
def test_bracketed_place_is_the_platforms(text: str, name: str, region: str) -> None:
    found = {p.name: p.region for p in zjopen.parse(text).platforms}
    assert found.get(name, "missing") == region, found
