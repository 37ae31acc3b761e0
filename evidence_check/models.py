"""The vocabulary of evidence-check: the map, the files found, what was read from them, and findings.

Every type here is a frozen value handed from one pipeline stage to the next; nothing is filled in
later. Closed sets (statuses, reasons, kinds) are enums whose values are the JSON strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Status(Enum):
    COMPLETE = "complete"
    WEAK = "weak"
    MISSING = "missing"
    #: the row does not apply (a waiver in the region settings): not a gap, not complete
    WAIVED = "waived"


class Reason(Enum):
    """Why a row is weak, in the order reports list them (DESIGN.md, "Reason codes")."""

    UNREADABLE = "unreadable"
    NO_TEXT = "no-text"
    LOW_MATCH = "low-match"
    MISPLACED = "misplaced"
    #: a regulation or decree of another kabupaten or kota
    OTHER_REGION = "other-region"
    DRAFT = "draft"
    UNSIGNED = "unsigned"
    OUTDATED = "outdated"
    TOO_FEW = "too-few"
    #: level gating: the level below this row's is not complete, so the portal rejects it
    GATED = "gated"

    @property
    def rank(self) -> int:
        return list(Reason).index(self)


class Kind(Enum):
    """What a requirement asks for."""

    REGULATION = "regulation"
    DECREE = "decree"
    REPORT = "report"
    MINUTES = "minutes"
    PLAN = "plan"
    SOP = "sop"
    #: a picture of a live system (SIAP Digital, a dashboard): needs a URL, a date, an institution
    SCREENSHOT = "screenshot"
    OTHER = "other"


class Form(Enum):
    """What a document looks like, read from its title area (or its name when it has no text)."""

    REGULATION = "regulation"
    DECREE = "decree"
    CIRCULAR = "circular"
    LETTER = "letter"
    ATTENDANCE = "attendance"
    MINUTES = "minutes"
    REPORT = "report"
    PLAN = "plan"
    SOP = "sop"
    PHOTO = "photo"
    #: a picture of a system's screen: a picture file whose text names no document form
    SCREENSHOT = "screenshot"
    UNKNOWN = "unknown"


class Scope(Enum):
    SHARED = "shared"
    EACH = "each"


# --- the map -------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Agency:
    id: str
    name: str
    #: other names folders use for this agency ("Diskominfo", "Kominfo")
    aliases: tuple[str, ...] = ()
    #: format 3: the head's title as a memo addresses it ("Inspektur"); None: "Kepala <name>"
    head: str | None = None


@dataclass(frozen=True, kw_only=True)
class Evidence:
    id: str
    title: str
    kind: Kind = Kind.OTHER
    #: agency ids; the first one leads a shared requirement
    owners: tuple[str, ...]
    scope: Scope = Scope.SHARED
    #: topic phrases, any of which identifies the document
    keywords: tuple[str, ...] = ()
    #: phrases that must all appear in the title area or the file name
    must_include: tuple[str, ...] = ()
    #: freshness window in years; None means no age check
    max_age_years: int | None = None
    min_count: int = 1
    #: the capability level this evidence supports, if the map says
    level: int | None = None
    #: the evidence is a draft by nature (SPBE level 1)
    accept_draft: bool = False
    #: format 3: the evaluation portal's item code (I4-L1-02)
    code: str | None = None

    @property
    def label(self) -> str:
        """How reports name the item: its portal code where the map gives one, else its id."""
        return self.code or self.id


@dataclass(frozen=True, kw_only=True)
class Indicator:
    id: str
    name: str
    #: how reports group indicators: a domain, aspect or dimension
    group: str | None = None
    #: the indicator's weight in the index (SPBE: percent, summing to 100)
    weight: float | None = None
    evidence: tuple[Evidence, ...] = ()
    #: format 2: the SPBE domain and aspect (or Smart City dimension) the indicator belongs to
    domain: str | None = None
    aspect: str | None = None
    #: format 3: the national index the indicator is scored from (no evidence to upload)
    external: str | None = None


@dataclass(frozen=True, kw_only=True)
class Thresholds:
    match: float = 80.0
    near: float = 60.0


@dataclass(frozen=True, kw_only=True)
class Evaluation:
    name: str
    year: int
    max_age_years: int | None = None
    #: format 2: how the projected score is computed; None: no projection
    scoring: Scoring | None = None
    #: format 3: the region audited ("Kabupaten Mojosari"), when the map is one region's
    region: str | None = None
    #: format 3: the instrument that revoked this evaluation's ("PermenPANRB 8/2026")
    revoked_by: str | None = None


class Method(Enum):
    """How indicator levels become an index (format 2, `evaluation.scoring.method`)."""

    #: SPBE: index = sum(level x weight) / sum(weight), levels on the scale (1-5)
    WEIGHTED_LEVELS = "weighted-levels"
    #: Smart City: each dimension's mean score, then their mean weighted by `dimensions`
    DIMENSION_MEAN = "dimension-mean"


@dataclass(frozen=True, kw_only=True)
class Band:
    """A predikat: the label of every index from `min` up to the next band."""

    min: float
    label: str
    #: format 3: the band's second name (Pemdi: Merintis, Membangun, ... Unggul)
    name: str | None = None

    @property
    def display(self) -> str:
        return f"{self.label} ({self.name})" if self.name else self.label


@dataclass(frozen=True, kw_only=True)
class Scoring:
    method: Method
    #: the lowest and highest score of an indicator (SPBE 1-5, Smart City 1-4)
    scale: tuple[int, int] = (1, 5)
    #: dimension -> weight, for the dimension-mean method (an indicator's dimension is its group)
    dimensions: tuple[tuple[str, float], ...] = ()
    #: predikat bands, highest first
    bands: tuple[Band, ...] = ()
    #: format 3: an item of level n+1 is rejected while level n is not complete
    gating: bool = False


@dataclass(frozen=True, kw_only=True)
class EvidenceMap:
    #: the map's path as the user gave it, used in messages and in the JSON result
    source: str
    version: int
    evaluation: Evaluation
    thresholds: Thresholds
    agencies: tuple[Agency, ...]
    indicators: tuple[Indicator, ...]

    def agency(self, agency_id: str) -> Agency:
        return next(a for a in self.agencies if a.id == agency_id)


# --- discovery -----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SourceFile:
    """A regular file under ROOT that extraction will read."""

    #: relative to ROOT with "/" separators
    path: str
    absolute: Path
    #: the agency whose folder holds the file; None directly under ROOT or in an unknown folder
    agency: str | None
    size: int
    #: modification time: with the size, what tells an unchanged file without reading it
    mtime_ns: int = 0


@dataclass(frozen=True, kw_only=True)
class SkippedFile:
    path: str
    agency: str | None
    #: junk, unsupported, too-large, link-outside, link-loop, permission
    reason: str
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class Folder:
    """A first-level folder under ROOT and the agency it resolved to (None: not resolved)."""

    name: str
    agency: str | None


@dataclass(frozen=True, kw_only=True)
class Discovery:
    files: tuple[SourceFile, ...]
    skipped: tuple[SkippedFile, ...]
    folders: tuple[Folder, ...]
    #: map agencies that have no folder under ROOT
    agencies_without_folder: tuple[str, ...]


# --- extraction ----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Line:
    """One printed line at the top of a title page, with what the layout says of it."""

    text: str
    #: font size in points (PDF) or the run's size (DOCX); None when unknown (OCR)
    size: float | None = None
    #: bold type, or a heading/title paragraph style
    bold: bool = False
    #: centred on the page (or a centred paragraph)
    centred: bool = False


@dataclass(frozen=True, kw_only=True)
class Page:
    #: 1-based page number; None for formats without pages (DOCX)
    number: int | None
    text: str
    #: whether the page carried a text layer of its own (not OCR)
    has_text_layer: bool
    #: the layout of the page's first lines, read only for pages that may open a document
    lines: tuple[Line, ...] = ()
    #: a photograph of a scene (an event: a banner, people, a room), not of a page
    photo: bool = False
    #: whether the page opens a document of its own (a bundle's part), when the extractor
    #: already looked (title.opens_document); None: not looked
    opens: bool | None = None
    #: the text came from OCR of the whole page
    ocr: bool = False
    #: a scanned page of which only the head lines were read (`--ocr auto`: targeting.py)
    probed: bool = False
    #: the page header's lines as printed, Word's watermark word among them, where the format
    #: keeps the header apart (DOCX); a PDF's header is only the first line of its page text
    headers: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class TextLayer:
    """Where OCR found the words of one page: Tesseract's text-only PDF of the page image, laid
    over the page to make a scan searchable (kept with the reading, so OCR runs once)."""

    #: 1-based page number
    page: int
    pdf: bytes
    #: the page was read turned 180 degrees (it lay upside down): the layer is turned back
    turned: bool = False


@dataclass(frozen=True, kw_only=True)
class Problem:
    #: Reason.UNREADABLE or Reason.NO_TEXT
    code: Reason
    detail: str


@dataclass(frozen=True, kw_only=True)
class Extraction:
    pages: tuple[Page, ...] = ()
    problem: Problem | None = None
    #: page numbers whose text came from OCR
    ocr_pages: tuple[int, ...] = ()
    #: the page count where it differs from len(pages) (a DOCX is read as one text)
    page_count: int | None = None
    #: pages skipped while the others were read (too large to render, damaged), one line each
    page_problems: tuple[str, ...] = ()
    #: pages whose text layer was not language (page, why), read again like scans
    reread_pages: tuple[tuple[int, str], ...] = ()

    @property
    def pages_total(self) -> int | None:
        return self.page_count if self.page_count is not None else len(self.pages) or None


# --- what matching and judgement know of a document ------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Reading:
    """What was read from one file's content, the same for every copy whatever its name.

    Computed once per content (in a worker process) and cached; holds no page texts, only the
    facts and the short texts that matching and judgement search.
    """

    pages: int
    ocr_pages: tuple[int, ...] = ()
    problem: Problem | None = None
    #: pages skipped while the others were read (Extraction.page_problems)
    page_problems: tuple[str, ...] = ()
    #: normalised title area: the first page up to "Dengan Rahmat"/"Menimbang"; "" when unknown
    title: str = ""
    #: the title area as printed, whitespace collapsed, for snippets
    title_display: str = ""
    #: the first page's start as printed, whitespace collapsed: what checks read beyond the title
    #: block (a screenshot's URL, date and institution)
    excerpt: str = ""
    #: page of the title area
    title_page: int | None = None
    #: the form the title area shows (UNKNOWN without a title area)
    title_form: Form = Form.UNKNOWN
    #: the document's own year from its text (number, ratification date, period, closing date)
    text_year: int | None = None
    #: the draft marker found in the title area or a page header, None for a final document
    draft_marker: str | None = None
    #: whether the main ratification block ("Ditetapkan di ... pada tanggal <date>") is present
    ratified: bool = False
    #: identifies copies: same key, same content
    content_key: str
    #: normalised text, kept only for a document without a title area (a picture cover), whose
    #: body must confirm its name; pages joined, page_starts[i] is where page i begins
    body: str = ""
    page_starts: tuple[int, ...] = ()
    page_numbers: tuple[int | None, ...] = ()
    #: pages whose text layer was not language (page, why), read again like scans
    reread_pages: tuple[tuple[int, str], ...] = ()
    #: scanned pages of which only the head lines were read (`--ocr auto`): a body that must
    #: confirm the document lacks them until the file is read in full
    unread_pages: tuple[int, ...] = ()
    #: a bundle (one PDF holding several documents): one reading per document, in page order
    parts: tuple[Reading, ...] = ()
    #: for a part of a bundle: its first and last page
    part: tuple[int, int] | None = None

    @property
    def readable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, kw_only=True)
class Profile:
    """A document as matching and judgement see it: its reading, where it lies, what it is."""

    path: str
    agency: str | None
    #: normalised file name and folder path (below ROOT)
    name: str
    reading: Reading
    #: the title area's form, else the one the file name suggests
    form: Form
    #: the text's own year, else a year in the file name
    year: int | None
    #: what the instrument does: "revocation", "amendment" or None (checks/instrument.py)
    action: str | None = None
    #: the instrument an amendment amends, as printed ("Peraturan Bupati X Nomor 5 Tahun 2019")
    amends: str | None = None
    #: the instrument a revocation revokes, as printed ("Keputusan Bupati X Nomor .../2023")
    revokes: str | None = None
    #: the kabupaten or kota that issued it, as (kind, name), e.g. ("kabupaten", "mojosari")
    issuer: tuple[str, str] | None = None
    #: for a part of a bundle: its first and last page (the path is the bundle's)
    part: tuple[int, int] | None = None

    @property
    def readable(self) -> bool:
        return self.reading.problem is None


# --- matching and judgement -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """One document scored against one requirement, with the evidence of why."""

    path: str
    agency: str | None
    #: 0-100; None for an unread scan or picture listed because it may be the evidence (unread.py)
    score: float | None
    page: int | None
    snippet: str | None
    year: int | None
    #: this document's own problems for this requirement, in reason order
    problems: tuple[Reason, ...] = ()
    #: a pin in the region settings names this file for this requirement
    pinned: bool = False
    #: an amendment: the instrument it amends, which should be uploaded beside it
    amends: str | None = None
    #: the file in the audited tree that revokes this instrument: no longer in force, it is
    #: `outdated` whatever its year
    revoked_by: str | None = None
    #: a screenshot: what it does not show of url, date, institution (checks/screenshot.py)
    lacks: tuple[str, ...] = ()
    #: for a part of a bundle: its first and last page
    part: tuple[int, int] | None = None

    @property
    def label(self) -> str:
        """The path as reports show it: a part of a bundle with its pages ("hlm. 5-8")."""
        if self.part is None:
            return self.path
        first, last = self.part
        pages = str(first) if first == last else f"{first}-{last}"
        return f"{self.path} (hlm. {pages})"


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One requirement row: a shared requirement, or one owner of an `each` requirement."""

    indicator: Indicator
    evidence: Evidence
    agency: str
    status: Status
    reasons: tuple[Reason, ...]
    documents: tuple[Candidate, ...]
    #: level gating: the incomplete level below that blocks this row
    gated_by: int | None = None
    #: the waiver that makes this row `waived`
    waiver: Waiver | None = None


