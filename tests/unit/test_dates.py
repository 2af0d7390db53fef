from __future__ import annotations

from datetime import date

import pytest

from kg.dates import normalise, published_date

PUBLISHED = date(2021, 5, 12)  # a Wednesday


@pytest.mark.parametrize("expression, expected", [
    ("Dec. 23", "2020-12-23"), ("May 7", "2021-05-07"), ("November 24, 2014", "2014-11-24"),
    ("24 November 2014", "2014-11-24"), ("late 2014", "2014"), ("March 2021", "2021-03"),
    ("last Monday", "2021-05-10"), ("Friday", "2021-05-07"), ("on Wednesday", "2021-05-12"),
    ("yesterday", "2021-05-11"), ("last week", "2021-05-03"), ("this month", "2021-05"),
    ("last month", "2021-04"), ("a week ago", None),
])
def test_dates_relative_to_publication(expression, expected):
    assert normalise(expression, PUBLISHED) == expected


def test_dates_without_publication_keep_only_what_the_text_says():
    assert normalise("last Monday") is None
    assert normalise("Dec. 25") is None
    assert normalise("in 2011") == "2011"
    assert published_date("2014-12-02T08:00:00Z") == date(2014, 12, 2)
    assert published_date("yesterday") is None
