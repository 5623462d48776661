"""Table tests: an initiative read in a title-case headline (every longer word
capitalised) and named by "Plan", "Agreement" or "Project" is kept only when the body
names it too: in such a headline these are as often plain words. Other heads stay."""

from __future__ import annotations

import pytest

import zjopen

_BODY = "\n\nMay 3, 2024\n\n"


@pytest.mark.parametrize(("text", "initiatives"), [
    # title case, the body names no such initiative: none
    ("Wenling Pump Makers Plan to Double Exports to Africa" + _BODY
     + "Pump makers in Wenling want to sell twice as much in Africa by 2026.", []),
    ("Cixi and Tanzania Sign Agreement on Appliance Assembly Project" + _BODY
     + "Cixi signed a deal with Tanzania to assemble fridges near Dar es Salaam.", []),
    # title case, the body names it (in its own case): one initiative, two mentions
    ("Taizhou Firms Ride the Going Global Strategy" + _BODY
     + "Taizhou's firms follow the Going Global strategy into Mexico.",
     [("Going Global Strategy", 2)]),
    # title case, the run cut to the body's name: kept, whatever its head
    ("Jiaxing Unveils Harbour Trade Promotion Plan" + _BODY
     + "The Harbour Trade Promotion Plan lists new berths.",
     [("Harbour Trade Promotion Plan", 2)]),
    # a sentence-case headline: its initiative stays, named in the body or not
    ("Jiaxing backs the Seaport Linkage Initiative" + _BODY
     + "The city will build new berths in 2025.", [("Seaport Linkage Initiative", 1)]),
])
def test_headline_initiatives(text: str, initiatives: list[tuple[str, int]]) -> None:
    article = zjopen.parse(text)
    assert [(i.name, len(i.mentions)) for i in article.initiatives] == initiatives
