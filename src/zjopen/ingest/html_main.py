"""Which part of a page is the story: content scoring by text and link density.

The page's elements are read once into flat arrays (:class:`Outline`: tag, parent,
children, text length, link-text length, commas, paragraph and image counts, and the
class/id hint of :mod:`zjopen.ingest.html_hints`), children summed into parents in one
backward sweep, so every step below is linear in the page whatever its depth. Then:

1. Furniture goes: ``nav``, ``aside``, ``footer``, ``menu``, a page ``header`` (not one
   holding the ``h1``), a form, a hidden element, and any element whose class or id names
   furniture ("share-bar", "related", "comments"; a weak word such as "ad" only when the
   block holds little prose) -- each only while it is small next to the page (its text
   other than links under :data:`FRAME_SHARE` of the page's), so a wrapper that holds
   the story is never dropped because of one word in its class.
2. The story's container: an element marked ``itemprop="articleBody"`` when there is one
   with text; else the readability score -- each paragraph (``p``, ``pre``, ``td``, a
   ``div`` of text with no blocks inside, or a block's own text beside its blocks) that
   is not mostly a link scores 1, plus one per comma, plus one per 100 characters,
   credited to its parent in full, its grandparent by half and three more ancestors by
   less (never to ``<body>``); every container starts with its hint (+/-25) and tag
   weight, and ends multiplied by one minus its link density, by 0.3 if it lists other
   stories (three or more same-class children with links), and by half inside kept
   furniture (paragraphs there count half too). The best container wins; the element
   holding three of the five best, or a parent scoring higher, takes over.
3. The container widens to its highest ancestor of clean prose holding a third more
   (:data:`WIDEN_PROSE`: a story set in sibling sections); paragraphs and a subtitle
   between the ``h1`` and the container are its lead; siblings that score well, or
   are paragraphs of plain text, join it.
4. Inside, blocks that are mostly links (lists of other stories), "Read more: ..."
   pointers, bars and paragraphs of links only, headings and blocks named as furniture,
   headings whose section went, forms and image galleries go, each again only while
   small next to the story (:data:`STORY_SHARE`). Photo captions (``figcaption``) stay
   unless they are only a credit: in news about Zhejiang they name the firms and fairs
   pictured (dropping them all gains 2 of 609 snippets on trafilatura's pages and loses
   enterprise and platform mentions in ``evaluation/``).

>>> from selectolax.lexbor import LexborHTMLParser
>>> tree = LexborHTMLParser('''<body><nav><a href=/>Home</a> <a href=/n>News</a></nav>
... <div class=story><h1>Yiwu grows</h1><p>Trade rose 5%, officials said, and more.</p>
... <p>Exports rose, imports fell, and the market grew again this year.</p>
... <ul class=related><li><a href=/a>Ningbo port grows</a></li></ul></div>
... <div class=footer>Copyright 2024</div></body>''')
>>> story = find_story(tree)
>>> for line in story.lines: print(line)
Yiwu grows
Trade rose 5%, officials said, and more.
Exports rose, imports fell, and the market grew again this year.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from zjopen.ingest.html_hints import hint

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

# Never text: code, media, form controls, the head.
JUNK = frozenset(
    "script style noscript template iframe svg button select textarea object embed head "
    "title meta link input canvas video audio map picture source math option datalist "
    "dialog frame frameset applet".split())
# Page frame: dropped while small next to the page.
_FRAME = frozenset("nav aside footer menu form".split())
# Tags that end a line.
BLOCK = frozenset(
    "address article aside blockquote br caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main "
    "menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Readability's tag weights for a container.
_TAG_WEIGHT = {"div": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3,
               "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5,
               "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
# A paragraph scores when it is a <p>, <pre> or <td>, or any other element with text of
# its own and no block inside it ("<div>text<br>text</div>").
_PARAGRAPH = frozenset("p pre td".split())
_TEXT_HOLDER = frozenset("div section article span font center li dd blockquote".split())
# Blocks cleaned when mostly links or images (readability's "clean conditionally").
_CONDITIONAL = frozenset("div section ul ol dl table form fieldset aside header".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
MARK = "\x1e"
_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")

FRAME_SHARE = 0.3
"""A frame element or furniture-hinted block goes only while its text other than links
is under this share of the page's (before the story is found)."""
STORY_SHARE = 0.4
"""Inside the story, a block goes only while its text other than links is under this
share of the story's."""


