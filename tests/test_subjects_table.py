"""Who each figure is about: one sentence (and its publication date) per row, with the
exact subject and year of every figure. Own phrasing, one row per English pattern."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import zjopen
from tests.cases import read_rows
from zjopen import Article, Metric
from zjopen.evaluation import normalise_name

# (id, text, published, [(figure text, region, platform, enterprise, year)])
ROWS: list[tuple[str, str, date | None, list[tuple[str, str | None, str | None, str | None,
                                                   int | None]]]] = [
    ("contrast-while", "Jinhua's exports grew 12 percent in 2023, while Quzhou's exports "
     "rose 4 percent.", None,
     [("12 percent", "330700", None, None, 2023), ("4 percent", "330800", None, None, 2023)]),
    ("contrast-while-neighbouring", "In Lishui, foreign investment reached 300 million U.S. "
     "dollars in 2022, while neighbouring Wenzhou attracted 900 million U.S. dollars.", None,
     [("300 million U.S. dollars", "331100", None, None, 2022),
      ("900 million U.S. dollars", "330300", None, None, 2022)]),
    ("contrast-whereas", "Taizhou's imports fell 2 percent in 2021, whereas Shaoxing's grew "
     "9 percent.", None,
     [("2 percent", "331000", None, None, 2021), ("9 percent", "330600", None, None, 2021)]),
    ("contrast-without-place-keeps-subject", "Ningbo's exports rose 5 percent in 2023, while "
     "imports fell 3 percent.", None,
     [("5 percent", "330200", None, None, 2023), ("3 percent", "330200", None, None, 2023)]),
    ("of-which-district", "Ningbo's exports reached 600 billion yuan in 2023, of which "
     "Yinzhou district accounted for 120 billion yuan.", None,
     [("600 billion yuan", "330200", None, None, 2023),
      ("120 billion yuan", "330212", None, None, 2023)]),
    ("respectively-two-places", "Imports into Jiaxing and Huzhou rose 3.2 percent and 7.5 "
     "percent respectively in 2023.", None,
     [("3.2 percent", "330400", None, None, 2023), ("7.5 percent", "330500", None, None, 2023)]),
    ("respectively-three-places", "In 2022, exports from Ningbo, Wenzhou and Taizhou reached "
     "610 billion yuan, 190 billion yuan and 140 billion yuan, respectively.", None,
     [("610 billion yuan", "330200", None, None, 2022),
      ("190 billion yuan", "330300", None, None, 2022),
      ("140 billion yuan", "331000", None, None, 2022)]),
    ("respectively-one-place-two-indicators", "Ningbo's imports and exports rose 3 percent "
     "and 5 percent respectively in 2023.", None,
     [("3 percent", "330200", None, None, 2023), ("5 percent", "330200", None, None, 2023)]),
    ("possessive-city-district", "In 2023, Ningbo's Yinzhou district exported goods worth 120 "
     "billion yuan.", None, [("120 billion yuan", "330212", None, None, 2023)]),
    ("possessive-city-district-capital", "Hangzhou's Xiaoshan District attracted 2 billion "
     "yuan of foreign investment in 2022.", None,
     [("2 billion yuan", "330109", None, None, 2022)]),
    ("district-of-city", "Beilun district of Ningbo handled 80 million tonnes of cargo in "
     "2021.", None, [("80 million tonnes", "330206", None, None, 2021)]),
    ("possessive-city-then-other-city", "Hangzhou's trade with Ningbo grew 6 percent in 2020.",
     None, [("6 percent", "330100", None, None, 2020)]),
    ("port-record-subject", "Zhoushan Port handled 200 million tonnes of cargo in 2023.",
     None, [("200 million tonnes", None, "Zhoushan Port", None, 2023)]),
    # A place's possessive and a description of a port, a fair or a company, then its
    # name after a comma: the record is the subject, not the place.
    ("possessive-described-port", "Zhejiang's largest port, the Port of Ningbo Zhoushan, "
     "moved 1.3 billion tonnes of cargo in 2023.", None,
     [("1.3 billion tonnes", None, "Ningbo-Zhoushan Port", None, 2023)]),
    ("of-possessive-described-port", "The container volume of China's top port, "
     "Ningbo-Zhoushan Port, rose 6 percent in 2023.", None,
     [("6 percent", None, "Ningbo-Zhoushan Port", None, 2023)]),
    ("possessive-described-fair", "Jiaxing's busiest trade fair, the Jiaxing Import Expo, "
     "drew 30,000 buyers in 2023.", None, [("30,000", None, "Jiaxing Import Expo", None, 2023)]),
    ("possessive-described-company", "Zhejiang's biggest carmaker, Geely, sold 2 million cars "
     "in 2023.", None, [("2 million", None, None, "Geely Holdings", 2023)]),
    ("possessive-then-aside-not-described", "Zhejiang's exports in 2023, the Port of Ningbo "
     "Zhoushan reported, rose 5 percent.", None, [("5 percent", "330000", None, None, 2023)]),
    ("possessive-then-source-aside", "Ningbo's trade, the Ningbo-Zhoushan Port said, rose 5 "
     "percent in 2023.", None, [("5 percent", "330200", None, None, 2023)]),
    # Nothing named before a figure, a platform after it and "at" in its clause: the
    # platform's (not the topic's), unless a pronoun or a comma says otherwise.
    ("at-port-after-figure", "Jiaxing is a port city. A record 28 million standard "
     "containers were handled at Ningbo-Zhoushan Port in 2019.", None,
     [("28 million standard containers", None, "Ningbo-Zhoushan Port", None, 2019)]),
    ("at-expo-after-figure", "Hangzhou hosts many fairs every year. Tentative orders worth "
     "12 billion yuan were placed at the recently closed Global Digital Trade Expo in 2023.",
     None, [("12 billion yuan", None, "Global Digital Trade Expo", None, 2023)]),
    ("at-expo-after-pronoun-figure", "Hangzhou hosts many fairs every year. Its exports rose "
     "5 percent at the Global Digital Trade Expo in 2023.", None,
     [("5 percent", "330100", None, None, 2023)]),
    ("at-expo-in-other-clause", "Hangzhou hosts many fairs every year. Exports rose 5 "
     "percent in 2023, buyers at the Global Digital Trade Expo said.", None,
     [("5 percent", "330100", None, None, 2023)]),
    ("at-the-same-time-as-port", "Jiaxing has grown fast in recent years. Exports rose 5 "
     "percent in 2023 at the same time as Ningbo-Zhoushan Port grew.", None,
     [("5 percent", "330400", None, None, 2023)]),
    # A figure names its company or platform by the record's name, whichever of its
    # names the sentence uses.
    ("short-name-is-the-record", "Keer Group Co Ltd said it will build a plant in the US. "
     "Keer Group will put 218 million U.S. dollars into the factory.", None,
     [("218 million U.S. dollars", None, None, "Keer Group Co Ltd", None)]),
    ("numbered-edition-is-the-record", "The 24th China Zhejiang Investment & Trade Symposium "
     "(ZJITS) opened in Ningbo. The ZJITS has been held for 24 sessions.", None,
     [("24", None, "Zhejiang Investment and Trade Symposium", None, None)]),
    ("based-company-is-subject", "Yiwu-based toymaker Sanhe Toys Co., Ltd. opened 8 stores "
     "in Europe in 2023.", None, [("8", None, None, "Sanhe Toys Co., Ltd.", 2023)]),
    ("the-based-company", "Holley Group is a Hangzhou-based company. The Hangzhou-based "
     "company now has plants in 25 countries.", date(2024, 5, 6),
     [("25", None, None, "Holley Group", 2024)]),
    ("the-company-after-name", "Wanxiang Group opened a plant in Illinois. The company now "
     "employs 900 people there.", date(2019, 3, 1),
     [("900", None, None, "Wanxiang Group", 2019)]),
    ("unended-months-last-year", "From January to November, Jiaxing's imports and "
     "exports totalled 301.5 billion yuan.", date(2024, 1, 20),
     [("301.5 billion yuan", "330400", None, None, 2023)]),
    ("ended-quarter-this-year", "In the first quarter, Wenzhou's exports rose 8 percent.",
     date(2024, 4, 20), [("8 percent", "330300", None, None, 2024)]),
    ("unended-forecast-this-year", "Huzhou's exports are expected to grow 5 percent in the "
     "second half.", date(2023, 9, 1), [("5 percent", "330500", None, None, 2023)]),
    ("now-is-publication-year", "The trains were launched in 2014. At present, Yiwu's "
     "trains reach 48 cities.", date(2023, 5, 2), [("48", "330782", None, None, 2023)]),
    ("base-from-the-end-of", "Ningbo now runs 40 container routes, a net increase of 12 "
     "routes from the end of 2019.", date(2023, 5, 2),
     [("40", "330200", None, None, 2023), ("12", "330200", None, None, 2023)]),
    ("unit-carried-along-list", "Ningbo's container throughput grew from 5 million TEUs in "
     "2015 to 8 million in 2018.", None,
     [("5 million TEUs", "330200", None, None, 2015),
      ("8 million", "330200", None, None, 2018)]),
    ("day-of-month-is-no-figure", "Taizhou's exports reached 44 billion yuan in 2022, "
     "according to the customs on 21 Mar.", date(2023, 3, 25),
     [("44 billion yuan", "331000", None, None, 2022)]),
    ("rank-with-article", "Ningbo ranked the 5th in the country by exports in 2022.", None,
     [("5", "330200", None, None, 2022)]),
    ("ranks-listed", "Jiaxing's exports and imports ranked the 2nd and the 7th in the province "
     "in 2021.", None, [("2", "330400", None, None, 2021), ("7", "330400", None, None, 2021)]),
    ("second-park-is-not-the-last", "Hangzhou firms run an industrial park in Mexico. It is "
     "the second overseas industrial park, with 12 companies.", date(2018, 4, 2),
     [("12", None, None, None, 2018)]),
    # Comparison bases are never a figure's year.
    ("base-on-the-same-period", "From January to September this year, Lishui exported goods "
     "worth 21 billion yuan, up 7.4 percent on the same period last year.", date(2022, 11, 3),
     [("21 billion yuan", "331100", None, None, 2022), ("7.4 percent", "331100", None, None,
                                                        2022)]),
    ("base-compared-with-the-same-day", "Compared with the same day last year, Yiwu's parcel "
     "volume rose 18 percent.", date(2021, 11, 12), [("18 percent", "330782", None, None, 2021)]),
    ("base-for-the-same-period", "Huzhou's imports reached 9 billion yuan, three times the "
     "figure for the same period last year.", date(2020, 12, 1),
     [("9 billion yuan", "330500", None, None, 2020), ("three times", "330500", None, None,
                                                       2020)]),
    ("not-a-base-in-the-same-period", "Exports rose 12 percent in 2021; in the same period "
     "last year, Quzhou's growth rate was 4 percent.", date(2021, 10, 1),
     [("12 percent", "330000", None, None, 2021), ("4 percent", "330800", None, None, 2020)]),
    # A span that runs to the time of writing is of the publication year.
    ("span-across-the-past-years", "By 2019 the figure had reached 80 billion yuan. Across the "
     "past eight years, Taizhou's trade with Africa totaled 510 billion yuan.", date(2022, 6, 1),
     [("80 billion yuan", "330000", None, None, 2019), ("510 billion yuan", "331000", None, None,
                                                    2022)]),
    ("since-it-started-operating", "Since it started operating in 2017, the Zhoushan park has "
     "drawn 6 billion yuan of investment.", date(2023, 3, 2),
     [("6 billion yuan", "330900", None, None, 2023)]),
    ("since-it-was-set-up", "Since the zone was set up in 2013, Wenzhou has approved 410 "
     "foreign-funded projects.", date(2019, 8, 8), [("410", "330300", None, None, 2019)]),
    # "Currently" after a "will": the present state, not a target.
    ("currently-after-will", "Lishui will join the programme, which currently covers seven "
     "cities.", date(2021, 5, 5), [("seven", "331100", None, None, 2021)]),
    # A report of last year goes on through "came to", but a later frame ends it.
    ("reported-year-past-verb", "Jiaxing's exports grew 6 percent in 2022.\n\nCross-border "
     "settlement in Jiaxing came to 13 billion yuan.", date(2023, 2, 1),
     [("6 percent", "330400", None, None, 2022), ("13 billion yuan", "330400", None, None,
                                                  2022)]),
    ("reported-year-superseded", "Jiaxing's exports grew 6 percent in 2022.\n\nIn the first "
     "half of this year, its imports rose 3 percent.\n\nExports slipped 2 percent.",
     date(2023, 7, 30),
     [("6 percent", "330400", None, None, 2022), ("3 percent", "330400", None, None, 2023),
      ("2 percent", "330400", None, None, 2023)]),
    # Ordinal ranks in their news forms (and idioms that are none).
    ("rank-ordinal-superlative-spaced", "Wenzhou's exports rose 9 percent in 2022, the third "
     "highest in the province.", None, [("9 percent", "330300", None, None, 2022),
                                        ("third", "330300", None, None, 2022)]),
    ("rank-took-place", "In 2021 Ningbo kept first place in China, while Shaoxing took fourth "
     "place.", None, [("first", "330200", None, None, 2021), ("fourth", "330600", None, None,
                                                              2021)]),
    ("rank-put-x-nth", "Taizhou's trade reached 80 billion yuan in 2020. The total put Taizhou "
     "sixth among cities in the province.", None,
     [("80 billion yuan", "331000", None, None, 2020), ("sixth", "331000", None, None, 2020)]),
    ("rank-from-nth-to-nth", "Huzhou moved up from 9th in 2015 to 5th in 2019 in the ranking.",
     None, [("9", "330500", None, None, 2015), ("5", "330500", None, None, 2019)]),
    ("rank-first-and-nth-in", "In 2019, Zhoushan's bunkering ranked first in China and sixth in "
     "the world.", None, [("first", "330900", None, None, 2019), ("sixth", "330900", None, None,
                                                                  2019)]),
    ("no-rank-in-the-first-place", "In 2019 Lishui asked why the park was built in the first "
     "place.", None, []),
    ("no-rank-date-ordinal", "The fair runs from 5th to 8th June in Yiwu.", None, []),
    # A zone's area is no place's figure; an agreement opening its sentence is its subject.
    ("area-of-a-zone", "In 2020 Jinhua gained a new zone covering 35.99 sq km.", None,
     [("35.99 sq km", None, None, None, 2020)]),
    ("area-in-mu", "Haining built a logistics park with a total area of 60 mu in 2019.", None,
     [("60 mu", None, None, None, 2019)]),
    ("area-in-hectares-stays-a-place's", "In 2018 tea plantations in Anji covered 11,000 "
     "hectares.", None, [("11,000 hectares", "330523", None, None, 2018)]),
    ("agreement-opens-sentence", "Zhoushan's trade rose 9 percent in 2021.\n\nThe RCEP has been "
     "signed by 15 countries.", date(2022, 1, 7),
     [("9 percent", "330900", None, None, 2021), ("15", None, None, None, 2022)]),
    ("agreement-inside-sentence-keeps-place", "In 2022 Ningbo's trade with RCEP members rose "
     "6 percent.", None, [("6 percent", "330200", None, None, 2022)]),
    ("according-to-opener", "According to the committee of the Ningbo Free Trade Zone, Ningbo "
     "supplied 3 million tons of fuel in 2018.", None,
     [("3 million tons", "330200", None, None, 2018)]),
    # A bare scaled number takes the unit of the paragraph's amount before it.
    ("unit-from-the-sentence-before", "Wenzhou's exports had reached 40 billion yuan by "
     "October. The total is projected to top 50 billion.", date(2019, 11, 20),
     [("40 billion yuan", "330300", None, None, 2019), ("50 billion", "330300", None, None,
                                                        None)]),
    ("unit-of-the-total-after-a-paragraph", "Jinhua's exports had reached 80 billion yuan by "
     "October.\n\nBy the end of the year, the total is expected to top 95 billion.",
     date(2019, 11, 20), [("80 billion yuan", "330700", None, None, 2019),
                          ("95 billion", "330700", None, None, 2019)]),
    ("no-unit-across-a-paragraph-without-the-total", "Jinhua's exports reached 80 billion "
     "yuan in 2019.\n\nIts population is 7 million.", None,
     [("80 billion yuan", "330700", None, None, 2019), ("7 million", "330700", None, None,
                                                       None)]),
    ("no-unit-for-a-counted-noun", "Yiwu's exports reached 9 billion yuan in 2019. About 2 "
     "million buyers came.", None,
     [("9 billion yuan", "330782", None, None, 2019), ("2 million", "330782", None, None,
                                                       2019)]),
    ("by-the-end-of-the-year", "By the end of the year, Lishui is expected to run 30 "
     "routes.", date(2020, 6, 1), [("30", "331100", None, None, 2020)]),
    ("planned-investment-is-a-level", "Haiyan has signed 40 projects. Their total planned "
     "investment comes to 12 billion yuan.", date(2018, 11, 1),
     [("40", "330424", None, None, 2018), ("12 billion yuan", "330424", None, None, 2018)]),
    # A report in the past tense carries to the figures after a comma in its sentence.
    ("unended-past-then-change-after-comma", "From January to November, Shaoxing's exports "
     "came to 300 billion yuan, a year-on-year increase of 6.1%.", date(2024, 1, 22),
     [("300 billion yuan", "330600", None, None, 2023), ("6.1%", "330600", None, None, 2023)]),
    ("unended-present-clause-is-this-year", "From January to November, Shaoxing's exports "
     "came to 300 billion yuan, and the city is home to 9,000 traders.", date(2024, 1, 22),
     [("300 billion yuan", "330600", None, None, 2023), ("9,000", "330600", None, None,
                                                         2024)]),
    ("reported-made-up-and-participle", "Quzhou's exports grew strongly in 2010.\n\nChemicals made "
     "up 40.5 percent of the total, surging 22 percent from the previous year.",
     date(2011, 2, 20), [("40.5 percent", "330800", None, None, 2010),
                         ("22 percent", "330800", None, None, 2010)]),
    ("base-on-the-previous-year", "Exports to Russia reached 2 billion yuan in the first three "
     "quarters of this year, a 40 percent jump on the previous year. Exports to Mongolia "
     "exceeded 1 billion yuan.", date(2023, 11, 15),
     [("2 billion yuan", "330000", None, None, 2023), ("40 percent", "330000", None, None, 2023),
      ("1 billion yuan", "330000", None, None, 2023)]),
    ("rank-into-the-top", "In 2020 Wenzhou Port climbed into the top 20 in China.", None,
     [("20", None, "Wenzhou Port", None, 2020)]),
    ("no-rank-world-top-500", "In 2019, Jiaxing hosted 35 of the world's top 500 companies.",
     None, [("35", "330400", None, None, 2019)]),
    ("verb-top-is-no-list-name", "Jiaxing's exports are expected to top 500 billion yuan.",
     date(2021, 3, 1), [("500 billion yuan", "330400", None, None, None)]),
    ("aside-area-is-no-target", "The zone will add three areas in 2021: the Jinhua area "
     "(35.99 sq km) and two others.", date(2020, 9, 29),
     [("three", None, None, None, 2021), ("35.99 sq km", None, None, None, 2021),
      ("two", None, None, None, 2021)]),
    ("partitive-count", "Of Lishui's 20 new foreign-funded projects in 2022, seven were in "
     "textiles.", None, [("20", "331100", None, None, 2022), ("seven", "331100", None, None,
                                                               2022)]),
    ("no-partitive-number-word-alone", "In 2022 Lishui signed deals, and seven said so.", None,
     []),
    ("multiple-doubling", "Yiwu's parcel exports reached 3 billion yuan in 2021, doubling the "
     "figure for the year before.", None,
     [("3 billion yuan", "330782", None, None, 2021), ("doubling", "330782", None, None, 2021)]),
    ("multiple-quadruple", "Huzhou's river-sea throughput will top 1 million TEUs in 2025, "
     "which would be quadruple the 2020 figure.", date(2021, 9, 1),
     [("1 million TEUs", "330500", None, None, 2025), ("quadruple", "330500", None, None,
                                                      2025)]),
    ("no-figure-in-file-or-name", "The photo 888_copy.png shows the 16+1 cooperation forum "
     "held in Ningbo in 2019.", None, []),
    ("that-day-after-a-date", "A trade fair opened in Wenzhou on June 9, 2021.\n\nOn that "
     "day, Wenzhou firms signed 24 contracts.", None, [("24", "330300", None, None, 2021)]),
    ("the-same-day-after-a-date", "Huzhou held an investment summit on March 3, 2020. On the "
     "same day, 12 projects were signed in Huzhou.", None, [("12", "330500", None, None, 2020)]),
    # Things that are no place's: a product, a task's time, a measure before its noun.
    ("product-as-subject", "Ningbo's shipyard delivered a vessel in 2022. The vessel can carry "
     "24,000 TEUs.", date(2022, 6, 1),
     [("24,000 TEUs", None, None, None, 2022)]),
    ("product-noun-before-exports-is-a-place's", "In 2022 the vessel exports of Zhoushan "
     "reached 9 billion yuan.", None, [("9 billion yuan", "330900", None, None, 2022)]),
    ("duration-of-a-task", "In 2023 a plant in Cixi was completed in just 7 months.", None,
     [("7 months", None, None, None, 2023)]),
    ("measure-before-its-noun", "In 1982 Beilun laid the first pile of a 100,000-ton ore "
     "terminal.", None, [("100,000-ton", None, None, None, 1982)]),
    ("hyphenated-fraction-stays-a-place's", "In 2009 Wenzhou made one-fourth of the "
     "country's shoes.", None, [("one-fourth", "330300", None, None, 2009)]),
    ("exhibition-space-is-no-exhibition", "Hangzhou will hold 12 expos abroad. The total "
     "exhibition space will cover 90,000 square meters.", date(2016, 5, 1),
     [("12", "330100", None, None, None), ("90,000 square meters", "330100", None, None, None)]),
    # The scope of a ranking, a destination market, China as a subject, agreements.
    ("rank-scope-is-no-subject", "In 2021 Wenzhou's imports grew fast. They reached 25 billion "
     "yuan, ranking third in Zhejiang; exports reached 124 billion yuan.", None,
     [("25 billion yuan", "330300", None, None, 2021), ("third", "330300", None, None, 2021),
      ("124 billion yuan", "330300", None, None, 2021)]),
    ("destination-market-is-no-platform", "Wenling's exports reached 3.8 billion yuan in 2023. "
     "The Russian market alone took 3 billion yuan.", None,
     [("3.8 billion yuan", "331081", None, None, 2023), ("3 billion yuan", "331081", None, None,
                                                         2023)]),
    ("china-opening-a-sentence", "Ningbo's textile firms grew in 2013.\n\nChina imported "
     "176,000 tons of cotton yarn in November 2013.", None,
     [("176,000 tons", "CN", None, None, 2013)]),
    ("china-opening-a-headline-is-no-subject", "China remains antidumping target\n\nIn 2009 "
     "Wenzhou exported 100 million pairs of shoes.", None,
     [("100 million", "330300", None, None, 2009)]),
    ("the-agreement-is-no-place", "Lishui's exporters gained in 2022. The signing of the "
     "agreement in 2020 by 15 countries created a large bloc.", None,
     [("15", None, None, None, 2020)]),
    ("target-year-written-before", "Huzhou's exports are expected to reach 500 billion yuan "
     "in 2025. Its imports will grow 20 percent.", date(2021, 9, 15),
     [("500 billion yuan", "330500", None, None, 2025), ("20 percent", "330500", None, None,
                                                         2025)]),
    ("no-target-year-from-next-year", "Next year, Zoppas will move its headquarters to Jiaxing. "
     "The headquarters is expected to create 1,000 jobs.", date(2023, 11, 30),
     [("1,000", None, None, None, None)]),
    # Places listed as the subject pair with a list of figures, without "respectively".
    ("listed-places-pair-in-order", "In 2021, Wenzhou, Taizhou and Lishui exported 190 billion "
     "yuan, 140 billion yuan and 30 billion yuan.", None,
     [("190 billion yuan", "330300", None, None, 2021),
      ("140 billion yuan", "331000", None, None, 2021),
      ("30 billion yuan", "331100", None, None, 2021)]),
    ("place-and-its-country-are-no-list", "Wenzhou, China's shoe capital, is home to 3,000 "
     "shoemakers which employed 450,000 workers in 2009.", None,
     [("3,000", "330300", None, None, 2009), ("450,000", "330300", None, None, 2009)]),
    ("city-possessive-then-its-districts", "Ningbo's Yinzhou, Beilun and Zhenhai districts "
     "exported 120 billion yuan, 80 billion yuan and 40 billion yuan, respectively, in 2022.",
     None, [("120 billion yuan", "330212", None, None, 2022),
            ("80 billion yuan", "330206", None, None, 2022),
            ("40 billion yuan", "330211", None, None, 2022)]),
    ("foreign-country-possessive", "In 2023, Japan's imports from Zhejiang fell 4 percent.",
     None, [("4 percent", "JP", None, None, 2023)]),
    ("in-place-comma-sets-the-scene", "Jinhua's exports rose 9 percent in 2022.\n\nIn Quzhou, "
     "things went rather differently. Exports fell 2 percent.", date(2023, 2, 1),
     [("9 percent", "330700", None, None, 2022), ("2 percent", "330800", None, None, 2022)]),
    ("followed-by-place", "In 2023, Ningbo's exports grew 8 percent, followed by Wenzhou "
     "with 6 percent.", None, [("8 percent", "330200", None, None, 2023),
                               ("6 percent", "330300", None, None, 2023)]),
    ("comma-where-place", "Zhejiang's exports rose 4 percent in 2022, led by Lishui, where "
     "exports grew 21 percent.", None, [("4 percent", "330000", None, None, 2022),
                                        ("21 percent", "331100", None, None, 2022)]),
    ("compared-with-base-later", "Huzhou's imports rose 9 percent in the first half, compared "
     "with a 3 percent fall in the same period last year.", date(2023, 7, 25),
     [("9 percent", "330500", None, None, 2023), ("3 percent", "330500", None, None, 2022)]),
    ("years-later-counts-on", "Jiaxing set up a bonded zone in 2015. Three years later, the "
     "city's imports reached 60 billion yuan.", None,
     [("60 billion yuan", "330400", None, None, 2018)]),
    ("period-token-is-no-product", "In Q3 2022, Cixi's exports grew 12 percent.",
     date(2022, 11, 2), [("12 percent", "330282", None, None, 2022)]),
    ("partner-from-place", "In 2022, buyers from Hong Kong signed 40 deals.", None,
     [("40", "330000", None, None, 2022)]),  # the article's place, not Hong Kong
    ("based-two-word-plural", "Yuyao-based plastics makers shipped 3 million tons in 2021.",
     None, [("3 million tons", "330281", None, None, 2021)]),
    ("lone-head-word-is-no-name", "Expo halls booked by Yiwu traders reached 600 in 2023.",
     None, [("600", "330782", None, None, 2023)]),
    ("has-figure-is-present", "Founded in 1994, the Huzhou zone was upgraded in 2001. It has "
     "five leading industries.", date(2022, 12, 2), [("five", "330500", None, None, 2022)]),
    ("has-grown-is-no-possession", "In 2021 Huzhou's exports had grown 12 percent.", None,
     [("12 percent", "330500", None, None, 2021)]),
    ("undated-months-take-the-year-named", "In the first half of 2024, Lishui's exports grew 4 "
     "percent.\n\nLishui's imports grew 7 percent from January to May.", None,
     [("4 percent", "331100", None, None, 2024), ("7 percent", "331100", None, None, 2024)]),
    ("undated-last-year-stays-unknown", "Lishui's imports rose 7 percent last year.", None,
     [("7 percent", "331100", None, None, None)]),
    ("put-is-past", "Zhoushan's trade grew 30 percent in 2022.\n\nThe figure put Zhoushan "
     "second in Zhejiang.", date(2023, 1, 20),
     [("30 percent", "330900", None, None, 2022), ("second", "330900", None, None, 2022)]),
    ("expects-gap-to-is-a-target-year", "This year, Quzhou expects its imports to grow 6 "
     "percent.", date(2024, 2, 1), [("6 percent", "330800", None, None, 2024)]),
    ("grew-and-are-expected", "Quzhou's exports grew 5 percent in 2023 and are expected to "
     "grow 7 percent this year.", date(2024, 2, 1),
     [("5 percent", "330800", None, None, 2023), ("7 percent", "330800", None, None, 2024)]),
    ("dateline-city-is-the-city", "NINGBO, Zhejiang, May 6 (Xinhua) -- The city's imports rose "
     "11 percent in April.", date(2024, 5, 6), [("11 percent", "330200", None, None, 2024)]),
    ("base-figure-has-its-own-year", "Lishui approved 40 projects in the first half, more than "
     "last year's total of 35.", date(2023, 7, 20),
     [("40", "331100", None, None, 2023), ("35", "331100", None, None, 2022)]),
    ("last-month-in-january", "Last month, Ningbo's exports rose 4 percent.", date(2016, 1, 26),
     [("4 percent", "330200", None, None, 2015)]),
]


def _row(text: str, published: date | None) -> list[tuple[str, str | None, str | None,
                                                         str | None, int | None]]:
    article = zjopen.parse("Zhejiang trade\n\n" + text, id="t", published=published)
    return [(m.text, m.region, m.platform, m.enterprise, m.year) for m in article.metrics]


@pytest.mark.parametrize(("text", "published", "expected"),
                         [pytest.param(*row[1:], id=row[0]) for row in ROWS])
def test_subject(text: str, published: date | None,
                 expected: list[tuple[str, str | None, str | None, str | None, int | None]]
                 ) -> None:
    assert _row(text, published) == expected


# ---------------------------------------------------------------- the table in a file
#
# ``tests/cases/subjects.jsonl`` holds the rest of the table (issue 17), one row a line:
#
#     {"id": ..., "text": ..., "published": "YYYY-MM-DD" | null,
#      "figures": [{"text": "12 percent",          # the figure as written: its span's text
#                   "region": "330700" | null,     # GB/T 2260 code, or ISO country code
#                   "platform": "..." | null,      # the platform the figure is about
#                   "enterprise": "..." | null,    # the company the figure is about
#                   "year": 2023 | null,
#                   "value": "12", "unit": "%", "kind": "change",  # the quantity
#                   "optional": true}],            # optional: neither required nor punished
#      "note": "which English pattern the row is about",
#      "role": "hard" | "control",  # a form of issue 17, or an ordinary case / negative
#                                   # that a good system must keep right
#      "xfail": "what zjopen gives instead",             # optional: subject/year bug
#      "xfail_quantity": "what zjopen gives instead"}    # optional: value/unit/kind bug
#
# The body text is parsed alone (no headline), with the row's publication date.
# Expected values follow ../shared/eval/GUIDELINES.md, never the code's output; a row the
# code gets wrong carries a strict ``xfail`` saying what the code gives, so the suite
# stays green and the mark must go once the bug is fixed.
#
# How a figure is matched: each expected figure is located in the parsed article's text
# (the k-th figure listed with a given "text" is the k-th whole-word occurrence of that
# text); the metrics found are taken in text order, and each is paired with the first
# expected figure not yet paired whose place overlaps the metric's span (so "4th" is
# matched by a span "4", "third-largest" by "third"). A row passes when the metrics
# found, less those paired with optional figures, are exactly the required figures (none
# missing, none extra) with the same region and year, and with a platform and enterprise
# that agree: both absent, or the expected name agreeing with the name or an alias of the
# article's record that the metric names, as the scorer matches names (normalised names
# equal, or word sets with a Jaccard index of at least 0.6). Value, unit and kind are
# checked in a second test of their own.

CASES = Path(__file__).parent / "cases" / "subjects.jsonl"
FILE_ROWS: list[dict[str, Any]] = read_rows(CASES)
_FIGURE_KEYS = {"text", "region", "platform", "enterprise", "year", "value", "unit", "kind",
                "optional"}
_ROW_KEYS = {"id", "text", "published", "figures", "note", "role", "xfail", "xfail_quantity"}
_KINDS = {"level", "change", "share", "target", "rank"}


def _parse(row: dict[str, Any]) -> Article:
    published = date.fromisoformat(row["published"]) if row["published"] else None
    return zjopen.parse(row["text"], id="t", published=published)


def _names_agree(wanted: str, names: list[str]) -> bool:
    keys = {normalise_name(name) for name in names} - {""}
    want = normalise_name(wanted)
    if want in keys:
        return True
    words = set(want.split())
    return any(len(words & set(key.split())) / len(words | set(key.split())) >= 0.6
               for key in keys)


def _record_names(article: Article, kind: str, name: str | None) -> list[str]:
    records = article.platforms if kind == "platform" else article.enterprises
    for record in records:
        if record.name == name:
            return [record.name, *record.aliases]
    return [name] if name else []


def _located(article: Article, figures: list[dict[str, Any]]) -> list[tuple[int, int] | None]:
    """Where each expected figure stands in the article's text: the k-th figure listed
    with a text is that text's k-th occurrence as a whole number or word (so "3 percent"
    is never found inside "13 percent")."""
    seen: dict[str, int] = {}
    where: list[tuple[int, int] | None] = []
    for figure in figures:
        text = figure["text"]
        hits = [m.span() for m in re.finditer(
            r"(?<![\w.,])" + re.escape(text) + r"(?!\w)", article.text)]
        k = seen.get(text, 0)
        seen[text] = k + 1
        where.append(hits[k] if k < len(hits) else None)
    return where


def _pairs(article: Article, figures: list[dict[str, Any]]
           ) -> list[tuple[Metric, dict[str, Any] | None]]:
    """Each metric found with the expected figure it is paired with (or None): the first
    expected figure not yet paired whose place in the text overlaps the metric's span."""
    where = _located(article, figures)
    free = [i for i in range(len(figures)) if where[i] is not None]
    pairs: list[tuple[Metric, dict[str, Any] | None]] = []
    for metric in article.metrics:
        index = next((i for i in free if where[i][0] < metric.span.end  # type: ignore[index]
                      and metric.span.start < where[i][1]), None)  # type: ignore[index]
        if index is not None:
            free.remove(index)
        pairs.append((metric, None if index is None else figures[index]))
    return pairs


