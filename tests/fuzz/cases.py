"""Fuzz inputs as plain data: a seed article, edits to its text, then (maybe) an encoding
and edits to the bytes.

A :class:`Case` holds only small integers, so Hypothesis can draw and shrink it and a
random number generator can draw millions of them; :func:`build` turns it into the
``str`` or ``bytes`` that is parsed. Every integer is taken modulo the size of what it
picks from, so any value is valid.

>>> build(Case(seed=0, edits=(Edit(INSERT, 0, TOKENS.index("2025, "), 1),)))
'2025, 2025, '
>>> build(Case(seed=0, edits=(Edit(DIGITS, 0, 1, 0),)))
'9 billion yuan'
>>> build(Case(seed=1, encoding=ENCODINGS.index("utf-16-le")))[:4]
b'N\\x00i\\x00'
"""

from __future__ import annotations

import html
import random
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
SEED_FOLDERS = (
    ROOT / "examples" / "articles",
    ROOT / "tests" / "fixtures" / "ingest",
    ROOT / "evaluation" / "articles",
)
"""Where the seed articles come from (``.txt`` and ``.html`` files)."""

TINY_SEEDS = (
    "",
    "Ningbo exports rose 5 percent.",
    "Zhejiang trade grows\n\nHANGZHOU, March 3 (Xinhua) -- Zhejiang's foreign trade rose "
    "12.5 percent year on year to 2.1 trillion yuan ($290 billion) in 2023.",
    "Yiwu market\n\nExports from Yiwu and Wenzhou grew 8.1 and 6.3 percent, respectively, "
    "in the first half of 2024, while imports fell 2 percent from a year earlier.",
    "<html><head><title>Ningbo port</title></head><body><article><p>Ningbo-Zhoushan Port "
    "handled 1.2 billion tonnes of cargo in 2022.</p></article></body></html>",
    "Geely Holding Group Co., Ltd. (Geely) signed a $1 billion deal at the China-CEEC Expo "
    "in Ningbo on June 8, 2023. The Zhejiang Free Trade Zone (FTZ) attracted 30 firms.",
)
"""Short hand-written seeds; the files of :data:`SEED_FOLDERS` follow them."""


@cache
def seeds() -> tuple[str, ...]:
    """Every seed as text: the tiny ones, then each file's bytes decoded as UTF-8 with
    ``surrogateescape`` (so legacy encodings survive: encoded back as UTF-8 they give the
    file's bytes again)."""
    files = sorted(
        path for folder in SEED_FOLDERS if folder.is_dir() for path in folder.iterdir()
        if path.suffix in {".txt", ".html"}
    )
    texts = [p.read_bytes().decode("utf-8", "surrogateescape") for p in files]
    return TINY_SEEDS + tuple(texts)


class Edit(NamedTuple):
    """One edit: ``op`` picks the kind; ``a`` is usually a position, ``b`` what to insert,
    ``c`` how many times (an index into :data:`COUNTS`)."""

    op: int
    a: int = 0
    b: int = 0
    c: int = 0


class Case(NamedTuple):
    """A seed (index into :func:`seeds`), a window of it (``None``: all of it), edits to
    the text, an encoding (index into :data:`ENCODINGS`; negative: the input stays a
    ``str``) and edits to the encoded bytes."""

    seed: int = 0
    window: tuple[int, int] | None = None
    edits: tuple[Edit, ...] = ()
    encoding: int = -1
    byte_edits: tuple[Edit, ...] = ()


COUNTS = (1, 2, 3, 5, 8, 13, 30, 100, 300, 1000, 3000, 10000)
"""How many times an edit repeats what it inserts (``c`` picks one)."""

