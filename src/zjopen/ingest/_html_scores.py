"""The story's container, by readability's content score (:mod:`zjopen.ingest.html_main`,
step 2 and 3): each container's score, the best one, the element it widens to, and the
siblings that join it."""

from __future__ import annotations

from zjopen.ingest._html_outline import (
    _FRAME,
    _TAG_WEIGHT,
    _TEXT_HOLDER,
    Outline,
    _ancestors,
    _ends_sentence,
)


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
