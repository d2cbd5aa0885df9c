"""Date arithmetic for periods and notice, as README's "Datoreglar" states them.

Plain standard library; no docassemble import.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

__all__ = ["add_months", "period_end", "notice_end", "days_inclusive", "nynorsk_dato", "som_dato"]


def add_months(start: date, months: int) -> date:
    """The same day number `months` later, or that month's last day where it does not exist."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))


def period_end(start: date, months: int) -> date:
    """Last day of a period of `months` months that starts on `start`.

    The day before the same day number `months` later; where that day number does not exist
    in the target month, the target month's last day (1 Jan + 3 → 31 Mar; 30 Nov + 3 → 28 Feb).
    """
    if months <= 0:
        raise ValueError("months must be positive")
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    if start.day > last:
        return date(year, month0 + 1, last)
    return date(year, month0 + 1, start.day) - timedelta(days=1)


def notice_end(given: date, months: int = 0, weeks: int = 0) -> date:
    """End of a notice period that runs from date to date (statstilsettelova § 22).

    Notice given 15 Mar with one month ends 15 Apr; not from the 1st of the next month as
    under arbeidsmiljølova § 15-3 (4).
    """
    return add_months(given, months) + timedelta(weeks=weeks)


def days_inclusive(first: date, last: date) -> int:
    """Number of days from `first` to `last`, both counted."""
    return (last - first).days + 1


_MANADER = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)


def nynorsk_dato(dato: date) -> str:
    """A date as Nynorsk writes it in running text: «1. mars 2027»."""
    return f"{dato.day}. {_MANADER[dato.month - 1]} {dato.year}"


def som_dato(d):
    """A date from docassemble's date fields (DADateTime, a datetime) or an ISO text; a date or
    None as it is."""
    if isinstance(d, str):
        return date.fromisoformat(d[:10])
    return d.date() if isinstance(d, datetime) else d