@attrs.define
class Story:
    """The story's lines, the page's lines (furniture dropped) and the container."""

    lines: list[str]
    page_lines: list[str]
    container: LexborNode | None
    article: LexborNode | None = None
    """The ``<article>`` holding the container, if one does."""


@lru_cache(maxsize=4096)
def _hint(klass: str, ident: str) -> int:
    """:func:`~zjopen.ingest.html_hints.hint` of a class and an id (pages repeat them)."""
    return hint(klass, ident)


class Outline:
    """The elements of a page's ``<body>`` in document order, as flat arrays."""

    def __init__(self, root: LexborNode) -> None:
        self.nodes: list[LexborNode] = []
        self.tag: list[str] = []
        self.parent: list[int] = []
        self.kids: list[list[int | str]] = []
        self.hint: list[int] = []
        self.klass: list[str] = []
        self.text: list[int] = []  # characters of text, white space runs counted once
        self.links: list[int] = []  # of which inside <a>
        self.commas: list[int] = []
        self.paragraphs: list[int] = []  # <p> inside
        self.images: list[int] = []
        self.items: list[int] = []  # <li> inside
        self.headlines: list[int] = []  # <h1> inside
        self.inputs: list[int] = []
        self.prose: list[int] = []  # text in paragraphs that are not mostly links
        self.blocks: list[bool] = []  # has a block-level child
        self.hidden: list[bool] = []
        self.item_body: list[bool] = []  # itemprop="articleBody"
        self._read(root)
        self._sum()

    def _read(self, root: LexborNode) -> None:
        """The elements in document order, with their own text (children not yet summed)."""
        nodes, tags, parents, kids = self.nodes, self.tag, self.parent, self.kids
        klasses, text, commas = self.klass, self.text, self.commas
        idents: list[str] = []
        hidden, item_body = self.hidden, self.item_body
        stack: list[tuple[LexborNode, int]] = [(root, -1)]
        pop, push = stack.pop, stack.append
        while stack:
            node, parent = pop()
            if node.is_text_node:
                value = node.text_content or ""
                if parent >= 0 and value:
                    kids[parent].append(value)
                    stripped = value.strip()
                    if stripped:
                        text[parent] += len(stripped) + 1
                        if "," in stripped or "，" in stripped:
                            commas[parent] += stripped.count(",") + stripped.count("，")
                continue
            if not node.is_element_node:
                continue
            tag = node.tag or ""
            if tag in JUNK:
                continue
            index = len(tags)
            attributes = node.attributes
            nodes.append(node)
            tags.append(tag)
            parents.append(parent)
            kids.append([])
            klasses.append(attributes.get("class") or "")
            idents.append(attributes.get("id") or "")
            text.append(0)
            commas.append(0)
            style = attributes.get("style")
            hidden.append(
                "hidden" in attributes
                or (style is not None and bool(_HIDDEN_STYLE.search(style)))
                or attributes.get("aria-hidden") == "true")
            item_body.append(attributes.get("itemprop") == "articleBody")
            if parent >= 0:
                kids[parent].append(index)
            child = node.last_child
            while child is not None:
                push((child, index))
                child = child.prev
        size = len(tags)
        self.hint = [_hint(klass, ident) if klass or ident else 0
                     for klass, ident in zip(klasses, idents, strict=True)]
        self.links = [0] * size
        self.paragraphs = [int(tag == "p") for tag in tags]
        self.images = [int(tag == "img") for tag in tags]
        self.items = [int(tag == "li") for tag in tags]
        self.headlines = [int(tag == "h1") for tag in tags]
        self.inputs = [int(tag == "input") for tag in tags]
        self.prose = [0] * size
        self.blocks = [False] * size
        for index in range(1, size):
            if tags[index] in BLOCK and tags[index] != "br":
                self.blocks[parents[index]] = True

    def _sum(self) -> None:
        """Children into parents: in document order a child comes after its parent."""
        self.own = list(self.text)  # text of its own, not in child elements
        self.own_commas = list(self.commas)
        text, links, parent, prose = self.text, self.links, self.parent, self.prose
        counts = (self.commas, self.paragraphs, self.images, self.items, self.inputs, prose,
                  self.headlines)
        for index in range(len(self.tag) - 1, -1, -1):
            if self.tag[index] == "a":
                links[index] = text[index]
            elif not prose[index] and self.is_paragraph(index) and links[index] * 2 < text[index]:
                prose[index] = text[index] - links[index]
            elif self.own[index] >= 25:
                prose[index] += self.own[index]
            up = parent[index]
            if up >= 0:
                text[up] += text[index]
                links[up] += links[index]
                for count in counts:
                    count[up] += count[index]

    def is_paragraph(self, index: int) -> bool:
        """A ``p``, ``pre`` or ``td``, or an element with text and no block inside."""
        name = self.tag[index]
        return name in _PARAGRAPH or (name in _TEXT_HOLDER and not self.blocks[index])

    def prose_poor(self, index: int) -> bool:
        """Whether under half the element's text (links aside) is in paragraphs."""
        return self.prose[index] * 2 < self.words(index)

    def slight(self, index: int) -> bool:
        """Little text (under 100 characters besides links), or not in paragraphs."""
        return self.words(index) < 100 or self.prose_poor(index)

    def words(self, index: int) -> int:
        """Text other than links."""
        return self.text[index] - self.links[index]

    def link_density(self, index: int) -> float:
        return self.links[index] / self.text[index] if self.text[index] else 0.0

    def inside(self, index: int, tags: frozenset[str]) -> bool:
        up = self.parent[index]
        while up >= 0:
            if self.tag[up] in tags:
                return True
            up = self.parent[up]
        return False

    def lines(self, roots: list[int], dead: list[bool]) -> list[str]:
        """The text of ``roots`` (in order, skipping dead elements), a line per block."""
        parts: list[str] = []
        stack: list[int | str] = list(reversed(roots))
        tag, kids = self.tag, self.kids
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
                continue
            if item < 0:  # the end of a block
                parts.append(MARK)
                continue
            if dead[item]:
                continue
            if tag[item] in BLOCK:
                parts.append(MARK)
                stack.append(-1)
            stack.extend(reversed(kids[item]))
        text = "".join(parts)
        if "\xad" in text:  # soft hyphens: invisible unless a word breaks at the line's end
            text = text.replace("\xad", "")
        if not unicodedata.is_normalized("NFC", text):  # "u" + U+0308 reads as "ü"
            text = unicodedata.normalize("NFC", text)
        found = (part.strip() for part in _WS.sub(" ", text).split(MARK))
        return [line for line in found if line]


