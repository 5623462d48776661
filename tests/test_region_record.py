"""extract.regions._record sets a Region's slots directly, without Region's __init__: for
every place of the gazetteer, the region it makes equals the one Region(...) makes,
which checks and converts its fields (and so every place passes those checks)."""

from __future__ import annotations

from zjopen import gazetteer
from zjopen.extract.regions import _record
from zjopen.model import Region, Span


def test_every_place_makes_the_region_its_init_makes() -> None:
    text = "In Ningbo city, 1 2 3."
    places = gazetteer.places()
    assert len(places) > 1000
    for place in places:
        made = _record(place, text, 3, 9)
        built = Region(code=place.code, name=place.name, level=place.level,
                       parent=place.parent_code, mentions=(Span.of(text, 3, 9),))
        assert made == built
        assert type(made) is Region
        assert made.mentions[0].text == "Ningbo"
        assert type(made.level) is type(built.level)


def test_a_span_past_the_text_is_checked_as_before() -> None:
    place = gazetteer.get("Ningbo")
    try:
        _record(place, "Ningbo", 0, 9)
    except ValueError:
        pass
    else:  # pragma: no cover - Span.of raises
        raise AssertionError("a span past the text was made")
