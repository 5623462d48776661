"""Ingestion: bytes or text in, a clean :class:`~zjopen.document.Document` out.

decode (bytes → str) → html (markup → lines + metadata) → clean (boilerplate out,
metadata lines read) → segment (paragraphs and sentences with offsets).
"""
