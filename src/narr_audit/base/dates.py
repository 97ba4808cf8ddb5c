"""Calendar dates as residence.yaml and the Standard write them (YYYY-MM-DD), with plain-words errors."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator


def parse_date(value: Any) -> date:
    """A calendar date written YYYY-MM-DD; anything else is a ValueError saying what is wrong."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31")
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD (e.g. 2026-03-31)")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}; months run from 01 to 12")
    try:
        return date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1]
        raise ValueError(f"'{text}' is not a real date: {calendar.month_name[month]} {year} has {last} days") from None


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

DateField = Annotated[date, BeforeValidator(parse_date)]