@dataclass(frozen=True, kw_only=True)
class IndicatorScore:
    """The level an indicator reaches on complete evidence, and what the next level needs."""

    indicator: str
    #: the projected level (a share of the scale for indicators whose evidence has no levels)
    level: float
    #: the next level and its rows not yet complete ("evidence@agency"), when there is one
    next_level: int | None = None
    needs: tuple[str, ...] = ()
    #: scored from a national index (format 3 `external`), not from evidence
    external: bool = False
    #: for an external indicator: "given" (--assume, assumed_levels) or "floor" (unknown)
    assumed: str | None = None


@dataclass(frozen=True, kw_only=True)
class Projection:
    """The projected score of an evaluation from the complete evidence alone."""

    index: float
    predikat: str | None
    indicators: tuple[IndicatorScore, ...]
    #: (kind, name, sub-index): kind is "domain", "aspect" or "dimension"
    groups: tuple[tuple[str, str, float], ...]
    #: "evidence@agency" -> how much the index would rise if that row alone were complete
    gains: dict[str, float] = field(default_factory=dict)
    #: the weight of the indicators counted at the floor for want of a known level: the index is
    #: then a minimum
    unknown_weight: float = 0.0
    #: the predikat band's second name (Pemdi: Membangun ...), when the map gives one
    predikat_name: str | None = None


