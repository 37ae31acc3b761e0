"""Matching: how well one document answers one requirement, 0-100, and where it says so.

Three signals, read separately: the title area (what the document says it is), the file name and
folder path (what the uploader says it is) and the body (what it talks about). A topic only
mentioned in the body never makes a match, so a decree on the Dewan Smart City that mentions the
Tim Pelaksana is not the Tim Pelaksana decree; the document's form must suit the requirement's kind,
so an invitation to a meeting about a regulation is not the regulation. Judging (drafts, dates,
signatures, folders) is the judge's business.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from evidence_check.models import Evidence, Form, Kind, Profile, Thresholds
from evidence_check.text import normalize

STOPWORDS = frozenset(
    [
        "dan",
        "di",
        "ke",
        "dari",
        "yang",
        "atau",
        "untuk",
        "pada",
        "dalam",
        "tentang",
        "serta",
        "oleh",
        "atas",
        "bagi",
        "dengan",
        "the",
        "of",
        "and",
    ]
)
#: tokens shorter than this must match exactly; longer ones tolerate OCR and typing slips
FUZZY_MIN_LENGTH = 5
FUZZY_TOKEN = 80.0
#: extra words allowed inside a phrase ("Reviu Kebijakan Internal Arsitektur SPBE")
WINDOW_SLACK = 3

FULL, NEAR_ONLY, NEVER = 100.0, 75.0, 50.0
_ANY = {form: FULL for form in Form}
#: the best score a document of a given form can reach for a requirement of a given kind
COMPATIBLE: dict[Kind, dict[Form, float]] = {
    Kind.REGULATION: {
        **dict.fromkeys(Form, NEVER),
        Form.REGULATION: FULL,
        Form.UNKNOWN: FULL,
        Form.DECREE: NEAR_ONLY,
        Form.CIRCULAR: NEAR_ONLY,
    },
    Kind.DECREE: {
        **dict.fromkeys(Form, NEVER),
        Form.DECREE: FULL,
        Form.REGULATION: FULL,
        Form.UNKNOWN: FULL,
        Form.CIRCULAR: NEAR_ONLY,
    },
    Kind.REPORT: {
        **_ANY,
        Form.REGULATION: NEVER,
        Form.DECREE: NEVER,
        Form.CIRCULAR: NEVER,
        Form.LETTER: NEVER,
        Form.ATTENDANCE: NEVER,
        Form.PHOTO: NEVER,
        Form.MINUTES: NEAR_ONLY,
        Form.PLAN: NEAR_ONLY,
    },
    Kind.MINUTES: {
        **_ANY,
        Form.REGULATION: NEVER,
        Form.DECREE: NEVER,
        Form.CIRCULAR: NEVER,
        Form.PLAN: NEVER,
        Form.PHOTO: NEAR_ONLY,
        Form.REPORT: NEAR_ONLY,
    },
    Kind.PLAN: {
        **_ANY,
        Form.LETTER: NEVER,
        Form.ATTENDANCE: NEVER,
        Form.MINUTES: NEVER,
        Form.PHOTO: NEVER,
        Form.DECREE: NEAR_ONLY,
        Form.CIRCULAR: NEAR_ONLY,
    },
    Kind.SOP: {
        **_ANY,
        Form.LETTER: NEVER,
        Form.ATTENDANCE: NEVER,
        Form.MINUTES: NEVER,
        Form.PHOTO: NEVER,
        Form.REPORT: NEAR_ONLY,
    },
    Kind.OTHER: {**_ANY, Form.LETTER: NEAR_ONLY, Form.ATTENDANCE: NEAR_ONLY},
}


@dataclass(frozen=True)
class Query:
    """A requirement prepared for matching once: its phrases as normalised word tuples."""

    phrases: tuple[tuple[str, ...], ...]
    must: tuple[tuple[str, ...], ...]
    kind: Kind


def prepare(evidence: Evidence) -> Query:
    phrases = evidence.keywords or (evidence.title,)
    return Query(
        phrases=tuple(t for t in (tuple(normalize(p).split()) for p in phrases) if t),
        must=tuple(t for t in (tuple(normalize(p).split()) for p in evidence.must_include) if t),
        kind=evidence.kind,
    )


@dataclass
class Words:
    """A short text (title area or name) indexed for phrase search."""

    positions: dict[str, list[int]]
    vocabulary: list[str]
    similar: dict[str, list[tuple[str, float]]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Words:
        positions: dict[str, list[int]] = {}
        for index, word in enumerate(text.split()):
            positions.setdefault(word, []).append(index)
        return cls(positions=positions, vocabulary=list(positions))

    def hits(self, token: str) -> list[tuple[int, float]]:
        if token in self.positions:
            return [(p, 1.0) for p in self.positions[token]]
        if len(token) < FUZZY_MIN_LENGTH or token in STOPWORDS or not self.vocabulary:
            return []
        if token not in self.similar:
            found = process.extract(
                token, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_TOKEN, limit=3
            )
            self.similar[token] = [(word, score / 100.0) for word, score, _ in found]
        return [(p, sim) for word, sim in self.similar[token] for p in self.positions[word]]

    def phrase_score(self, phrase: tuple[str, ...]) -> float:
        """0-100: the weighted share of the phrase's words found close together, squared.

        Squaring keeps a sibling that shares a generic word ("SPBE") far below the near threshold.
        """
        weights = [1 if t in STOPWORDS else len(t) for t in phrase]
        hits = [self.hits(t) for t in phrase]
        span = len(phrase) + WINDOW_SLACK
        best = 0.0
        for anchor in sorted({p for h in hits for p, _ in h}):
            got = sum(
                w * max((s for p, s in h if anchor <= p < anchor + span), default=0.0)
                for w, h in zip(weights, hits, strict=True)
            )
            best = max(best, got)
        return 100.0 * (best / sum(weights)) ** 2


@dataclass(frozen=True)
class Match:
    score: float
    page: int | None
    snippet: str | None


class Matcher:
    """Scores documents against requirements; keeps each document's word index for reuse."""

    def __init__(self, thresholds: Thresholds) -> None:
        self.thresholds = thresholds
        self._words: dict[tuple[str, str], Words] = {}

    def _index(self, profile: Profile, which: str) -> Words:
        key = (profile.path, which)
        if key not in self._words:
            self._words[key] = Words.of(profile.title if which == "title" else profile.name)
        return self._words[key]

    def score(self, query: Query, profile: Profile) -> Match:
        match, near = self.thresholds.match, self.thresholds.near
        name_words = self._index(profile, "name")
        name = max((name_words.phrase_score(p) for p in query.phrases), default=0.0)
        title = 0.0
        if profile.title:
            title_words = self._index(profile, "title")
            title = max((title_words.phrase_score(p) for p in query.phrases), default=0.0)
        body_page = self._body_hit(query, profile) if profile.readable else None
        page, snippet = None, None
        if profile.readable and profile.title:
            if title >= near:
                score = min(100.0, title + (5.0 if name >= match else 0.0))
                page, snippet = profile.title_page, _shorten(profile.title_display)
            elif name >= match:
                # named like the requirement, but the document's own title says otherwise
                score = near + (5.0 if body_page is not None else 0.0)
            else:
                score = title
        elif profile.readable:
            # text, but no title area (an image cover): the name, confirmed by the body
            score = name if body_page is not None else min(name, match - 5.0)
            if body_page is not None:
                page, snippet = body_page
        else:
            score = name  # unreadable or without text: the name is all there is
        score = min(score, COMPATIBLE[query.kind][profile.form])
        if query.must and not all(self._present(m, profile) for m in query.must):
            score = min(score, match - 5.0)
        return Match(score=round(score, 1), page=page, snippet=snippet)

    def _present(self, phrase: tuple[str, ...], profile: Profile) -> bool:
        match = self.thresholds.match
        if self._index(profile, "name").phrase_score(phrase) >= match:
            return True
        return bool(profile.title) and self._index(profile, "title").phrase_score(phrase) >= match

    @staticmethod
    def _body_hit(query: Query, profile: Profile) -> tuple[int | None, str] | None:
        body = f" {profile.body} "
        for phrase in query.phrases:
            at = body.find(" " + " ".join(phrase) + " ")
            if at >= 0:
                index = bisect_right(profile.page_starts, at) - 1
                page = (
                    profile.page_numbers[index] if 0 <= index < len(profile.page_numbers) else None
                )
                return page, _shorten(body[max(0, at - 60) : at + 140].strip())
        return None


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
