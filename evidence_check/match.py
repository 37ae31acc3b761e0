"""Matching: how well one document answers one requirement, 0-100, and where it says so.

Three signals, read separately: the title area (what the document says it is), the file name and
folder path (what the uploader says it is) and the body (what it talks about). A topic only
mentioned in the body never makes a match, so a decree on the Dewan Smart City that mentions the
Tim Pelaksana is not the Tim Pelaksana decree; the document's form must suit the requirement's kind,
so an invitation to a meeting about a regulation is not the regulation. Judging (drafts, dates,
signatures, folders) is the judge's business.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from evidence_check.checks.instrument import REVOCATION
from evidence_check.models import Evidence, Form, Kind, Profile, Reading, Thresholds
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


def fuzzy_cutoff(token: str) -> float:
    """How alike a word must be to stand for `token`: one slip (a wrong, missing or extra
    letter, as OCR makes: "INOONESIA", "arsitektvr"), never two ("pembahasan" is not
    "pembiayaan")."""
    return max(FUZZY_TOKEN, 100.0 * (1.0 - 1.0 / len(token)) - 0.01)


#: extra words allowed inside a phrase ("Laporan Reviu atas Kebijakan Internal tentang Arsitektur SPBE")
WINDOW_SLACK = 6
#: the best score of a phrase one of whose words is absent, and of a document that lacks the
#: `must_include` form: not a near match
MISSING_WORD_CAP = 50.0

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
        Form.REPORT: NEVER,
        Form.LETTER: NEVER,
        Form.ATTENDANCE: NEVER,
        Form.MINUTES: NEVER,
        Form.PHOTO: NEVER,
        Form.DECREE: NEAR_ONLY,
        Form.CIRCULAR: NEAR_ONLY,
    },
    # a procedure or an SLA is set down on paper: a dashboard of the SLA is not the SLA
    Kind.SOP: {
        **_ANY,
        Form.LETTER: NEVER,
        Form.ATTENDANCE: NEVER,
        Form.MINUTES: NEVER,
        Form.PHOTO: NEVER,
        Form.REPORT: NEVER,
        Form.SCREENSHOT: NEVER,
    },
    # a picture of a live system: a list or a report about the system is not the system
    Kind.SCREENSHOT: {
        **dict.fromkeys(Form, NEVER),
        Form.PHOTO: FULL,
        Form.SCREENSHOT: FULL,
        Form.UNKNOWN: FULL,
        # a system's page reads like a plan ("Arsitektur Proses Bisnis"): the judge asks it for
        # a URL, a date and an institution
        Form.PLAN: FULL,
        # a report on the use of a system with its screenshots is what assessors accepted
        # (Aceh Tengah I3-L1-02); a list (SOP, letter) about the system is not the system
        Form.REPORT: FULL,
    },
    Kind.OTHER: {**_ANY, Form.LETTER: NEAR_ONLY, Form.ATTENDANCE: NEAR_ONLY},
}


@dataclass(frozen=True)
class Query:
    """A requirement prepared for matching once: its phrases as normalised word tuples."""

    phrases: tuple[tuple[str, ...], ...]
    must: tuple[tuple[str, ...], ...]
    kind: Kind
    #: the requirement itself asks for a revocation (a rare "pencabutan" item)
    revocation: bool = False
    #: the requirement itself asks for a follow-up ("Tindak Lanjut Hasil Reviu ...")
    follow_up: bool = False


def prepare(evidence: Evidence) -> Query:
    phrases = evidence.keywords or (evidence.title,)
    return Query(
        phrases=tuple(t for t in (tuple(normalize(p).split()) for p in phrases) if t),
        must=tuple(t for t in (tuple(normalize(p).split()) for p in evidence.must_include) if t),
        kind=evidence.kind,
        revocation=any("pencabutan" in normalize(p).split() for p in (evidence.title, *phrases)),
        follow_up=any(" tindak lanjut " in f" {normalize(p)} " for p in (evidence.title, *phrases)),
    )


@dataclass
class Words:
    """A short text (title area or name) indexed for phrase search."""

    positions: dict[str, list[int]]
    vocabulary: list[str]
    similar: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    #: phrase scores already computed: many requirements share keywords and forms
    scores: dict[tuple[str, ...], float] = field(default_factory=dict)
    #: where the best-scoring place of each scored phrase stands (its words but stopwords)
    places: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Words:
        positions: dict[str, list[int]] = {}
        for index, word in enumerate(text.split()):
            positions.setdefault(word, []).append(index)
        return cls(positions=positions, vocabulary=list(positions))

    def hits(self, token: str) -> list[tuple[int, float]]:
        """Where the token stands in the text, with its similarity (1.0 when exact)."""
        found = self.similar.get(token)
        if found is None:
            if token in self.positions:
                found = [(p, 1.0) for p in self.positions[token]]
            elif len(token) < FUZZY_MIN_LENGTH or token in STOPWORDS or not self.vocabulary:
                found = []
            else:
                close = process.extract(
                    token,
                    self.vocabulary,
                    scorer=fuzz.ratio,
                    score_cutoff=fuzzy_cutoff(token),
                    limit=3,
                )
                found = [
                    (p, score / 100.0) for word, score, _ in close for p in self.positions[word]
                ]
            self.similar[token] = found
        return found

    def holds_all(self, phrase: tuple[str, ...]) -> bool:
        """Whether every word of the phrase (but stopwords) is here, exactly or nearly."""
        return all(t in STOPWORDS or self.hits(t) for t in phrase)

    def phrase_score(self, phrase: tuple[str, ...]) -> float:
        """0-100: the weighted similarity of the phrase's words found close together, squared.

        A phrase missing one of its words scores the share of the others, squared, and at most
        MISSING_WORD_CAP, below any sensible near threshold: "Reviu Arsitektur SPBE" is not
        nearly the Perbup on Arsitektur SPBE.
        Near scores come from damaged words (OCR) instead.
        """
        known = self.scores.get(phrase)
        if known is None:
            known = self.scores[phrase] = self._phrase_score(phrase)
        return known

    def _phrase_score(self, phrase: tuple[str, ...]) -> float:
        weights = _weights(phrase)
        total = sum(weights)
        hits = [self.hits(t) for t in phrase]
        if any(not h and t not in STOPWORDS for t, h in zip(phrase, hits, strict=True)):
            # a word is absent: the share of the others, wherever they stand, and the cap
            present = sum(
                w * max((s for _, s in h), default=0.0) for w, h in zip(weights, hits, strict=True)
            )
            return min(MISSING_WORD_CAP, 100.0 * (present / total) ** 2)
        span = len(phrase) + WINDOW_SLACK
        best = 0.0
        for anchor in sorted({p for h in hits for p, _ in h}):
            similar, places = _in_order(phrase, hits, anchor, anchor + span)
            score = 100.0 * (sum(w * s for w, s in zip(weights, similar, strict=True)) / total) ** 2
            if any(s == 0.0 and t not in STOPWORDS for t, s in zip(phrase, similar, strict=True)):
                score = min(score, MISSING_WORD_CAP)
            if score > best:
                best = score
                self.places[phrase] = places
        return best


def _in_order(
    phrase: tuple[str, ...], hits: list[list[tuple[int, float]]], start: int, end: int
) -> tuple[list[float], tuple[int, ...]]:
    """Each word's similarity at a place after the previous word's, within [start, end), the
    places chosen for the best weighted sum (a small dynamic programme over the hits), and the
    places of the words other than stopwords.

    Word order counts: "Audit Keamanan SPBE pada Aplikasi" is no "Audit Aplikasi SPBE". A word
    that finds no place after its predecessor scores 0; stopwords may stand anywhere or nowhere.
    """
    weights = _weights(phrase)
    # state: last position used -> (weighted sum, similarities so far, places so far)
    states: dict[int, tuple[float, list[float], tuple[int, ...]]] = {start - 1: (0.0, [], ())}
    for token, weight, found in zip(phrase, weights, hits, strict=True):
        inside = [(p, s) for p, s in found if start <= p < end]
        if token in STOPWORDS:
            best = max((s for _, s in inside), default=0.0)
            states = {
                k: (v + weight * best, [*sims, best], places)
                for k, (v, sims, places) in states.items()
            }
            continue
        following: dict[int, tuple[float, list[float], tuple[int, ...]]] = {}
        for last, (value, sims, places) in states.items():
            for place, similarity in inside:
                # on a tie the later predecessor wins: the most compact place, nearest its word
                if place > last and (
                    place not in following or value + weight * similarity >= following[place][0]
                ):
                    following[place] = (
                        value + weight * similarity,
                        [*sims, similarity],
                        (*places, place),
                    )
        if not following:  # no place after the previous word: this word is absent here
            _, sims, places = max(states.values(), key=lambda v: v[0])
            return [*sims, 0.0] + [0.0] * (len(phrase) - len(sims) - 1), places
        states = following
    _, sims, places = max(states.values(), key=lambda v: v[0])
    return sims, places


#: the phrases worth scoring on a document's title and on its name
Phrases = tuple[list[tuple[str, ...]], list[tuple[str, ...]]]


@dataclass(frozen=True)
class Match:
    score: float
    page: int | None
    snippet: str | None
    #: the title words the best phrase matched, as (word, place) pairs: how siblings are told
    #: apart (judge.py)
    where: tuple[tuple[str, int], ...] = ()


class Matcher:
    """Scores documents against requirements through a word index of titles and names.

    `candidates` uses the index to skip every document that cannot reach the near threshold, so
    the cost grows with the documents that share a requirement's words, not with the tree.
    """

    def __init__(self, thresholds: Thresholds, profiles: Sequence[Profile]) -> None:
        self.thresholds = thresholds
        self.profiles = profiles
        self._words = {
            "title": [Words.of(p.reading.title) for p in profiles],
            "name": [Words.of(p.name) for p in profiles],
        }
        self._postings: dict[str, dict[str, set[int]]] = {"title": {}, "name": {}}
        for which, texts in self._words.items():
            postings = self._postings[which]
            for index, words in enumerate(texts):
                for word in words.positions:
                    postings.setdefault(word, set()).add(index)
        self._vocabulary = {which: list(postings) for which, postings in self._postings.items()}
        self._holders: dict[tuple[str, str], set[int]] = {}
        # budgets (DPA/RKA) keep their body: a planning item is proven by a sub-activity in it
        self._budgets = [
            i for i, p in enumerate(profiles) if p.reading.title and p.reading.body and p.readable
        ]
        self._bodies: dict[int, Words] = {}
        self._lines: dict[int, list[tuple[str, Words]]] = {}
        # a phrase missing words that weigh more than this share can never reach the near score
        self._fatal_share = 1.0 - math.sqrt(thresholds.near / 100.0)
        self._all_words_needed = thresholds.near > MISSING_WORD_CAP

    def _documents_with(self, which: str, token: str) -> set[int]:
        """Documents whose title (or name) holds the token, or a word close enough to it."""
        key = (which, token)
        if key not in self._holders:
            postings = self._postings[which]
            found = set(postings.get(token, ()))
            if len(token) >= FUZZY_MIN_LENGTH and token not in STOPWORDS:
                similar = process.extract(
                    token,
                    self._vocabulary[which],
                    scorer=fuzz.ratio,
                    score_cutoff=fuzzy_cutoff(token),
                    limit=None,
                )
                for word, _, _ in similar:
                    found |= postings[word]
            self._holders[key] = found
        return self._holders[key]

    def candidates(self, query: Query) -> dict[int, Phrases]:
        """The documents that may score at least `near`, each with the phrases worth scoring on
        its title and on its name: a phrase missing a needed word there cannot reach `near`."""
        found: dict[int, Phrases] = {}
        for phrase in query.phrases:
            weights = _weights(phrase)
            total = sum(weights)
            required = [
                t
                for t, w in zip(phrase, weights, strict=True)
                if t not in STOPWORDS and (self._all_words_needed or w / total > self._fatal_share)
            ]
            for slot, which in enumerate(("title", "name")):
                if required:
                    holders = set.intersection(*(self._documents_with(which, t) for t in required))
                else:
                    holders = set().union(
                        *(self._documents_with(which, t) for t in phrase if t not in STOPWORDS)
                    )
                for index in holders:
                    found.setdefault(index, ([], []))[slot].append(phrase)
        if query.kind is Kind.PLAN:
            for index in self._budgets:
                found.setdefault(index, ([], []))
        return dict(sorted(found.items()))

    def score(self, query: Query, index: int, phrases: Phrases) -> Match:
        """Score one candidate on the phrases `candidates` found worth scoring."""
        profile = self.profiles[index]
        reading = profile.reading
        match, near = self.thresholds.match, self.thresholds.near
        title_phrases, name_phrases = phrases
        name = max((self._words["name"][index].phrase_score(p) for p in name_phrases), default=0.0)
        title, where = 0.0, tuple[tuple[str, int], ...]()
        if reading.title:
            words = self._words["title"][index]
            best_phrase = max(title_phrases, key=words.phrase_score, default=None)
            if best_phrase is not None:
                title = words.phrase_score(best_phrase)
                tokens = [t for t in best_phrase if t not in STOPWORDS]
                where = tuple(zip(tokens, words.places.get(best_phrase, ()), strict=False))
        page, snippet = None, None
        if reading.readable and reading.title:
            if title >= near:
                score = min(100.0, title + (5.0 if name >= match else 0.0))
                page, snippet = reading.title_page, _shorten(reading.title_display)
            elif name >= match:
                # named like the requirement, but the document's own title says otherwise
                score = near
            else:
                score = title
        elif reading.readable:
            # text, but no title area (a picture cover): the name, confirmed by the body
            body_hit = _body_hit(query, reading)
            score = name if body_hit is not None else min(name, match - 5.0)
            if body_hit is not None:
                page, snippet = body_hit
        else:
            score = name  # unreadable or without text: the name is all there is
        if query.kind is Kind.PLAN and reading.title and reading.body and score < match:
            found = self._in_budget(query, index)
            if found is not None:
                score, page, snippet = max(score, match), None, found
        score = min(score, COMPATIBLE[query.kind][profile.form])
        if where and not query.follow_up and _follows_up(reading.title, where[0][1]):
            # "Laporan Tindak Lanjut Hasil Survei Kepuasan ..." is the follow-up's, not the survey's
            score = min(score, MISSING_WORD_CAP)
        if (
            profile.form is Form.DECREE
            and query.kind not in (Kind.DECREE, Kind.REGULATION)
            and _forms_a_team(reading.title)
        ):
            # "Keputusan ... tentang Tim Penyusun Rencana X" sets up a team: it is never plan X
            score = min(score, MISSING_WORD_CAP)
        if profile.action == REVOCATION and not query.revocation:
            # "tentang Pencabutan Peraturan Bupati ... tentang X" ends X: it is never X
            score = min(score, MISSING_WORD_CAP)
        if query.must and not all(self._present(m, index) for m in query.must):
            score = min(score, MISSING_WORD_CAP)
        return Match(score=round(score, 1), page=page, snippet=snippet, where=where)

    def _in_budget(self, query: Query, index: int) -> str | None:
        """The words of a budget's body that name the item ("Sub Kegiatan ... Pemerintah
        Digital"), or None: an RKA/DPA without the named sub-activity proves nothing (assessors
        rejected those, PermenPANRB 8/2026 I4 and I13)."""
        words = self._bodies.get(index)
        if words is None:
            words = self._bodies[index] = Words.of(self.profiles[index].reading.body)
        tokens: list[str] | None = None
        for phrase in query.phrases:
            if _BUDGET_WORDS.isdisjoint(phrase):
                # a bare name ("Pengembangan Aplikasi dan Proses Bisnis") is a budget line only
                # where a sub-activity's code opens it, never in the budget's prose
                for line, name in self._budget_lines(index):
                    if name.phrase_score(phrase) >= self.thresholds.match:
                        return _shorten(line)
                continue
            if words.phrase_score(phrase) >= self.thresholds.match:
                places = words.places.get(phrase, ())
                if not places:
                    return _shorten(" ".join(phrase))
                if tokens is None:
                    tokens = self.profiles[index].reading.body.split()
                return _shorten(" ".join(tokens[max(0, places[0] - 3) : places[-1] + 4]))
        return None

    def _budget_lines(self, index: int) -> list[tuple[str, Words]]:
        """The rows of a budget's tables, "code  name  amount": each row as printed from its
        sub-activity code to its amount, with the name indexed for phrase search."""
        lines = self._lines.get(index)
        if lines is None:
            body = self.profiles[index].reading.body
            codes = list(_SUB_ACTIVITY_CODE.finditer(body))
            lines = self._lines[index] = []
            for at, code in enumerate(codes):
                end = codes[at + 1].start() if at + 1 < len(codes) else len(body)
                name: list[str] = []
                for word in body[code.end() : end].split()[:_NAME_WORDS]:
                    if word == "rp" or word.isdigit():  # the amount ends the name
                        break
                    name.append(word)
                lines.append((" ".join((code.group(), *name)), Words.of(" ".join(name))))
        return lines

    def _present(self, phrase: tuple[str, ...], index: int) -> bool:
        return any(
            words[index].holds_all(phrase)
            and words[index].phrase_score(phrase) >= self.thresholds.match
            for words in self._words.values()
        )


#: the words of a phrase that names a line of a budget (a sub-activity, a programme, a spending)
_BUDGET_WORDS = frozenset(("sub", "kegiatan", "program", "anggaran", "belanja"))
#: a sub-activity's code in the Kepmendagri nomenclature, as normalised ("2.16.03.1.02.0003" ->
#: "2 16 03 1 02 0003"; cross-cutting affairs print "X.XX"): what opens a row of a DPA/RKA table
_SUB_ACTIVITY_CODE = re.compile(r"(?<!\S)[\dx] (?:\d\d|xx) \d\d \d \d\d \d{4}(?!\S)")
#: the most words of a sub-activity's name a row is read for
_NAME_WORDS = 16


def _follows_up(title: str, start: int) -> bool:
    """Whether the title calls the document a follow-up before the matched phrase begins."""
    return " tindak lanjut " in " " + " ".join(title.split()[:start]) + " "


#: what a decree that sets up a body names first after "tentang"
_TEAM_HEADS = (
    "tim",
    "pembentukan tim",
    "penetapan tim",
    "susunan tim",
    "pembentukan kelompok kerja",
    "kelompok kerja",
    "pokja",
    "satuan tugas",
    "satgas",
    "pembentukan satuan tugas",
)


def _forms_a_team(title: str) -> bool:
    words = f" {title} "
    at = words.find(" tentang ")
    if at < 0:
        return False
    topic = words[at + len(" tentang ") :]
    return any(topic.startswith(head + " ") for head in _TEAM_HEADS)


def _weights(phrase: tuple[str, ...]) -> list[int]:
    return [1 if t in STOPWORDS else len(t) for t in phrase]


def _body_hit(query: Query, reading: Reading) -> tuple[int | None, str] | None:
    body = f" {reading.body} "
    for phrase in query.phrases:
        at = body.find(" " + " ".join(phrase) + " ")
        if at >= 0:
            index = bisect_right(reading.page_starts, at) - 1
            numbers = reading.page_numbers
            page = numbers[index] if 0 <= index < len(numbers) else None
            return page, _shorten(body[max(0, at - 60) : at + 140].strip())
    return None


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