def _subject(article: Article, metric: Metric, want: dict[str, Any] | None) -> tuple[Any, ...]:
    platform, enterprise = metric.platform, metric.enterprise
    if want is not None:  # a name that agrees with the expected one is shown as it
        for kind in ("platform", "enterprise"):
            got = platform if kind == "platform" else enterprise
            if got is not None and want[kind] is not None and _names_agree(
                    want[kind], _record_names(article, kind, got)):
                if kind == "platform":
                    platform = want[kind]
                else:
                    enterprise = want[kind]
    if want is None:
        return ("unexpected", metric.text, metric.region, platform, enterprise, metric.year)
    return (want["text"], metric.region, platform, enterprise, metric.year)


def _file_params(check: str) -> list[Any]:
    params = []
    for row in FILE_ROWS:
        reason = row.get("xfail" if check == "subject" else "xfail_quantity")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(row, id=row["id"], marks=marks))
    return params


@pytest.mark.parametrize("row", _file_params("subject"))
def test_subject_file(row: dict[str, Any]) -> None:
    article = _parse(row)
    actual = [_subject(article, metric, want) for metric, want in _pairs(article, row["figures"])
              if want is None or not want.get("optional", False)]
    expected = [(f["text"], f["region"], f["platform"], f["enterprise"], f["year"])
                for f in row["figures"] if not f.get("optional", False)]
    assert actual == expected


