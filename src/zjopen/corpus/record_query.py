"""Typed, chainable queries over the records a corpus merges across its articles: places
(:class:`RegionQuery`), companies (:class:`EnterpriseQuery`), platforms
(:class:`PlatformQuery`) and initiatives (:class:`InitiativeQuery`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

import attrs

from zjopen.corpus.merge import CorpusEnterprise, CorpusInitiative, CorpusPlatform, CorpusRegion
from zjopen.corpus.query import accepted, check_fields, name_key, ordered
from zjopen.gazetteer import Place
from zjopen.gazetteer.codes import canonical, lineage, resolve
from zjopen.model import PlatformKind, RegionLevel

__all__ = [
    "EnterpriseQuery",
    "InitiativeQuery",
    "PlatformQuery",
    "RecordQuery",
    "RegionQuery",
    "region_codes",
]

R = TypeVar("R", CorpusRegion, CorpusEnterprise, CorpusPlatform, CorpusInitiative)
Q = TypeVar("Q", bound="RecordQuery[Any]")

_RECORD_ORDER: dict[str, Callable[[Any], Any]] = {
    "name": lambda r: (r.name.casefold(), r.name),
    "mentions": lambda r: len(r.mentions),
    "articles": lambda r: len(r.article_ids),
    "region": lambda r: r.region if not isinstance(r, CorpusRegion) else r.code,
    "kb_id": lambda r: r.kb_id if not isinstance(r, CorpusRegion) else None,
}


def region_codes(records: Iterable[R]) -> frozenset[str]:
    """Every region code the records carry.

    >>> from zjopen.corpus.merge import CorpusEnterprise
    >>> sorted(region_codes([CorpusEnterprise(name="A", regions=("330206", "330782")),
    ...                      CorpusEnterprise(name="B", regions=("330206",))]))
    ['330206', '330782']
    """
    return frozenset(c for r in records for c in r.regions)


@attrs.frozen(eq=False, repr=False)
class RecordQuery(Generic[R]):
    """Merged records of a corpus (places, companies, platforms, initiatives)."""

    _items: tuple[R, ...]
    # the codes of the records (or a function listing them): region arguments may name
    # codes the gazetteer does not know when the corpus has them
    _codes: Collection[str] | Callable[[], Collection[str]] = ()

    @classmethod
    def of(cls: type[Q], records: Sequence[R]) -> Q:
        """A query of ``records``, whose region arguments may name any code they carry
        (even one the gazetteer does not know).

        >>> from zjopen.corpus.merge import CorpusPlatform
        >>> ports = PlatformQuery.of([CorpusPlatform(name="Port A", regions=("999999",)),
        ...                           CorpusPlatform(name="Port B", regions=("330206",))])
        >>> ports.where(region="999999").names(), ports.where(region="Ningbo", within=True).names()
        (('Port A',), ('Port B',))
        """
        return cls(tuple(records), lambda: region_codes(records))

    def _keep(self: Q, test: Callable[[Any], bool]) -> Q:
        return attrs.evolve(self, items=tuple(r for r in self._items if test(r)))

    def _where_common(self: Q, region: str | Place | None, within: bool, name: str | None,
                      article_id: str | None) -> Q:
        query = self
        if within and region is None:
            raise ValueError("within=True needs region=")
        if region is not None:
            code = resolve(region, self._codes)
            if within:
                query = query._keep(lambda r: any(code in lineage(c) for c in r.regions))
            else:
                query = query._keep(lambda r: any(canonical(c) == code for c in r.regions))
        if name is not None:
            key = name_key(name)
            query = query._keep(lambda r: any(name_key(n) == key for n in (r.name, *r.aliases)))
        if article_id is not None:
            query = query._keep(lambda r: article_id in r.article_ids)
        return query

    def order_by(self: Q, *fields: str) -> Q:
        """Sorted by ``"name"``, ``"mentions"`` (count), ``"articles"`` (count),
        ``"region"`` or ``"kb_id"``; ``"-mentions"`` sorts descending."""
        check_fields(fields, _RECORD_ORDER, "order by")
        return attrs.evolve(self, items=tuple(ordered(list(self._items), fields,
                                                       _RECORD_ORDER)))

    def _group(self: Q, keys: Callable[[Any], Iterable[str | None]]) -> dict[str | None, Q]:
        groups: dict[str | None, list[R]] = {}
        for item in self._items:
            for key in keys(item):
                groups.setdefault(key, []).append(item)
        in_order = sorted(groups, key=lambda k: (k is None, k or ""))
        return {key: attrs.evolve(self, items=tuple(groups[key])) for key in in_order}

    def group_by(self: Q, field: str) -> dict[str | None, Q]:
        """Split by ``"region"`` (the most frequent home region; for places, the parent)
        or ``"kb_id"``, as ``{key: query}`` in key order (``None`` last)."""
        if field == "region":
            return self._group(lambda r: [r.parent if isinstance(r, CorpusRegion)
                                          else r.region])
        if field == "kb_id":
            return self._group(lambda r: [getattr(r, "kb_id", None)])
        raise ValueError(f"cannot group by {field!r}; choose from kb_id, region")

    def __iter__(self) -> Iterator[R]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    @overload
    def __getitem__(self, item: int) -> R: ...

    @overload
    def __getitem__(self, item: slice) -> tuple[R, ...]: ...

    def __getitem__(self, item: int | slice) -> R | tuple[R, ...]:
        return self._items[item]

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self._items)} records>"

    def first(self) -> R | None:
        """The first record, or ``None``."""
        return self._items[0] if self._items else None

    def all(self) -> tuple[R, ...]:
        """Every record, as a tuple."""
        return self._items

    def names(self) -> tuple[str, ...]:
        """The records' names, in order."""
        return tuple(r.name for r in self._items)


