"""A company's short name is its first own word: not a place, not a generic word.

"Haitian Group" ... "Haitian" is one company; but once the places of "Zhoushan Haigang
Port Development Co" are dropped its first word is "Port", and a sentence opening with
"Port throughput in ..." is about a port, not that company. Each row: a text, the
company expected, and EXACTLY its aliases (the table in ``cases/entities.jsonl`` checks
only that listed aliases are present, so it cannot see an alias too many).
"""

from __future__ import annotations

import pytest

import zjopen

_ROWS: list[tuple[str, str, tuple[str, ...]]] = [
    # positives: the first own word after the places is the short name
    ("Zhoushan Xinlang Port Co loaded its first ore carrier, and Xinlang plans a second "
     "berth next year.", "Zhoushan Xinlang Port Co", ("Xinlang",)),
    ("Cixi Lianfa Group opened a warehouse in Dubai, and Lianfa expects two more.",
     "Cixi Lianfa Group", ("Lianfa",)),
    # negatives: a generic word left first is no short name
    ("Ningbo Beilun Port Services Co opened a new berth in March. Port traffic in the "
     "district rose 6 percent.", "Ningbo Beilun Port Services Co", ()),
    ("Hangzhou Airport Logistics Group added two cargo routes. Airport buses now leave "
     "every ten minutes.", "Hangzhou Airport Logistics Group", ()),
    ("The British East India Company shipped tea from Canton. East Asia was its main "
     "market.", "British East India Company", ()),
    ("Wenzhou Ocean Shipping Co bought two vessels. Ocean freight rates fell in May.",
     "Wenzhou Ocean Shipping Co", ()),
]


@pytest.mark.parametrize(("text", "name", "aliases"), _ROWS)
def test_a_companys_short_name_is_no_generic_word(text: str, name: str,
                                                  aliases: tuple[str, ...]) -> None:
    article = zjopen.parse(text, id="t")
    assert [(e.name, e.aliases) for e in article.enterprises] == [(name, aliases)]


def test_a_figure_after_a_generic_word_is_not_the_companys() -> None:
    # "Port throughput in Beilun district": the figure is the district's, not the
    # company's whose name holds "Port".
    article = zjopen.parse(
        "Berths\n\nNingbo Beilun Port Services Co opened a new berth in March.\n\n"
        "Port throughput in Beilun district rose to 50 million tons in 2023.", id="t")
    assert [(m.text, m.enterprise, m.region) for m in article.metrics] == [
        ("50 million tons", None, "330206")]