TOKENS = (
    "Co., Ltd. ", " (ABC)", "2025, ", "-", " - ", "--", "—", "–", "Zhejiang ",
    "9" * 1000 + " billion", "1e-999999 percent", "1e999999 percent", " percent", "%",
    " respectively", ", respectively, ", " and ", ", ", ". ", ".", "...", " billion yuan",
    " million U.S. dollars", "$", "¥", "€", "U.S. ", "Jan. ", "Mr. ", "No. ", "e.g. ",
    "Q1 ", "H1 2023 ", "January-August ", "from 2019 to 2023 ", "2019-2023 ", "2023/24 ",
    "https://www.example.com/a?b=1&c=2 ", "www.zj.gov.cn ", '"', "“", "”", "'", "’s ",
    "(", ")", "[", "]", "{", "}", "<", ">", "&amp;", "&#0;", "&#xD800;", "&#1114112;",
    "&nbsp;", "\n", "\n\n", "\r", "\r\n", "\t", "\u2028", "\u2029", "\x0c", "\x00",
    "\ufeff", "\u200b", "\u200d", "\u202e", "\u200f", "\u0301", "\u0308\u0301",
    "浙江省宁波市", "义乌", "中华人民共和国 ", "שלום ", "السلام ", "😀", "👩‍👩‍👧",
    "\U0001f1e8\U0001f1f3", "１２３４５", "٣٤٥", "Ⅻ", "½", "²", "\ud800", "\udfff",
    "\ud83d", "Yiwu-", "Ningbo-Zhoushan ", "Hangzhou, Zhejiang, ", "year on year ",
    "exports rose 12.5 percent to 1.2 trillion yuan. ", "up 3.4 and 5.6 percent "
    "respectively. ", "<div>", "</div>", "<p>", "</p>", "<br>", "<table><tr><td>1</td>"
    "</tr></table>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml ",
    "By ", "Xinhua ", " (Xinhua) -- ", "Source: ", "Editor: ", "Updated: 2024-03-01 10:00 ",
    "Belt and Road ", "Free Trade Zone ", "Group ", "Holdings ", "International ",
    "the first quarter ", "last year ", "this year ", "Monday ", "a year earlier ",
    "ß", "İ", "ﬁ", "ﷺ", "ǅ", "\ufffd", "\uffff", "\U0010ffff", "\U000e0001", "\x85",
    "\x1b[31m", "\x7f", "\\", "\\u0000", "%s%n", "{0}", "${x}", "'; DROP TABLE--",
    "=HYPERLINK(1)", "+1", "@SUM(1)", "\t=1", "\r=1", "'=x", "''+y",
)
"""What :data:`INSERT` repeats: the pathological tokens of the hostile-input issue and
pieces of ordinary news."""

UNICODE = (
    "浙", "\u3000", "\u202e", "\u202d", "\u200f", "\u05d0", "\u0627", "\u0301", "\u0308",
    "\u20dd", "\u200b", "\u200d", "\ufeff", "\ud800", "\udfff", "\udc80", "\x00", "\x01",
    "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\x0c", "\x0b", "😀", "👍🏽",
    "\U000e0041", "５", "٥", "²", "½", "Ⅻ", "ﬁ", "İ", "ß", "ǅ", "\ufffd", "\uffff",
    "\U0010ffff", "ﷺ", "㍻", "\u00a0", "\u2009", "\u00ad", "\u2060", "\ufe0f", "̸",
)
"""What :data:`SPRINKLE` scatters: CJK, right-to-left, combining marks, lone surrogates,
NUL and other controls, emoji, digits of other scripts, characters whose case or NFKC
form has another length."""

NUMBERS = (
    "9" * 1001, "1e-999999", "1e999999", "0", "-0", "00000000000000000001",
    "1,000,000,000,000,000,000,000,000", "3.14.15", "1..2", "１２３", "٣٤٥", "NaN",
    "Infinity", "½", "1/0", "0.0000000000000000000000000000001", "12,34", "1,2345",
    "9" * 50, "4e4", "0x1F", "1_000", "-", "9" * 4301, "1" + "0" * 400, "0." + "0" * 400 + "1",
    "1,", ".5", "5.", "-.5", "1e", "e5", "2e-5", "10^9", "1.5k", "2,5", "3 1/2",
)
"""What :data:`NUMBER` puts in place of a figure."""

