"""The types of the word tables of :mod:`zjopen.extract._tables`: heads by their last
word, and the tables themselves (a plain class: an attrs class's generated methods are
compiled at import, in every process, and the tables are made once)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from zjopen.model import PlatformKind

__all__ = ["Heads", "Phrase", "WordTables"]


Phrase = tuple[str, ...]


class Heads:
    """Head phrases ("Co Ltd", "Free Trade Zone") by their last word, in the table's
    order: a name is checked against the few heads that end with its last word. Each
    head may carry a platform kind (the first given for it counts)."""

    __slots__ = ("_sized", "all", "by_last", "kinds")

    def __init__(self, heads: Iterable[tuple[Phrase, PlatformKind | None]]) -> None:
        self.kinds: dict[Phrase, PlatformKind | None] = {}
        by_last: dict[str, list[Phrase]] = {}
        for head, kind in heads:
            self.kinds.setdefault(head, kind)
            if head:
                by_last.setdefault(head[-1], []).append(head)
        self.all = frozenset(self.kinds)
        self.by_last = {last: tuple(found) for last, found in by_last.items()}
        # (each head with its number of words)
        self._sized = {last: tuple((head, len(head)) for head in found)
                       for last, found in by_last.items()}

    @classmethod
    def plain(cls, heads: Iterable[Phrase]) -> Heads:
        return cls((head, None) for head in heads)

    def ending(self, words: Phrase, *, whole: bool = False) -> Phrase | None:
        """The first head ``words`` ends with (and is longer than, unless ``whole``)."""
        if not words:
            return None
        size = len(words)
        for head, n in self._sized.get(words[-1], ()):
            if (size > n or (whole and size == n)) and words[-n:] == head:
                return head
        return None


class WordTables:
    company_suffixes: Heads
    industry_heads: frozenset[str]  # "Properties", "Shipping": a company's last word
    generic_words: frozenset[str]  # title words that say nothing of whose name it is
    surnames: frozenset[str]  # "Wang Jiao" after a cue is a person, not a company
    not_companies: frozenset[str]
    not_company_names: Heads  # international organisations that a company suffix ends
    media_words: frozenset[str]  # not_companies a company suffix overrules
    platform_heads: Heads
    not_platforms: Heads
    platform_phrases: tuple[tuple[str, PlatformKind], ...]
    initiative_heads: Heads
    package: re.Pattern[str]
    quoted_heads: re.Pattern[str]
    quoted_owners: re.Pattern[str]
    quoted_tail: re.Pattern[str]
    policy_verb: re.Pattern[str]
    introduced: re.Pattern[str]
    package_nouns: tuple[str, ...]  # the anchors of ``package``
    system_heads: tuple[str, ...]  # the anchors of ``introduced``
    described: re.Pattern[str]  # matched where a marker word stands
    described_markers: tuple[str, ...]
    described_kinds: dict[str, PlatformKind]
    placed_heads: dict[str, PlatformKind]  # "an inland port in Jiaxing"
    creating_verbs: tuple[str, ...]  # "set up an export distribution center"
    created_heads: dict[str, PlatformKind]
    created_domain: frozenset[str]  # a word of what the platform does
    status_words: frozenset[str]  # a zone set up is one only with its level ("provincial")
    market_regions: frozenset[str]  # "the European market" is trade, not a marketplace
    policy_verbs: tuple[str, ...]  # "launched", "carried out": a policy follows
    purpose_heads: tuple[str, ...]  # "an action plan to ...", "a program for ..."
    not_purposes: frozenset[str]  # "a broader plan to ...", "the program to run through"
    apposed_heads: tuple[str, ...]  # "Jinyi New Area, the fifth ... zone in Zhejiang"
    document_heads: tuple[str, ...]  # "Guidelines for ...", "Memorandum of ..."
    document_last: frozenset[str]  # their last words: "Plan", "Guidelines"
    policy_phrases: tuple[str, ...]  # "reform and opening-up"
    quoted_slogans: tuple[str, ...]  # 'to "go global"'
    # The last words of every head a name of a kind ends with (company suffixes, platform,
    # initiative and industry heads, "Town"): a name ending in another word has no kind
    # by its head (but for a bank's and a port's, read by their first words).
    head_ends: frozenset[str]

    __slots__ = ("apposed_heads", "company_suffixes", "created_domain", "created_heads",
                 "creating_verbs",
                 "described", "described_kinds", "described_markers", "document_heads",
                 "document_last", "generic_words", "head_ends", "industry_heads",
                 "initiative_heads", "introduced", "market_regions", "media_words",
                 "not_companies", "not_company_names", "not_platforms", "not_purposes",
                 "package", "package_nouns", "placed_heads", "platform_heads",
                 "platform_phrases", "policy_phrases", "policy_verb", "policy_verbs",
                 "purpose_heads", "quoted_heads", "quoted_owners", "quoted_slogans",
                 "quoted_tail", "status_words", "surnames", "system_heads")

    def __init__(
        self,
        *,
        company_suffixes: Heads,
        industry_heads: frozenset[str],
        generic_words: frozenset[str],
        surnames: frozenset[str],
        not_companies: frozenset[str],
        not_company_names: Heads,
        media_words: frozenset[str],
        platform_heads: Heads,
        not_platforms: Heads,
        platform_phrases: tuple[tuple[str, PlatformKind], ...],
        initiative_heads: Heads,
        package: re.Pattern[str],
        quoted_heads: re.Pattern[str],
        quoted_owners: re.Pattern[str],
        quoted_tail: re.Pattern[str],
        policy_verb: re.Pattern[str],
        introduced: re.Pattern[str],
        package_nouns: tuple[str, ...],
        system_heads: tuple[str, ...],
        described: re.Pattern[str],
        described_markers: tuple[str, ...],
        described_kinds: dict[str, PlatformKind],
        placed_heads: dict[str, PlatformKind],
        creating_verbs: tuple[str, ...],
        created_heads: dict[str, PlatformKind],
        created_domain: frozenset[str],
        status_words: frozenset[str],
        market_regions: frozenset[str],
        policy_verbs: tuple[str, ...],
        purpose_heads: tuple[str, ...],
        not_purposes: frozenset[str],
        apposed_heads: tuple[str, ...],
        document_heads: tuple[str, ...],
        policy_phrases: tuple[str, ...],
        quoted_slogans: tuple[str, ...],
        head_ends: frozenset[str],
    ) -> None:
        self.company_suffixes = company_suffixes
        self.industry_heads = industry_heads
        self.generic_words = generic_words
        self.surnames = surnames
        self.not_companies = not_companies
        self.not_company_names = not_company_names
        self.media_words = media_words
        self.platform_heads = platform_heads
        self.not_platforms = not_platforms
        self.platform_phrases = platform_phrases
        self.initiative_heads = initiative_heads
        self.package = package
        self.quoted_heads = quoted_heads
        self.quoted_owners = quoted_owners
        self.quoted_tail = quoted_tail
        self.policy_verb = policy_verb
        self.introduced = introduced
        self.package_nouns = package_nouns
        self.system_heads = system_heads
        self.described = described
        self.described_markers = described_markers
        self.described_kinds = described_kinds
        self.placed_heads = placed_heads
        self.creating_verbs = creating_verbs
        self.created_heads = created_heads
        self.created_domain = created_domain
        self.status_words = status_words
        self.market_regions = market_regions
        self.policy_verbs = policy_verbs
        self.purpose_heads = purpose_heads
        self.not_purposes = not_purposes
        self.apposed_heads = apposed_heads
        self.document_heads = document_heads
        self.document_last = frozenset(head.split()[-1] for head in document_heads)
        self.policy_phrases = policy_phrases
        self.quoted_slogans = quoted_slogans
        self.head_ends = head_ends

    def no_company(self, tokens: Phrase) -> bool:
        """Whether a name is no company though a company suffix may end it: an
        international organisation ("the World Bank", "the United Nations and the World
        Bank") or a legal form alone ("Co., Ltd" after a name in lower case)."""
        return bool(self.not_company_names.ending(tokens, whole=True)) or all(
            (t,) in self.company_suffixes.all for t in tokens)
