"""Whether a text is markup: :func:`looks_like_html`, apart from the HTML reader
(:mod:`zjopen.ingest.html`), which a plain-text article never needs imported."""

from __future__ import annotations

import re

from zjopen.lexicon.patterns import lazy_compile

__all__ = ["looks_like_html"]

_LOOKS_HTML = lazy_compile(
    r"\A\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)?"
    r"(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<div|<article|<section|<main"
    r"|<header|<h[1-6][\s>]|<p[\s>]|<table|<ul[\s>]|<span|<link|<script|<style)",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Ningbo <3 trade")
    (True, False)
    """
    return bool(_LOOKS_HTML.match(text[:4096]))
