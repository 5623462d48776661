"""Does parse time grow linearly with the input, whatever its shape?

    python benchmarks/bench_shapes.py [--kb 20] [--factor 10] [--limit 15] [--only NAME]
    python benchmarks/bench_shapes.py --mb 16

Times ``zjopen.parse`` on each of almost 90 input shapes, ordinary (paragraphs, one long
line, many short lines, HTML, tables) and pathological (deep HTML nesting, digit runs,
capitalised chains, repeated "Co., Ltd." and "(ABC)", "2025," runs, huge numbers,
"1e-999999 percent", unicode of every kind), at ``--kb`` kilobytes and ``--factor``
times that. Prints per shape both times (the best of a few runs, each in a child process
killed after ``--timeout`` seconds) and their ratio, and exits 1 if any shape grows by
more than ``--limit`` for the ``--factor`` times larger input (linear is ``--factor``;
quadratic would be its square) or raised an exception outside ``zjopen.errors``.

``--mb 16`` instead parses one article of that many megabytes of ordinary, distinct
paragraphs (sentences from templates, with names, figures and places varied) in a child
process, and prints the time and the child's peak RSS (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import zjopen
from zjopen.errors import ZjopenError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "articles" / "ningbo-trade-2023.txt"

Shape = Callable[[int], "str | bytes"]
SHAPES: dict[str, Shape] = {}


def shape(name: str) -> Callable[[Shape], Shape]:
    def register(build: Shape) -> Shape:
        SHAPES[name] = build
        return build
    return register


def fill(unit: str, size: int, head: str = "Zhejiang trade\n\n", tail: str = "") -> str:
    """``head``, then ``unit`` repeated to about ``size`` bytes of UTF-8, then ``tail``."""
    def width(text: str) -> int:
        return len(text.encode("utf-8", "surrogatepass"))
    times = max(1, (size - width(head) - width(tail)) // width(unit))
    return head + unit * times + tail


# --- ordinary text -------------------------------------------------------------------------------

PLACES = ("Ningbo", "Hangzhou", "Yiwu", "Wenzhou", "Jiaxing", "Huzhou", "Shaoxing", "Jinhua",
          "Quzhou", "Zhoushan", "Taizhou", "Lishui", "Keqiao", "Cixi", "Beilun", "Haishu",
          "Anji", "Pinghu", "Wenling", "Zhuji")
PARTNERS = ("Germany", "Brazil", "Japan", "Malaysia", "Poland", "Kenya", "Chile", "Vietnam",
            "the United States", "the European Union", "ASEAN", "Hungary", "Serbia")
FIRMS = ("Geely", "Haitian", "Ningbo Joyson", "Zhejiang Huayou Cobalt", "Hengyi", "Wanxiang",
         "Zhejiang Sanhua", "Ningbo Bird", "Youngor", "Hikvision", "Supor", "Ningbo Zhoushan Port")
PRODUCTS = ("textiles", "solar panels", "auto parts", "home appliances", "socks",
            "electric motors", "tea", "machinery", "furniture", "lithium batteries")
PEOPLE = ("Wang Hao", "Zhang Li", "Chen Min", "Liu Yang", "Xu Jing", "Zhou Bin", "Sun Wei",
          "Hu Xin", "Lin Tao", "Zheng Yu")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
TEMPLATES = (
    "Exports of {product} from {place} to {partner} rose {a}.{b} percent year on year to "
    "{c}.{d} billion yuan in the first {q} months of {year}.",
    "{firm} signed a {c}-million-U.S.-dollar deal with partners from {partner} in {place} "
    "on {month} {day}, {year}, said {person}, an official of the city's commerce bureau.",
    "In {year}, {place}'s foreign trade reached {c}{d}.{a} billion yuan, up {a} and {b} "
    "percent from {prev}, respectively, for exports and imports.",
    "The {place} comprehensive bonded zone handled {c},{d}{a}0 containers from {month} to "
    "{month2}, {b} percent more than a year earlier.",
    "Actual use of foreign capital in {place} hit {a}.{d} billion U.S. dollars in {year}, "
    "and {c} foreign-funded firms, {b} of them from {partner}, were set up.",
    "\"We will keep opening wider,\" {person} told reporters in {place}, adding that trade "
    "with {partner} accounted for {a}.{b} percent of the total.",
    "{firm}'s new plant in {partner}, worth ${c}{d} million, will make {product} from "
    "{year2} and employ about {c}00 people.",
    "The China-Europe freight trains from {place} made {c}{d}{a} trips in {year}, "
    "carrying {product} worth {a}.{b} billion yuan.",
)


def sentence(rng: random.Random) -> str:
    year = rng.randint(2005, 2025)
    return rng.choice(TEMPLATES).format(
        product=rng.choice(PRODUCTS), place=rng.choice(PLACES), partner=rng.choice(PARTNERS),
        firm=rng.choice(FIRMS), person=rng.choice(PEOPLE), month=rng.choice(MONTHS),
        month2=rng.choice(MONTHS), day=rng.randint(1, 28), year=year, year2=year + 2,
        prev=year - 1, a=rng.randint(1, 9), b=rng.randint(0, 9), c=rng.randint(1, 99),
        d=rng.randint(0, 9), q=rng.choice(("two", "three", "five", "nine", "11")))


def paragraphs(size: int, seed: int = 0, sep: str = "\n\n") -> str:
    """Ordinary, distinct paragraphs (two to five sentences each) to about ``size``
    bytes, after a headline."""
    rng = random.Random(seed)
    parts = ["Zhejiang's opening-up in figures"]
    total = len(parts[0])
    while total < size:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        parts.append(paragraph)
        total += len(paragraph) + len(sep)
    return sep.join(parts)


def sentences(size: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out, total = [], 0
    while total < size:
        out.append(sentence(rng))
        total += len(out[-1]) + 1
    return out


@shape("plain paragraphs")
def _plain(size: int) -> str:
    return paragraphs(size)


@shape("example article repeated")
def _example(size: int) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    title, _, body = text.partition("\n\n")
    return fill(body + "\n\n", size, head=title + "\n\n")


@shape("one long line")
def _one_line(size: int) -> str:
    return "Zhejiang trade\n\n" + " ".join(sentences(size))


@shape("many short lines")
def _short_lines(size: int) -> str:
    rng = random.Random(1)
    lines = []
    total = 0
    while total < size:
        lines.append(f"{rng.choice(PLACES)} grew {rng.randint(1, 30)}%.")
        total += len(lines[-1]) + 1
    return "Zhejiang trade\n\n" + "\n".join(lines)


@shape("CRLF lines")
def _crlf(size: int) -> str:
    return paragraphs(size, sep="\r\n\r\n").replace(". ", ".\r\n")


@shape("CR-only lines")
def _cr(size: int) -> str:
    return paragraphs(size, sep="\r\r").replace(". ", ".\r")


@shape("blank lines")
def _blank(size: int) -> str:
    return fill("\n\n\n\nNingbo grew 5%.", size)


@shape("one word, no spaces")
def _one_word(size: int) -> str:
    return fill("a", size)


@shape("spaces runs")
def _spaces(size: int) -> str:
    return fill("Ningbo" + " " * 200 + "grew 5%." + " " * 200, size)


@shape("markdown")
def _markdown(size: int) -> str:
    return fill("## Ningbo\n\n* exports rose **5.2%** to [1.2 billion yuan](http://x.cn)\n"
                "* imports fell 3%\n\n> quote\n\n", size)


@shape("datelines and bylines")
def _bylines(size: int) -> str:
    return fill("HANGZHOU, March 3 (Xinhua) -- By Wang Li | chinadaily.com.cn | Updated: "
                "2024-03-01 10:00\n\nNingbo's exports rose 5 percent.\n\n", size)


# --- HTML ----------------------------------------------------------------------------------------

def page(body: str, head: str = "<title>Zhejiang trade</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@shape("HTML paragraphs")
def _html_p(size: int) -> str:
    return page("".join(f"<p>{p}</p>" for p in paragraphs(size).split("\n\n")))


@shape("HTML deep nesting")
def _html_deep(size: int) -> str:
    depth = size // 12
    return page("<div>" * depth + "<p>Ningbo's exports rose 5 percent.</p>" + "</div>" * depth)


@shape("HTML deep unclosed")
def _html_unclosed(size: int) -> str:
    return page(fill("<div><span>", size, head="", tail="<p>Ningbo grew 5%.</p>"))


@shape("HTML deep tables")
def _html_deep_tables(size: int) -> str:
    depth = size // 40
    return page("<table><tr><td>" * depth + "Ningbo grew 5%." + "</td></tr></table>" * depth)


@shape("HTML many siblings")
def _html_siblings(size: int) -> str:
    return page("<p>" + fill("<span>Ningbo</span> ", size, head="") + "</p>")


@shape("HTML table")
def _html_table(size: int) -> str:
    rows = fill("<tr><td>Ningbo</td><td>12.5%</td><td>3.4 billion yuan</td></tr>", size,
                head="")
    return page(f"<table><tr><th>City</th><th>Growth</th><th>Value</th></tr>{rows}</table>")


@shape("HTML list")
def _html_list(size: int) -> str:
    return page("<ul>" + fill("<li>Yiwu exports rose 3 percent in 2023", size, head="") +
                "</ul>")


@shape("HTML br lines")
def _html_br(size: int) -> str:
    return page("<div>" + fill("Ningbo grew 5%.<br>", size, head="") + "</div>")


@shape("HTML comments")
def _html_comments(size: int) -> str:
    return page(fill("<!-- x --><p>Ningbo grew 5%.</p>", size, head=""))


@shape("HTML big script")
def _html_script(size: int) -> str:
    return page("<script>" + fill("var a = 1; ", size, head="") + "</script><p>Ningbo grew 5%"
                ".</p>")


@shape("HTML entities")
def _html_entities(size: int) -> str:
    return page("<p>" + fill("&amp;&nbsp;&#8220;&#x4e2d;", size, head="") + "</p>")


@shape("HTML many attributes")
def _html_attributes(size: int) -> str:
    attributes = fill(' data-x="1"', size, head="")
    return page(f"<p {attributes}>Ningbo grew 5%.</p>")


@shape("HTML JSON-LD big")
def _html_json_ld(size: int) -> str:
    items = fill('{"name": "Wang Li"}, ', size, head="")
    ld = ('{"@type": "NewsArticle", "headline": "Ningbo trade", "datePublished": '
          f'"2024-03-01", "author": [{items}{{}}]}}')
    return page("<p>Ningbo grew 5%.</p>",
                head=f'<title>T</title><script type="application/ld+json">{ld}</script>')


@shape("HTML JSON-LD nested arrays")
def _html_json_ld_deep(size: int) -> str:
    depth = size // 2
    ld = '{"headline": ' + "[" * depth + "]" * depth + "}"
    return page("<p>Ningbo grew 5%.</p>",
                head=f'<script type="application/ld+json">{ld}</script>')


@shape("HTML tag soup")
def _html_soup(size: int) -> str:
    return fill("<p><b>Ningbo<i> exports</b> rose</i> 5%<td>x</tr><li>y</p></div>", size,
                head="<html><body>")


# --- figures -------------------------------------------------------------------------------------

@shape("long digit run")
def _digits(size: int) -> str:
    return fill("9", size, head="Zhejiang trade\n\nExports rose to ", tail=" billion yuan.")


@shape("digit runs with spaces")
def _digit_words(size: int) -> str:
    return fill("1234567 ", size)


@shape("comma-grouped number")
def _comma_number(size: int) -> str:
    return fill("123,", size, head="Zhejiang trade\n\nExports reached 1,", tail="000 yuan.")


@shape("long decimal")
def _long_decimal(size: int) -> str:
    return fill("1", size, head="Zhejiang trade\n\nExports rose 0.", tail=" percent.")


@shape("huge numbers + billion")
def _huge(size: int) -> str:
    return fill("Trade hit " + "9" * 1000 + " billion yuan. ", size)


@shape("1e-999999 percent")
def _tiny_exponent(size: int) -> str:
    return fill("Exports rose 1e-999999 percent. ", size)


@shape("many percentages")
def _percentages(size: int) -> str:
    return fill("Ningbo's exports rose 5.2 percent year on year. ", size)


@shape("percent signs")
def _percent_signs(size: int) -> str:
    return fill("5% ", size)


@shape("figures in one sentence")
def _one_sentence(size: int) -> str:
    return fill("and Yiwu grew 5% ", size, head="Zhejiang trade\n\nNingbo exports rose ")


@shape("money amounts")
def _money(size: int) -> str:
    return fill("Investment hit $1.2 billion (8.6 billion yuan) in Ningbo. ", size)


@shape("ranges")
def _ranges(size: int) -> str:
    return fill("Growth of 5-6 percent and 1.2 to 3.4 billion yuan. ", size)


@shape("respectively lists")
def _respectively(size: int) -> str:
    return fill("Exports and imports rose 3.1 and 4.2 percent, respectively. ", size)


@shape("one long respectively list")
def _respectively_long(size: int) -> str:
    count = max(2, size // 24)
    names = ", ".join(PLACES[n % len(PLACES)] for n in range(count))
    figures = ", ".join(f"{n % 90 + 1}.{n % 10}" for n in range(count))
    return f"Zhejiang trade\n\nExports from {names} rose {figures} percent, respectively."


@shape("described platform never named")
def _described(size: int) -> str:
    # "the port" stands for the last port named before it: here none is, among many
    # places (each figure's search for one went back through every mention).
    return fill("Ningbo exported 5 tonnes, while the port handled 3 tonnes. ", size)


@shape("described company among many places")
def _described_company(size: int) -> str:
    return fill("Ningbo and Yiwu exported 5 tonnes, and the company sold 3 tonnes. ", size)


@shape("figure tables in text")
def _text_table(size: int) -> str:
    return fill("| Ningbo | 2023 | 12.5% | 3.4 billion yuan |\n", size,
                head="Zhejiang trade\n\n| City | Year | Growth | Value |\n")


@shape("tab-separated rows")
def _tsv(size: int) -> str:
    return fill("Ningbo\t2023\t12.5\t3.4\n", size)


@shape("fullwidth digits")
def _fullwidth(size: int) -> str:
    return fill("宁波出口增长１２．５％，", size)


# --- names ---------------------------------------------------------------------------------------

@shape("capitalised chain")
def _caps(size: int) -> str:
    words = ("Zhejiang", "Ningbo", "International", "Trade", "Port", "Group", "Holdings")
    return fill(" ".join(words) + " ", size, tail="signed.")


@shape("credit after thin spaces")
def _credit_spaces(size: int) -> str:
    # White space the lines keep (thin spaces), then a bracket: the credit pattern's
    # leading \s* read the run again from each of its characters.
    return fill("\u2009", size, head="Zhejiang trade\n\nExports rose 5 percent",
                tail="(Xinhu.")


@shape("breadcrumb with thin spaces")
def _crumb_spaces(size: int) -> str:
    return fill("\u2009", size, head="Home > Business", tail="x\n\nExports rose 5 percent.")


@shape("Phase chain")
def _phase_chain(size: int) -> str:
    # "Phase One Stage Two" parts at a name's end were searched for from each part.
    return fill("Phase A ", size, tail="Zone signed.")


@shape("capitalised hyphen chain")
def _caps_hyphen(size: int) -> str:
    return fill("Ab-", size, tail="Ab signed.")


@shape("capitalised and chain")
def _caps_and(size: int) -> str:
    return fill("Ab and ", size, tail="Ab signed.")


@shape("place hyphen chain")
def _places_hyphen(size: int) -> str:
    return fill("Yiwu-", size, tail="Yiwu grew 5%.")


@shape("many place names")
def _places(size: int) -> str:
    return fill(" ".join(PLACES) + " ", size)


@shape("many abbreviations")
def _abbreviations(size: int) -> str:
    return fill("U.S. Mr. No. 5 e.g. Co. Ltd. Inc. Jan. Dr. St. ", size)


@shape("Co., Ltd. repeated")
def _co_ltd(size: int) -> str:
    return fill(" Co., Ltd.", size, head="Zhejiang trade\n\nX", tail=" signed.")


def _company_sentences(size: int, seed: int, sentence: str) -> str:
    """Sentences of ``sentence`` (a template with ``{name}``), each naming a company of
    three random syllables, to ``size`` characters."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        name = "".join(rng.choice("bcdfghjklmnprstwxz") + rng.choice("aeiou") for _ in range(3))
        parts.append(sentence.format(name=name.title()))
        total += len(parts[-1])
    return "Zhejiang trade\n\n" + "".join(parts)