def find_story(tree: LexborHTMLParser) -> Story:
    """The story's lines in a parsed page (see the module)."""
    body = tree.body
    if body is None:
        return Story([], [], None)
    page = Outline(body)
    dead = _prune_frame(page)
    # The page's lines, for metadata printed near the story (a byline in a share bar):
    # without page frame and hidden elements, but with every furniture-named block.
    page_lines = page.lines([0], _frame_only(page))
    chosen = _shortcut(page, dead)
    roots = [chosen] if chosen is not None else _by_score(page, dead)
    if not roots:
        return Story(page_lines, page_lines, body)
    top = roots[0] if len(roots) == 1 else page.parent[roots[0]]  # the container
    roots = _lead(page, dead, roots) + roots
    _prune_story(page, dead, roots)
    lines = page.lines(roots, dead)
    article = next((up for up in [top, *_ancestors(page, top)] if page.tag[up] == "article"),
                   None)
    return Story(lines, page_lines, page.nodes[top],
                 page.nodes[article] if article is not None else None)


LEAD_GAP = 60
"""How many elements may lie between the headline and the story's container for the
paragraphs among them to be the story's lead."""


def _lead(page: Outline, dead: list[bool], roots: list[int]) -> list[int]:
    """Paragraphs of prose between the headline (``h1``) and the story's container: a
    lead or standfirst printed apart from the body ("dig-vorspann", "article-intro")."""
    first = roots[0]
    headline = next((index for index in range(first - 1, 0, -1) if page.tag[index] == "h1"),
                    None)  # the last before the container (in a page header or not)
    if headline is None or first - headline > LEAD_GAP:
        return []
    above = set(_ancestors(page, first))
    found: list[int] = []
    budget = sum(page.words(root) for root in roots) // 2
    index = headline + 1
    while index < first:
        if (not dead[index] and index not in above
                and (page.is_paragraph(index) or page.tag[index] in _HEADINGS)
                and page.words(index) >= 60 and page.link_density(index) < 0.25
                and page.hint[index] >= 0 and page.tag[index] != "figcaption"
                and not page.inside(index, _FIGURE)  # a photo's caption is not a lead
                and (page.tag[index] in _HEADINGS  # a subtitle
                     or _ends_sentence(page, index))):  # not a byline or a date line
            found.append(index)
            budget -= page.words(index)
            index = _subtree_end(page, index)
            continue
        index += 1
    return found if budget >= 0 else []


