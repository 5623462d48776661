"""A capitalised run whose last word ends no head (``WordTables.head_ends``), not a bank's
nor a port's, is of no kind: ``classify`` says so before reading its heads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.extract._capitalised import classify
from zjopen.extract._tables import word_tables, words_of


def _words() -> list[str]:
    tables = word_tables()
    heads = [w for head in (*tables.company_suffixes.all, *tables.platform_heads.all,
                            *tables.initiative_heads.all, *tables.not_platforms.all)
             for w in head]
    return sorted({*heads[::3], *sorted(tables.industry_heads)[::5], "Town", "Port", "of",
                   "Bank", "Ningbo", "Fintech", "Zhejiang", "and", "Mart", "Wal-Mart", "Co.",
                   "Ltd", "Park", "9", "The"})


@given(st.lists(st.sampled_from(_words()), min_size=1, max_size=6))
def test_a_run_ending_in_no_head_is_of_no_kind(tokens: list[str]) -> None:
    tables = word_tables()
    text = " ".join(tokens)
    words = words_of(text)
    if words and (words[-1] in tables.head_ends or words[0] == "Port" or "Bank" in text):
        return
    assert not words or not (
        tables.company_suffixes.ending(words) or tables.platform_heads.ending(words)
        or tables.initiative_heads.ending(words) or words[-1] in tables.industry_heads
        or words[-1] == "Town")
    assert classify(text, 0, len(text)) is None
