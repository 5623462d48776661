"""document.made_span builds the Span that Span() builds (checked) for a right span."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.document import made_span
from zjopen.model import Span


@given(st.text(max_size=120), st.integers(0, 120), st.integers(0, 120))
def test_made_span_is_the_checked_span(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    made, checked = made_span(start, end, text[start:end]), Span.of(text, start, end)
    assert made == checked
    assert hash(made) == hash(checked)
    assert repr(made) == repr(checked)
    if len(made.text) <= 48:
        assert made.text is checked.text  # both shared (sys.intern)
