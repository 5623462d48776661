"""Vocabulary: the word lists of ``data/`` loaded once, and the helpers that make patterns.

``load`` reads the data files; ``units`` is the unit table; ``patterns`` builds fast,
linear regular expressions from word lists (tries, guards, alternations). Next: the
extractors of :mod:`zjopen.extract` and the readers of :mod:`zjopen.ingest` use them.
"""