@shape("many companies")
def _companies(size: int) -> str:
    return _company_sentences(size, 3, "Ningbo {name} Co., Ltd. signed a deal. ")


@shape("companies sharing their first word")
def _companies_one_word(size: int) -> str:
    return _company_sentences(size, 4, "Haixin {name} Co., Ltd. and Haixin signed a deal. ")


@shape("(ABC) repeated")
def _abc(size: int) -> str:
    return fill(" (ABC)", size, head="Zhejiang trade\n\nAlpha Beta Corp")


@shape("abbreviation defined and used")
def _abbreviation_uses(size: int) -> str:
    return fill("X Co., Ltd. (XCL) signed. ", size)


@shape("nested parentheses")
def _parentheses_nested(size: int) -> str:
    depth = size // 2
    return f"Zhejiang trade\n\n{'(' * depth}Ningbo grew 5%{')' * depth}."


@shape("many parentheses")
def _parentheses(size: int) -> str:
    return fill("(a) (Ningbo) (5%) ", size)


@shape("unbalanced parentheses")
def _parentheses_open(size: int) -> str:
    return fill("Ningbo (grew 5% ", size)


@shape("many quotes")
def _quotes(size: int) -> str:
    return fill('"We will open wider," said Wang Li, the mayor. ', size)


@shape("unbalanced quotes")
def _quotes_open(size: int) -> str:
    return fill('“Ningbo grew 5% "', size)


