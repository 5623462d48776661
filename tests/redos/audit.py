"""The ReDoS audit's table: the patterns that are not linear when searched through any
text, and why each is safe where zjopen uses it (``docs/redos.md`` explains the method).

Every other pattern zjopen compiles must search adversarial text of 20,000 characters
within the bound of ``tests/test_redos.py``; each one listed here is tested the way it
is used instead:

- ``Window(n)``: only ever searched in (or matched against) at most ``n`` characters:
  tested on adversarial strings of ``n`` characters;
- ``Anchored()``: only matched at one position (``match``, ``fullmatch``), each call
  linear in what it reads: tested with one ``match`` and one ``fullmatch`` of each
  20,000-character adversarial string. What bounds the number of calls is said;
- ``Open()``: not safe yet: searched as any other pattern, and expected to fail.

An entry is keyed by the pattern's name in the census (``module.NAME``, or
``module.builder().field``), or by its text when it has no name (written inline).
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Window:
    size: int
    why: str


@attrs.frozen
class Anchored:
    why: str


@attrs.frozen
class Open:
    """Not yet safe: the test of it is expected to fail (strictly), until it is fixed."""

    why: str


Use = Window | Anchored | Open

AUDIT: dict[str, Use] = {
    # --- names (extract/_capitalised.py, _cued.py, _phrases.py, _plans.py, _kb.py) -------
    "zjopen.extract._capitalised.NUMBER_TAIL": Window(
        40, "searched in a capitalised chain (CHAIN) or a name cut from one: a chain holds "
            "at most two joining words in a row, so the repeated group, the only part "
            "that can backtrack, spans at most two of them; no search goes further back"),
    "zjopen.extract._capitalised._BASED": Anchored(
        "matched at the start of each capitalised chain: one call per chain"),
    "zjopen.extract._capitalised._BASED_WORD": Anchored("fullmatch of one word, once a word"),
    "zjopen.extract._capitalised._BRANCH": Anchored(
        "matched at the start of a name holding 'Branch', once a name"),
    "zjopen.extract._capitalised._OF_TOPIC": Anchored(
        "matched at the start of a chain holding ' of ', once a chain"),
    "zjopen.extract._cued._APPOSED": Window(
        80, "searched in the 80 characters before a cue noun"),
    "zjopen.extract._cued._GOES_ON": Anchored(
        "matched right after a cue noun: reads the spaces after it, once a noun"),
    "zjopen.extract._kb._NAMED_BEFORE": Window(
        30, "searched in the 30 characters before 'Bank'"),
    "zjopen.extract._phrases._DESCRIBES_NAMED": Window(
        40, "searched in the 40 characters before a described platform's head"),
    "zjopen.extract._phrases._DESCRIBED_OWNER": Window(
        40, "searched in the 40 characters before a described platform's head"),
    "zjopen.extract._phrases._LOWER_HEAD": Anchored(
        "searched only in windows of four words before and two after a platform noun "
        "(word_windows), each match at most three words and a noun; end-to-end shapes "
        "with one giant hyphenated 'word' before the noun grow linearly "
        "(bench_shapes.py, ReDoS section of docs/redos.md)"),
    "zjopen.extract._plans._LOWER_END": Window(
        300, "cut from the end of a plan's name, which the plan patterns bound to a few "
             "words (at most 200 characters after the head)"),
    "zjopen.extract._plans._tables().head_first": Window(
        220, "searched from two words before a plan head to 200 characters after it"),
    "zjopen.extract._plans._tables().purpose": Window(
        250, "searched from eight words before a purpose head ('plan to', 'program for') "
             "to 200 characters after it; the runs it is slow on are of short words "
             "('Ab-Ab-...'), eight of which are a few dozen characters"),
    "zjopen.extract._plans._tables().lower_head": Anchored(
        "searched from eight words before a plan head to the head's end; each match "
        "ends at the head, so a window holds few attempts that read far"),
    "zjopen.extract._unnamed._AREA": Anchored(
        "matched from three words before 'area' to four characters after it, once an "
        "'area'"),
    "zjopen.extract._region_words._IN_PARENTHESES_NAME": Window(
        40, "searched in the 40 characters before a place name"),
    # --- figures (extract/_figure_words.py, quantities.py) ---------------------------------
    "zjopen.extract._figure_words.CHANGE_RIGHT": Window(
        60, "matched against the 60 characters after a figure"),
    "zjopen.extract._figure_words.FALL_RIGHT": Window(
        60, "matched against the 60 characters after a figure"),
    "zjopen.extract._figure_words.INDICATOR_TRIM": Window(
        301, "applied to an indicator phrase cut from the 300 characters before a figure"),
    "zjopen.extract._figure_words.INDICATOR_TRIM_ASCII": Window(
        301, "INDICATOR_TRIM for an ASCII phrase lower-cased: the same phrases"),
    "zjopen.extract._figure_words.LAST_CLAUSE_START": Anchored(
        "matched once a figure, at the start of the 300 characters before it (indicator_of): "
        "its '.*' reads them and steps back through them once"),
    "zjopen.quantities._patterns().unit_after": Anchored(
        "matched right after a number, once a number"),
    "zjopen.quantities._patterns().unit_after_ascii": Anchored(
        "unit_after in lower case, for ASCII text lower-cased: matched as it is"),
    # --- subjects (link/_words.py) ----------------------------------------------------------
    "zjopen.link._words.ENTITY": Anchored(
        "searched in the 300 characters before a figure (its sentence, cut to _REACH) "
        "where a trigger word stands, and in the headline; each match ends at a head word"),
    "zjopen.link._words.JOINER": Anchored("fullmatch of the gap between two company names"),
    "zjopen.link.subjects._HYPHENED": Window(
        100, "searched in a figure's own text (at most 24 digits, a scale and a unit)"),
    # --- patterns of patterns (lexicon/patterns.py) ------------------------------------------
    "zjopen.lexicon.patterns._KEPT_OR_CAPITALS": Window(
        2000, "applied when tables are built, to zjopen's own pattern sources, never to "
              "article text; slow only on runs of unclosed '(?P<', which no valid pattern "
              "holds"),
    # --- text in (ingest/clean.py, _meta_lines.py, datelines.py, html.py) ---------------------
    "zjopen.ingest._meta_lines._IN_PLACE": Window(
        150, "applied to one name of a byline (150 characters)"),
    "zjopen.ingest._meta_lines._PERSON": Window(150, "matched against one name of a byline"),
    "zjopen.ingest.clean._SECTIONS": Anchored("fullmatch of one head line, once a line"),
    "zjopen.ingest.datelines._PERSON": Window(150, "matched against one name of a byline"),
    ",\\s*|\\s+and\\s+|\\s*[&/]\\s*": Window(
        150, "splits a byline (_BYLINE: at most 150 characters)"),
    "\\s+\\|\\s+|\\s*\\|\\s*": Window(160, "splits a metadata line (meta_line: at most 160)"),
    "\\s*editor\\s*:": Window(160, "matched in a segment of a metadata line (at most 160)"),
    "zjopen.ingest.html._TITLE_SUFFIX": Window(
        200, "searched only in a title's last 200 characters (_title_suffix): quadratic "
             "on a long run of white space, which a whole title could hold (a 120 KB title "
             "took 40 s before)"),
}
