"""The overseas step visits only the sentences holding a company mention; it finds what
the walk through every sentence found, in whatever order the sentences come."""

from __future__ import annotations

import bisect
import random

import attrs
import pytest

from zjopen.document import Document, read_document
from zjopen.extract.names import extract_names
from zjopen.extract.regions import extract_regions
from zjopen.link._words import EXPANSION
from zjopen.link.merge import merge_region_records
from zjopen.link.overseas import _subjects, overseas_presence
from zjopen.model import Enterprise, Region


def _every_sentence(doc: Document, regions: tuple[Region, ...],
                    enterprises: list[Enterprise]) -> dict[int, set[str]]:
    """The former walk, through every sentence: each company's places abroad."""
    countries = sorted((span.start, region.code) for region in regions
                       if region.code is not None and len(region.code) == 2
                       and region.code != "CN" for span in region.mentions)
    mentions = sorted((span.start, span.end, n) for n, e in enumerate(enterprises)
                      for span in e.mentions)
    found: dict[int, set[str]] = {}
    mention_starts = [m[0] for m in mentions]
    country_starts = [start for start, _ in countries]
    for sentence in doc.sentences:
        inside = mentions[bisect.bisect_left(mention_starts, sentence.start):
                          bisect.bisect_left(mention_starts, sentence.end)]
        if not inside:
            continue
        verbs = list(EXPANSION.finditer(doc.norm, inside[0][1], sentence.end))
        subjects = [_subjects(doc, inside, verb.start()) for verb in verbs]
        for k, verb in enumerate(verbs):
            if not subjects[k]:
                continue
            later = [s for s in subjects[k + 1:] if s and s[0][0] > verb.end()]
            reach = later[0][0][0] if later else sentence.end
            codes = {code for _, code in countries[bisect.bisect_left(country_starts, verb.end()):
                                                    bisect.bisect_left(country_starts, reach)]}
            for _, _, n in subjects[k]:
                found.setdefault(n, set()).update(codes)
    return found


_TEXT = ("Zhejiang firms abroad\n\nThe weather was fine. Top Group built a plant in Poland. "
         "Prices rose. Jifeng acquired Grammer, a German company, and Holley Group opened a "
         "factory in Mexico. Nothing else happened; Wanxiang Group set up a plant in Hungary.")


@pytest.mark.parametrize("order", ["as given", "reversed", "shuffled"])
def test_the_overseas_step_finds_what_every_sentence_gave(order: str) -> None:
    doc = read_document(_TEXT)
    sentences = list(doc.sentences)
    if order == "reversed":
        sentences.reverse()
    elif order == "shuffled":
        random.Random(7).shuffle(sentences)
    doc = attrs.evolve(doc, sentences=tuple(sentences))
    regions = merge_region_records(extract_regions(doc))
    enterprises = [r for r in extract_names(doc) if isinstance(r, Enterprise)]
    result = overseas_presence(doc, regions, enterprises)
    found = _every_sentence(doc, regions, enterprises)
    expected = [tuple(sorted(found.get(n, set()) | set(e.overseas)))
                for n, e in enumerate(enterprises)]
    assert [e.overseas for e in result] == expected
    assert any(expected)