# --- dates ---------------------------------------------------------------------------------------

@shape("2025, runs")
def _years(size: int) -> str:
    return fill("2025, ", size)


@shape("2025, runs (no space)")
def _years_tight(size: int) -> str:
    return fill("2025,", size)


@shape("year-hyphen runs")
def _years_hyphen(size: int) -> str:
    return fill("2025-", size)


@shape("many dates")
def _dates(size: int) -> str:
    return fill("On March 3, 2024, Ningbo grew 5%. ", size)


@shape("many date ranges")
def _date_ranges(size: int) -> str:
    return fill("From January to August 2023, trade rose 3%. ", size)


@shape("many periods")
def _periods(size: int) -> str:
    return fill("In Q1 and H2 and the first quarter of 2023 and last year, ", size)


@shape("month names")
def _months(size: int) -> str:
    return fill(" ".join(MONTHS) + " ", size)


@shape("ISO timestamps")
def _timestamps(size: int) -> str:
    return fill("2024-03-01 10:00:00 ", size)


# --- punctuation ---------------------------------------------------------------------------------

@shape("hyphen run")
def _hyphens(size: int) -> str:
    return fill("-", size, tail=" Ningbo grew 5%.")


@shape("many hyphens")
def _hyphen_words(size: int) -> str:
    return fill("year-on-year, high-tech, cross-border e-commerce, ", size)