CHAIN_WORDS = (
    "Zhejiang", "Ningbo", "Hangzhou", "Yiwu", "Wenzhou", "Group", "Holdings", "Co.", "Ltd.",
    "International", "Trade", "Port", "Free", "Zone", "Ab", "China", "Belt", "Road",
    "Initiative", "Expo", "Park", "Development", "Area", "Company", "Bank", "of", "the",
    "Mr.", "Dr.", "U.S.", "EU", "RCEP", "ASEAN", "Zhoushan", "Jiaxing", "Geely", "Alibaba",
    "New", "Economic", "Technological", "Pilot", "Comprehensive", "Bonded", "Logistics",
)
JOINERS = (" ", "-", " and ", ", ", " & ", "/", " of ", "'s ", "–", "—", "·", "\n", "")
"""Capitalised chains (:data:`CHAIN`): words and what joins them."""

SENTENCES = (
    "Exports from {p} rose {n}.{m} percent year on year to {n}{m} billion yuan in {y}. ",
    "In the first {q} months of {y}, {p}'s imports and exports reached {n}.{m} trillion "
    "yuan, up {m} and {n} percent, respectively. ",
    "{P} Co., Ltd. ({A}) invested ${n}{m} million in a plant in {p} on March {m}, {y}. ",
    "The {P} Free Trade Zone handled {n},{m}00 containers, {m} percent more than in {y}. ",
    "Foreign direct investment in {p} hit US${n}.{m} billion from January to {M} {y}. ",
    "\"We will open wider,\" said {P}, mayor of {p}, adding that {n} projects were signed. ",
    "{p} ranked No. {n} nationwide, with trade worth {n}{m}{m} million yuan ($1.{m} billion). ",
    "The share of RCEP markets grew to {n}{m}% from {m}% a year earlier. ",
)
PLACES = ("Ningbo", "Hangzhou", "Yiwu", "Wenzhou", "Jiaxing", "Huzhou", "Shaoxing", "Jinhua",
          "Quzhou", "Zhoushan", "Taizhou", "Lishui", "Zhejiang", "Keqiao", "Cixi", "Beilun")
PEOPLE = ("Wang", "Zhang", "Li Qiang", "Chen Hua", "Liu", "Xu", "Zhou Ming", "Sun", "Hu")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SOUP = (
    *PLACES, *MONTHS, *PEOPLE, "percent", "%", "billion", "million", "trillion", "yuan",
    "dollars", "$", "US$", "RMB", "tonnes", "TEUs", "containers", "rose", "fell", "up",
    "down", "to", "from", "by", "in", "of", "the", "and", "respectively", "year", "on",
    "year-on-year", "first", "half", "quarter", "Q1", "H2", "2019", "2023", "2025", "1.5",
    "12", "300", "4,500", "0.8", "-", "(", ")", ",", ".", "Co.,", "Ltd.", "Group", "Port",
    "Zone", "Expo", "Initiative", "exports", "imports", "trade", "investment", "FDI",
    "compared", "with", "than", "over", "about", "nearly", "more", "less", "which", "was",
    "last", "this", "next", "previous", "same", "period", "accounting", "for", "share",
)
"""Words that :data:`SOUP` strings together: the vocabulary of trade news."""

NEST_TAGS = ("div", "span", "p", "table", "b", "li", "ul", "section", "td", "a", "font",
             "article", "blockquote", "h1", "pre", "script", "noscript", "svg", "math")

LD_VALUES = (
    '{"@type":"NewsArticle","headline":"Ningbo trade","datePublished":"2024-03-01"}',
    '{"datePublished": 20240301}',
    '{"datePublished": "2024-02-30"}',
    '{"datePublished": "0000-00-00T99:99:99Z"}',
    '{"datePublished": "-999999-01-01"}',
    '{"datePublished": "99999999999999999999"}',
    '{"datePublished": ["2024-03-01", null]}',
    '{"datePublished": {"@value": "2024-03-01"}}',
    '{"datePublished": 1e999}',
    '{"datePublished": NaN, "headline": Infinity}',
    '{"headline": ' + "[" * 1000 + "]" * 1000 + "}",
    '{"headline": "\\ud800", "datePublished": "2024-03-01"}',
    '{"author": [{"name": null}, 7, [[["x"]]], {"name": {"name": "x"}}]}',
    '{"@graph": [{"@type": "NewsArticle", "datePublished": "2023-13-45"}]}',
    '[{"@type": "NewsArticle"}, 1, "x", null]',
    '{"headline": "' + "A" * 10000 + '"}',
    '{"n": ' + "9" * 5000 + "}",
    "{oops",
    "",
    '{"dateModified": "yesterday", "datePublished": "last year"}',
    '{"datePublished": "2024-03-01T10:00:00+99:99"}',
    '{"headline": "\\u0000\\u202e", "author": "\\u0000"}',
    '{"@type": ["NewsArticle", {"x": 1}], "headline": {"@value": 1}}',
    '{"datePublished": true, "publisher": {"name": 12}}',
    '"just a string"',
    '{"a":' * 200 + "1" + "}" * 200,
    '{"datePublished": "2024-03-01", "datePublished": "1999-01-01"}',
    '{"datePublished": "' + "2" * 5000 + '"}',
    '{"datePublished": "10000-01-01"}',
    '{"datePublished": "2024-03-01</script><script>"}',
)
"""JSON-LD blocks with odd values, for :data:`WRAP`."""

