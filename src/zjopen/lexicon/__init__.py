"""Vocabulary: the word lists of ``data/`` loaded once, and the helpers that make patterns.

``load`` reads the data files; ``units`` is the unit table; ``numbers`` the number
words; ``patterns`` builds fast, linear regular expressions from word lists (tries,
guards, alternations); the private ``_letter_runs`` and ``_quantity_words`` are the
word-set tests that prove a sentence holds none of a table's words; ``_exact`` is the
exact Decimal arithmetic of figures (:func:`zjopen.quantities.parse_number`). Next: the
extractors of :mod:`zjopen.extract`, the readers of :mod:`zjopen.ingest` and the linker
use them.
"""