@shape("spaced dashes")
def _dashes(size: int) -> str:
    return fill(" - ", size, tail="Ningbo grew 5%.")


@shape("em dashes")
def _em_dashes(size: int) -> str:
    return fill("—", size, tail="Ningbo grew 5%.")


@shape("dot run")
def _dots(size: int) -> str:
    return fill(".", size, tail="Ningbo grew 5%.")


@shape("ellipses")
def _ellipses(size: int) -> str:
    return fill("Ningbo... ", size)


@shape("URLs")
def _urls(size: int) -> str:
    return fill("See https://www.zj.gov.cn/art/2024/3/1/art_1229.html?id=5&x=1 and "
                "www.ningbo.gov.cn. ", size)


@shape("e-mail addresses")
def _emails(size: int) -> str:
    return fill("press@zj.gov.cn, ", size)


@shape("backslashes and braces")
def _braces(size: int) -> str:
    return fill("{0} ${x} \\u0000 %s ", size)


# --- unicode -------------------------------------------------------------------------------------

@shape("Chinese text")
def _chinese(size: int) -> str:
    return fill("浙江省宁波市对外贸易增长百分之五。", size)


@shape("Chinese and English")
def _mixed(size: int) -> str:
    return fill("Ningbo (宁波) exports (出口) rose 5%. ", size)