WRAPS = (
    '<html><head><title>{title}</title><script type="application/ld+json">{ld}</script>'
    "</head><body><article>{body}</article></body></html>",
    '<!DOCTYPE html><html><head><meta property="og:title" content="{title}">'
    '<meta name="pubdate" content="{ld}"></head><body><h1>{title}</h1>{body}</body></html>',
    "<h1>{title}</h1>{body}",
    '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
    '<body><div class="content">{body}</div></body></html>',
    "<html><body><table>{rows}</table></body></html>",
    "<html><body><pre>{raw}</pre></body></html>",
    '<html><head><meta charset="gb2312"><title>{title}</title></head><body>{body}</body>'
    "</html>",
    "<html><body><script>{raw}</script><style>{raw}</style><p>{title}</p></body></html>",
    "<html><body><!--{raw}--><p>{title}</p>{body}</body></html>",
    "<p>{raw}",
    '<html><head><script type="application/ld+json">{ld}</script><script type="application/'
    'ld+json">{ld}</script></head><body>{body}{body}</body></html>',
    "<html><body>{ul}</body></html>",
)
"""HTML pages to put the text in (:data:`WRAP`)."""

ENCODINGS = (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "gbk",
    "big5", "shift_jis", "cp1252", "latin-1", "koi8-r", "euc-kr", "ascii", "cp437",
)
"""What the text may be encoded as (UTF-8 keeps lone surrogates, other encodings replace
what they cannot encode)."""

BYTE_TOKENS = (
    b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x89PNG\r\n\x1a\n", b"\x1f\x8b\x08",
    b"%PDF-1.4\n", b"PK\x03\x04", b"\x80", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80", b"\xc0\xaf", b'<meta charset="gb2312">', b'<meta charset="utf-16">',
    b'<?xml version="1.0" encoding="utf-16"?>', b"\r", b"\xff\xd8\xff", b"GIF89a", b"\x7fELF",
    b"\x00\x00\xfe\xff", b"\xa1\xa1", b"\x81\x30\x81\x30", b"\x93\x94", b"\x1b$B",
)
"""Bytes :data:`BYTES` inserts: NULs, byte-order marks, file signatures, bytes that are
not UTF-8, charset declarations."""

# Text edits.
INSERT, DIGITS, DELETE, DUPLICATE, NEST, WRAP, CHAIN, SPLICE, CASE, SPACES, SPRINKLE, \
    TRUNCATE, NUMBER, SENTENCE, SOUP_OP = range(15)
TEXT_OPS = 15
# Byte edits.
FLIP, BYTES, CUT, RANDOM_BYTES, SET_BYTE = range(5)
BYTE_OPS = 5

_NUMBER = re.compile(r"[0-9][0-9,.]*")
_SPACES = (" ", "\u00a0", "\u3000", "\t", "", "  ", "\u2009", "\n")
_NEWLINES = ("\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x0c", " ", "<br>", "\n" * 50)


def _count(c: int) -> int:
    return COUNTS[c % len(COUNTS)]


def _pos(text: str | bytes, a: int) -> int:
    return a % (len(text) + 1)