def find_story_lines(root: LexborNode) -> list[str]:
    """All the lines of an element (markup found inside a JSON-LD ``articleBody``)."""
    page = Outline(root)
    return page.lines([0], [False] * len(page.tag))


def _frame_only(page: Outline) -> list[bool]:
    """Dead elements for the page's lines: frame elements and hidden ones, while small."""
    size = len(page.tag)
    dead = [False] * size
    limit = FRAME_SHARE * page.words(0)
    for index in range(1, size):
        dead[index] = dead[page.parent[index]] or (
            (page.hidden[index] or page.tag[index] in _FRAME) and page.words(index) < limit)
    return dead


def _prune_frame(page: Outline) -> list[bool]:
    """Dead elements: page frame and furniture, each while small next to the page."""
    size = len(page.tag)
    dead = [False] * size
    limit = FRAME_SHARE * page.words(0)
    tag, parent, hints = page.tag, page.parent, page.hint
    in_article = [False] * size
    for index in range(1, size):
        up = parent[index]
        if dead[up]:
            dead[index] = True
            continue
        name = tag[index]
        in_article[index] = in_article[up] or name in ("article", "main") or \
            page.item_body[index]
        if page.words(index) >= limit:
            continue
        if (page.hidden[index] or name in _FRAME or hints[index] < -1
                or (hints[index] < 0 and page.slight(index))
                or (name == "header" and not in_article[index]
                    and not page.headlines[index])):  # (a header with the h1 is the story's)
            dead[index] = True
    return dead


def _shortcut(page: Outline, dead: list[bool]) -> int | None:
    """The element marked ``itemprop="articleBody"`` with the most text, if any has."""
    best = None
    for index, marked in enumerate(page.item_body):
        if marked and not dead[index] and page.words(index) >= 100 and (
                best is None or page.words(index) > page.words(best)):
            best = index
    return best