@shape("emoji")
def _emoji(size: int) -> str:
    return fill("Ningbo 🚢 exports 📈 rose 5% 👍🏽 ", size)


@shape("emoji only")
def _emoji_only(size: int) -> str:
    return fill("😀", size)


@shape("right-to-left text")
def _rtl(size: int) -> str:
    return fill("שלום עולם السلام \u202e Ningbo \u202c ", size)


@shape("combining marks")
def _combining(size: int) -> str:
    return fill("\u0301", size, head="Zhejiang trade\n\ne", tail=" Ningbo grew 5%.")


@shape("zero-width characters")
def _zero_width(size: int) -> str:
    return fill("Ning\u200bbo\u200d gr\ufeffew 5\u2060%. ", size)


@shape("lone surrogates (str)")
def _surrogates(size: int) -> str:
    return fill("Ningbo\ud800 grew\udfff 5%. ", size)


@shape("form feeds and controls")
def _controls(size: int) -> str:
    return fill("Ningbo\x0c grew\x0b 5%.\x1b ", size)


@shape("line separators")
def _separators(size: int) -> str:
    return fill("Ningbo grew 5%.\u2028Yiwu fell 2%.\u2029", size)


@shape("ligatures and case")
def _ligatures(size: int) -> str:
    return fill("ﬁnance İstanbul Straße ﷺ ǅ ", size)


