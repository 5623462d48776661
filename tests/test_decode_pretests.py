"""The decoder's sniffing with its byte pretests (one startswith for every magic number,
a NUL search before the UTF-16 counts) gives what the former loops gave (the oracles)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.ingest import decode


def _former_sniff(data: bytes) -> str | None:
    for magic, what in decode._MAGIC:
        if data.startswith(magic):
            return f"it looks like {what}"
    head = data[:4096]
    if b"\x00" in head:
        if head.count(0) == len(head):
            return "it holds only NUL bytes"
        return "it holds NUL bytes, which text does not"
    return None


def _former_utf16(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_DATA = st.one_of(
    st.binary(max_size=40),
    st.lists(st.sampled_from([b"\x00", b"a", b"a\x00", b"\x00a", b"PK\x03\x04", b"%PDF",
                              b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b" "]),
             max_size=30).map(b"".join),
    st.builds(lambda n, tail: b"a" * n + tail, st.integers(4080, 4100),
              st.sampled_from([b"", b"\x00", b"\x00\x00\x00"])),
)


@given(_DATA)
def test_sniffing_is_the_former_loops(data: bytes) -> None:
    assert decode.sniff_binary(data) == _former_sniff(data)
    assert decode._looks_like_utf16(data) == _former_utf16(data)
