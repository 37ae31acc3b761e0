"""Hostile and broken input (scripts/make_hostile.py): nothing crashes, nothing is lost, nothing leaks.

The corpus is built once and audited in ONE run of the command line, in a child Python so that its
time and the memory of its whole process tree can be measured and a crash cannot take pytest with
it. Every kind of bad input then gets its own expected outcome.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import helpers
import make_hostile
import pytest
from click.testing import CliRunner

from evidence_check import reader
from evidence_check.archive import escape_name
from evidence_check.audit import audit
from evidence_check.cli import main
from evidence_check.evidence_map import parse_map
from evidence_check.extract import extract_file, ocr
from evidence_check.messages import skip_label
from evidence_check.models import Settings
from evidence_check.report import json_report

MAP, build_tree, docgen = helpers.MAP, helpers.build_tree, helpers.docgen

#: the audit of the whole corpus must finish within this wall-clock time (measured: 2 to 3 s)
TIME_LIMIT_SECONDS = 60.0
#: the peak resident memory of the whole process tree, bounded from above as the command's own peak
#: plus, for each of its two workers, the peak of its largest child process (measured: 100 MB +
#: 2 x 430 MB = 955 MB; the 430 MB are the DOCX whose docProps/app.xml expands to 200 MB)
MEMORY_LIMIT_BYTES = 1536 * 1024**2
JOBS = 2
AS_ROOT = os.geteuid() == 0
FOLDER_AGENCY = {
    make_hostile.HUKUM: "bag-hukum",
    make_hostile.KOMINFO: "diskominfo",
    make_hostile.BAPPEDA: "bappeda",
    make_hostile.DLH: "dlh",
    make_hostile.OTHER: None,
}

# the child that runs the command line: one audit, then its own rusage and its children's
RUNNER = """\
import json, resource, sys
from evidence_check.cli import main
code = None
try:
    main(sys.argv[2:], prog_name="evidence-check")
except SystemExit as exc:
    code = exc.code