# --- bytes ---------------------------------------------------------------------------------------

@shape("bytes: GB18030")
def _gb18030(size: int) -> bytes:
    return fill("宁波 Ningbo exports rose 5 percent，出口增长。", size).encode("gb18030")


@shape("bytes: UTF-16")
def _utf16(size: int) -> bytes:
    return paragraphs(size // 2).encode("utf-16")


@shape("bytes: cp1252")
def _cp1252(size: int) -> bytes:
    return fill("“Ningbo’s exports rose 5 percent,” said Müller — a café owner. ", size
                ).encode("cp1252")


@shape("bytes: invalid UTF-8")
def _bad_utf8(size: int) -> bytes:
    return fill("Ningbo grew 5%. ", size).encode().replace(b"grew", b"gr\xffw")


# --- measuring -----------------------------------------------------------------------------------

def _child(name: str, size: int, repeats: int, out: Any) -> None:
    data = SHAPES[name](size)
    best = float("inf")
    error = ""
    for _ in range(repeats):
        start = time.perf_counter()
        try:
            zjopen.parse(data)
        except ZjopenError as exc:
            error = type(exc).__name__
        except Exception as exc:
            error = f"BUG {type(exc).__module__}.{type(exc).__qualname__}"
        best = min(best, time.perf_counter() - start)
        if best > 2:  # slow enough to be measured once
            break
    out.send((best, error, len(data if isinstance(data, bytes) else data.encode(
        "utf-8", "surrogatepass"))))


def measure(name: str, size: int, repeats: int, timeout: float) -> tuple[float | None, str, int]:
    """The best time of ``repeats`` parses of ``name`` at ``size`` in a child process
    (``None`` if it took over ``timeout``), what it raised, and the input's size."""
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(name, size, repeats, send), daemon=True)
    process.start()
    send.close()
    result: tuple[float | None, str, int] = (None, "timeout", 0)
    if receive.poll(timeout):
        try:
            result = receive.recv()
        except EOFError:
            result = (None, f"child died ({process.exitcode})", 0)
    process.kill()
    process.join()
    return result


