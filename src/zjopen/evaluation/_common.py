"""Names every part of the evaluation shares: the format, kinds and source types."""


from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import IO, Any, Final, Literal, TypeAlias

from zjopen.model import Article

GOLD_FORMAT: Final = "zjopen-gold/1"
"""The name of the gold annotation format."""

ENTITY_KINDS: Final = ("enterprises", "platforms", "initiatives")
"""The record kinds matched by name."""

SCORED_KINDS: Final = ("regions", *ENTITY_KINDS, "metrics", "metrics_strict")
"""The rows of the score table, in order."""

Source: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes] | Iterable[Mapping[str, Any]]"
"""Where articles come from: a JSON Lines file (its path), an open stream of JSON Lines,
or article objects (dicts as in the JSON form)."""

PredictionSource: TypeAlias = "Source | Iterable[Mapping[str, Any] | Article]"
"""Gold sources, or :class:`~zjopen.Article` objects (a :class:`~zjopen.Corpus` too)."""

Side = Literal["missed", "extra"]