@dataclass(frozen=True, kw_only=True)
class DocumentEntry:
    """A file as the JSON `documents` list reports it."""

    path: str
    agency: str | None
    state: str
    pages: int | None = None
    ocr_pages: tuple[int, ...] = ()
    problems: tuple[Problem, ...] = ()
    skip_reason: str | None = None
    detail: str | None = None
    #: pages whose text layer was not language (page, why), read again like scans
    reread_pages: tuple[tuple[int, str], ...] = ()
    #: a bundle's documents, as (first page, last page)
    parts: tuple[tuple[int, int], ...] = ()
    #: scanned pages of which only the head lines were read (`--ocr auto`)
    probed_pages: tuple[int, ...] = ()


# --- the region settings file (evidence-check.yaml) ------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Coordinator:
    """Who sends the memos: the coordinating office and its signatory."""

    #: the coordinator's agency id in the map (Diskominfo)
    agency: str | None = None
    #: the office as the letterhead names it ("Dinas Komunikasi dan Informatika Kabupaten X")
    office: str | None = None
    #: the signatory's title ("Kepala Dinas Komunikasi dan Informatika")
    title: str | None = None
    name: str | None = None
    nip: str | None = None
    address: str | None = None


@dataclass(frozen=True, kw_only=True)
class Pin:
    """A person's word that a file answers a requirement, whatever its name or title says."""

    #: relative to ROOT with "/"
    file: str
    #: the evidence id or portal code
    evidence: str
    note: str | None = None
    #: the owner of an `each` row the pin is for; None: the owner whose folder holds the file
    agency: str | None = None
    until: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class Waiver:
    """A row that does not apply to this region (this year), with who decided and why."""

    #: the evidence id or portal code
    evidence: str
    #: the row's agency; None: every row of that evidence
    agency: str | None = None
    reason: str
    by: str | None = None
    until: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class RegionSettings:
    """What the map cannot know about one region: read from `evidence-check.yaml` or --settings."""

    #: where it was read from, for messages; None when there is no settings file
    source: str | None = None
    region: str | None = None
    coordinator: Coordinator | None = None
    deadline: dt.date | None = None
    #: indicator id -> assumed level, for external indicators (`assumed_levels`, `--assume`)
    assumed_levels: tuple[tuple[str, float], ...] = ()
    pins: tuple[Pin, ...] = ()
    waivers: tuple[Waiver, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything a run can be told; the CLI builds one and hands it to `audit`."""

    #: with an agency id, ROOT is that agency's own folder (an OPD checking itself)
    agency: str | None = None
    #: worker processes for extraction; 1 reads in the calling process
    jobs: int = 1
    #: the persistent cache's folder; None: no cache
    cache_dir: Path | None = None
    #: read scans and photos with OCR when Tesseract is available
    ocr: bool = True
    #: with `ocr`: OCR in full only the pages of a scan the judgement reads, more only when a
    #: row still needs a body (`--ocr auto`); False: every page (`--ocr full`)
    ocr_targeted: bool = True
    #: files larger than this are skipped as too-large
    max_file_bytes: int = 300 * 1024 * 1024
    #: per-file wall-clock limit and memory cap of the reader
    file_timeout_seconds: float = 300.0
    file_memory_bytes: int | None = 2 * 1024**3
    #: read on a Dask cluster: "tcp://HOST:8786" or "local:N" (N local workers); None: locally
    scheduler: str | None = None
    #: send the files' bytes to the cluster's workers instead of their paths
    ship_bytes: bool = False
    #: the region settings file's content (with --assume and --deadline already applied)
    region: RegionSettings = field(default_factory=RegionSettings)


@dataclass(frozen=True, kw_only=True)
class RegionJob:
    """One region of `audit-many` (regions.py)."""

    #: the folder of its reports under --output-dir
    name: str
    root: Path
    #: --map for this region (a path or a shipped map's name); None: the default map
    map_option: str | None = None
    #: its settings file; None: ROOT/evidence-check.yaml when present
    settings: Path | None = None


# --- between audits (changes.py, history.py) --------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class RowState:
    """A row's status and reasons in one audit, as the JSON result writes them."""

    #: a status value ("complete", "weak", "missing", "waived")
    status: str
    #: reason codes, in reason order
    reasons: tuple[str, ...] = ()


class ChangeKind(Enum):
    """How a row differs from the baseline audit; the values are the JSON `changes` lists."""

    #: was weak or missing, now complete
    RESOLVED = "resolved"
    #: was complete, now weak or missing
    REGRESSED = "regressed"
    #: status or reasons otherwise changed
    CHANGED = "changed"
    #: a row the map gained
    ADDED = "added"
    #: a row the map lost
    REMOVED = "removed"


@dataclass(frozen=True, kw_only=True)
class RowChange:
    kind: ChangeKind
    indicator: str
    evidence: str
    #: the portal item code, when the map (current, else the baseline's) gives one
    code: str | None
    agency: str
    #: the requirement's title, for reports
    title: str
    #: None for an added row
    before: RowState | None
    #: None for a removed row
    after: RowState | None


@dataclass(frozen=True, kw_only=True)
class Changes:
    """What changed since an earlier audit (`--baseline`): only the rows that differ."""

    #: the baseline's generated_at
    baseline: str
    #: the baseline's counts: complete, weak, missing, waived
    baseline_summary: tuple[tuple[str, int], ...]
    #: the baseline's projected index, when it had one
    baseline_index: float | None
    #: in map order: current rows first, then the removed ones in the baseline's order
    rows: tuple[RowChange, ...]

    def of(self, kind: ChangeKind) -> tuple[RowChange, ...]:
        return tuple(r for r in self.rows if r.kind is kind)


@dataclass(frozen=True, kw_only=True)
class AuditPoint:
    """One audit kept in the history store: enough to list it and draw it over time."""

    generated_at: str
    #: the map as the user named it
    map: str
    complete: int
    weak: int
    missing: int
    waived: int = 0
    index: float | None = None


@dataclass(frozen=True, kw_only=True)
class AuditResult:
    map_source: str
    evaluation: Evaluation
    generated_at: str
    tool_version: str
    root: str
    findings: tuple[Finding, ...]
    documents: tuple[DocumentEntry, ...]
    folders: tuple[Folder, ...]
    agencies_without_folder: tuple[str, ...]
    agencies: tuple[Agency, ...] = field(default=())
    #: the map's indicators (external ones have no rows, yet reports name them)
    indicators: tuple[Indicator, ...] = field(default=())
    #: the agency of a self-check run (`--agency`), None for a whole-tree audit
    self_check: str | None = None
    #: whether scans and photos could be read with OCR in this run
    ocr_available: bool = False
    #: whether OCR was asked for (False: --no-ocr), to tell "turned off" from "not installed"
    ocr_requested: bool = True
    #: the operating system the audit ran on (platform.system()), for install hints
    platform: str = ""
    #: the agency ROOT's own folder name resolves to, for a self-check's sanity check
    root_agency: str | None = None
    #: when no first-level folder resolves to an agency: a folder inside ROOT whose own folders do
    root_hint: str | None = None
    #: the agency whose to-do list this result is (`todo`), None for a whole report
    focus: str | None = None
    #: the projected score, for maps with `evaluation.scoring` (format 2)
    projection: Projection | None = None
    #: the region audited: settings, else the map's evaluation.region, else its name's region
    region: str | None = None
    #: the region settings the run used
    region_settings: RegionSettings = field(default_factory=RegionSettings)
    #: what changed since the baseline audit (`--baseline`), None without one
    changes: Changes | None = None
    #: the audits of the same ROOT and map kept so far, oldest first, this one included
    history: tuple[AuditPoint, ...] = ()
    #: seconds spent per stage (discover, read, match, judge); never part of a report
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def count_status(self, status: str) -> int:
        return sum(1 for f in self.findings if f.status.value == status)

    @property
    def has_gaps(self) -> bool:
        return any(f.status in (Status.WEAK, Status.MISSING) for f in self.findings)