@attrs.frozen(eq=False, repr=False)
class RegionQuery(RecordQuery[CorpusRegion]):
    """The places of a corpus, one per code, ordered by code."""

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        level: RegionLevel | str | Iterable[RegionLevel | str] | None = None,
        name: str | None = None,
        article_id: str | None = None,
    ) -> RegionQuery:
        """The places that are ``region`` (or, ``within=True``, inside it), of ``level``,
        called ``name`` (or an alias of it), named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        levels = accepted(level, RegionLevel, "level")
        if levels is not None:
            query = query._keep(lambda r: r.level in levels)
        return query


@attrs.frozen(eq=False, repr=False)
class EnterpriseQuery(RecordQuery[CorpusEnterprise]):
    """The companies of a corpus, merged across articles, ordered by name.

    >>> from zjopen.corpus import Corpus
    >>> from zjopen.model import Article, Enterprise
    >>> corpus = Corpus([Article(id="a", enterprises=[
    ...     Enterprise(name="Tuopu Group", region="330206", overseas=["PL", "MX"]),
    ...     Enterprise(name="Haitian Group", region="330206")])])
    >>> corpus.enterprises.where(overseas="Poland").names()
    ('Tuopu Group',)
    >>> {c: q.names() for c, q in corpus.enterprises.group_by("overseas").items()}
    {'MX': ('Tuopu Group',), 'PL': ('Tuopu Group',)}
    >>> corpus.enterprises.where(region="Ningbo", within=True).names()
    ('Haitian Group', 'Tuopu Group')
    """

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        overseas: str | Place | bool | None = None,
        name: str | None = None,
        kb_id: str | None = None,
        article_id: str | None = None,
    ) -> EnterpriseQuery:
        """The companies based in ``region`` (any home region an article gives; with
        ``within=True`` also places inside it), present abroad in ``overseas`` (a
        country name or code; ``True``: anywhere abroad, ``False``: nowhere), called
        ``name`` (or an alias), with ``kb_id``, named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        if overseas is True:
            query = query._keep(lambda e: bool(e.overseas))
        elif overseas is False:
            query = query._keep(lambda e: not e.overseas)
        elif overseas is not None:
            items = self._items
            country = resolve(overseas, lambda: {c for e in items for c in e.overseas})
            query = query._keep(lambda e: any(country in lineage(c) for c in e.overseas))
        if kb_id is not None:
            query = query._keep(lambda e: e.kb_id == kb_id)
        return query

    def group_by(self, field: str) -> dict[str | None, EnterpriseQuery]:
        """As :meth:`RecordQuery.group_by`, and ``"overseas"``: each country a company is
        present in (a company in two countries is in both groups)."""
        if field == "overseas":
            return self._group(lambda e: e.overseas)
        return super().group_by(field)


@attrs.frozen(eq=False, repr=False)
class PlatformQuery(RecordQuery[CorpusPlatform]):
    """The zones, ports, markets and platforms of a corpus, ordered by name."""

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        kind: PlatformKind | str | Iterable[PlatformKind | str] | None = None,
        name: str | None = None,
        kb_id: str | None = None,
        article_id: str | None = None,
    ) -> PlatformQuery:
        """The platforms in ``region`` (``within=True``: or inside it), of ``kind``,
        called ``name`` (or an alias), with ``kb_id``, named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        kinds = accepted(kind, PlatformKind, "kind")
        if kinds is not None:
            query = query._keep(lambda p: p.kind in kinds)
        if kb_id is not None:
            query = query._keep(lambda p: p.kb_id == kb_id)
        return query

    def group_by(self, field: str) -> dict[str | None, PlatformQuery]:
        """As :meth:`RecordQuery.group_by`, and ``"kind"`` (the kind's value)."""
        if field == "kind":
            return self._group(lambda p: [p.kind.value])
        return super().group_by(field)


@attrs.frozen(eq=False, repr=False)
class InitiativeQuery(RecordQuery[CorpusInitiative]):
    """The strategies, plans and policies of a corpus, ordered by name."""

    def where(
        self,
        *,
        region: str | Place | None = None,
        within: bool = False,
        name: str | None = None,
        kb_id: str | None = None,
        article_id: str | None = None,
    ) -> InitiativeQuery:
        """The initiatives of ``region`` (``within=True``: or inside it), called ``name``
        (or an alias), with ``kb_id``, named in ``article_id``."""
        query = self._where_common(region, within, name, article_id)
        if kb_id is not None:
            query = query._keep(lambda i: i.kb_id == kb_id)
        return query
