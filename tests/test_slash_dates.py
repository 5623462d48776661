"""Table tests: a date line printed "Post Time: 20/08/2018" (city portals print the day
first; some sites print the month first). The one reading that names a valid day is the
date; when both readings do ("07/01/2019") no reader can tell, and the line gives no
date; it is a date line all the same: dropped, and never read as the source."""

from __future__ import annotations

import pytest

from zjopen.ingest._meta_lines import meta_line
from zjopen.ingest.clean import clean_lines
from zjopen.ingest.dates import slash_date


@pytest.mark.parametrize(("text", "expected"), [
    ("23/09/2019", "2019-09-23"),
    ("09/23/2019", "2019-09-23"),
    ("05/03/2019", None),  # either reading is a day
    ("31/02/2019", None),
    ("23/09/19", None),
    ("2019/09/23", None),  # (another form: find_date's)
])
def test_slash_dates(text: str, expected: str | None) -> None:
    found = slash_date(text)
    assert (found.isoformat() if found else None) == expected


_TITLE = "Yiwu exporters find new buyers"
_BODY = ("Yiwu's exports of small commodities rose 12 percent in the first half, the "
         "city's commerce bureau said.")


@pytest.mark.parametrize(("line", "published"), [
    ("Post Time: 23/09/2019", "2019-09-23"),
    ("Posted: 09/23/2019", "2019-09-23"),
    ("Post Time: 05/03/2019", None),
    ("Updated: 3/4", None),
])
def test_a_slash_date_line_is_dropped(line: str, published: str | None) -> None:
    cleaned = clean_lines([_TITLE, line, _BODY])
    assert cleaned.paragraphs == [_TITLE, _BODY]
    assert (cleaned.published.isoformat() if cleaned.published else None) == published
    assert cleaned.source is None


@pytest.mark.parametrize("line", [
    "Source: 12/34 Media",  # (letters: a name, as before)
    "Trade rose 20/08/2018",  # (no label: no date line)
])
def test_other_slashes_are_no_date_line(line: str) -> None:
    found = meta_line(line)
    assert found is None or (found.published is None and found.source == "12/34 Media")
