"""Ingestion: bytes or text in, the clean lines and metadata of a Document out.

decode (bytes → str) → html (markup → lines + metadata; ``html_main`` finds the story
in a page, with ``html_hints`` reading class and id names and ``html_depth`` flattening
markup nested too deep) → clean (boilerplate out, metadata lines read, with ``dates``
and ``datelines``, and the closing ``credits``: "(By A, translated by B)") → fold
(quotes, dashes, widths) → segment (paragraphs and sentences with offsets). Next:
:func:`zjopen.document.read_document` assembles the :class:`~zjopen.document.Document`.
"""
