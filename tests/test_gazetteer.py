"""Tests of the region gazetteer (zjopen.gazetteer and its data files)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjopen.errors import UnknownRegionError
from zjopen.gazetteer import Place, get, lookup, lookup_all, lookup_in, names, places
from zjopen.model import RegionLevel

ALL = places()
BY_CODE = {p.code: p for p in ALL}
CHINA = [p for p in ALL if p.level is not RegionLevel.COUNTRY]
COUNTY_LEVEL = {
    RegionLevel.DISTRICT,
    RegionLevel.COUNTY,
    RegionLevel.COUNTY_CITY,
    RegionLevel.OTHER,
}


# ---------------------------------------------------------------------------------------
# Lookups
# ---------------------------------------------------------------------------------------
LOOKUPS = [
    # English names, aliases, case and spacing
    ("Beilun", "330206"),
    ("Beilun District", "330206"),
    ("beilun district", "330206"),
    ("BEILUN", "330206"),
    ("  Beilun   District ", "330206"),
    ("Ningbo", "330200"),
    ("Ningbo City", "330200"),
    ("Zhejiang", "330000"),
    ("Zhejiang Province", "330000"),
    ("Yiwu", "330782"),
    ("Yiwu City", "330782"),
    ("Anji County", "330523"),
    ("Haishu", "330203"),
    ("Yinzhou District", "330212"),
    ("Xiaoshan", "330109"),
    ("Gongshu", "330105"),
    ("West Lake District", "330106"),
    ("Xihu", "330106"),
    ("Keqiao", "330603"),
    ("Longgang", "330383"),
    ("Jingning She Autonomous County", "331127"),
    # apostrophes and hyphens
    ("Xi'an", "610100"),
    ("Xian", "610100"),
    ("Xi-an", "610100"),
    ("Xi’an", "610100"),
    ("Lin'an", "330112"),
    ("Linan", "330112"),
    ("Lin'an District", "330112"),
    ("Chun'an County", "330127"),
    ("Rui'an", "330381"),
    ("Ji'an", "360800"),
    # the ambiguity rule
    ("Taizhou", "331000"),
    ("Putuo", "330903"),
    ("Putuo District", "330903"),
    ("Jiangbei", "330205"),
    ("Fuyang", "330111"),
    ("Chaoyang", "211300"),
    ("Chaoyang District", "110105"),
    ("Hainan", "460000"),
    # Chinese names, with and without the type word
    ("北仑", "330206"),
    ("北仑区", "330206"),
    ("宁波", "330200"),
    ("宁波市", "330200"),
    ("浙江", "330000"),
    ("浙江省", "330000"),
    ("临安", "330112"),
    ("景宁", "331127"),
    ("景宁畲族自治县", "331127"),
    ("台州", "331000"),
    # provinces' English names
    ("Inner Mongolia Autonomous Region", "150000"),
    ("Guangxi Zhuang Autonomous Region", "450000"),
    ("Tibet", "540000"),
    ("Xizang", "540000"),
    ("Shaanxi", "610000"),
    ("Shanxi", "140000"),
    ("Hong Kong SAR", "810000"),
    ("Macau", "820000"),
    ("Macao", "820000"),
    ("Hohhot", "150100"),
    ("Urumqi", "650100"),
    ("Ürümqi", "650100"),
    # codes: current, retired, ISO codes of China's regions
    ("330206", "330206"),
    ("330204", "330212"),  # Jiangdong, merged into Yinzhou in 2016
    ("330227", "330212"),  # Yin County -> Yinzhou, 2002
    ("330283", "330213"),  # Fenghua county-level city -> district, 2016
    ("330185", "330112"),  # Lin'an county-level city -> district, 2017
    ("330104", "330102"),  # Jianggan, 2021
    ("330103", "330105"),  # Xiacheng, 2021
    ("331021", "331083"),  # Yuhuan county -> county-level city, 2017
    ("330322", "330305"),  # Dongtou county -> district, 2015
    ("330682", "330604"),  # Shangyu county-level city -> district, 2013
    ("330621", "330603"),  # Shaoxing County -> Keqiao, 2013
    ("330183", "330111"),  # Fuyang county-level city -> district, 2014
    ("332600", "331000"),  # Taizhou prefecture (地区) -> city, 1994
    ("310108", "310106"),  # Zhabei, merged into Jing'an in 2015
    ("110228", "110118"),  # Miyun County -> district, 2015
    ("HK", "810000"),
    ("MO", "820000"),
    ("TW", "710000"),
    # countries
    ("CN", "CN"),
    ("China", "CN"),
    ("PRC", "CN"),
    ("the Chinese mainland", "CN"),
    ("Germany", "DE"),
    ("DE", "DE"),
    ("Holland", "NL"),
    ("the Netherlands", "NL"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("the UK", "GB"),
    ("U.K.", "GB"),
    ("the US", "US"),
    ("U.S.", "US"),
    ("USA", "US"),
    ("America", "US"),
    ("Türkiye", "TR"),
    ("Turkiye", "TR"),
    ("Turkey", "TR"),
    ("UAE", "AE"),
    ("the United Arab Emirates", "AE"),
    ("South Korea", "KR"),
    ("Republic of Korea", "KR"),
    ("ROK", "KR"),
    ("North Korea", "KP"),
    ("DPRK", "KP"),
    ("Ivory Coast", "CI"),
    ("Côte d'Ivoire", "CI"),
    ("Cote d'Ivoire", "CI"),
    ("Czechia", "CZ"),
    ("Czech Republic", "CZ"),
    ("Russia", "RU"),
    ("Vietnam", "VN"),
    ("Viet Nam", "VN"),
    ("Iran", "IR"),
    ("Laos", "LA"),
]


@pytest.mark.parametrize(("query", "code"), LOOKUPS)
def test_lookup(query: str, code: str) -> None:
    place = lookup(query)
    assert place is not None, query
    assert place.code == code
    assert get(query).code == code


@pytest.mark.parametrize(
    "query",
    [
        "Atlantis",
        "",
        "   ",
        "Hangzhou Bay New Zone",  # functional areas are not divisions
        "Qianjiang New Town",
        "Meishan Island",
        "999999",
        "hk",  # codes are upper case
    ],
)
def test_lookup_unknown(query: str) -> None:
    assert lookup(query) is None
    assert lookup_all(query) == ()


def test_lookup_all_orders_candidates_by_the_rule() -> None:
    assert [p.code for p in lookup_all("Taizhou")] == ["331000", "321200"]
    assert [p.code for p in lookup_all("Putuo")] == ["330903", "310107"]
    # Zhejiang first, then the higher level, then the lower code
    chaoyang = [p.code for p in lookup_all("Chaoyang")]
    assert chaoyang == ["211300", "110105", "211321", "220104", "440513"]  # 440513: 潮阳


@pytest.mark.parametrize(
    ("query", "within", "code"),
    [
        ("Putuo", "Shanghai", "310107"),
        ("Putuo", "Zhoushan", "330903"),
        ("Putuo", "310000", "310107"),
        ("Taizhou", "Jiangsu", "321200"),
        ("Chaoyang", "Beijing", "110105"),
        ("Chaoyang", "Jilin", "220104"),
        ("Jiangbei", "Ningbo", "330205"),
        ("Gongshu", "Hangzhou", "330105"),
        ("Ningbo", "Zhejiang", "330200"),
        ("Ningbo", "Ningbo", "330200"),
    ],
)
def test_lookup_in(query: str, within: str, code: str) -> None:
    place = lookup_in(query, within)
    assert place is not None
    assert place.code == code
    assert lookup_in(query, get(within)) == place


def test_lookup_in_misses() -> None:
    assert lookup_in("Yiwu", "Jiangsu") is None
    assert lookup_in("Putuo", "Beijing") is None
    # Chongqing's Jiangbei District was abolished in 2025 (now in Liangjiang)
    assert lookup_in("Jiangbei", "Chongqing") is None
    assert lookup("500105") == get("500157")


def test_get_unknown_suggests_close_names() -> None:
    with pytest.raises(UnknownRegionError) as info:
        get("Ningpo")
    assert info.value.name == "Ningpo"
    assert "Ningbo" in info.value.suggestions
    assert len(info.value.suggestions) <= 3
    assert isinstance(info.value, LookupError)


def test_get_unknown_without_suggestions() -> None:
    with pytest.raises(UnknownRegionError) as info:
        get("qqqqqqqqqqqqqqqq")
    assert info.value.suggestions == ()


# ---------------------------------------------------------------------------------------
# Places and the hierarchy
# ---------------------------------------------------------------------------------------
def test_place_fields() -> None:
    beilun = get("Beilun")
    assert beilun == Place(
        code="330206",
        name="Beilun",
        name_zh="北仑区",
        level=RegionLevel.DISTRICT,
        parent_code="330200",
        aliases=beilun.aliases,
        ambiguous=False,
    )
    assert {"Beilun District", "Beilun district"} <= set(beilun.aliases)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        beilun.name = "Beilun2"  # type: ignore[misc]


def test_beilun_ancestors() -> None:
    assert [p.code for p in get("Beilun").ancestors()] == ["330200", "330000", "CN"]
    assert get("Beilun").parent == get("Ningbo")


def test_contains() -> None:
    assert get("Ningbo").contains(get("Beilun"))
    assert get("Ningbo").contains("Beilun")
    assert get("Zhejiang").contains("Yiwu")
    assert not get("Jiangsu").contains("Yiwu")
    assert get("CN").contains("Beilun")
    assert get("Beilun").contains("Beilun")
    assert not get("Beilun").contains("Ningbo")
    assert not get("Germany").contains("Beilun")
    with pytest.raises(UnknownRegionError):
        get("Ningbo").contains("Atlantis")


def test_children_and_descendants() -> None:
    assert [p.code for p in get("Ningbo").children()] == [
        "330203",
        "330205",
        "330206",
        "330211",
        "330212",
        "330213",
        "330225",
        "330226",
        "330281",
        "330282",
    ]
    prefectures = get("Zhejiang").children()
    assert [p.name for p in prefectures] == [
        "Hangzhou",
        "Ningbo",
        "Wenzhou",
        "Jiaxing",
        "Huzhou",
        "Shaoxing",
        "Jinhua",
        "Quzhou",
        "Zhoushan",
        "Taizhou",
        "Lishui",
    ]
    assert len(get("Zhejiang").descendants()) == 101
    assert len(get("CN").children()) == 34
    assert get("Beilun").children() == ()
    assert get("Beilun").descendants() == ()


def test_municipalities_and_directly_administered_units() -> None:
    assert get("110105").parent_code == "110000"  # Beijing's Chaoyang: no 110100
    assert get("310107").parent_code == "310000"
    assert get("500229").parent_code == "500000"  # Chongqing's Chengkou County
    assert get("419001").parent_code == "410000"  # Jiyuan, administered by Henan
    assert get("659001").parent_code == "650000"  # Shihezi
    for placeholder in ("110100", "310100", "500100", "500200"):
        assert lookup(placeholder) is None


def test_countries() -> None:
    china = get("CN")
    assert china.level is RegionLevel.COUNTRY
    assert china.parent_code is None
    assert china.parent is None
    assert china.ancestors() == ()
    assert get("Zhejiang").parent_code == "CN"
    germany = get("Germany")
    assert (germany.code, germany.name_zh, germany.parent_code) == ("DE", None, None)
    assert get("HK").level is RegionLevel.PROVINCE  # China's region, not a country


def test_levels() -> None:
    assert get("Zhejiang").level is RegionLevel.PROVINCE
    assert get("Ningbo").level is RegionLevel.PREFECTURE
    assert get("Beilun").level is RegionLevel.DISTRICT
    assert get("Anji").level is RegionLevel.COUNTY
    assert get("Yiwu").level is RegionLevel.COUNTY_CITY
    assert get("Jingning").level is RegionLevel.COUNTY
    assert get("429021").level is RegionLevel.OTHER  # Shennongjia Forestry District


def test_ambiguous_flags() -> None:
    assert get("130426").ambiguous  # 涉县 She County
    assert get("621224").ambiguous  # 康县 Kang County
    assert get("632523").ambiguous  # 贵德县 Guide County
    assert get("360426").ambiguous  # 德安县 De'an: "Dean"
    assert not get("Beilun").ambiguous
    assert not get("Yiwu").ambiguous
    assert all(not p.ambiguous for p in ALL if p.level is RegionLevel.COUNTRY)
    assert lookup("She County") == get("130426")
    # lookups ignore apostrophes, but "Dean" (an English word) is no alias of De'an
    assert lookup("Dean") == get("360426")
    assert "Dean" not in names()
    assert "De'an County" in names()


# ---------------------------------------------------------------------------------------
# The data as a whole
# ---------------------------------------------------------------------------------------
def test_codes_are_unique() -> None:
    codes = [p.code for p in ALL]
    assert len(codes) == len(set(codes))


def test_every_parent_exists() -> None:
    for place in ALL:
        if place.parent_code is not None:
            assert place.parent_code in BY_CODE, place


def test_counts() -> None:
    provinces = [p for p in CHINA if p.level is RegionLevel.PROVINCE]
    prefectures = [p for p in CHINA if p.level is RegionLevel.PREFECTURE]
    county_level = [p for p in CHINA if p.level in COUNTY_LEVEL]
    assert len(provinces) == 34
    assert {"810000", "820000", "710000"} <= {p.code for p in provinces}
    assert len(prefectures) == 333
    assert 2800 <= len(county_level) <= 2900
    assert len(CHINA) == 34 + 333 + len(county_level)
    assert len([p for p in ALL if p.level is RegionLevel.COUNTRY]) == 246


def test_zhejiang() -> None:
    zj = [p for p in CHINA if p.code.startswith("33")]
    prefectures = {p.code for p in zj if p.level is RegionLevel.PREFECTURE}
    county_level = [p for p in zj if p.level in COUNTY_LEVEL]
    assert len(prefectures) == 11
    assert len(county_level) == 90
    counts = {
        level: sum(p.level is level for p in county_level)
        for level in (RegionLevel.DISTRICT, RegionLevel.COUNTY, RegionLevel.COUNTY_CITY)
    }
    assert counts == {
        RegionLevel.DISTRICT: 37,
        RegionLevel.COUNTY: 33,
        RegionLevel.COUNTY_CITY: 20,
    }
    for place in county_level:
        assert place.parent_code in prefectures, place
    for place in zj:
        assert place.name_zh
        assert place.name.isascii()
        assert " " not in place.name


def test_retired_codes_map_to_one_current_place() -> None:
    # a retired code never shadows a current one, and resolves to a current division
    for code in ("330204", "330283", "330185", "330104", "331021", "330322", "330682"):
        assert code not in BY_CODE
        place = lookup(code)
        assert place is not None
        assert place.code in BY_CODE


def test_names() -> None:
    n = names()
    assert n["Beilun District"] == "330206"
    assert n["Beilun district"] == "330206"
    assert n["北仑区"] == "330206"
    assert n["北仑"] == "330206"
    assert n["Yiwu City"] == "330782"
    assert n["Taizhou"] == "331000"
    assert n["Holland"] == "NL"
    assert n["the US"] == "US"
    assert n["Türkiye"] == "TR"
    # demonyms
    assert n["German"] == "DE"
    assert n["American"] == "US"
    assert n["Dutch"] == "NL"
    assert n["British"] == "GB"
    assert n["Korean"] == "KR"
    assert n["North Korean"] == "KP"
    assert n["Chinese"] == "CN"
    assert n["Emirati"] == "AE"
    assert n["Saudi"] == "SA"
    assert n["Vietnamese"] == "VN"
    assert n["Turkish"] == "TR"
    assert all(code in BY_CODE for code in n.values())
    n["Beilun"] = "mutated"
    assert names()["Beilun"] == "330206"  # callers get a copy


def test_names_agree_with_lookup() -> None:
    for form, code in names().items():
        place = lookup(form)
        assert place is not None, form
        assert place.code == code, form


# ---------------------------------------------------------------------------------------
# Property: every name and alias of a place finds it
# ---------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL))
def test_every_name_and_alias_finds_its_place(place: Place) -> None:
    for form in (place.name, *place.aliases):
        found = lookup_all(form)
        assert place in found, form
        assert lookup(form) == found[0]
        if len(found) == 1:
            assert found[0].code == place.code
    if place.name_zh:
        assert place in lookup_all(place.name_zh)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CHINA))
def test_every_division_is_inside_its_ancestors(place: Place) -> None:
    ancestors = place.ancestors()
    assert ancestors[-1].code == "CN"
    for ancestor in ancestors:
        assert ancestor.contains(place)
        assert lookup_in(place.name, ancestor) is not None


def test_region_key_file_is_current() -> None:
    """data/region_keys.txt holds exactly what the names give now (if this fails, run
    scripts/build_region_keys.py)."""
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_region_keys.py"
    spec = importlib.util.spec_from_file_location("build_region_keys", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUT.read_text(encoding="utf-8") == module.render()



def test_word_keys_from_the_key_file_equal_the_computed_ones() -> None:
    from zjopen.extract import _region_index as extractor

    forms = list(names())
    assert extractor._stored_word_keys(forms) == extractor._word_keys(forms)
    assert extractor._stored_word_keys([*forms, "Atlantis"]) is None  # other names: unused
