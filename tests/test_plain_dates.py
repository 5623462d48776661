"""The common date forms are read without dateutil: the same date, or the same None,
as dateutil gives for every string of those forms that the date pattern matches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zjopen.ingest.datelines import _any_label, _date_label, labelled_date
from zjopen.ingest.dates import DATE_RE, _dateutil_date, _plain_date, find_date, parse_date

_MONTHS = ("Jan January Jan. Feb February Feb. Mar March Mar. Apr April Apr. May June Jun "
           "July Jul Aug August Aug. Sep Sept Sep. Sept. September Oct October Oct. Nov "
           "November Nov. Dec December Dec.").split()


_NUMBER = st.integers(0, 33).flatmap(lambda n: st.sampled_from([str(n), f"{n:02d}"]))
_YEAR = st.integers(1950, 2099).map(str)
_ISO = st.builds(lambda y, m, d, sep: f"{y}{sep}{m}{sep}{d}", _YEAR, _NUMBER, _NUMBER,
                 st.sampled_from("-/."))
_NAMED = st.builds(
    lambda month, case, space, day, suffix, sep, year:
        f"{case(month)}{space}{day}{suffix}{sep}{year}",
    st.sampled_from(_MONTHS), st.sampled_from([str, str.upper, str.lower]),
    st.sampled_from(["", " "]), _NUMBER, st.sampled_from(["", "st", "nd", "rd", "th", "TH"]),
    st.sampled_from([", ", ",", " "]), _YEAR)


@given(st.one_of(_ISO, _NAMED))
def test_a_plain_date_is_dateutils(text: str) -> None:
    if DATE_RE.fullmatch(text) is None:
        return  # (never handed to parse_date)
    plain = _plain_date(text)
    if plain is not None:
        assert (plain or None) == _dateutil_date(text), text
    assert parse_date(text) == _dateutil_date(text), text


def _former_find_date(text: str) -> tuple[object, int, int] | None:
    """find_date as it was, without its literal pretest (the oracle)."""
    for match in DATE_RE.finditer(text):
        found = parse_date(match.group())
        if found is not None:
            return found, match.start(), match.end()
    return None


_PIECES = st.sampled_from([*_MONTHS, "1", "2", "9", "0", "5", "19", "20", "195", "2023", "-",
                           "/", ".", ",", " ", "年", "月", "日", "st", "x", "|", "１", "٢"])


@given(st.one_of(_ISO, _NAMED, st.lists(_PIECES, max_size=12).map("".join),
                 st.builds(lambda a, b, c: a + b + c, st.text(max_size=6),
                           st.one_of(_ISO, _NAMED), st.text(max_size=6))))
def test_find_date_pretest_is_exact(text: str) -> None:
    """A text with no "19" and no "20" holds no year, hence no date."""
    assert find_date(text) == _former_find_date(text), text


def _former_labelled_date(line: str, *, leading: bool = False) -> object:
    """labelled_date as it was, without its literal pretest (the oracle)."""
    if leading:
        found = find_date(line[:40])
        if found is not None and found[1] == 0 and _any_label().search(line, found[2]):
            return found[0]
    for match in _date_label().finditer(line):
        if leading and line[: match.start()].strip(" |-–—()[]"):
            return None
        found = find_date(line[match.end() : match.end() + 40])
        if found is not None and found[1] == 0:
            return found[0]
    return None


_LABELLED = st.lists(st.sampled_from([
    "Updated", "Published", "Release date", "Source", "发布日期", "来源", ": ", "：", " ",
    " on ", "|", "Xinhua", "2023-05-16", "Sept 29, 2025", "09:48", "hits:", "1", "9", "2",
    "0", "19", "20", "-", "By", "x"]), max_size=10).map("".join)


@given(_LABELLED, st.booleans())
def test_labelled_date_pretest_is_exact(line: str, leading: bool) -> None:
    assert labelled_date(line, leading=leading) == _former_labelled_date(line, leading=leading)