def scores(page: Outline, dead: list[bool]) -> dict[int, float]:
    """Each container's readability score (see the module), link density applied."""
    tag, parent, text = page.tag, page.parent, page.text
    # Inside an element named as furniture (or a frame element) kept for its size,
    # paragraphs count half: a sidebar longer than the story does not become the story.
    framed = [False] * len(tag)  # (a wrapper holding the headline is not furniture)
    for index in range(1, len(tag)):
        framed[index] = framed[parent[index]] or (
            (page.hint[index] < -1 or tag[index] in _FRAME) and not page.headlines[index])
    found: dict[int, float] = {}
    for index in range(1, len(tag)):
        if dead[index]:
            continue
        if page.is_paragraph(index) and not (tag[index] in _TEXT_HOLDER and
                                             page.paragraphs[index]):
            length, commas, up = text[index], page.commas[index], parent[index]
            if page.links[index] * 2 >= length:
                continue  # mostly a link: not prose
        elif page.own[index] >= 25:  # text of its own beside blocks: "<div>text<div>"
            length, commas, up = page.own[index], page.own_commas[index], index
        else:
            continue
        if length < 25:
            continue
        score = (1 + commas + length / 100) * (0.5 if framed[index] else 1.0)
        for level in range(5):
            if up <= 0:  # <body> is the page, not a container: the fallback when none is
                break
            if up not in found:
                found[up] = _initial(page, up)
            found[up] += score / (1 if level == 0 else 2 if level == 1 else level * 3)
            up = parent[up]
    return {index: score * (1 - page.link_density(index)) * (0.3 if _listing(page, index) else 1)
            * (0.5 if framed[index] else 1) for index, score in found.items()}


def _listing(page: Outline, index: int) -> bool:
    """A list of other stories: three or more children of one class, each with a link,
    holding most of the element's text ("views-row", "teaser", "post-item")."""
    groups: dict[str, list[int]] = {}
    for kid in page.kids[index]:
        if isinstance(kid, int) and page.klass[kid].strip() and page.links[kid]:
            # by the first class word: "views-row views-row-6 views-row-even"
            groups.setdefault(page.klass[kid].split()[0], []).append(kid)
    return any(len(kids) >= 3 and sum(page.text[kid] for kid in kids) * 2 > page.text[index]
               for kids in groups.values())


def _by_score(page: Outline, dead: list[bool]) -> list[int]:
    """The best-scoring container and the siblings that join it (readability)."""
    final = scores(page, dead)
    if not final:
        return []
    ranked = sorted(final, key=lambda index: -final[index])
    top = _promote(page, final, ranked, ranked[0])
    top = _widen(page, dead, top)
    return _siblings(page, dead, final, top)


WIDEN_PROSE = 0.9
"""An ancestor widening the story holds paragraphs for at least this share of its live
text other than links ..."""
WIDEN_LINKS = 0.1
"""... has links for at most this share of its live text ..."""
WIDEN_GAIN = 1.33
"""... and holds at least this many times the prose of the container it replaces (and
200 characters more)."""


def _widen(page: Outline, dead: list[bool], top: int) -> int:
    """The highest ancestor of the container that is still clean prose (see
    :data:`WIDEN_PROSE`, counting only live elements) and holds a third more of it: a
    story set in several sibling sections ("field--item", "product--description")."""
    size = len(page.tag)
    prose = [0] * size  # live: dead elements left out
    words = [0] * size
    links = [0] * size
    for index in range(size - 1, 0, -1):
        if dead[index]:
            continue
        if not prose[index] and page.prose[index] and not any(
                isinstance(kid, int) and page.prose[kid] for kid in page.kids[index]):
            prose[index] = page.prose[index]  # a paragraph (no paragraphs inside)
        if not words[index]:
            words[index] = page.own[index]
        if page.tag[index] == "a":
            links[index] = page.text[index]
        up = page.parent[index]
        prose[up] += prose[index]
        words[up] += words[index] + (page.links[index] if page.tag[index] == "a" else 0)
        links[up] += links[index]
    best = top
    up = page.parent[top]
    while up > 0:
        total = words[up]
        if (not total or prose[up] < WIDEN_PROSE * (total - links[up])
                or links[up] > WIDEN_LINKS * total):
            break
        if prose[up] >= max(WIDEN_GAIN * prose[best], prose[best] + 200):
            best = up
        up = page.parent[up]
    return best