@pytest.mark.parametrize("row", _file_params("quantity"))
def test_subject_file_quantities(row: dict[str, Any]) -> None:
    """Value, unit and kind of every required figure that carries them (extra or missing
    figures are the subject test's to report)."""
    article = _parse(row)
    found = {id(want): metric for metric, want in _pairs(article, row["figures"])
             if want is not None}
    actual, expected = [], []
    for want in row["figures"]:
        if want.get("optional", False) or "value" not in want:
            continue
        metric = found.get(id(want))
        expected.append((want["text"], Decimal(want["value"]), want["unit"], want["kind"]))
        actual.append((want["text"], metric.value, metric.unit, metric.kind.value)
                      if metric is not None else (want["text"], "missing"))
    assert actual == expected


def test_subject_file_shape() -> None:
    """The file is well formed, large enough, and every figure's fields are possible."""
    ids = [row["id"] for row in FILE_ROWS] + [row[0] for row in ROWS]
    assert len(ids) == len(set(ids)), "row ids must be unique"
    assert len(FILE_ROWS) >= 130
    controls = sum(row["role"] == "control" for row in FILE_ROWS)
    assert 0.4 <= controls / len(FILE_ROWS) <= 0.6, "about half the rows are controls"
    units = set(zjopen.units())
    for row in FILE_ROWS:
        assert set(row) <= _ROW_KEYS, (row["id"], set(row) - _ROW_KEYS)
        assert row["note"], row["id"]
        assert row["role"] in {"hard", "control"}, row["id"]
        assert row["figures"], row["id"]
        if row["published"] is not None:
            date.fromisoformat(row["published"])
        for figure in row["figures"]:
            assert set(figure) <= _FIGURE_KEYS, (row["id"], set(figure) - _FIGURE_KEYS)
            assert figure["text"] in row["text"], (row["id"], figure["text"])
            code = figure["region"]
            assert code is None or zjopen.regions.get(code) is not None, (row["id"], code)
            assert code is None or not (figure["platform"] or figure["enterprise"]), row["id"]
            assert figure["year"] is None or isinstance(figure["year"], int), row["id"]
            if "value" in figure:
                Decimal(figure["value"])
                assert figure["unit"] in units, (row["id"], figure["unit"])
                assert figure["kind"] in _KINDS, (row["id"], figure["kind"])
    json.dumps(FILE_ROWS)  # plain JSON all through
