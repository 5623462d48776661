"""text → Document → extractors → linker → Article.

>>> article = parse("Ningbo port grows\\n\\nTrade rose in 2023.", id="demo")
>>> article.id, article.title
('demo', 'Ningbo port grows')
"""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import attrs

from zjopen.document import Document, read_document
from zjopen.errors import InputError, InputTooLargeError
from zjopen.extract import Extractor
from zjopen.extract.metrics import extract_metrics
from zjopen.extract.names import extract_names
from zjopen.extract.regions import extract_regions
from zjopen.lexicon._user_cache import blake2b
from zjopen.link import LINK_STEPS, LinkStep, build_article
from zjopen.model import Article, Record

__all__ = ["DEFAULT_EXTRACTORS", "MAX_BYTES", "Pipeline", "parse", "parse_file", "read_file"]

MAX_BYTES = 16 * 1024 * 1024
"""Files larger than this are refused with :class:`~zjopen.errors.InputTooLargeError`
(no news article is that long: such a file is an archive, a dump or a mistake). The
CLI's ``--max-size`` and :meth:`Pipeline.parse_file`'s ``max_bytes`` raise it."""

DEFAULT_EXTRACTORS: tuple[Extractor, ...] = (
    extract_regions,
    extract_names,
    extract_metrics,
)
"""The built-in extractors, in the order they run."""


def _content_id(text: str | bytes) -> str:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return blake2b(data, digest_size=8).hexdigest()


@attrs.frozen
class Pipeline:
    """A parser: the extractors to run, in order, then the linker's steps.

    Add your own extractor (any ``(Document) -> Iterable[Record]`` callable), or a step
    of the linker (any ``(Linking) -> Linking`` callable, see :mod:`zjopen.link.linker`)::

        pipeline = Pipeline().with_extractor(my_company_list_extractor)
        article = pipeline.parse(text)
    """

    extractors: tuple[Extractor, ...] = DEFAULT_EXTRACTORS
    link_steps: tuple[LinkStep, ...] = LINK_STEPS

    def with_extractor(self, extractor: Extractor) -> Pipeline:
        """A pipeline that also runs ``extractor`` (after the others)."""
        return attrs.evolve(self, extractors=(*self.extractors, extractor))

    def with_link_step(self, step: LinkStep) -> Pipeline:
        """A pipeline whose linker also runs ``step`` (after the others): a function from
        the article's records (:class:`zjopen.link.Linking`) to the records changed."""
        return attrs.evolve(self, link_steps=(*self.link_steps, step))

    def extract(self, doc: Document) -> list[Record]:
        """Every record every extractor finds in ``doc``, unmerged."""
        records: list[Record] = []
        for extractor in self.extractors:
            records.extend(extractor(doc))
        return records

    def parse(
        self,
        text: str | bytes,
        *,
        id: str | None = None,
        published: date | None = None,
        path: str | None = None,
    ) -> Article:
        """Parse one article given as text, HTML or raw bytes."""
        if not isinstance(text, str | bytes):
            raise TypeError(f"parse(): text must be str or bytes (text, HTML or a file's "
                            f"bytes), not {type(text).__name__}")
        doc = read_document(text, path=path, published=published)
        return build_article(doc, self.extract(doc), article_id=id or _content_id(text),
                             published=published, steps=self.link_steps)

    def parse_file(
        self,
        path: str | os.PathLike[str],
        *,
        published: date | None = None,
        max_bytes: int = MAX_BYTES,
    ) -> Article:
        """Parse one file; the article id is the file name without its extension.

        A sidecar ``NAME.meta.json`` beside the file may give ``{"published": "2024-03-28"}``
        for articles that print no date.
        """
        file = Path(path)
        data = read_file(file, max_bytes)
        return self.parse(
            data, id=file.stem, published=published or _sidecar_date(file), path=str(file)
        )


def read_file(file: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or an
    :class:`~zjopen.errors.InputError` that says why not.

    Only regular files are read (a FIFO would block forever, a device never end), and the
    limit is kept while reading rather than trusted from the file's size (``/dev/zero``
    and ``/proc`` files report 0).
    """
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            with os.scandir(file):  # a folder the batch could not list says so here
                pass
            raise InputError(str(file), "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(file), "is not a regular file (a FIFO, device or socket): "
                             "only files are read")
        if info.st_size > max_bytes:
            raise _too_large(file, info.st_size, max_bytes)
        # Read what the size says (asking for max_bytes at once allocates that much for
        # every file), then on to the limit if there is more (a file that grew, or a
        # /proc file that says 0).
        with open(file, "rb") as handle:
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except FileNotFoundError:
        raise InputError(str(file), "no such file") from None
    except PermissionError:
        raise InputError(str(file), "permission denied") from None
    except OSError as exc:
        raise InputError(str(file), f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _too_large(file, None, max_bytes)
    return data


def _too_large(file: Path, size: int | None, max_bytes: int) -> InputTooLargeError:
    has = f"{size:,} bytes" if size is not None else "more bytes than that"
    return InputTooLargeError(
        str(file), f"the file has {has}, over the limit of {max_bytes:,} "
        "(no article is that long; raise the limit with --max-size)")


def _sidecar_date(file: Path) -> date | None:
    sidecar = file.with_name(file.stem + ".meta.json")
    if not sidecar.is_file():
        return None
    try:
        raw = json.loads(sidecar.read_text(encoding="utf-8"))
        value = raw.get("published") if isinstance(raw, dict) else None
        return date.fromisoformat(value) if isinstance(value, str) else None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(str(sidecar), f"not a valid metadata sidecar: {exc}") from None


_DEFAULT = Pipeline()


def parse(
    text: str | bytes,
    *,
    id: str | None = None,
    published: date | None = None,
) -> Article:
    """Parse one article (plain text, HTML, or bytes in any common encoding).

    ``id`` defaults to a hash of the input; ``published`` supplies (or overrides) the
    publication date, which relative years ("last year") are resolved against.
    """
    return _DEFAULT.parse(text, id=id, published=published)


def parse_file(
    path: str | os.PathLike[str], *, published: date | None = None, max_bytes: int = MAX_BYTES
) -> Article:
    """Parse one file (``.txt``, ``.html``); the id is the file name without extension."""
    return _DEFAULT.parse_file(path, published=published, max_bytes=max_bytes)