def _initial(page: Outline, index: int) -> float:
    return _TAG_WEIGHT.get(page.tag[index], 0) + 25 * max(-1, page.hint[index])


def _ancestors(page: Outline, index: int) -> list[int]:
    found = []
    up = page.parent[index]
    while up >= 0:
        found.append(up)
        up = page.parent[up]
    return found


def _promote(page: Outline, final: dict[int, float], ranked: list[int], top: int) -> int:
    """The element holding three of the five best containers (each within a quarter of
    the best score) takes over, whether or not the best is among them; then a parent
    scoring higher than the container does."""
    best = final[top]
    close = [index for index in ranked[:5] if final[index] >= 0.75 * best]
    if len(close) >= 3:
        holds: dict[int, int] = {}
        for index in close:
            for up in _ancestors(page, index):
                if up <= 0:
                    break
                holds[up] = holds.get(up, 0) + 1
        holders = [up for up, count in holds.items() if count >= 3]
        if holders:
            top = max(holders)  # they nest; in document order the deepest comes last
    last = final.get(top, best)
    threshold = last / 3
    up = page.parent[top]
    while up > 0:
        score = final.get(up)
        if score is None:
            up = page.parent[up]
            continue
        if score < threshold:
            break
        if score > last:
            top = up
            break
        last = score
        up = page.parent[up]
    while page.parent[top] > 0:  # an only child: its parent is the same container
        up = page.parent[top]
        if sum(1 for kid in page.kids[up] if isinstance(kid, int)) != 1:
            break
        top = up
    return top


def _siblings(page: Outline, dead: list[bool], final: dict[int, float], top: int) -> list[int]:
    up = page.parent[top]
    if up < 0:
        return [top]
    best = final.get(top, 0.0)
    threshold = max(10.0, best * 0.2)
    chosen = []
    for kid in page.kids[up]:
        if isinstance(kid, str) or dead[kid]:
            continue
        if kid != top and (page.hint[kid] < -1 or page.tag[kid] in _FRAME):
            continue  # furniture kept for its size is not the story's continuation
        if kid == top:
            chosen.append(kid)
            continue
        bonus = best * 0.2 if page.klass[kid] and page.klass[kid] == page.klass[top] else 0.0
        if kid in final and final[kid] + bonus >= threshold:
            chosen.append(kid)
        elif page.tag[kid] == "p":
            length, density = page.text[kid], page.link_density(kid)
            if (length > 80 and density < 0.25) or (0 < length <= 80 and density == 0 and
                                                   _ends_sentence(page, kid)):
                chosen.append(kid)
    return chosen


def _ends_sentence(page: Outline, index: int) -> bool:
    text = page.nodes[index].text(deep=True).rstrip()
    return text.endswith((".", "!", "?", "。", "…", '"', "”", "“", "«", "»"))


def _prune_story(page: Outline, dead: list[bool], roots: list[int]) -> None:
    """Inside the story: captions, furniture blocks, link lists, galleries, forms."""
    story_words = sum(page.words(root) for root in roots)
    limit = STORY_SHARE * story_words
    tag, parent = page.tag, page.parent
    for root in roots:
        end = _subtree_end(page, root)
        for index in range(root + 1, end):
            if dead[parent[index]]:
                dead[index] = True
                continue
            if dead[index]:
                continue
            name = tag[index]
            if page.words(index) >= limit:
                continue
            weight = 25 * max(-1, page.hint[index])
            dead[index] = (
                page.hint[index] < -1
                or (weight < 0 and page.slight(index))
                or (name == "p" and _pointer(page, index))
                or (name in BLOCK and _links_only(page, index))
                or (name in _HEADINGS and page.link_density(index) > 0.33)
                or (name in _CONDITIONAL and _clean_conditionally(page, index, weight))
                or (name == "figcaption" and _credit(page, index)))
        _orphan_headings(page, dead, root, end)


