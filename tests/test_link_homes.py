"""Where a company is from, when the text says so next to its name (the linker's
home-region step): one sentence per row, own phrasing, with the exact home of every
company it names (None: the text says nothing of it)."""

from __future__ import annotations

import attrs
import pytest

import zjopen
from zjopen.document import read_document
from zjopen.link.overseas import home_regions
from zjopen.model import Enterprise, Region, Span

# (id, text, {company: home region})
ROWS: list[tuple[str, str, dict[str, str | None]]] = [
    # A nationality or a place, then what the press calls the company, then its name.
    ("nationality-noun-name", "Dutch lighting company Signify opened a plant in Jiaxing.",
     {"Signify": "NL"}),
    ("nationality-words-noun-name", "The deal made it the main shareholder of Danish toy "
     "maker Lego in Jiaxing.", {"Lego": "DK"}),
    ("nationality-known-company-without-home", "Geely bought Swedish brand Volvo in 2010.",
     {"Geely Holdings": "330100", "Volvo": "SE"}),
    ("the-nationality-noun-name", "Geely bought the British sports car maker Lotus.",
     {"Geely Holdings": "330100", "Lotus": "GB"}),
    ("nationality-start-up", "It invested in the American flying car start-up Skyrise.",
     {"Skyrise": "US"}),
    ("based-words-noun-name", "Haining-based leather goods maker Kasen Group opened a store "
     "in Milan.", {"Kasen International": "330481"}),
    # After the name: a comma, "a" or "the", then the place and the noun.
    ("name-a-based-noun", "Lingban, a Hangzhou-based software developer, signed a deal.",
     {"Lingban": "330100"}),
    ("name-a-nationality-noun", "Teco, a Korean company, signed a deal with Ningbo.",
     {"Teco": "KR"}),
    ("name-the-nationality-words-noun", "Tesla, the American electric car maker, opened its "
     "plant.", {"Tesla": "US"}),
    ("name-a-place-noun", "Wanli, a Wenzhou company making shoes, opened a store in Rome.",
     {"Wanli": "330300"}),
    # Negatives: buyers, markets and partners of a company say nothing of its home.
    ("buyers-of-a-brand", "Chinese buyers of Volvo cars grew in number.", {"Volvo": None}),
    ("supplier-for-nationality-makers", "Yongda Co Ltd, a supplier for German carmakers, won "
     "orders.", {"Yongda Co Ltd": None}),
    ("based-plural-sellers", "Yiwu-based sellers such as Tiannuo Group exported toys.",
     {"Tiannuo Group": None}),
    # "-based" with no place before it (the article's first words): no home, no error
    ("based-with-no-place", "-based company Kolon opened a plant.", {"Kolon": None}),
    # A home the knowledge base or the name gives stays: "Chinese" is coarser.
    ("nationality-over-known-home", "Chinese carmaker Geely bought a stake.",
     {"Geely Holdings": "330100"}),
    ("nationality-over-name-place", "French firms and Chinese company Hengyi Group signed.",
     {"Hengyi Petrochemical": "330100"}),
]


@pytest.mark.parametrize(("text", "expected"), [row[1:] for row in ROWS],
                         ids=[row[0] for row in ROWS])
def test_home_region(text: str, expected: dict[str, str | None]) -> None:
    article = zjopen.parse(text)
    assert {e.name: e.region for e in article.enterprises} == expected


def test_home_regions_none_when_nothing_is_found() -> None:
    """No place next to the name, or a company with a known home: no change (None)."""
    doc = read_document("Dutch firm Signify opened a plant.")
    place = Region(code="NL", name="Netherlands", level="country",
                   mentions=(Span(0, 5, "Dutch"),))
    company = Enterprise(name="Signify", mentions=(Span(11, 18, "Signify"),))
    assert home_regions(doc, (place,), [company]) == [attrs.evolve(company, region="NL")]
    assert home_regions(doc, (), [company]) is None
    known = attrs.evolve(company, region="NL", kb_id="signify")
    assert home_regions(doc, (place,), [known]) is None
