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

from typing import TYPE_CHECKING

from zjopen.ingest._html_outline import (  # noqa: F401 - the reader's tables, named here
    _FIGURE,
    _HEADINGS,
    BLOCK,
    FRAME_SHARE,
    JUNK,
    MARK,
    STORY_SHARE,
    Outline,
    _ancestors,
    _ends_sentence,
    _subtree_end,
)
from zjopen.ingest._html_prune import _frame_only, _prune_frame, _prune_story, _shortcut
from zjopen.ingest._html_scores import (  # noqa: F401
    WIDEN_GAIN,
    WIDEN_LINKS,
    WIDEN_PROSE,
    _by_score,
    scores,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["FRAME_SHARE", "STORY_SHARE", "Story", "find_story", "find_story_lines"]


class Story:
    """The story's lines, the page's lines (furniture dropped) and the container, and
    ``article``: the ``<article>`` holding the container, if one does."""

    __slots__ = ("article", "container", "lines", "page_lines")

    def __init__(self, lines: list[str], page_lines: list[str], container: LexborNode | None,
                 article: LexborNode | None = None) -> None:
        self.lines = lines
        self.page_lines = page_lines
        self.container = container
        self.article = article


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
