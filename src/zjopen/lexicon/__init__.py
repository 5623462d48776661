"""Vocabulary: the word lists of ``data/`` loaded once, and the helpers that make patterns.

``load`` reads the data files; ``units`` is the unit table; ``numbers`` the number
words; ``patterns`` builds fast, linear regular expressions from word lists (tries,
guards, alternations). Next: the extractors of :mod:`zjopen.extract`, the readers of
:mod:`zjopen.ingest` and the linker use them.
"""
