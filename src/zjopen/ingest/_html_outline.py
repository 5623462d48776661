"""The page's elements as flat arrays (:class:`Outline`), the tag tables the story finder
reads them with, and the walks over them the other steps share (:mod:`zjopen.ingest.html_main`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from zjopen.ingest.html_hints import hint
from zjopen.lexicon.patterns import lazy_compile

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

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
_HIDDEN_STYLE = lazy_compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
MARK = "\x1e"
_WS = lazy_compile(r"[ \t\r\n\f\v\u00a0]+")

FRAME_SHARE = 0.3
"""A frame element or furniture-hinted block goes only while its text other than links
is under this share of the page's (before the story is found)."""
STORY_SHARE = 0.4
"""Inside the story, a block goes only while its text other than links is under this
share of the story's."""


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


def _ancestors(page: Outline, index: int) -> list[int]:
    found = []
    up = page.parent[index]
    while up >= 0:
        found.append(up)
        up = page.parent[up]
    return found


def _ends_sentence(page: Outline, index: int) -> bool:
    text = page.nodes[index].text(deep=True).rstrip()
    return text.endswith((".", "!", "?", "。", "…", '"', "”", "“", "«", "»"))


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