def _credit(page: Outline, index: int) -> bool:
    """A caption that is a photo credit: short, or short and with a copyright sign
    ("Clipdealer", "Power station © Ruth Roeder / Clipdealer")."""
    length = page.text[index]
    return length < 30 or (length < 80 and "©" in page.nodes[index].text(deep=True))


def _orphan_headings(page: Outline, dead: list[bool], root: int, end: int) -> None:
    """A heading whose section is gone: the blocks after it, up to the next heading, all
    went ("Related stories" over a dropped list of links). One pass over each list of
    children."""
    for index in range(root, end):
        if dead[index]:
            continue
        heading = -1  # the heading of the section being read, -1 for none
        gone = False  # whether blocks of that section went, and none stayed
        for kid in page.kids[index]:
            if isinstance(kid, str):
                if kid.strip():
                    heading = -1  # text of its own: the section stands
                continue
            if page.tag[kid] in _HEADINGS and not dead[kid]:
                if heading >= 0 and gone:
                    dead[heading] = True
                heading, gone = kid, False
            elif heading >= 0 and page.text[kid]:  # (an element without text is neutral)
                if dead[kid]:
                    gone = True
                else:
                    heading = -1  # a block stayed: the section stands
        if heading >= 0 and gone:
            dead[heading] = True


def _links_only(page: Outline, index: int) -> bool:
    """Two or more links and nothing else but punctuation: a bar ("[Print] [Close]") or a
    paragraph listing other stories."""
    if not page.links[index] or (page.text[index] >= 80 and
                                 page.links[index] < 0.9 * page.text[index]):
        return False
    plain, links = _plain_text(page, index)
    return links >= 2 and not any(char.isalnum() for char in plain)


def _plain_text(page: Outline, index: int) -> tuple[str, int]:
    """The text of an element outside its links, and how many links it holds."""
    parts: list[str] = []
    links = 0
    stack: list[int | str] = [index]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif page.tag[item] == "a":
            links += 1
        else:
            stack.extend(reversed(page.kids[item]))
    return "".join(parts), links


def _pointer(page: Outline, index: int) -> bool:
    """A paragraph pointing to another story: a label and a colon, then mostly a link
    ("Read more: <a>...</a>", "Lesen Sie auch: <a>...</a>")."""
    if page.text[index] >= 200 or page.link_density(index) <= 0.5:
        return False
    kids = page.kids[index]
    label = "".join(kid for kid in kids[:2] if isinstance(kid, str)).strip()
    return 0 < len(label) <= 40 and label.endswith(":") and isinstance(kids[-1], int)


def _clean_conditionally(page: Outline, index: int, weight: int) -> bool:
    """Whether a block inside the story is furniture: mostly links, images or inputs."""
    if page.commas[index] >= 10:
        return False
    paragraphs, images = page.paragraphs[index], page.images[index]
    items, inputs = page.items[index], page.inputs[index]
    density = page.link_density(index)
    name = page.tag[index]
    if images > 1 and paragraphs / images < 0.5 and not page.inside(index, _FIGURE):
        return True
    if name not in ("ul", "ol") and items > paragraphs + 100:
        return True
    if inputs > paragraphs // 3:
        return True
    if weight < 25 and density > 0.33 and page.prose_poor(index):
        return True
    return density > 0.5


_FIGURE = frozenset({"figure"})


def _subtree_end(page: Outline, index: int) -> int:
    """One past the last element inside ``index`` (elements are in document order)."""
    end = index + 1
    stack = [index]
    while stack:
        for kid in page.kids[stack.pop()]:
            if isinstance(kid, int):
                end = max(end, kid + 1)
                stack.append(kid)
    return end
