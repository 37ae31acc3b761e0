"""Strings and numbers from a result made fit for people: control characters and bidi overrides
neutralised, numbers with the language's decimal mark, dates written out."""

from __future__ import annotations

import datetime as dt
import re

from evidence_check.messages import message

#: control characters, lone surrogates (undecodable file names) and bidi overrides, which could
#: hide or reorder text on a terminal or in a browser; shown as U+FFFD instead
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(text: str) -> str:
    return _UNSAFE.sub("\ufffd", text)


def decimal(value: float, places: int, lang: str) -> str:
    """A number as the language writes it: 2,80 in Indonesian, 2.80 in English."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "id" else text


def long_date(iso: str, lang: str) -> str:
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return clean(iso)
    month = message(f"month.{day.month}", lang)
    return message("date.long", lang, day=day.day, month=month, year=day.year)
