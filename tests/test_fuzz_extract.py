"""Mutation fuzzing of the extractors: sound PDFs and DOCX from scripts/docgen.py with bytes flipped,
cut, inserted, deleted, duplicated, spliced, and numbers (lengths, counts, offsets) replaced.

Whatever the damage, `extract_file` and `read_one` return text or a Problem and never raise. About
560 cases run in-process (Hypothesis, derandomized: the same cases every run); a handful more go
through the worker pool, where a reader that kills its process must cost only its own file.
"""

from __future__ import annotations

import faulthandler
import io
import os
import random
import re
import signal
import zipfile
from collections.abc import Callable
from pathlib import Path

import helpers
import make_hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence_check import reader
from evidence_check.cache import Cache
from evidence_check.extract import extract_file
from evidence_check.models import Extraction, Reading, Reason, SourceFile
from evidence_check.reader import ReadOptions, read_all, read_one

docgen = helpers.docgen
ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
OPS = ("flip", "truncate", "insert", "delete", "duplicate", "splice", "number", "zero")
#: one mutation: the operation, where (a fraction of the length, as an integer), what to put there
Mutation = tuple[str, int, bytes]
MUTATIONS = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 2**32 - 1), st.binary(min_size=1, max_size=48)),
    min_size=1,
    max_size=4,
)
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def mutate(data: bytes, mutations: list[Mutation], other: bytes) -> bytes:
    """Apply each mutation in turn; `other` is a second sound file of the same type to splice."""
    out = bytearray(data)
    for op, where, payload in mutations:
        if not out:
            out = bytearray(payload)
            continue
        at = where % len(out)
        if op == "flip":
            for index, byte in enumerate(payload[:8]):
                spot = (at + index * 997) % len(out)
                out[spot] ^= byte or 0xFF
        elif op == "truncate":
            del out[at:]
        elif op == "insert":
            out[at:at] = payload
        elif op == "delete":
            del out[at : at + 1 + payload[0] * 4]
        elif op == "duplicate":
            out[at:at] = out[at : at + 1 + payload[0] * 8]
        elif op == "splice":
            cut = where % max(1, len(other))
            out = out[:at] + bytearray(other[cut:])
        elif op == "number":
            numbers = list(re.finditer(rb"\d+", out))
            if numbers:
                found = numbers[where % len(numbers)]
                big = (b"0", b"-1", b"99999999", b"2147483648", str(payload[0]).encode())
                out[found.start() : found.end()] = big[payload[0] % len(big)]
        else:  # zero: a run of zero bytes, as a failed sync leaves
            out[at : at + 1 + payload[0] * 16] = bytes(1 + payload[0] * 16)
    return bytes(out)


def assert_text_or_problem(path: Path) -> Extraction:
    """The contract of the extractors on any input, and of the reader built on them."""
    extraction = extract_file(path)
    assert isinstance(extraction, Extraction)
    if extraction.problem is None:
        assert any(page.text.strip() for page in extraction.pages), "text expected"
    else:
        assert extraction.problem.code in (Reason.UNREADABLE, Reason.NO_TEXT)
        assert extraction.problem.detail.strip()
    _, reading = read_one(path, ReadOptions())
    assert isinstance(reading, Reading)
    got = reading.problem.code if reading.problem else None
    assert got == (extraction.problem.code if extraction.problem else None)
    return extraction


class Corpus:
    """Sound seed files, and one scratch folder the mutated cases are written into."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        regulation = docgen.Regulation(topic=ARSITEKTUR, annex_with_blank_signature=True)
        report = docgen.Report(title=f"Laporan Reviu {ARSITEKTUR}")
        self.pdfs = [
            docgen.write_pdf(regulation, folder / "seed-regulation.pdf").read_bytes(),
            docgen.write_pdf(report, folder / "seed-report.pdf").read_bytes(),
        ]
        self.small_pdf = make_hostile.pdf_javascript()
        self.docx = [
            docgen.write_docx(
                regulation, folder / "seed-regulation.docx", header="SALINAN", table_rows=4
            ).read_bytes(),
            docgen.write_docx(report, folder / "seed-report.docx").read_bytes(),
        ]

    def case(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return Corpus(tmp_path_factory.mktemp("fuzz"))


def test_the_seeds_are_read(corpus: Corpus) -> None:
    """A fuzz run whose seeds do not even read would test nothing."""
    for index, data in enumerate([*corpus.pdfs, corpus.small_pdf]):
        assert assert_text_or_problem(corpus.case(f"seed{index}.pdf", data)).problem is None
    for index, data in enumerate(corpus.docx):
        assert assert_text_or_problem(corpus.case(f"seed{index}.docx", data)).problem is None


@settings(FUZZ, max_examples=200)
@given(mutations=MUTATIONS, seed=st.integers(0, 1))
def test_mutated_docgen_pdf_gives_text_or_a_problem(
    corpus: Corpus, mutations: list[Mutation], seed: int
) -> None:
    data = mutate(corpus.pdfs[seed], mutations, corpus.pdfs[1 - seed])
    assert_text_or_problem(corpus.case("Perbup.pdf", data))


@settings(FUZZ, max_examples=150)
@given(mutations=MUTATIONS)
def test_mutated_small_pdf_gives_text_or_a_problem(
    corpus: Corpus, mutations: list[Mutation]
) -> None:
    """A 900-byte PDF (with JavaScript actions): most mutations land in its structure."""
    data = mutate(corpus.small_pdf, mutations, corpus.pdfs[0])
    assert_text_or_problem(corpus.case("Perbup kecil.pdf", data))


@settings(FUZZ, max_examples=60)
@given(mutations=MUTATIONS, seed=st.integers(0, 1))
def test_mutated_docx_bytes_give_text_or_a_problem(
    corpus: Corpus, mutations: list[Mutation], seed: int
) -> None:
    data = mutate(corpus.docx[seed], mutations, corpus.docx[1 - seed])
    assert_text_or_problem(corpus.case("Laporan.docx", data))


def rezip(docx: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """The same DOCX with one part changed: a sound ZIP, so the XML reader gets the damage."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, change(data) if info.filename == part else data)
    return out.getvalue()