finally:
    usage = {
        "exit": code,
        "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(usage, out)
"""


@dataclass(frozen=True)
class Run:
    base: Path
    root: Path
    made: dict[str, str]
    before: dict[str, tuple[object, ...]]
    after: dict[str, tuple[object, ...]]
    outside_before: dict[str, tuple[object, ...]]
    outside_after: dict[str, tuple[object, ...]]
    base_after: set[str]
    parent_before: set[str]
    parent_after: set[str]
    tmp_before: set[str]
    tmp_after: set[str]
    returncode: int
    usage: dict[str, Any]
    seconds: float
    stderr: str
    report_text: str
    data: dict[str, Any]

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        return {d["path"]: d for d in self.data["documents"]}

    def kind_paths(self, kind: str) -> list[str]:
        return [path for path, k in self.made.items() if k == kind]

    @property
    def peak_bytes(self) -> int:
        return int(self.usage["self_kb"] + JOBS * self.usage["children_kb"]) * 1024


def snapshot(top: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under `top` (links not followed): type, mode, size, mtime, content hash."""
    state: dict[str, tuple[object, ...]] = {}
    for folder, dirs, names in os.walk(top):
        for name in [".", *dirs, *names]:
            path = Path(folder, name)
            key = path.relative_to(top).as_posix()
            try:
                info = path.lstat()
            except OSError:  # a path longer than the system takes
                state[key] = ("too-long",)
                continue
            if stat.S_ISLNK(info.st_mode):
                state[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                state[key] = ("file", info.st_mode, info.st_size, info.st_mtime_ns, _sha256(path))
            elif stat.S_ISDIR(info.st_mode):
                state[key] = ("dir", info.st_mode, info.st_mtime_ns)
            else:  # the named pipe: never opened
                state[key] = ("other", info.st_mode, info.st_mtime_ns)
    return state


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except PermissionError:  # mode 000 when the tests do not run as root
        return "unreadable"
    return digest.hexdigest()


def tmp_entries() -> set[str]:
    """The tool's temporary folders in the system's (tempfile names: a prefix and 8 characters;
    other tools of the project, such as the benchmarks, use longer names)."""
    pattern = re.compile(r"\.?evidence-check-[a-z0-9_]{8}")
    return {name for name in os.listdir(tempfile.gettempdir()) if pattern.fullmatch(name)}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("hostile")
    root = base / "tree"
    made = make_hostile.build(root)
    outside = base / "tree.outside"
    map_file = base / "map.yaml"
    map_file.write_text(MAP, encoding="utf-8")
    output = base / "report.json"
    usage_file = base / "usage.json"
    private_tmp = base / "tmp"
    home = base / "home"
    private_tmp.mkdir()
    home.mkdir()
    before, outside_before = snapshot(root), snapshot(outside)
    parent_before, tmp_before = set(os.listdir(base.parent)), tmp_entries()
    env = {
        **os.environ,
        "TMPDIR": str(private_tmp),
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    command = [
        *("audit", str(root), "--map", str(map_file), "--format", "json"),
        *("--jobs", str(JOBS), "--no-cache", "--no-history", "--output", str(output)),
    ]
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(usage_file), *command],
        cwd=base,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_SECONDS * 5,
        check=False,
    )
    seconds = time.monotonic() - started
    usage = json.loads(usage_file.read_text()) if usage_file.exists() else {}
    usage_file.unlink(missing_ok=True)
    report_text = output.read_text(encoding="utf-8") if output.exists() else ""
    return Run(
        base=base,
        root=root,
        made=made,
        before=before,
        after=snapshot(root),
        outside_before=outside_before,
        outside_after=snapshot(outside),
        base_after=set(os.listdir(base)),
        parent_before=parent_before,
        parent_after=set(os.listdir(base.parent)),
        tmp_before=tmp_before,
        tmp_after=tmp_entries(),
        returncode=done.returncode,
        usage=usage,
        seconds=seconds,
        stderr=done.stderr,
        report_text=report_text,
        data=json.loads(report_text) if report_text else {"documents": []},
    )


# --- the run as a whole ---------------------------------------------------------------------------


def test_the_corpus_has_at_least_25_kinds_of_bad_input(run: Run) -> None:
    kinds = set(run.made.values()) - {"control-pdf", "control-docx"}
    assert len(kinds) >= 25
    assert kinds <= set(make_hostile.KINDS), "every kind is described in make_hostile.KINDS"


def test_the_audit_ends_with_a_report_and_exit_0_or_1(run: Run) -> None:
    """A crash here (exit 3, a signal) would leave the coordinator without any report."""
    assert run.returncode in (0, 1), f"exit {run.returncode}, stderr:\n{run.stderr[-3000:]}"
    assert run.usage.get("exit") in (0, 1)
    assert run.report_text, "no JSON report was written"
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr


def test_the_audit_stays_within_time_and_memory(run: Run) -> None:
    print(
        f"hostile audit: {run.seconds:.1f} s, peak {run.peak_bytes / 1024**2:.0f} MB "
        f"(command {run.usage['self_kb'] // 1024} MB, largest worker "
        f"{run.usage['children_kb'] // 1024} MB)"
    )
    assert run.seconds < TIME_LIMIT_SECONDS
    assert run.peak_bytes < MEMORY_LIMIT_BYTES


def expected_paths(root: Path) -> tuple[set[str], set[str]]:
    """What the audit must list: every regular file and every link under ROOT (links not
    followed), and every member of every ZIP archive; and the folders it cannot enter."""
    files: set[str] = set()
    unreadable_folders: set[str] = set()

    def refused(error: OSError) -> None:
        folder = Path(str(error.filename)).relative_to(root).as_posix()
        unreadable_folders.add(escape_name(folder))

    for folder, dirs, names in os.walk(root, onerror=refused):
        for name in [*dirs, *names]:
            path = Path(folder, name)
            relative = escape_name(path.relative_to(root).as_posix())
            try:
                mode = path.lstat().st_mode
            except OSError:  # too long for the system: listed as such
                files.add(relative)
                continue
            if not stat.S_ISDIR(mode):  # files, links, and special files listed as skipped
                files.add(relative)
            if stat.S_ISREG(mode) and name.lower().endswith(".zip"):
                try:
                    with zipfile.ZipFile(path) as archive:
                        files |= {
                            f"{relative}!/{escape_name(info.filename)}"
                            for info in archive.infolist()
                            if not info.is_dir()
                        }
                except zipfile.BadZipFile:
                    pass  # a broken archive is one unreadable file
    return files, unreadable_folders


def _link_to_folder(path: Path) -> bool:
    try:
        return path.is_symlink() and path.is_dir()
    except OSError:  # a path too long for the system
        return False


def test_every_file_and_archive_member_is_accounted_for(run: Run) -> None:
    """A file missing from `documents` is a file the coordinator never hears of."""
    files, folders = expected_paths(run.root)
    listed = run.documents
    assert len(listed) == len(run.data["documents"]), "a path is listed twice"
    links_into_tree = {p for p in files if _link_to_folder(run.root / p)}
    lost = sorted(
        path
        for path in files
        if path not in listed
        and not (path in links_into_tree and any(d.startswith(path + "/") for d in listed))
    )
    assert lost == [], f"{len(lost)} files lost: {lost[:20]}"
    assert all(f in listed for f in folders)
    for path, document in listed.items():
        assert document["state"] in ("processed", "skipped"), path
        if document["state"] == "skipped":
            assert document["skip_reason"], path
        # nothing is listed that is not in the tree (no file reached through a link out of it)
        head = re.sub(r"(?<=\.zip)!/.*", "", path, flags=re.IGNORECASE)
        assert (
            head in files
            or head in folders  # a folder it cannot enter (not as root), listed as such
            or any(head.startswith(link + "/") for link in links_into_tree)
        ), path


def test_every_document_carries_the_agency_of_its_first_level_folder(run: Run) -> None:
    for path, document in run.documents.items():
        folder, _, rest = path.partition("/")
        expected = FOLDER_AGENCY.get(folder) if rest else None
        assert document["agency"] == expected, path


def test_the_tree_is_unchanged_byte_for_byte(run: Run) -> None:
    """ROOT is a synced shared drive: no file, folder, link or timestamp in it may change."""
    assert run.after == run.before
    assert run.outside_after == run.outside_before


def _another_live_run(name: str) -> bool:
    """A scratch folder of another run on this shared machine: gone since, or locked by a live
    process (the run under test ended, so a folder it left is neither)."""
    folder = Path(tempfile.gettempdir(), name)
    lock = folder / ".lock"
    return not folder.exists() or (lock.exists() and not reader._abandoned(str(lock)))


def test_nothing_is_written_outside_the_tree_but_the_report(run: Run) -> None:
    assert run.base_after == {"tree", "tree.outside", "map.yaml", "report.json", "tmp", "home"}
    assert os.listdir(run.base / "tmp") == [], "temporary files were left behind"
    assert os.listdir(run.base / "home") == [], "something was written into the user's home"
    assert run.parent_after == run.parent_before
    left = {name for name in run.tmp_after - run.tmp_before if not _another_live_run(name)}
    assert left == set(), f"left in /tmp: {left}"
    for escaped in ("keluar.pdf", "naik.pdf", "windows.pdf", "drive.pdf"):
        assert not (run.base / escaped).exists() and not (run.root / escaped).exists()
    assert not Path("/tmp/evidence-check-absolut.pdf").exists()


def test_nothing_from_outside_the_tree_or_from_entities_reaches_the_report(run: Run) -> None:
    """Links out of ROOT, XML entities and link entries in archives must not leak file content."""
    text = run.report_text
    assert make_hostile.OUTSIDE_TOKEN not in text
    assert "root:x:0:0" not in text and "lollollol" not in text


def test_every_problem_has_a_detail_a_person_can_act_on(run: Run) -> None:
    for path, document in run.documents.items():
        for problem in document.get("problems", []):
            assert problem in ("unreadable", "no-text"), path
            assert len(document["detail"].strip()) >= 10, (path, document)
            assert "Traceback" not in document["detail"], path


# --- each kind of bad input -------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    #: "read", "unreadable", "no-text", "unreadable|no-text", "skipped", "read|unreadable"
    outcome: str
    #: a pattern the problem detail or the skip reason must match
    detail: str = ""
    #: a phrase the extracted text must hold (checked in-process for "read")
    text: str = ""
    pages: int | None = None


UNREADABLE_PDF = Expect("unreadable", r"PDF")
READ_REGULATION = Expect("read", text="TENTANG ARSITEKTUR")
JUNK = Expect("skipped", r"^junk$")
LINK = Expect("skipped", r"^link-")

EXPECT: dict[str, Expect] = {
    "control-pdf": READ_REGULATION,
    "control-docx": Expect("read", text="LAPORAN REVIU ARSITEKTUR"),
    "pdf-truncated-half": UNREADABLE_PDF,
    "pdf-truncated-fifth": UNREADABLE_PDF,
    "pdf-truncated-header": UNREADABLE_PDF,
    "pdf-random-bytes": UNREADABLE_PDF,
    "zero-bytes": Expect("unreadable", r"empty|0 bytes"),
    "pdf-placeholder-26": UNREADABLE_PDF,
    "pdf-encrypted": Expect("unreadable", r"encrypt|password"),
    "pdf-owner-password": Expect("read", text="NOMOR 12 TAHUN 2023", pages=1),
    "pdf-javascript": Expect("read", text="TENTANG ARSITEKTUR SPBE", pages=1),
    "pdf-lying-page-count": Expect("read", text="TENTANG ARSITEKTUR SPBE", pages=1),
    "pdf-annex-1500": Expect("read", text="DAFTAR ASET TIK", pages=make_hostile.ANNEX_PAGES),
    "pdf-garbage-xref": Expect("read", text="TENTANG ARSITEKTUR SPBE", pages=1),
    "pdf-zero-pages": Expect("unreadable|no-text", r"PDF|page|text"),
    "pdf-images-only": Expect("no-text", r"text"),
    "pdf-giant-page": Expect("unreadable|no-text", r"."),
    "pdf-page-tree-loop": Expect("read|unreadable", r".", text="TENTANG ARSITEKTUR SPBE"),
    "pdf-deep-nesting": Expect("unreadable", r"."),
    "docx-named-pdf": Expect("read|unreadable", r"Word|DOCX|\.docx", text="LAPORAN REVIU"),
    "pdf-named-docx": READ_REGULATION,
    "pdf-named-jpg": READ_REGULATION,
    "zip-named-pdf": Expect("unreadable", r"."),
    "docx-legacy-doc": Expect("unreadable", r"\.doc"),
    "docx-xxe": Expect("unreadable", r"."),
    "docx-billion-laughs": Expect("unreadable", r"."),
    "docx-zip-bomb": Expect("unreadable", r"bomb|expands|refused"),
    "docx-bomb-in-docprops": Expect("read|unreadable", r"bomb|expands|refused", "LAPORAN REVIU"),
    "docx-missing-document": Expect("unreadable", r"document\.xml|Word"),
    "docx-damaged-xml": Expect("unreadable", r"."),
    "docx-truncated": Expect("unreadable", r"Word|ZIP|zip"),
    "xlsx-not-zip": Expect("unreadable", r"."),
    "pptx-garbage": Expect("unreadable", r"."),
    "pptx-not-a-deck": Expect("unreadable", r"."),
    "doc-antiword-fails": Expect("unreadable", r"antiword|\.doc|Word"),
    "doc-dash-name": Expect("unreadable", r"antiword|\.doc|Word"),
    "jpeg-truncated": Expect("unreadable", r"truncated|picture"),
    "png-bomb": Expect("unreadable", r"pixels|bomb"),
    "tiff-garbage": Expect("unreadable", r"picture|image"),
    "zip-broken": Expect("unreadable", r"ZIP|zip"),
    "symlink-outside-file": Expect("skipped", r"^link-outside$"),
    "symlink-outside-folder": Expect("skipped", r"^link-outside$"),
    "symlink-absolute-system": Expect("skipped", r"^link-outside$"),
    "symlink-loop-parent": LINK,
    "symlink-loop-self": LINK,
    "symlink-dangling": LINK,
    "symlink-inside-file": READ_REGULATION,
    "non-utf8-name": READ_REGULATION,
    "non-utf8-name-cp1252": UNREADABLE_PDF,
    "long-name": READ_REGULATION,
    "control-chars-name": READ_REGULATION,
    "office-lock": JUNK,
    "junk-thumbs": JUNK,
    "junk-desktop-ini": JUNK,
    "junk-ds-store": JUNK,
    "junk-macosx": JUNK,
    "unsupported-type": Expect("skipped", r"^unsupported$"),
    "no-permission": READ_REGULATION if AS_ROOT else Expect("skipped", r"^permission$"),
    "folder-no-permission": READ_REGULATION if AS_ROOT else Expect("skipped", r"^permission$"),
    "folder-named-like-file": READ_REGULATION,
    "sparse-too-large": Expect("skipped", r"^too-large$"),
    "root-level-file": UNREADABLE_PDF,
    "unresolved-folder": READ_REGULATION,
    "pdf-count-million": Expect("read", text="TENTANG ARSITEKTUR SPBE", pages=1),
    "pdf-giant-page-after-text": Expect("read", text="TENTANG ARSITEKTUR SPBE", pages=2),
    "tiff-500-frames": Expect("no-text", r"first 200 of its 500 frames"),
    "folder-named-like-member": READ_REGULATION,
    "path-too-long": Expect("skipped", r"^path-too-long$"),
    "socket-named-pdf": Expect("skipped", r"^special-file$"),
    "fifo-named-pdf": Expect("skipped", r"^special-file$"),
}

#: archives: what each member must become ("read", a problem code, or a skip reason)
MEMBERS: dict[str, dict[str, str]] = {
    "zip-path-traversal": {
        "../../keluar.pdf": "path-traversal",
        "/tmp/evidence-check-absolut.pdf": "path-traversal",
        "..\\..\\windows.pdf": "path-traversal",
        "C:/Windows/drive.pdf": "path-traversal",
        "dokumen/../../naik.pdf": "path-traversal",
        "dokumen/Perbup Arsitektur SPBE.pdf": "read",
    },
    "zip-nested": {"dalam.zip": "nested-archive", "surat.pdf": "read"},
    "zip-bomb-member": {"bom.pdf": "zip-bomb", "surat.pdf": "read"},
    "zip-encrypted-member": {"Perbup rahasia.pdf": "unreadable"},
    "zip-lying-size": {"Perbup.pdf": "unreadable"},
    "zip-symlink-member": {"tautan.pdf": "unreadable"},
    "zip-junk-members": {
        "__MACOSX/._Perbup.pdf": "junk",
        ".DS_Store": "junk",
        "Thumbs.db": "junk",
    },
}


OTHER_TESTS = {"zip-too-many-members", "symlink-inside-folder", "archive-beside-folder"}


def test_every_kind_has_an_expectation() -> None:
    assert set(make_hostile.KINDS) == {*EXPECT, *MEMBERS, *OTHER_TESTS}


@pytest.mark.parametrize("kind", sorted(EXPECT))
def test_each_kind_of_bad_input_gets_its_outcome(run: Run, kind: str) -> None:
    expect = EXPECT[kind]
    paths = run.kind_paths(kind)
    assert paths, f"the corpus has no {kind}"
    if kind == "folder-no-permission" and not AS_ROOT:  # the folder is listed, not its files
        paths = sorted({path.rsplit("/", 1)[0] for path in paths})
    for path in paths:
        document = run.documents.get(escape_name(path))
        assert document is not None, f"{path!r} is not in the report"
        problems = document.get("problems", [])
        outcomes = expect.outcome.split("|")
        if document["state"] == "skipped":
            got = "skipped"
            said = document["skip_reason"]
        elif problems:
            got = problems[0]
            said = document["detail"]
        else:
            got, said = "read", ""
        assert got in outcomes, f"{path!r}: {got} ({said}), expected {expect.outcome}"
        if got != "read" and expect.detail:
            assert re.search(expect.detail, said), f"{path!r}: detail {said!r}"
        if got == "read":
            if expect.pages is not None:
                assert document["pages"] == expect.pages, path
            if expect.text:
                extraction = extract_file(run.root / path)
                text = "\n".join(page.text for page in extraction.pages)
                assert expect.text in text, f"{path!r}: {expect.text!r} not read"


@pytest.mark.parametrize("kind", sorted(MEMBERS))
def test_each_archive_member_gets_its_outcome(run: Run, kind: str) -> None:
    (archive,) = run.kind_paths(kind)
    assert run.documents[archive]["state"] == "processed"
    assert run.documents[archive]["problems"] == []
    got = {}
    for path, document in run.documents.items():
        if path.startswith(archive + "!/"):
            problems = document.get("problems", [])
            if document["state"] == "skipped":
                got[path.split("!/", 1)[1]] = document["skip_reason"]
            else:
                got[path.split("!/", 1)[1]] = problems[0] if problems else "read"
    assert got == MEMBERS[kind]


def test_an_archive_of_5001_members_lists_every_one(run: Run) -> None:
    (archive,) = run.kind_paths("zip-too-many-members")
    members = [p for p in run.documents if p.startswith(archive + "!/")]
    assert len(members) == 5001
    reasons = Counter(run.documents[p].get("skip_reason") for p in members)
    assert set(reasons) <= {"unsupported", "too-many"}, reasons


def test_a_link_to_a_folder_inside_the_tree_is_skipped_or_walked(run: Run) -> None:
    (link,) = run.kind_paths("symlink-inside-folder")
    document = run.documents.get(link)
    if document is not None:
        assert document["state"] == "skipped" and document["skip_reason"].startswith("link-")
    else:
        assert any(path.startswith(link + "/") for path in run.documents)


def test_a_named_pipe_is_not_opened_and_is_listed_as_skipped(run: Run) -> None:
    """Opening a FIFO for reading blocks forever: the audit finished, so it was never opened."""
    (pipe,) = run.kind_paths("fifo-named-pdf")
    assert stat.S_ISFIFO((run.root / pipe).lstat().st_mode)
    assert run.documents[pipe]["state"] == "skipped"
    assert run.documents[pipe]["detail"] == "a named pipe: never opened"


def test_a_folder_named_like_an_archive_member_keeps_its_own_path(run: Run) -> None:
    """`paket.zip!/surat.pdf` is the archive's member; the real folder `paket.zip!` is written
    `paket.zip!!` (docs/json.md): two documents, never one for both."""
    (folder_file,) = run.kind_paths("folder-named-like-member")
    (archive,) = run.kind_paths("archive-beside-folder")
    real = escape_name(folder_file)
    assert real == f"{archive}!!/surat.pdf"
    assert run.documents[real]["state"] == "processed"
    assert run.documents[f"{archive}!/surat.pdf"]["state"] == "processed"


def test_a_page_too_large_to_ocr_is_named_and_the_other_pages_keep_their_text(run: Run) -> None:
    (path,) = run.kind_paths("pdf-giant-page-after-text")
    document = run.documents[path]
    assert document["problems"] == [] and document["pages"] == 2
    if ocr.available():
        assert "page 2 skipped: too large to render for OCR" in document["detail"]


def test_the_text_report_ends_with_the_skipped_files_and_why(run: Run) -> None:
    """The coordinator reads the last lines: how many files were skipped, for which reasons."""
    result = CliRunner().invoke(
        main,
        [
            *("audit", str(run.root), "--map", str(run.base / "map.yaml")),
            *("--format", "text", "--jobs", str(JOBS), "--no-cache"),
        ],
    )
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.rstrip("\n").splitlines()
    # the reasons in words, never the codes of the JSON (junk, link-outside ...)
    skipped = Counter(
        skip_label(d["skip_reason"], "id") for d in run.data["documents"] if d["state"] == "skipped"
    )
    detail = ", ".join(f"{reason} {count}" for reason, count in sorted(skipped.items()))
    assert lines[-1] == f"Berkas dilewati: {sum(skipped.values())} ({detail})"
    unreadable = sum(1 for d in run.data["documents"] if d.get("problems"))
    assert lines[-2] == f"Berkas yang tidak dapat dibaca: {unreadable}"


# --- bugs found with the corpus, each alone ----------------------------------------------------

ARSITEKTUR = "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
SLOW = b"%PDF-1.4 hangs the reader"
_READ_ONE = reader.read_one


def read_hanging(path: Path, options: reader.ReadOptions) -> tuple[str, object]:
    """A reader that hangs on one content (a PDF PDFium loops on), wherever the file lies."""
    with path.open("rb") as handle:
        if handle.read(len(SLOW)) == SLOW:
            time.sleep(60)
    return _READ_ONE(path, options)  # type: ignore[return-value]


def audit_json(root: Path, **settings: Any) -> dict[str, Any]:
    result = audit(parse_map(MAP, "map.yaml"), root, Settings(**settings))
    return json.loads(json_report.render(result))  # type: ignore[no-any-return]


def finish_within(seconds: float, work: Any) -> Any:
    """Run `work` in a thread; fail (rather than hang the suite) when it takes too long."""
    out: list[Any] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            out.append(work())
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert not worker.is_alive(), f"still running after {seconds:.0f} s"
    if errors:
        raise errors[0]
    return out[0]


def test_a_link_to_a_sibling_folder_does_not_hide_the_real_folder(tmp_path: Path) -> None:
    """A shortcut in one agency's folder to another agency's folder must not take its files:
    the Perbup stays Bagian Hukum's (else the row turns `misplaced`) and the real folder is
    not reported as a link loop."""
    root = build_tree(
        tmp_path / "tree", {"Bagian Hukum/Perbup.pdf": docgen.Regulation(topic=ARSITEKTUR)}
    )
    (root / "DLH").mkdir()
    (root / "DLH" / "pintasan").symlink_to(Path("..") / "Bagian Hukum")
    data = audit_json(root)
    documents = {d["path"]: d for d in data["documents"]}
    assert documents.get("Bagian Hukum/Perbup.pdf", {}).get("agency") == "bag-hukum", documents
    row = next(r for r in data["requirements"] if r["evidence"] == "arsitektur-perbup")
    assert row["status"] == "complete", row


def test_a_single_file_is_read_under_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one file to read the pool is bypassed: no timeout, no memory cap. A one-page PDF of
    14400 pt with no text then takes minutes and gigabytes to render for OCR."""
    root = tmp_path / "tree"
    (root / "Diskominfo").mkdir(parents=True)
    (root / "Diskominfo" / "Perbup.pdf").write_bytes(SLOW)
    monkeypatch.setattr(reader, "read_one", read_hanging)
    data = finish_within(20, lambda: audit_json(root, jobs=2, file_timeout_seconds=1))
    (entry,) = data["documents"]
    assert (entry["problems"], entry["detail"]) == (["unreadable"], "timed out after 1 s")


def test_a_hanging_file_among_many_costs_about_its_own_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-file timeout bounds what one bad file costs. Files sent to a worker in a batch
    share a timeout of (batch size x per-file timeout), and the batch is then read again file by
    file: one hanging PDF among 130 files costs 17 timeouts (with the default 300 s, 85 minutes)."""
    sound = docgen.write_pdf(docgen.Letter(subject="Rapat SPBE"), tmp_path / "s.pdf").read_bytes()
    root = tmp_path / "tree"
    (root / "Diskominfo").mkdir(parents=True)
    for index in range(130):
        (root / "Diskominfo" / f"undangan {index:03d}.pdf").write_bytes(sound)
    (root / "Diskominfo" / "undangan 050 lambat.pdf").write_bytes(SLOW)
    monkeypatch.setattr(reader, "read_one", read_hanging)
    started = time.monotonic()
    data = finish_within(60, lambda: audit_json(root, jobs=2, file_timeout_seconds=1))
    seconds = time.monotonic() - started
    entry = next(d for d in data["documents"] if d["path"].endswith("lambat.pdf"))
    assert (entry["problems"], entry["detail"]) == (["unreadable"], "timed out after 1 s")
    assert seconds < 10, f"one file with a 1 s timeout held the audit for {seconds:.0f} s"


def hanging_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    root = tmp_path / "tree"
    sound = docgen.write_pdf(docgen.Regulation(topic=ARSITEKTUR), tmp_path / "p.pdf").read_bytes()
    (root / "Bappeda").mkdir(parents=True)
    with zipfile.ZipFile(root / "Bappeda" / "kiriman.zip", "w") as archive:
        archive.writestr("a.pdf", sound)
        archive.writestr("lambat.pdf", SLOW)
        archive.writestr("z.pdf", sound)
    (root / "Bappeda" / "lain.pdf").write_bytes(sound)  # two tasks: the pool is used
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    monkeypatch.setattr(reader, "read_one", read_hanging)
    return root, private


def test_a_hanging_archive_member_does_not_lose_the_other_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One member that hangs (or crashes PDFium) must not take its sound siblings with it."""
    root, _ = hanging_archive(tmp_path, monkeypatch)
    data = finish_within(40, lambda: audit_json(root, jobs=2, file_timeout_seconds=0.5))
    paths = {d["path"] for d in data["documents"]}
    assert {"Bappeda/kiriman.zip!/a.pdf", "Bappeda/kiriman.zip!/z.pdf"} <= paths, paths


def test_a_hanging_archive_member_leaves_no_copy_in_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Members are copied out to be read: a worker killed on timeout must not leave the copy
    (a government document) in the temporary folder."""
    root, private = hanging_archive(tmp_path, monkeypatch)
    finish_within(40, lambda: audit_json(root, jobs=2, file_timeout_seconds=0.5))
    time.sleep(0.5)
    assert sorted(str(p.relative_to(private)) for p in private.rglob("*")) == []


def test_a_docx_page_count_part_is_not_inflated(tmp_path: Path) -> None:
    """docProps/app.xml only gives the page count; a 237 KB DOCX whose app.xml expands to
    200 MB must not cost 200 MB (in a worker, 2 GB of it makes a sound document unreadable)."""
    import tracemalloc

    sound = docgen.write_docx(
        docgen.Report(title=f"Laporan Reviu Arsitektur {ARSITEKTUR}"), tmp_path / "l.docx"
    )
    with zipfile.ZipFile(sound) as archive:
        parts: dict[str, bytes | str] = {
            n: archive.read(n) for n in archive.namelist() if n != "docProps/app.xml"
        }
    path = tmp_path / "Laporan.docx"
    make_hostile.write_zip_with_big_member(path, "docProps/app.xml", make_hostile.BOMB_BYTES, parts)
    tracemalloc.start()
    try:
        extraction = extract_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert extraction.problem is None or "bomb" in extraction.problem.detail
    assert peak < 64 * 1024**2, (
        f"peak {peak / 1024**2:.0f} MB to read a {path.stat().st_size} B file"
    )


@pytest.mark.skipif(not ocr.available(), reason="needs Tesseract with the Indonesian model")
def test_a_blank_annex_with_ocr_is_no_text_not_a_timeout(tmp_path: Path) -> None:
    """A 40-page annex of blank pages: each blank page costs three Tesseract runs (1.4 s), so a
    1,500-page blank annex times out after the default 300 s and is called unreadable."""
    blank = make_hostile.raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (3 + i) for i in range(40))
            + b"] /Count 40 /MediaBox [0 0 595 842] >>",
            *[b"<< /Type /Page /Parent 2 0 R >>"] * 40,
        ]
    )  # fmt: skip
    root = tmp_path / "tree"
    (root / "DLH").mkdir(parents=True)
    (root / "DLH" / "Lampiran kosong.pdf").write_bytes(blank)
    docgen.write_pdf(docgen.Regulation(topic=ARSITEKTUR), root / "DLH" / "Perbup.pdf")
    data = audit_json(root, jobs=2, ocr=True, file_timeout_seconds=12)
    entry = next(d for d in data["documents"] if d["path"] == "DLH/Lampiran kosong.pdf")
    assert entry["problems"] == ["no-text"], entry
