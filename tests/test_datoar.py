"""Date conventions (docs/svarfil.md «Date conventions»): examples from the issue and properties."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from docassemble.desentral.reglar.datoar import add_months, days_inclusive, notice_end, nynorsk_dato, period_end

datoar = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
manader = st.integers(min_value=1, max_value=120)


@pytest.mark.parametrize("start, months, end", [
    (date(2027, 1, 1), 3, date(2027, 3, 31)),     # the example
    (date(2026, 11, 30), 3, date(2027, 2, 28)),   # day 30 does not exist in February
    (date(2027, 11, 30), 3, date(2028, 2, 29)),   # ... in a leap year the last day is the 29th
    (date(2027, 1, 31), 1, date(2027, 2, 28)),
    (date(2027, 3, 31), 1, date(2027, 4, 30)),    # 31 April does not exist -> last day
    (date(2027, 3, 15), 6, date(2027, 9, 14)),
    (date(2027, 12, 1), 1, date(2027, 12, 31)),
    (date(2028, 2, 29), 12, date(2029, 2, 28)),
    (date(2027, 7, 1), 6, date(2027, 12, 31)),
])
def test_period_end_examples(start, months, end):
    assert period_end(start, months) == end


def test_period_end_rejects_zero():
    with pytest.raises(ValueError):
        period_end(date(2027, 1, 1), 0)


@pytest.mark.parametrize("given_on, months, weeks, end", [
    (date(2027, 3, 15), 1, 0, date(2027, 4, 15)),  # the example: date to date
    (date(2027, 1, 31), 1, 0, date(2027, 2, 28)),
    (date(2028, 1, 31), 1, 0, date(2028, 2, 29)),
    (date(2027, 3, 15), 0, 2, date(2027, 3, 29)),
    (date(2027, 10, 31), 6, 0, date(2028, 4, 30)),
])
def test_notice_end_examples(given_on, months, weeks, end):
    assert notice_end(given_on, months=months, weeks=weeks) == end


def test_notice_is_not_from_first_of_next_month():
    # arbeidsmiljølova § 15-3 (4) would give 30 April; statstilsettelova runs date to date.
    assert notice_end(date(2027, 3, 15), months=1) != date(2027, 4, 30)


def test_nynorsk_dato():
    assert nynorsk_dato(date(2027, 3, 1)) == "1. mars 2027"
    assert nynorsk_dato(date(2027, 12, 31)) == "31. desember 2027"
    assert nynorsk_dato(date(2028, 5, 17)) == "17. mai 2028"


@given(datoar, manader)
def test_period_end_lies_before_the_same_day_number_later(start, months):
    end = period_end(start, months)
    target = add_months(start, months)
    last = calendar.monthrange(target.year, target.month)[1]
    assert start < end <= target
    # It reaches the target day only where the day number does not exist (clamped month end).
    assert (end == target) == (start.day > last)


@given(datoar, manader)
def test_period_end_rule(start, months):
    end = period_end(start, months)
    index = start.year * 12 + start.month - 1 + months
    year, month = index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day <= last:
        assert end == date(year, month, start.day) - timedelta(days=1)
    else:
        assert end == date(year, month, last)


@given(datoar, manader)
def test_consecutive_periods_tile_without_gap_when_the_day_exists(start, months):
    # A period of N months followed by one of M months covers N+M months, for day numbers that
    # exist in every month.
    start = start.replace(day=min(start.day, 28))
    first_end = period_end(start, months)
    second_end = period_end(first_end + timedelta(days=1), 1)
    assert second_end == period_end(start, months + 1)


@given(datoar, manader, manader)
def test_period_end_is_monotone_in_months(start, a, b):
    if a < b:
        assert period_end(start, a) < period_end(start, b)


@given(datoar, datoar, manader)
def test_period_end_is_monotone_in_start(a, b, months):
    if a <= b:
        assert period_end(a, months) <= period_end(b, months)


@given(datoar, st.integers(min_value=0, max_value=24))
def test_notice_keeps_day_number_or_clamps_to_month_end(given_on, months):
    end = notice_end(given_on, months=months)
    last = calendar.monthrange(end.year, end.month)[1]
    assert end.day == min(given_on.day, last)
    assert (end.year * 12 + end.month) - (given_on.year * 12 + given_on.month) == months


@given(datoar, st.integers(min_value=0, max_value=3000))
def test_days_inclusive(first, extra):
    assert days_inclusive(first, first + timedelta(days=extra)) == extra + 1