@settings(FUZZ, max_examples=150)
@given(
    mutations=MUTATIONS,
    seed=st.integers(0, 1),
    part=st.sampled_from(["word/document.xml", "word/header1.xml", "docProps/app.xml"]),
)
def test_mutated_docx_xml_gives_text_or_a_problem(
    corpus: Corpus, mutations: list[Mutation], seed: int, part: str
) -> None:
    other = corpus.docx[1 - seed]
    data = rezip(corpus.docx[seed], part, lambda xml: mutate(xml, mutations, other))
    assert_text_or_problem(corpus.case("Laporan xml.docx", data))


def test_a_pdf_with_one_broken_page_keeps_the_text_of_the_others(corpus: Corpus) -> None:
    """Found by the fuzzing above (about a quarter of the mutated docgen PDFs): one page PDFium
    cannot load makes the whole file unreadable, and the Perbup on the sound page is lost."""
    content = b"BT /F1 11 Tf 40 800 Td (PERATURAN BUPATI MOJOSARI TENTANG ARSITEKTUR SPBE) Tj ET"
    broken = make_hostile.raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>",  # object 9 does not exist
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )
    extraction = extract_file(corpus.case("Perbup halaman rusak.pdf", broken))
    text = "\n".join(page.text for page in extraction.pages)
    assert "TENTANG ARSITEKTUR SPBE" in text, extraction.problem


# --- through the worker pool ----------------------------------------------------------------

KILLER = b"%PDF-1.7 kills its reader"
_READ_ONE = reader.read_one


def read_or_die(path: Path, options: ReadOptions) -> tuple[str, Reading]:
    """A reader that dies like PDFium on a segmentation fault, on one content."""
    with path.open("rb") as handle:
        if handle.read(len(KILLER)) == KILLER:
            faulthandler.disable()  # the crash is the test: no stack dump from the worker
            os.kill(os.getpid(), signal.SIGSEGV)
    return _READ_ONE(path, options)


def seeded_cases(corpus: Corpus, count: int) -> list[Path]:
    rng = random.Random(2024)
    cases = []
    for index in range(count):
        docx = index % 2 == 1
        seeds = corpus.docx if docx else corpus.pdfs
        mutations = [
            (rng.choice(OPS), rng.randrange(2**32), rng.randbytes(rng.randrange(1, 48)))
            for _ in range(rng.randrange(1, 4))
        ]
        first = index // 2 % 2
        data = mutate(seeds[first], mutations, seeds[1 - first])
        cases.append(corpus.case(f"pool-{index}{'.docx' if docx else '.pdf'}", data))
    return cases


@pytest.mark.parametrize("count", [3, 23], ids=["one-file-per-task", "batched"])
def test_a_reader_that_kills_its_worker_costs_only_its_own_file(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """PDFium is C: a crash on one upload must make that file unreadable and nothing more; the
    other files read through the pool say exactly what they say in-process. With 24 files the
    pool sends them in batches of three, and the batch that died is read again file by file."""
    cases = seeded_cases(corpus, count)
    killer = corpus.case("pool-kills.pdf", KILLER)
    files = tuple(
        SourceFile(path=path.name, absolute=path, agency=None, size=path.stat().st_size)
        for path in [*cases[: count // 2], killer, *cases[count // 2 :]]
    )
    monkeypatch.setattr(reader, "read_one", read_or_die)
    outcomes = list(read_all(files, ReadOptions(timeout_seconds=60), Cache(None), jobs=2))
    got = {o.source.path: o.reading for o in outcomes}
    assert sorted(got) == sorted(f.path for f in files)
    dead = got["pool-kills.pdf"]
    assert dead is not None and dead.problem is not None
    assert dead.problem.code is Reason.UNREADABLE
    assert "stopped" in dead.problem.detail, dead.problem.detail
    monkeypatch.undo()
    for path in cases:
        _, alone = read_one(path, ReadOptions())
        pooled = got[path.name]
        assert pooled is not None
        assert pooled.problem == alone.problem, path.name
        assert pooled.title == alone.title, path.name
