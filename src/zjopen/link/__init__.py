"""The linker: per-mention records in, one :class:`~zjopen.model.Article` out.

``article`` merges mentions of one thing and builds the Article; ``subjects`` gives each
figure its subject region; ``overseas`` gives companies the places abroad they are in.
Next: the Article goes to :mod:`zjopen.corpus` and :mod:`zjopen.formats`.
"""

from zjopen.link.article import build_article, merge_named, merge_regions, name_key
from zjopen.link.overseas import overseas_presence
from zjopen.link.subjects import attribute_regions

__all__ = [
    "attribute_regions",
    "build_article",
    "merge_named",
    "merge_regions",
    "name_key",
    "overseas_presence",
]
