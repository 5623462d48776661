"""Table-driven tests of region extraction (``Article.regions``), issue 5.

Every row is a sentence in the style of English news about Zhejiang's trade and the
exact SET of codes the annotation rules (``GUIDELINES.md``, section Regions) expect:

- every Chinese division down to county level (GB/T 2260 code) and every country
  (ISO 3166-1 alpha-2) named counts, nationality adjectives count as their country;
- places below county level, foreign places below country level, groupings and names
  that occur only inside another name (an organisation, a port, a newspaper, a person,
  a currency) do not count;
- "Taizhou" is Zhejiang's unless Jiangsu is said, "Putuo" is Zhoushan's unless Shanghai
  is, retired names resolve to their successors, an unknown "X district in Ningbo city"
  resolves by spelling to a close Ningbo district, datelines count.

The expectations come from those rules, never from the code's output; a row where the
code is believed wrong is marked ``xfail(strict=True)`` with the reason, so the suite
stays green while documenting the bug (and turns red when the bug is fixed, so the mark
can be removed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zjopen
from zjopen.gazetteer import Place, places
from zjopen.model import Article


@dataclass(frozen=True)
class Case:
    """One row: a sentence, the exact set of codes, and optionally, for some codes, the
    exact texts of their mentions in order of appearance."""

    id: str
    text: str
    codes: frozenset[str]
    mentions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    bug: str | None = None  # why the code is believed wrong here (an xfail row)


def case(
    id: str,
    text: str,
    codes: str = "",
    mentions: Mapping[str, tuple[str, ...]] | None = None,
    bug: str | None = None,
) -> Case:
    """A row; ``codes`` is a space-separated list ("" for a negative row)."""
    return Case(id, text, frozenset(codes.split()), dict(mentions or {}), bug)


# ---------------------------------------------------------------------------------------
# Zhejiang's eleven prefecture-level cities and the province
# ---------------------------------------------------------------------------------------
PREFECTURES = [
    case("hangzhou-possessive",
         "Hangzhou's cross-border e-commerce exports rose 18 percent last year.",
         "330100", {"330100": ("Hangzhou",)}),
    case("ningbo-city",
         "Ningbo City signed 12 foreign investment projects with firms from Germany and France.",
         "330200 DE FR", {"330200": ("Ningbo City",)}),
    case("wenzhou-italy",
         "Wenzhou merchants have set up more than 200 trading companies in Italy.",
         "330300 IT"),
    case("jiaxing-demonyms",
         "Jiaxing attracted German and Japanese investors to its industrial parks last year.",
         "330400 DE JP", {"DE": ("German",), "JP": ("Japanese",)}),
    case("huzhou-vietnam",
         "Huzhou's exports of green building materials to Vietnam doubled in the first quarter.",
         "330500 VN"),
    case("shaoxing-city-lower",
         "Textile makers in Shaoxing city shipped more dyed fabric to Turkey and Egypt.",
         "330600 TR EG", {"330600": ("Shaoxing city",)}),
    case("jinhua-yiwu-madrid",
         "Jinhua, which administers Yiwu, opened a freight rail link to Madrid in Spain.",
         "330700 330782 ES"),
    case("quzhou",
         "Quzhou hopes to draw more investment from Singapore and Malaysia this year.",
         "330800 SG MY"),
    case("zhoushan-possessive",
         "Zhoushan's bonded marine fuel sales hit a record high in 2023.",
         "330900", {"330900": ("Zhoushan",)}),
    case("taizhou-default-zhejiang",
         "Taizhou's auto parts makers have opened plants in Mexico to serve American carmakers.",
         "331000 MX US", {"US": ("American",)}),
    case("lishui-europe",
         "Lishui exported more than 2 billion yuan of ecological products to Europe in 2023.",
         "331100"),
    case("zhejiang-province",
         "Zhejiang Province's foreign trade topped 4.9 trillion yuan in 2023, the provincial "
         "commerce department said.",
         "330000", {"330000": ("Zhejiang Province",)}),
    case("zhejiang-province-lower",
         "Private firms account for nearly 80 percent of exports in Zhejiang province.",
         "330000", {"330000": ("Zhejiang province",)}),
]

# ---------------------------------------------------------------------------------------
# Districts, counties and county-level cities
# ---------------------------------------------------------------------------------------
COUNTY_LEVEL = [
    case("yiwu-city", "Yiwu City exported small commodities to 233 countries and regions.",
         "330782", {"330782": ("Yiwu City",)}),
    case("cixi-yuyao",
         "Home appliance makers in Cixi and mold factories in Yuyao reported more orders "
         "from Brazil.",
         "330282 330281 BR"),
    case("tongxiang-haining",
         "Sweaters from Tongxiang and leather jackets from Haining were promoted at a fair "
         "in Moscow.",
         "330483 330481"),
    case("anji-county",
         "Anji County, known for its bamboo and white tea, welcomed buyers from South Korea.",
         "330523 KR", {"330523": ("Anji County",), "KR": ("South Korea",)}),
    case("deqing-county-of-huzhou",
         "A United Nations geospatial congress was held in Deqing county of Huzhou.",
         "330521 330500", {"330521": ("Deqing county",)}),
    case("keqiao-china-textile-city",
         "The Keqiao district of Shaoxing is home to China Textile City, Asia's largest "
         "textile market.",
         "330603 330600", {"330603": ("Keqiao district",)}),
    case("binjiang",
         "Binjiang district in Hangzhou is home to many digital economy firms that sell "
         "overseas.",
         "330108 330100"),
    case("linping-qiantang-yuhang",
         "Linping District was carved out of Yuhang in 2021, the same year Qiantang District "
         "was set up.",
         "330113 330110 330114"),
    case("xiaoshan-district",
         "Xiaoshan district in Hangzhou hosts hundreds of auto parts suppliers.",
         "330109 330100"),
    case("fenghua",
         "Fenghua, once a county-level city, became a district of Ningbo in 2016.",
         "330213 330200"),
    case("yuhuan-united-states",
         "Valve and auto parts makers in Yuhuan sell most of their output to the United States.",
         "331083 US"),
    case("wenling-taizhou",
         "Pump makers in Wenling, Taizhou, doubled their exports to India.",
         "331081 331000 IN"),
    case("longgang-china-possessive",
         "Longgang, China's first town to be upgraded to a city, prints packaging for export.",
         "330383 CN", {"CN": ("China",)}),
    case("ruian-yueqing-wenzhou",
         "Auto parts from Rui'an and low-voltage electrical equipment from Yueqing are "
         "Wenzhou's biggest exports.",
         "330381 330382 330300", {"330381": ("Rui'an",)}),
    case("qingtian-emigrants",
         "Qingtian County has about 330,000 emigrants, most of them living in Spain and Italy.",
         "331121 ES IT"),
    case("jiangshan-yongkang",
         "Door makers in Jiangshan and hardware firms in Yongkang expect more orders from "
         "Africa.",
         "330881 330784"),
    case("lanxi-dongyang-possessives",
         "Lanxi's textile mills and Dongyang's woodcarving workshops are hiring again.",
         "330781 330783", {"330781": ("Lanxi",), "330783": ("Dongyang",)}),
    case("putuo-of-zhoushan",
         "The Putuo district of Zhoushan is upgrading its fishing port to handle more imports.",
         "330903 330900"),
    case("putuo-bare",
         "Putuo saw its aquatic product exports rise by a tenth.",
         "330903"),
    case("daishan-shengsi",
         "Daishan County and Shengsi County, both in Zhoushan, are expanding oil storage.",
         "330921 330922 330900"),
    case("zhenhai-haishu-yinzhou",
         "Petrochemical firms in Zhenhai, fashion brands in Haishu and auto parts makers in "
         "Yinzhou all reported growth.",
         "330211 330203 330212"),
    case("linan-apostrophe",
         "Lin'an, a district of Hangzhou since 2017, sells hickory nuts to Japan.",
         "330112 330100 JP", {"330112": ("Lin'an",)}),
    case("linan-no-apostrophe",
         "Linan district's bamboo exporters signed new contracts with buyers in Canada.",
         "330112 CA", {"330112": ("Linan district",)}),
    case("ruian-curly-apostrophe",
         "Exports from Rui’an rose as orders from Poland picked up.",
         "330381 PL", {"330381": ("Rui’an",)}),
    case("beilun-district",
         "Deals worth $2 billion were signed in Beilun District on Friday.",
         "330206", {"330206": ("Beilun District",)}),
    case("beilun-district-of-ningbo",
         "A plastics machinery maker based in the Beilun district of Ningbo opened a plant "
         "in Serbia.",
         "330206 330200 RS", {"330206": ("Beilun district",), "330200": ("Ningbo",)}),
    case("beilun-possessive",
         "Beilun's container throughput rose 8 percent in the first half.",
         "330206", {"330206": ("Beilun",)}),
    case("chunan-shanghai",
         "Qiandao Lake in Chun'an County draws tourists and investors from Shanghai.",
         "330127 310000"),
    case("tonglu-county-china",
         "Express delivery firms founded in Tonglu county now serve customers across China.",
         "330122 CN"),
    case("zhuji-shengzhou",
         "Zhuji's pearl traders and Shengzhou's necktie makers turned to livestreaming sales.",
         "330681 330683"),
    case("jiaxing-counties-shanghai",
         "Pinghu, Jiashan and Haiyan form Jiaxing's manufacturing belt next to Shanghai.",
         "330482 330421 330424 330400 310000"),
    case("taizhou-districts",
         "Luqiao, Huangyan and Jiaojiang are the three districts of Taizhou.",
         "331004 331003 331002 331000"),
    case("longquan-japan",
         "Longquan swords and celadon are sold to collectors in Japan.",
         "331181 JP"),
    case("jingning-autonomous",
         "Jingning She Autonomous County held a trade fair for mushroom exporters.",
         "331127", {"331127": ("Jingning She Autonomous County",)}),
    case("changxing-european",
         "Changxing's battery makers supply European carmakers.",
         "330522"),
    case("west-lake-district",
         "Start-ups in West Lake District of Hangzhou raised record funds from abroad.",
         "330106 330100", {"330106": ("West Lake District",)}),
    case("nanxun-wuxing",
         "Flooring makers in Nanxun and Wuxing districts sell to Australia.",
         "330503 330502 AU"),
    case("pan-an-variants",
         "Pan'an County and nearby Panan county growers export medicinal herbs to Japan.",
         "330727 JP", {"330727": ("Pan'an County", "Panan county")}),
    case("jinhua-yiwu-hyphen",
         "Exports from Jinhua-Yiwu rose faster than those of any other area.",
         "330700 330782"),
    case("hangzhou-ningbo-railway",
         "The Hangzhou-Ningbo high-speed railway cut travel time to under an hour.",
         "330100 330200"),
    case("port-of-ningbo-lower",
         "Containers leave the port of Ningbo for Europe every day.",
         "330200"),
    case("zhejiang-provincial-government",
         "The Zhejiang provincial government will support firms that go global.",
         "330000"),
    case("dinghai-xiangshan",
         "Shipyards in Dinghai and Xiangshan County are busy with orders from Greece.",
         "330902 330225 GR"),
]

# ---------------------------------------------------------------------------------------
# Other provinces and cities of China
# ---------------------------------------------------------------------------------------
ELSEWHERE_IN_CHINA = [
    case("jiangsu-anhui-jiangxi",
         "Goods from Jiangsu, Anhui and Jiangxi are shipped abroad through Ningbo.",
         "320000 340000 360000 330200"),
    case("hong-kong-investors",
         "Investors from Hong Kong accounted for over half of the foreign capital in Hangzhou.",
         "810000 330100", {"810000": ("Hong Kong",)}),
    case("shenzhen-shanghai",
         "Tech firms in Shenzhen and Shanghai compete with Hangzhou for talent.",
         "440300 310000 330100"),
    case("putuo-shanghai",
         "The company moved its headquarters from Putuo District in Shanghai to Hangzhou.",
         "310107 310000 330100"),
    case("taizhou-jiangsu",
         "Taizhou in Jiangsu province is known for shipbuilding and medicine.",
         "321200 320000"),
    case("taizhou-both",
         "Zhejiang's Taizhou makes pumps, while Taizhou in Jiangsu province builds ships.",
         "330000 331000 321200 320000"),  # each mention placed by the region beside it
    case("beijing-guangdong",
         "Delegations from Beijing and Guangdong visited the Yiwu market.",
         "110000 440000 330782"),
    case("chongqing-xian",
         "Freight trains link Yiwu with Chongqing and Xi'an.",
         "330782 500000 610100", {"610100": ("Xi'an",)}),
    case("qingyuan-guangdong",
         "Qingyuan in Guangdong province makes ceramics for export.",
         "441800 440000"),
    case("longgang-shenzhen",
         "Huawei is based in the Longgang district of Shenzhen.",
         "440307 440300"),
    case("taizhou-comma-jiangsu",
         "Shipyards in Taizhou, Jiangsu, won orders from Norway.",
         "321200 320000 NO"),
    case("changsha-hunan",
         "The China-Africa Economic and Trade Expo will be held in Changsha, Hunan.",
         "430100 430000"),
    case("jiangbei-chongqing",
         "The Jiangbei district of Chongqing signed a logistics deal with Yiwu.",
         "500105 500000 330782",
         bug="Chongqing's Jiangbei district (500105, a current GB/T 2260 code) is missing "
             "from regions_cn.csv (500105 is listed as a retired code of 500157), so the "
             "extractor gives Ningbo's Jiangbei 330205 although Chongqing is said."),
    case("macao-taiwan",
         "Visitors from Macao and Taiwan toured the exhibition in Wenzhou.",
         "820000 710000 330300"),
]

# ---------------------------------------------------------------------------------------
# Countries: names, aliases, demonyms
# ---------------------------------------------------------------------------------------
COUNTRIES = [
    case("holland",
         "Flower growers in Holland signed a supply deal with an importer in Ningbo.",
         "NL 330200", {"NL": ("Holland",)}),
    case("britain-uk",
         "Sales to Britain rose 12 percent, making the UK Cixi's third-largest market in "
         "Europe.",
         "GB 330282", {"GB": ("Britain", "UK")}),
    case("us-and-u-s",
         "Cixi's exports to the US fell 3 percent, but its shipments of solar panels to the "
         "U.S. rose.",
         "330282 US"),
    case("america",
         "America remains the biggest buyer of Yiwu's Christmas decorations.",
         "US 330782", {"US": ("America",)}),
    case("south-korean",
         "A South Korean cosmetics firm opened its first plant in Pinghu.",
         "KR 330482", {"KR": ("South Korean",)}),
    case("uae",
         "The UAE is a key re-export hub for goods from Yiwu.",
         "AE 330782"),
    case("turkiye",
         "Türkiye became a top buyer of Shaoxing textiles last year.",
         "TR 330600", {"TR": ("Türkiye",)}),
    case("turkiye-ascii",
         "Turkiye became a top buyer of Shaoxing textiles last year.",
         "TR 330600"),
    case("republic-of-korea",
         "Trade between Ningbo and the Republic of Korea rose 9 percent.",
         "330200 KR", {"KR": ("Republic of Korea",)}),
    case("korea-north-korea",
         "Exports to Korea rose, while trade with North Korea stayed small.",
         "KR KP"),
    case("uae-full-name",
         "Traders from Dubai and Abu Dhabi in the United Arab Emirates visited Yiwu.",
         "AE 330782"),
    case("peoples-republic-of-china",
         "Firms registered in the People's Republic of China must file annual reports.",
         "CN"),
    case("sino-us",
         "China's exports rose as Sino-US trade tensions eased.",
         "CN US"),
    case("us-mention-span",
         "A U.S.-based retailer signed a sourcing deal with a supplier in Wenzhou.",
         "US 330300", {"US": ("U.S.",)}),
    case("vietnam-thailand",
         "Wenzhou shoemakers moved some production to Vietnam and Thailand.",
         "330300 VN TH"),
    case("german-dutch",
         "A German company and a Dutch logistics firm set up shop in Jiaxing.",
         "DE NL 330400", {"DE": ("German",), "NL": ("Dutch",)}),
    case("demonym-before-acronym",
         "A Japanese LNG carrier unloaded at Zhoushan, and the German BASF plant in Jiaxing grew.",
         "JP 330900 DE 330400", {"JP": ("Japanese",), "DE": ("German",)}),
    case("country-before-acronym",
         "Wenzhou's Jack Technology bought Italy MAICA in 2017.",
         "330300 IT", {"IT": ("Italy",)}),
    case("country-before-acronym-in-a-name",
         "China LNG Group and Japan NUS Co opened offices in Ningbo.",
         "330200"),
    case("american-cities",
         "Kitchenware made in Ningbo is sold in American cities such as Chicago and Houston.",
         "US 330200", {"US": ("American",)}),
    case("turkish-buyers",
         "Turkish buyers placed orders worth 50 million U.S. dollars at a trade fair in Ningbo.",
         "TR 330200", {"TR": ("Turkish",)}),
    case("netherlands",
         "Ningbo opened a direct cargo route to the Netherlands.",
         "330200 NL"),
    case("british-retailer",
         "A British retailer signed a three-year sourcing deal with a supplier in Yiwu.",
         "GB 330782"),
    case("russia-central-asia",
         "Exports to Russia, Kazakhstan and Uzbekistan surged as more trains ran to Central "
         "Asia.",
         "RU KZ UZ"),
    case("chinese-mainland",
         "Hangzhou-based Alibaba expanded on the Chinese mainland and in the UAE.",
         "330100 CN AE", {"330100": ("Hangzhou",)}),
    case("chinese-firms",
         "Chinese firms from Zhejiang are building an industrial park in Indonesia.",
         "CN 330000 ID"),
    case("china-us-hyphen",
         "China-US trade frictions hit Yongkang's scooter exporters.",
         "CN US 330784"),
    case("saudi-emirati",
         "Saudi and Emirati buyers flocked to the Yiwu fair for Ramadan goods.",
         "SA AE 330782"),
    case("mexican-brazilian",
         "Mexican and Brazilian distributors of Taizhou motorcycles met in Sao Paulo.",
         "MX BR 331000"),
    case("new-zealand",
         "Dairy imports from New Zealand arrive at Ningbo's terminals every week.",
         "NZ 330200"),
]

# ---------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------
DATELINES = [
    case("dateline-yiwu",
         "YIWU, March 3 (Xinhua) -- Traders at the small commodities market welcomed the "
         "first foreign buyers of the year.",
         "330782", {"330782": ("YIWU",)}),
    case("dateline-hangzhou-zhejiang",
         "HANGZHOU, Jan. 5 (Xinhua) -- Zhejiang's exports rose 5 percent last year.",
         "330100 330000", {"330100": ("HANGZHOU",)}),
    case("dateline-ningbo",
         "NINGBO, Zhejiang, Aug. 9 (Xinhua) -- A new shipping route to Peru opened on Friday.",
         "330200 330000 PE"),
]

# ---------------------------------------------------------------------------------------
# Hard cases and negatives
# ---------------------------------------------------------------------------------------
HARD = [
    case("china-daily-alone", "China Daily reported the figures on Monday.", ""),
    case("china-daily-with-ningbo",
         "China Daily reported that Ningbo's exports rose in May.",
         "330200", {"330200": ("Ningbo",)}),
    case("peoples-daily", "People's Daily said the new routes would cut shipping times.", ""),
    case("bank-of-china",
         "Bank of China opened a branch in Yiwu to serve traders from the Middle East.",
         "330782"),
    case("ningbo-customs", "Ningbo Customs said imports of iron ore rose last month.", ""),
    case("ningbo-xusheng-group",
         "Ningbo Xusheng Group supplies aluminium parts to electric carmakers.", ""),
    case("hangzhou-commission-of-commerce",
         "The Hangzhou Commission of Commerce released the figures on Tuesday.", ""),
    case("ningbo-zhoushan-port",
         "Ningbo Zhoushan Port handled 1.3 billion tonnes of cargo last year.", ""),
    case("ningbo-hyphen-zhoushan-port",
         "Ningbo-Zhoushan Port handled 1.3 billion tonnes of cargo last year.", ""),
    case("port-of-ningbo-zhoushan",
         "The Port of Ningbo Zhoushan is the world's busiest by cargo tonnage.", ""),
    case("hangzhou-bay-new-zone",
         "Hangzhou Bay New Zone attracted 30 new manufacturing projects.", ""),
    case("beihang",
         "Researchers from Beijing University of Aeronautics and Astronautics visited the lab.",
         ""),
    case("xi-jinping",
         "Xi Jinping first proposed the idea during an inspection tour in 2003.", ""),
    case("new-jersey",
         "A New Jersey importer paid for the cargo in U.S. dollars.", ""),
    case("us-dollar-sign", "Prices were quoted at 800 US$ per tonne.", ""),
    case("belt-and-road-countries",
         "Trade with the Belt and Road countries grew faster than the average.", ""),
    case("southeast-asia", "Exports to Southeast Asia rose 20 percent.", ""),
    # a party's or a state body's name ("of the People's Republic of China" after a
    # capitalised word), not a mention of China; the country's founding is one
    case("communist-party-of-china",
         "Delegates to the 20th National Congress of the Communist Party of China met in "
         "Beijing.", "110000"),
    case("party-of-china-committee",
         "The Lishui Municipal Committee of the Communist Party of China set the goals.",
         ""),
    case("bureau-of-the-peoples-republic",
         "The General Administration of Customs of the People's Republic of China released "
         "the data on Friday.", ""),
    case("founding-of-the-peoples-republic",
         "Ningbo has grown since the founding of the People's Republic of China.",
         "330200 CN"),
    case("us-dollar-sign-after-a-space", "Ningbo firms invested US $6million in Peru.",
         "330200 PE"),
    case("us-before-a-dollar-amount-name", "US $-denominated exports from Ningbo rose.",
         "330200"),
    case("sentence-opens-of-the-peoples-republic",
         "Exports of the People's Republic of China rose 5 percent.", "CN"),
    # "East China", in either case, is a part of the country (a grouping), no mention of
    # China: the gold of the shared sets never counts it alone
    case("east-china-lower-case",
         "The fair opened in Yiwu, a county-level city in east China's Zhejiang province.",
         "330782 330000"),
    case("east-china-capitalised",
         "The fair opened in Yiwu, a county-level city in East China's Zhejiang province.",
         "330782 330000"),
    case("southwest-china", "Buyers from southwest China signed most of the orders.", ""),
    case("eastern-china", "Ports in eastern China handled more boxes.", ""),
    case("china-beside-a-compass-word",
         "Ningbo ships to the east, and China's ports gain from it.", "330200 CN"),
    case("east-asia-after-china", "China sells more to east Asia than to Africa.", "CN"),
    # a demonym listed with a language's name names a language, not its country
    case("languages-spoken-in-a-market",
         "Traders in Yiwu bargain in Chinese, English and Arabic every day.", "330782"),
    case("language-courses",
         "The market school teaches English, Spanish and Arabic to stall owners.", ""),
    case("language-last-in-a-list", "Price tags are printed in Arabic and Russian.", ""),
    case("languages-before-to", "Stall owners learn Arabic and Spanish to win buyers.", ""),
    case("demonym-before-a-noun-after-a-language",
         "He learned Arabic, and Russian buyers now order from him.", "RU"),
    case("demonyms-listed-without-a-language",
         "Spanish and Italian importers signed the most deals.", "ES IT"),
    case("eu-and-asean",
         "The EU and ASEAN are the province's two largest trading partners.", ""),
    case("made-in-zhejiang-company",
         "Made in Zhejiang Co., Ltd. signed a supply deal on Monday.", ""),
    case("yangtze-river-delta",
         "Cities in the Yangtze River Delta now share customs clearance.", ""),
    case("latin-america", "Exports to Latin America rose by a fifth last year.", ""),
    case("indian-ocean",
         "Ships crossing the Indian Ocean carry much of the province's trade.", ""),
    case("china-europe-railway-express",
         "China-Europe Railway Express trains from Yiwu reached Madrid in 18 days.",
         "330782"),
    case("zhejiang-university-geely",
         "Zhejiang University signed a research deal with Zhejiang Geely Holding Group.", ""),
    case("hangzhou-bay-bridge",
         "Trucks crossing the Hangzhou Bay Bridge carry parts to the factories.", ""),
    case("west-lake-not-district",
         "Tourists from Malaysia visited West Lake in Hangzhou.",
         "MY 330100"),
    case("meishan-island",
         "Meishan Island in Beilun hosts a bonded port area.",
         "330206", {"330206": ("Beilun",)}),
    case("wuzhen-town",
         "Wuzhen, a water town in Tongxiang, hosts the World Internet Conference.",
         "330483"),
    case("haitian-appositive",
         "Haitian, a plastics machinery maker based in Beilun, opened a plant in Serbia.",
         "330206 RS"),
    case("haitian-company",
         "Haitian Group said its overseas sales grew by a quarter.", ""),
    case("beicang-misspelt",
         "Beicang district in Ningbo city opened a new container terminal.",
         "330206 330200", {"330206": ("Beicang",)}),
    case("unknown-district-of-ningbo",
         "Qiaotou district in Ningbo city opened a new container terminal.",
         "330200"),
    case("jiangdong-retired",
         "Jiangdong district in Ningbo city was merged into Yinzhou in 2016.",
         "330212 330200"),  # and not Jiangbei (330205) by a fuzzy spelling match
    case("jiangdong-retired-alone",
         "Exporters in Jiangdong district of Ningbo opened offices in Dubai.",
         "330212 330200"),  # a retired district's name: its successor
    case("china-zhejiang-ftz",
         "The China (Zhejiang) Pilot Free Trade Zone added 5,000 companies last year.", ""),
    case("latin-north-america-title-case",
         "Trade between China and Latin America and North America grew.", "CN"),
    case("ningbo-mayor",
         "Ningbo Mayor Tang Feifan said the city would open more air cargo routes.",
         "330200"),
    case("wuyi-mountains",
         "Tea from the Wuyi Mountains in Fujian is sold in Hangzhou.",
         "350000 330100"),
    case("xiacheng-retired",
         "Before 2021, the Xiacheng district of Hangzhou hosted many trading firms.",
         "330105 330100"),  # merged into Gongshu in 2021, not Shangcheng by spelling
    case("jianggan-retired",
         "Jianggan district in Hangzhou was home to many cross-border e-commerce firms.",
         "330102 330100"),  # merged into Shangcheng in 2021
    case("shaoxing-county-retired",
         "Textile mills in Shaoxing County exported more dyed fabric.",
         "330603"),  # became Keqiao district in 2013; not the city
    case("yiwu-madrid-train",
         "The Yiwu-Madrid freight train carried 100 containers of small commodities.",
         "330782",
         bug="'Yiwu-Madrid' names the route's two ends, not an organisation; because "
             "'Madrid' is capitalised and not in the gazetteer, the chain is taken for a "
             "name and Yiwu is dropped (same for 'Ningbo-Hamburg route')."),
    case("zhoushan-archipelago-new-area",
         "The Zhoushan Archipelago New Area is a national-level new area.", ""),
    case("yiwu-international-trade-city",
         "Yiwu International Trade City has 75,000 booths.", ""),
    case("meishan-bonded-port-area",
         "Ningbo Meishan Bonded Port Area imported more cars this year.", ""),
    case("xiaoshan-airport",
         "Cargo flights from Hangzhou Xiaoshan International Airport to Liege in Belgium "
         "resumed.",
         "BE"),
    case("putuo-mountain",
         "Putuo Mountain in Zhoushan attracts pilgrims from South Korea and Japan.",
         "330900 KR JP"),
    case("shanghai-hangzhou-ningbo-expressway",
         "The Shanghai-Hangzhou-Ningbo Expressway was widened to eight lanes.", ""),
    case("bank-of-ningbo-unnc",
         "Bank of Ningbo and the University of Nottingham Ningbo China signed a deal.", ""),
    case("zhejiang-provincial-department",
         "The Zhejiang Provincial Department of Commerce released the figures.", ""),
    case("headline-ningbo-port",
         "Ningbo Port Sets Record as Exports to US Surge\n\nThe port handled more cargo "
         "bound for Brazil.",
         "US BR"),
    case("headline-yiwu",
         "Yiwu traders eye Middle East markets\n\nBuyers from Iraq placed orders worth "
         "$5 million.",
         "330782 IQ"),
    case("xinhua-agency-not-county",
         "Xinhua reported that the first train left Jinhua on Tuesday.",
         "330700"),
    case("zhejiang-daily",
         "Zhejiang Daily said more firms from Taizhou were listing abroad.",
         "331000"),
]

ROWS: list[Case] = [*PREFECTURES, *COUNTY_LEVEL, *ELSEWHERE_IN_CHINA, *COUNTRIES, *DATELINES,
                    *HARD]


def _params() -> list[object]:
    params: list[object] = []
    for row in ROWS:
        marks = [] if row.bug is None else [pytest.mark.xfail(strict=True, reason=row.bug)]
        params.append(pytest.param(row, id=row.id, marks=marks))
    return params


def _mentions(article: Article, code: str) -> tuple[str, ...]:
    spans = [m for r in article.regions if r.code == code for m in r.mentions]
    return tuple(m.text for m in sorted(spans, key=lambda m: m.start))


_HARD_IDS = frozenset(row.id for row in HARD)


def test_table_is_well_formed() -> None:
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids)), "duplicate row ids"
    assert len(ROWS) >= 70
    assert sum(not row.codes or row.id in _HARD_IDS for row in ROWS) >= 15
    for row in ROWS:
        assert set(row.mentions) <= row.codes, row.id
        assert row.text.endswith("."), row.id  # a final full stop: the last line is body


def test_every_zhejiang_prefecture_is_covered() -> None:
    prefectures = {p.code for p in places()
                   if p.code.startswith("33") and p.level.value == "prefecture"}
    assert len(prefectures) == 11
    covered = set().union(*(row.codes for row in ROWS if row.bug is None))
    assert prefectures <= covered


@pytest.mark.parametrize("row", _params())
def test_regions(row: Case) -> None:
    article = zjopen.parse(row.text, id=row.id)
    assert (article.title is not None) == ("\n\n" in row.text)  # headline rows only
    got = {r.code for r in article.regions if r.code is not None}
    assert got == row.codes, f"got {sorted(got)}, expected {sorted(row.codes)}"
    for code, texts in row.mentions.items():
        assert _mentions(article, code) == texts, code
    for region in article.regions:
        for m in region.mentions:
            assert article.text[m.start:m.end] == m.text


# ---------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------
ZHEJIANG: list[Place] = [p for p in places() if p.code.startswith("33") and not p.ambiguous]
FILLER = (
    "trade exports imports rose fell grew the a city last year this month firms orders "
    "more than percent and of with new sales goods shipped overseas buyers record"
).split()
fillers = st.lists(st.sampled_from(FILLER), min_size=0, max_size=8)


@st.composite
def placed(draw: st.DrawFn) -> tuple[Place, str, str, int]:
    """A Zhejiang place, one of its English names, a sentence naming it, and where."""
    place = draw(st.sampled_from(ZHEJIANG))
    name = draw(st.sampled_from([place.name, *(a for a in place.aliases if a.isascii())]))
    before = " ".join([*draw(fillers), "in"])
    after = " ".join(draw(fillers.filter(bool)))
    text = f"{before} {name}, {after}."
    return place, name, text, len(before) + 1


def test_property_population() -> None:
    assert len(ZHEJIANG) >= 100
    assert all(p.code != "CN" for p in ZHEJIANG)


@given(placed())
def test_zhejiang_place_in_filler_is_found(example: tuple[Place, str, str, int]) -> None:
    place, name, text, start = example
    article = zjopen.parse(text, id="prop")
    assert article.text == text
    found = [r for r in article.regions if r.code == place.code]
    assert found, f"{place.code} {name!r} not found in {text!r}"
    spans = [(m.start, m.end, m.text) for m in found[0].mentions]
    assert (start, start + len(name), name) in spans
    assert article.text[start:start + len(name)] == name


SENTENCES = [row.text for row in ROWS]


@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
def test_extraction_is_deterministic(sentences: list[str]) -> None:
    text = " ".join(sentences)
    first = zjopen.parse(text, id="d").regions
    second = zjopen.parse(text, id="d").regions
    assert first == second
