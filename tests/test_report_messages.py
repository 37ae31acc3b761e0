"""The message catalogue: every sentence a person reads exists in Bahasa Indonesia and English.

A key without a translation would print a KeyError or a blank to the OPD that runs --lang en (or
the default id); a placeholder present in one language only would crash the other one.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from evidence_check.messages import CATALOGUE, LANGUAGES, message
from evidence_check.models import Reason, Status

PACKAGE = Path(__file__).resolve().parents[1] / "evidence_check"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_every_language_with_the_same_placeholders(key: str) -> None:
    texts = CATALOGUE[key]
    assert set(texts) == set(LANGUAGES), f"{key}: languages {sorted(texts)}"
    assert all(texts[lang].strip() for lang in LANGUAGES), f"{key}: an empty translation"
    sets = {lang: placeholders(texts[lang]) for lang in LANGUAGES}
    assert sets["id"] == sets["en"], f"{key}: placeholders differ {sets}"


def test_every_status_and_reason_is_explained_with_what_to_do() -> None:
    """A new reason code must come with its explanation and action in both languages."""
    for status in Status:
        assert f"status.{status.value}" in CATALOGUE and f"tally.{status.value}" in CATALOGUE
    for reason in Reason:
        assert f"reason.{reason.value}" in CATALOGUE and f"action.{reason.value}" in CATALOGUE


def test_every_key_the_code_asks_for_exists() -> None:
    """A mistyped key in a writer is a crash in front of a user, found here instead."""
    used = set()
    for source in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"""message\(\s*["']([a-z_.-]+)["']""", source.read_text()))
    assert used, "no message() calls found: the pattern is out of date"
    assert sorted(used - set(CATALOGUE)) == []


def test_message_fills_placeholders_in_the_chosen_language() -> None:
    assert message("summary", "en", complete=1, weak=2, missing=3) == (
        "Summary: 1 complete · 2 weak · 3 missing"
    )
    assert message("tally.missing") == "Belum ada"
