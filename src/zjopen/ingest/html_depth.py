"""Markup nested deeper than any real page, flattened before the HTML parser sees it.

Lexbor (selectolax's parser) takes time growing with the square of the nesting depth:
200 KB of ``<div>`` opened 16,000 deep takes 50 times as long as 20 KB of it, and
unclosed ``<div><span>`` pairs the same. :func:`cap_depth` is a linear pre-pass that
follows the tags (an approximation of the HTML tree builder: void elements, raw-text
elements and comments, elements whose end tag may be left out) and drops every start
tag that would open an element more than ``limit`` deep, with its end tag; a dropped
block-level tag becomes a ``<br>`` so its text stays on a line of its own. Real pages
nest a few dozen deep (browsers themselves flatten past 512), so ordinary pages come
back unchanged, as the same string.

>>> html = "<body>" + "<div>" * 6 + "<p>Ningbo grew.</p>" + "</div>" * 6 + "</body>"
>>> cap_depth(html, limit=4)
'<body><div><div><div><br>Ningbo grew.<br></div></div></div></body>'
>>> cap_depth(html) is html
True
"""

from __future__ import annotations

import re

from zjopen.lexicon.patterns import lazy_compile

MAX_DEPTH = 256
"""How deep elements may nest; deeper start tags (and their end tags) are dropped."""

# A start or end tag's name, or the opening of a comment, a doctype or a processing
# instruction. Each is a bounded match, so finding them all is linear.
_TAG = lazy_compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9:-]{0,40})|!|\?)")
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split())
# Elements whose content is text up to their own end tag: markup in them is not markup.
_RAW = frozenset("script style textarea title xmp iframe noembed noframes noscript".split())
_RAW_END = {name: lazy_compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW}
# Elements whose end tag may be left out: another of them closes the open one.
_OPTIONAL_END = frozenset(
    "p li dt dd tr td th option optgroup rb rt rtc rp thead tbody tfoot colgroup".split())
# Start tags that end a line of text; the others (inline) are dropped without a trace.
_BLOCK = frozenset(
    "address article aside blockquote dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td "
    "tfoot th thead tr ul".split())


def cap_depth(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with elements nested deeper than ``limit`` flattened (see the module).

    Returns ``html`` itself when nothing nests that deep.
    """
    if html.count("<") <= limit:  # fewer tags than the limit: nothing can nest that deep
        return html
    stack: list[str] = []
    open_count: dict[str, int] = {}  # how many of each name are on the stack
    dropped: dict[str, int] = {}  # start tags dropped, by name, whose end tag is still due
    pieces: list[str] = []
    last = 0  # html[last:] is not yet copied to pieces
    pos = 0
    search = _TAG.search
    find = html.find
    while True:
        match = search(html, pos)
        if match is None:
            break
        name = match.group(2)
        if name is None:  # <!-- comment -->, <!doctype>, <?pi?>
            if html.startswith("<!--", match.start()):
                end = find("-->", match.end())
                if end < 0:
                    break
                pos = end + 3
            else:
                end = find(">", match.end())
                if end < 0:
                    break
                pos = end + 1
            continue
        gt = find(">", match.end())
        if gt < 0:
            break
        name = name.lower()
        pos = gt + 1
        if match.group(1):  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                _drop(html, pieces, last, match.start(), name)
                last = pos
            elif open_count.get(name):
                while stack:  # close it and everything opened inside it
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _RAW:
            end_match = _RAW_END[name].search(html, pos)
            if end_match is None:
                break  # the rest of the page is that element's text
            pos = end_match.end()
            continue
        if name in _VOID:  # ("<div/>" opens a div in HTML: the slash is not trusted)
            continue
        if name in _OPTIONAL_END and stack and stack[-1] == name:
            stack.pop()  # <li>a<li>b: the second closes the first
            open_count[name] -= 1
        if len(stack) >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            _drop(html, pieces, last, match.start(), name)
            last = pos
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
    if last == 0:
        return html
    pieces.append(html[last:])
    return "".join(pieces)


def _drop(html: str, pieces: list[str], last: int, start: int, name: str) -> None:
    """Copy ``html[last:start]`` and put a line break for the dropped tag ``name`` if it
    is a block and a line of text comes before it (one break per run of dropped tags)."""
    between = html[last:start]
    if between:
        pieces.append(between)
    if name in _BLOCK and (between.strip() or not pieces or pieces[-1] != "<br>"):
        pieces.append("<br>")