def _digits(style: int, n: int) -> str:
    run = "".join("1234567890"[i % 10] for i in range(n))
    return (
        "9" * n,
        "9" * n + " billion yuan",
        "0." + "0" * n + "1 percent",
        ",".join(["123"] * n),
        "1" + "0" * n + " percent",
        run + "%",
        "$" + "9" * n + " million",
        "1e-" + "9" * n + " percent",
        "-" + "9" * n,
        "9." * n,
        "1" + ".0" * n,
        run,
    )[style % 12]


def wrap_html(text: str, b: int, c: int) -> str:
    title, _, rest = text.partition("\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", rest or text) if p.strip()] or [""]
    escaped = (b // len(WRAPS)) % 2 == 0
    esc = html.escape if escaped else (lambda s: s)
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    rows = "".join(f"<tr><td>{esc(p)}</td><td>{n}</td></tr>" for n, p in enumerate(paragraphs))
    ul = "<ul>" + "".join(f"<li>{esc(p)}" for p in paragraphs) + "</ul>"
    template = WRAPS[b % len(WRAPS)]
    return (template.replace("{ld}", LD_VALUES[c % len(LD_VALUES)])
            .replace("{title}", esc(title)).replace("{body}", body).replace("{rows}", rows)
            .replace("{raw}", text).replace("{ul}", ul))


def _sentences(b: int, n: int) -> str:
    rng = random.Random(b)
    out = []
    for _ in range(n):
        template = rng.choice(SENTENCES)
        out.append(template.format(
            p=rng.choice(PLACES), P=rng.choice(PLACES + PEOPLE), A="".join(
                rng.choice("ABCDEFGHJKLMNPRSTZ") for _ in range(rng.randint(2, 5))),
            n=rng.randint(1, 99), m=rng.randint(0, 9), y=rng.randint(1990, 2030),
            q=rng.choice(("two", "three", "four", "nine", "11")), M=rng.choice(MONTHS)))
    return "".join(out)


def _soup(b: int, n: int) -> str:
    rng = random.Random(b)
    return " ".join(rng.choice(SOUP) for _ in range(n))


def apply_edit(text: str, edit: Edit) -> str:
    """``text`` with one edit made."""
    op, a, b, c = edit.op % TEXT_OPS, edit.a, edit.b, edit.c
    at = _pos(text, a)
    if op == INSERT:
        return text[:at] + TOKENS[b % len(TOKENS)] * _count(c) + text[at:]
    if op == DIGITS:
        return text[:at] + _digits(b, _count(c)) + text[at:]
    if op == DELETE:
        return text[:at] + text[at + _count(c) * (1 + b % 10):]
    if op == DUPLICATE:
        piece = text[at:at + _count(c) * 10]
        to = _pos(text, b)
        return text[:to] + piece * (1 + b % 3) + text[to:]
    if op == NEST:
        tag = NEST_TAGS[b % len(NEST_TAGS)]
        depth = _count(c)
        closes = f"</{tag}>" * depth if b // len(NEST_TAGS) % 2 == 0 else ""
        return text[:at] + f"<{tag}>" * depth + "Ningbo exports rose 5%." + closes + text[at:]
    if op == WRAP:
        return wrap_html(text, b, c)
    if op == CHAIN:
        joiner = JOINERS[b % len(JOINERS)]
        words = [CHAIN_WORDS[(b + i * (1 + c // len(COUNTS))) % len(CHAIN_WORDS)]
                 for i in range(_count(c))]
        return text[:at] + joiner.join(words) + " " + text[at:]
    if op == SPLICE:
        other = seeds()[b % len(seeds())]
        start = _pos(other, c * 37)
        return text[:at] + other[start:start + 50 * (1 + c % 40)] + text[at:]
    if op == CASE:
        end = at + _count(c) * 10
        change = (str.upper, str.lower, str.title, str.swapcase, str.casefold)[b % 5]
        return text[:at] + change(text[at:end]) + text[end:]
    if op == SPACES:
        if c % 2 == 0:
            return text.replace(" ", _SPACES[b % len(_SPACES)])
        return text.replace("\n", _NEWLINES[b % len(_NEWLINES)])
    if op == SPRINKLE:
        char = UNICODE[b % len(UNICODE)]
        n = _count(c)
        step = max(1, len(text) // n)
        pieces = [text[i:i + step] for i in range(0, len(text), step)] or [""]
        start = a % len(pieces)
        return "".join(p + char if i >= start else p for i, p in enumerate(pieces))
    if op == TRUNCATE:
        return text[:at]
    if op == NUMBER:
        found = list(_NUMBER.finditer(text))
        if not found:
            return text + " " + NUMBERS[b % len(NUMBERS)] + " percent"
        hit = found[a % len(found)]
        return text[:hit.start()] + NUMBERS[b % len(NUMBERS)] + text[hit.end():]
    if op == SENTENCE:
        return text[:at] + _sentences(b, _count(c)) + text[at:]
    return text[:at] + _soup(b, _count(c)) + " " + text[at:]


def apply_byte_edit(data: bytes, edit: Edit) -> bytes:
    """``data`` with one edit made."""
    op, a, b, c = edit.op % BYTE_OPS, edit.a, edit.b, edit.c
    at = _pos(data, a)
    if op == FLIP:
        if not data:
            return data
        at %= len(data)
        return data[:at] + bytes([data[at] ^ (1 << (b % 8))]) + data[at + 1:]
    if op == BYTES:
        return data[:at] + BYTE_TOKENS[b % len(BYTE_TOKENS)] * _count(c) + data[at:]
    if op == CUT:
        return data[:at] + data[at + _count(c):]
    if op == RANDOM_BYTES:
        return data[:at] + random.Random(b).randbytes(_count(c)) + data[at:]
    if not data:
        return data
    at %= len(data)
    return data[:at] + bytes([b % 256]) + data[at + 1:]


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; UTF-8 keeps lone surrogates (escaped bytes as the bytes
    they were, others as their three-byte form), other encodings replace what they
    cannot encode."""
    if encoding == "utf-8":
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, "replace")


def build(case: Case, max_chars: int = 60_000) -> str | bytes:
    """The input ``case`` describes, cut to ``max_chars`` characters (bytes) after each
    edit."""
    all_seeds = seeds()
    text = all_seeds[case.seed % len(all_seeds)]
    if case.window is not None:
        start = _pos(text, case.window[0])
        text = text[start:start + max(1, case.window[1])]
    for edit in case.edits:
        text = apply_edit(text, edit)[:max_chars]
    if case.encoding < 0:
        return text
    data = encode(text, ENCODINGS[case.encoding % len(ENCODINGS)])
    for edit in case.byte_edits:
        data = apply_byte_edit(data, edit)[:max_chars]
    return data


def _small_count(rng: random.Random) -> int:
    """An index into :data:`COUNTS`, mostly small (1 to 13), now and then thousands."""
    index = min(int(rng.expovariate(0.45)), len(COUNTS) - 1)
    return index + len(COUNTS) * rng.randrange(64)


def random_edit(rng: random.Random, ops: int) -> Edit:
    return Edit(rng.randrange(ops), rng.randrange(1 << 20), rng.randrange(1 << 16),
                _small_count(rng))


def random_case(rng: random.Random) -> Case:
    """A case drawn at random: mostly a window of a seed (85%: a whole seed is slow to
    parse) with one to a few edits, a quarter encoded to bytes (half of those with byte
    edits)."""
    all_seeds = seeds()
    seed = rng.randrange(len(all_seeds))
    window = None
    if rng.random() < 0.85:
        window = (rng.randrange(1 << 16), rng.choice((40, 100, 200, 300, 500, 800, 2000)))
    edits = tuple(random_edit(rng, TEXT_OPS) for _ in range(min(1 + int(rng.expovariate(0.7)),
                                                                  8)))
    encoding = -1
    byte_edits: tuple[Edit, ...] = ()
    if rng.random() < 0.25:
        encoding = rng.randrange(len(ENCODINGS)) if rng.random() < 0.6 else 0
        if rng.random() < 0.5:
            byte_edits = tuple(random_edit(rng, BYTE_OPS) for _ in range(rng.randint(1, 4)))
    return Case(seed, window, edits, encoding, byte_edits)
