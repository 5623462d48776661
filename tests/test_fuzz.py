"""Fuzzing, bounded for CI: hostile text, bytes and mutated articles either parse or are
refused with a :class:`zjopen.errors.ZjopenError`; every article parsed round-trips
exactly through JSON, JSON Lines and CSV, and parses the same way every time (in another
process with another hash seed too). Every stored crasher is replayed.

The example budget follows the Hypothesis profile (``tests/conftest.py``): under
``CI=true`` 250 derandomised examples make 500 per property on text, bytes and word soup
and 250 mutated articles (about 20 s of CPU in all); locally, a quarter of that. The
long run, on every core, is ``benchmarks/fuzz.py``; it stores what it finds in
``tests/fixtures/crashers/`` (see :mod:`tests.fuzz.reduce`), which this file replays.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import cases
from tests.fuzz.oracle import describe, examine
from tests.fuzz.reduce import crasher_files, load_crasher

ROOT = Path(__file__).resolve().parent.parent
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]
fuzz_settings = settings(max_examples=settings().max_examples * 2, deadline=None,
                         suppress_health_check=_HEALTH)
mutation_settings = settings(max_examples=settings().max_examples, deadline=None,
                             suppress_health_check=_HEALTH)

# Any code point, lone surrogates (category Cs) and NUL included.
any_char = st.characters(exclude_categories=())
hostile_char = st.sampled_from([c for c in cases.UNICODE if len(c) == 1])
ascii_char = st.characters(min_codepoint=0, max_codepoint=127)
texts = st.text(st.one_of(any_char, hostile_char, ascii_char), max_size=400)

fragments = st.sampled_from(cases.SOUP + cases.TOKENS + cases.UNICODE + cases.NUMBERS[2:]
                            + cases.CHAIN_WORDS)
soups = st.lists(fragments, max_size=60).flatmap(
    lambda words: st.sampled_from((" ", "", "\n", "\n\n", "-", ", ")).map(
        lambda sep: sep.join(words)))


def edits(ops: int) -> st.SearchStrategy[cases.Edit]:
    return st.builds(cases.Edit, st.integers(0, ops - 1), st.integers(0, 1 << 20),
                     st.integers(0, 1 << 16), st.integers(0, 8 * len(cases.COUNTS)))


mutated = st.builds(
    cases.Case,
    seed=st.integers(0, len(cases.seeds()) - 1),
    window=st.none() | st.tuples(st.integers(0, 1 << 16),
                                 st.sampled_from((40, 100, 300, 800, 2000))),
    edits=st.lists(edits(cases.TEXT_OPS), max_size=4).map(tuple),
    encoding=st.integers(-1, len(cases.ENCODINGS) - 1) | st.just(-1),
    byte_edits=st.lists(edits(cases.BYTE_OPS), max_size=3).map(tuple),
)


def check(data: str | bytes) -> None:
    findings = examine(data)
    shown = repr(data) if len(data) <= 600 else f"{data[:600]!r}... ({len(data):,} long)"
    assert not findings, f"zjopen.parse({shown}):\n{describe(findings)}"


@fuzz_settings
@given(texts)
def test_any_text_parses_or_is_refused_and_round_trips(text: str) -> None:
    check(text)


@fuzz_settings
@given(st.binary(max_size=600))
def test_any_bytes_parse_or_are_refused_and_round_trip(data: bytes) -> None:
    check(data)


@fuzz_settings
@given(soups)
def test_word_soup_of_trade_news_parses_and_round_trips(text: str) -> None:
    check(text)


@mutation_settings
@given(mutated)
def test_mutated_articles_parse_or_are_refused_and_round_trip(case: cases.Case) -> None:
    check(cases.build(case, max_chars=8_000))


HOSTILE = {
    "Co., Ltd. x500": "X" + " Co., Ltd." * 500 + " signed.",
    "(ABC) x500": "Alpha Beta Corp" + " (ABC)" * 500,
    "2025, x500": "Trade\n\n" + "2025, " * 500,
    "2025,2025, x500": "Trade\n\n" + "2025," * 500,
    "hyphens": "Trade\n\n" + "-" * 5000 + " Ningbo grew 5%.",
    "capitalised chain": "Trade\n\n" + "Ab " * 2000 + "signed.",
    "deep HTML": "<html><body>" + "<div>" * 3000 + "<p>Ningbo grew 5%.</p>" + "</div>" * 3000,
    "deep HTML unclosed": "<html><body>" + "<div><span>" * 3000 + "Ningbo grew 5%.",
    "huge number": "Trade\n\nExports hit " + "9" * 1000 + " billion yuan.",
    "tiny exponent": "Trade\n\nExports rose 1e-999999 percent.",
    "CJK": "浙江贸易\n\n" + "浙江省宁波市对外贸易增长百分之五。" * 200,
    "RTL": "Trade\n\n" + "שלום \u202e Ningbo grew 5% \u202c السلام " * 100,
    "combining": "Trade\n\nNingbo" + "\u0301" * 2000 + " grew 5%.",
    "surrogates": "Trade\n\nNingbo\ud800 grew\udfff 5% to 1.2\udc80 billion yuan.",
    "NUL": "Trade\n\nNingbo\x00 grew 5%.",
    "emoji": "Trade\n\n" + "Ningbo 🚢 exports 📈 rose 5% 👍🏽 " * 200,
}
HOSTILE.update({f"JSON-LD {n}": cases.wrap_html("Ningbo trade\n\nNingbo grew 5%.", 0, n)
                for n in range(len(cases.LD_VALUES))})


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_shapes_parse_or_are_refused_and_round_trip(text: str) -> None:
    check(text)


@pytest.mark.parametrize("path", crasher_files(), ids=lambda p: p.name)
def test_stored_crasher(path: Path) -> None:
    """What the fuzzers once broke zjopen with (``tests/fixtures/crashers``)."""
    check(load_crasher(path.name, path.read_bytes()))


_DIGESTS = """
import hashlib, json, sys
sys.path.insert(0, sys.argv[1])
import zjopen
from tests.fuzz import cases
out = []
for n in range(len(cases.seeds())):
    for data in (cases.seeds()[n], cases.build(cases.Case(n, None, (cases.Edit(13, n, n, 5),)))):
        try:
            text = zjopen.dumps(zjopen.parse(data))
        except zjopen.errors.ZjopenError as exc:
            text = type(exc).__name__
        out.append(hashlib.blake2b(text.encode("utf-8", "surrogatepass")).hexdigest())
print(json.dumps(out))
"""


def _digests(hash_seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", _DIGESTS, str(ROOT)], capture_output=True,
                          text=True, env=env, timeout=300, check=True)
    digests: list[str] = json.loads(done.stdout)
    return digests


def test_the_seeds_parse_the_same_in_processes_with_other_hash_seeds() -> None:
    """Set and dict order of strings changes with ``PYTHONHASHSEED``: it must not
    change any article."""
    first, second = _digests("1"), _digests("2")
    assert len(first) == 2 * len(cases.seeds())
    differ = [n for n, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert not differ, f"inputs parsed differently: {differ}"


def test_crasher_names_are_their_content_hash() -> None:
    for path in crasher_files():
        digest = hashlib.blake2b(path.read_bytes(), digest_size=5).hexdigest()
        assert path.stem == digest, path.name
