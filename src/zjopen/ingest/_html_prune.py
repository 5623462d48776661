"""What goes from a page before and after the story is found (:mod:`zjopen.ingest.html_main`,
steps 1 and 4): page frame and furniture, then, inside the story, link lists, pointers,
bars, galleries, forms and orphaned headings."""

from __future__ import annotations

from zjopen.ingest._html_outline import (
    _CONDITIONAL,
    _FIGURE,
    _FRAME,
    _HEADINGS,
    BLOCK,
    FRAME_SHARE,
    STORY_SHARE,
    Outline,
    _subtree_end,
)


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
