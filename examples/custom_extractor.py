"""Add your own extractor: here, a list of company names you care about.

    python examples/custom_extractor.py

An extractor is any callable taking a :class:`zjopen.Document` and returning records;
the pipeline merges what it finds with what the built-in extractors find.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import zjopen
from zjopen import Document, Enterprise, Span

MY_COMPANIES = {"Yiwu Huashang": "330782", "Ningbo Blue Harbour Logistics": "330200"}
PATTERN = re.compile("|".join(re.escape(name) for name in MY_COMPANIES))


def my_companies(doc: Document) -> Iterator[Enterprise]:
    """Every mention of a company on my list, with its home region."""
    for match in PATTERN.finditer(doc.norm):
        yield Enterprise(name=match.group(), region=MY_COMPANIES[match.group()],
                         mentions=[Span.of(doc.text, match.start(), match.end())])


def main() -> None:
    pipeline = zjopen.Pipeline().with_extractor(my_companies)
    article = pipeline.parse(
        "Yiwu traders go digital\n\nYiwu Huashang shipped 300 containers to Dubai in 2024, "
        "and Yiwu Huashang plans a warehouse in Riyadh.",
        id="custom",
    )
    for enterprise in article.enterprises:
        print(enterprise.name, enterprise.region, len(enterprise.mentions), "mentions")


if __name__ == "__main__":
    main()
