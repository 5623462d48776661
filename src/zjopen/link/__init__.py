"""The linker: per-mention records in, one :class:`~zjopen.model.Article` out.

``linker`` runs the steps (:data:`LINK_STEPS`): ``merge`` joins mentions of one thing,
``subjects`` gives each figure its subject, ``overseas`` gives companies their places
abroad. Next: the Article goes to :mod:`zjopen.corpus` and :mod:`zjopen.formats`.
"""

from zjopen.link.linker import LINK_STEPS, Linking, LinkStep, build_article
from zjopen.link.merge import merge_named, merge_region_records, name_key
from zjopen.link.overseas import overseas_presence
from zjopen.link.subjects import attribute_subjects

__all__ = [
    "LINK_STEPS",
    "LinkStep",
    "Linking",
    "attribute_subjects",
    "build_article",
    "merge_named",
    "merge_region_records",
    "name_key",
    "overseas_presence",
]