def run_shapes(args: argparse.Namespace) -> int:
    names = [n for n in SHAPES if not args.only or any(o.lower() in n.lower()
                                                        for o in args.only)]
    small = int(args.kb * 1000)
    large = small * args.factor
    print(f"{len(names)} shapes at {args.kb:g} KB and {args.kb * args.factor:g} KB "
          f"(best of {args.repeats}; ratio over {args.limit:g} fails)\n")
    print(f"{'shape':34} {'small':>9} {'large':>9} {'ratio':>7}  note")
    failed: list[str] = []
    started = time.perf_counter()
    zjopen.parse(paragraphs(5000))  # load what the first parse loads, before forking
    for name in names:
        first, error1, _ = measure(name, small, args.repeats, args.timeout)
        second, error2, _ = (None, "skipped", 0)
        if first is not None:
            second, error2, _ = measure(name, large, max(1, args.repeats - 1), args.timeout)
        ratio = None if first is None or second is None else second / max(first, 1e-9)
        notes = sorted({e for e in (error1, error2) if e})
        bad = (ratio is None or (ratio > args.limit and second is not None and second > 0.05)
               or any(n.startswith(("BUG", "child")) for n in notes))
        if bad:
            failed.append(name)

        def show(t: float | None) -> str:
            return f"{t * 1000:7.1f}ms" if t is not None else f">{args.timeout:g}s"
        print(f"{name:34} {show(first):>9} {show(second):>9} "
              f"{'' if ratio is None else f'{ratio:6.1f}x':>7}  "
              f"{', '.join(notes)}{'  <-- FAIL' if bad else ''}", flush=True)
    print(f"\n{len(names)} shapes in {time.perf_counter() - started:.0f} s; "
          f"{len(failed)} failed: {', '.join(failed) or 'none'}")
    return 1 if failed else 0


# --- one big article -----------------------------------------------------------------------------

def _big(mb: float, out: Any) -> None:
    size = min(int(mb * 1024 * 1024), 16 * 1024 * 1024)
    text = paragraphs(size, seed=16)
    while len(text.encode()) > size:
        text = text[: text.rfind("\n\n")]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    article = zjopen.parse(text)
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    written = zjopen.dumps(article)
    dumped = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out.send({"bytes": len(text.encode()), "paragraphs": text.count("\n\n"), "parse": parsed,
              "dumps": dumped, "rss_before_kb": before, "rss_peak_kb": peak,
              "metrics": len(article.metrics), "regions": len(article.regions),
              "enterprises": len(article.enterprises), "json_bytes": len(written)})


def run_big(args: argparse.Namespace) -> int:
    ctx = mp.get_context("spawn")  # a fresh interpreter: its peak RSS is this article's
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_big, args=(args.mb, send))
    process.start()
    send.close()
    if not receive.poll(args.timeout * 10):
        process.kill()
        print(f"no result within {args.timeout * 10:g} s")
        return 1
    result = receive.recv()
    process.join()
    mb = result["bytes"] / 1024 / 1024
    print(f"one article of {result['bytes']:,} bytes ({mb:.1f} MiB, "
          f"{result['paragraphs']:,} distinct paragraphs)")
    print(f"parse: {result['parse']:.1f} s ({mb / result['parse']:.2f} MiB/s); "
          f"dumps: {result['dumps']:.1f} s ({result['json_bytes'] / 1e6:,.0f} MB of JSON)")
    print(f"records: {result['metrics']:,} metrics, {result['regions']:,} regions, "
          f"{result['enterprises']:,} enterprises")
    print(f"peak RSS of the child: {result['rss_peak_kb'] / 1024:,.0f} MiB "
          f"({result['rss_before_kb'] / 1024:,.0f} MiB with the text built, before parsing)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=float, default=20.0, help="the small size (KB)")
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--limit", type=float, default=15.0,
                        help="the largest time ratio allowed for --factor times the size")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before a parse counts as a hang")
    parser.add_argument("--only", nargs="*", help="shapes whose name holds one of these")
    parser.add_argument("--list", action="store_true", help="list the shapes")
    parser.add_argument("--mb", type=float, help="parse one article this big instead")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(SHAPES))
        return 0
    if args.mb:
        return run_big(args)
    return run_shapes(args)


if __name__ == "__main__":
    sys.exit(main())
