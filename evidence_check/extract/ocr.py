"""OCR with the Tesseract command (Indonesian model), one Tesseract thread per worker process.

Pages arrive as grey images; the text is read upright first, then, if it reads as nonsense, with
Tesseract's orientation detection (90/270 degrees) and finally turned 180 degrees; the most
readable result wins. Whether Tesseract is there is asked once per process.

Inside `recording()` (the reader opens one around each extraction) every page read also keeps
its text layer: the same Tesseract run writes the text and a text-only PDF of where each word
stands, so a searchable copy is later made without a second OCR. The extractors stay unaware.
Photos are read as lines rebuilt from the words' boxes (`join_lines`).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from evidence_check.extract.helper import preexec
from evidence_check.models import TextLayer

LANGUAGE = "ind"
PAGE_TIMEOUT_SECONDS = 180
#: a page whose OCR text scores this (see `readability`) is taken as read the right way up
READABLE = 3.0
#: words common in any Indonesian government text: how we tell text from OCR noise
_COMMON = frozenset(
    """dan yang di ke dari untuk dengan pada dalam tentang nomor tahun atas oleh serta atau
    bupati wali kota kabupaten provinsi peraturan keputusan daerah pemerintah dinas badan kepala
    tanggal bahwa sebagaimana dimaksud pasal ayat bab huruf menimbang mengingat menetapkan
    laporan rapat hasil pelaksanaan kegiatan program sistem informasi data layanan elektronik
    republik indonesia negara tim perangkat bagian sekretariat ini itu adalah akan telah
    dapat tersebut sesuai lampiran salinan ditetapkan diundangkan berita acara hari tempat""".split()
)
_WORD = re.compile(r"[a-z]{2,}")


@functools.cache
def available() -> bool:
    """Whether Tesseract and its Indonesian model can be run here."""
    if shutil.which("tesseract") is None:
        return False
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in listed.stdout.split()


def readability(text: str) -> float:
    """How much the text reads as Indonesian: common words found, scaled by their share."""
    words = _WORD.findall(text.casefold())
    if not words:
        return 0.0
    known = sum(1 for w in words if w in _COMMON)
    return known * min(1.0, 10 * known / len(words))


#: pages are read at FAST_DPI, and again at SHARP_DPI when Tesseract's mean word confidence stays
#: below LOW_CONFIDENCE (measured with bench/ocr.py: the same title and ratification words at 200
#: as at 300 dpi on clean scans, in 0.6x the time); the command-line engine tells no confidence,
#: so it reads at SHARP_DPI
FAST_DPI = 200
SHARP_DPI = 300
LOW_CONFIDENCE = 80


class _Engine:
    """Tesseract inside the worker (tesserocr): the model is loaded once per process and psm,
    about twice as fast per page as a `tesseract` command per page (bench/ocr.py)."""

    name = "tesserocr"

    def __init__(self, module: Any, tessdata: str) -> None:
        self.module, self.tessdata = module, tessdata
        self.apis: dict[int, Any] = {}

    def _api(self, psm: int) -> Any:
        if psm not in self.apis:
            api = self.module.PyTessBaseAPI(path=self.tessdata, lang=LANGUAGE, psm=psm)
            api.SetVariable("textonly_pdf", "1")
            api.SetVariable("tessedit_create_pdf", "1")
            self.apis[psm] = api
        return self.apis[psm]

    def read(
        self, image: bytes, psm: int, *, layer: list[bytes] | None, tsv: bool, folder: str | None
    ) -> tuple[str, float | None]:
        with _quiet():  # Leptonica writes its complaints (a page's odd box) to stderr
            return self._read(image, psm, layer=layer, tsv=tsv, folder=folder)

    def _read(
        self, image: bytes, psm: int, *, layer: list[bytes] | None, tsv: bool, folder: str | None
    ) -> tuple[str, float | None]:
        api = self._api(psm)
        if layer is None:
            from PIL import Image

            api.SetImage(Image.open(io.BytesIO(image)))
            api.Recognize()
        else:  # ProcessPages, not ProcessPage: only it opens and closes the PDF it writes
            with tempfile.TemporaryDirectory(prefix="evidence-check-ocr-", dir=_dir(folder)) as out:
                base = os.path.join(out, "page")
                with open(base + ".pgm", "wb") as handle:
                    handle.write(image)
                api.ProcessPages(base, base + ".pgm")
                layer.append(_contents(base + ".pdf"))
        text = api.GetTSVText(0) if tsv else api.GetUTF8Text()
        return text, float(api.MeanTextConf())


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The process's stderr (file descriptor 2) sent to the null device while the block runs, as
    the command's stderr is captured: the person at the terminal sees no library's noise."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class _Command:
    """The `tesseract` command, one run per page: where tesserocr is not installed."""

    name = "cli"

    def read(
        self, image: bytes, psm: int, *, layer: list[bytes] | None, tsv: bool, folder: str | None
    ) -> tuple[str, float | None]:
        return _tesseract(
            image, psm, layer=layer, renderer="tsv" if tsv else "txt", folder=folder
        ), None


@functools.cache
def engine() -> _Engine | _Command:
    """How this process runs Tesseract: in process when tesserocr and the model's folder are
    found (unless EVIDENCE_CHECK_TESSERACT=cli), else the command."""
    if os.environ.get("EVIDENCE_CHECK_TESSERACT") != "cli":
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # read when the library loads
        try:
            import tesserocr
        except ImportError:
            tesserocr = None
        tessdata = _tessdata()
        if tesserocr is not None and tessdata is not None:
            return _Engine(tesserocr, tessdata)
    return _Command()


def _tessdata() -> str | None:
    """The folder of the installed models, as `tesseract --list-langs` names it."""
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r'"([^"]+)"', listed.stdout.split("\n", 1)[0])
    if found is None or not os.path.isfile(os.path.join(found.group(1), LANGUAGE + ".traineddata")):
        return None
    return found.group(1)


def setting() -> str:
    """What decides an OCR'd page's text here (engine and resolution): part of its cache key."""
    chosen = engine()
    if isinstance(chosen, _Engine):
        return f"tesserocr-{FAST_DPI}-{SHARP_DPI}-{LOW_CONFIDENCE}"
    return f"cli-{SHARP_DPI}"


def fast_dpi() -> int:
    """The resolution a page is first rendered at for this process's engine."""
    return FAST_DPI if isinstance(engine(), _Engine) else SHARP_DPI


def _ocr(
    image: bytes, psm: int, *, layer: list[bytes] | None, tsv: bool, folder: str | None
) -> tuple[str, float | None]:
    """One page image through Tesseract: its text (or TSV) and mean word confidence (None: the
    command does not tell); with `layer`, its text-only PDF is appended there."""
    return engine().read(image, psm, layer=layer, tsv=tsv, folder=folder)


def _tesseract(
    image: bytes,
    psm: int,
    *,
    layer: list[bytes] | None = None,
    renderer: str = "txt",
    folder: str | None = None,
) -> str:
    """The page's text by the `tesseract` command (`renderer` "txt"; "tsv" gives its word
    boxes); with `layer`, the same run also writes its text-only PDF, appended there (Tesseract
    reads a page once for all its renderers: the text is the same either way), its files in a
    folder made in `folder`."""
    command = ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--psm", str(psm)]
    if layer is None:
        out = _run([*command, *([renderer] if renderer != "txt" else [])], image)
        return out.decode("utf-8", "replace")
    with tempfile.TemporaryDirectory(prefix="evidence-check-ocr-", dir=_dir(folder)) as outputs:
        base = os.path.join(outputs, "page")
        command[2] = base
        _run([*command, "-c", "textonly_pdf=1", renderer, "pdf"], image)
        text = _contents(f"{base}.{renderer}").decode("utf-8", "replace")
        layer.append(_contents(base + ".pdf"))
    return text


def _dir(folder: str | None) -> str | None:
    return folder if folder is not None and os.path.isdir(folder) else None


def _run(command: list[str], image: bytes) -> bytes:
    """One Tesseract run on one page image, one thread, dying with its worker; its stdout."""
    done = subprocess.run(
        command,
        input=image,
        capture_output=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        timeout=PAGE_TIMEOUT_SECONDS,
        preexec_fn=preexec(),  # the workers run no other threads on Linux
        check=False,
    )
    return done.stdout


def _contents(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


#: a page OCR'd earlier, as the cache keeps it: its text, whether it was read turned 180
#: degrees, its text layer (b"": a blank page)
KnownPage = tuple[str, bool, bytes]  # cache.KnownPage: the extractors never import the cache


class Recording:
    """The text layers of the pages read, by page, taken file by file; the pages of the file
    being read that an earlier run already OCR'd (`known`), and the pages OCR'd now (`read`)."""

    def __init__(self, folder: str | None = None) -> None:
        #: page -> its layer and whether it was read turned 180 degrees (None: a blank page)
        self.seen: dict[int, tuple[bytes, bool] | None] = {}
        #: where Tesseract writes its outputs (the reader's private folder, which its parent
        #: removes even when a worker is killed); None: the system's temporary folder
        self.folder = folder
        self.known: dict[int, KnownPage] = {}
        self.read: dict[int, KnownPage] = {}

    def take(self, ocr_pages: tuple[int, ...]) -> tuple[TextLayer, ...]:
        """The layers of the file just read, given the pages its extraction says OCR read, and
        forget them; nothing when the two disagree, so a layer never lands on the wrong page."""
        seen = dict(self.seen)
        self.seen.clear()
        if set(ocr_pages) != set(seen):
            return ()
        return tuple(
            TextLayer(page=page, pdf=kept[0], turned=kept[1])
            for page in sorted(seen)
            if (kept := seen[page]) is not None and kept[0]
        )

    def start(self, known: dict[int, KnownPage]) -> None:
        """A new file: what an earlier run OCR'd of it, nothing read yet."""
        self.seen.clear()
        self.known, self.read = dict(known), {}


_RECORDING: ContextVar[Recording | None] = ContextVar("ocr_recording", default=None)


def record(folder: str | None = None) -> Recording:
    """From now on, in this context, keep the text layer of every page `read_image` reads (a
    reader worker does so for all the files it reads, taking them file by file)."""
    kept = Recording(folder)
    _RECORDING.set(kept)
    return kept


@contextlib.contextmanager
def recording() -> Iterator[Recording]:
    """Keep the text layer of every page `read_image` reads until the block ends."""
    kept = Recording()
    token = _RECORDING.set(kept)
    try:
        yield kept
    finally:
        _RECORDING.reset(token)


def encode_layers(layers: tuple[TextLayer, ...]) -> bytes:
    """A file's text layers as the cache keeps them; b"" for none."""
    if not layers:
        return b""
    listed = [[layer.page, layer.turned, base64.b64encode(layer.pdf).decode()] for layer in layers]
    return zlib.compress(json.dumps(listed).encode(), 6)


def decode_layers(payload: bytes) -> tuple[TextLayer, ...] | None:
    """The text layers `encode_layers` made; None for a damaged entry (a miss, never a wrong
    layer)."""
    try:
        listed = json.loads(zlib.decompress(payload))
        return tuple(
            TextLayer(page=int(page), turned=bool(turned), pdf=base64.b64decode(pdf))
            for page, turned, pdf in listed
        )
    except (ValueError, TypeError, zlib.error):
        return None


def join_lines(tsv: str) -> str:
    """Tesseract's TSV words as text: words of one (block, paragraph, line) form a line; lines
    of different blocks that stand at the same height are one line, read left to right."""
    lines: dict[tuple[str, str, str, str], list[tuple[int, int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, _, height = (int(v) for v in cells[6:10])
        lines.setdefault((cells[1], cells[2], cells[3], cells[4]), []).append(
            (left, top, height, cells[11].strip())
        )
    boxes: list[list[Any]] = []
    for words in lines.values():
        top = min(w[1] for w in words)
        bottom = max(w[1] + w[2] for w in words)
        boxes.append([top, bottom, sorted((w[0], w[3]) for w in words)])
    boxes.sort(key=lambda b: (b[0], b[2][0][0]))
    merged: list[list[Any]] = []
    for box in boxes:
        last = merged[-1] if merged else None
        if last is not None:
            overlap = min(last[1], box[1]) - max(last[0], box[0])
            if overlap > 0.5 * min(last[1] - last[0], box[1] - box[0]):
                last[0], last[1] = min(last[0], box[0]), max(last[1], box[1])
                last[2] = sorted(last[2] + box[2])
                continue
        merged.append(box)
    return "\n".join(" ".join(text for _, text in box[2]) for box in merged)


def read_image(
    upright: bytes, turned: Callable[[], bytes], *, lines: bool = False, page: int | None = None
) -> str:
    """OCR one page image (PGM bytes); `turned` makes the same page rotated 180 degrees;
    `lines` rebuilds lines from Tesseract's word boxes (photos: see `join_lines`); `page` is its
    number (default: the next one), under which its layer is recorded.

    A blank page is not sent to Tesseract; a page that yields next to no text is not tried
    turned either (turned text reads as plenty of nonsense, not as nothing)."""
    text, layer, _ = _best(upright, turned, lines)
    _record(page, layer)
    return text


def read_pdf_page(number: int, render: Callable[[int, int], bytes]) -> str:
    """OCR page `number` of a PDF, `render(dpi, rotation)` giving its image: at the fast
    resolution first, again at the sharp one when Tesseract is unsure; or its text as an earlier
    run of this file read it (`Recording.known`)."""
    kept = _RECORDING.get()
    if kept is not None and number in kept.known:
        text, turned, pdf = kept.known[number]
        kept.seen[number] = (pdf, turned) if pdf else None
        return text
    fast = fast_dpi()
    text, layer, confidence = _best(render(fast, 0), lambda: render(fast, 180), False)
    if confidence is not None and confidence < LOW_CONFIDENCE and fast != SHARP_DPI:
        text, layer, _ = _best(render(SHARP_DPI, 0), lambda: render(SHARP_DPI, 180), False)
    _record(number, layer)
    if kept is not None:
        kept.read[number] = (text, *layer) if layer is not None else (text, False, b"")
    return text


#: a probe's band is read at this resolution: enough for a page's head lines
PROBE_DPI = 150


def probe(band: bytes, turned: Callable[[], bytes]) -> str:
    """The first lines of a page, from an image of its top band (`turned`: the band at the
    bottom of the page, turned 180 degrees, for a page that may lie upside down): what tells
    where a scan's documents and annexes begin. A band that reads as nonsense while its turned
    twin reads better is returned as "?turned": the page must be read in full."""
    if _blank(band):
        return ""
    text, _ = _ocr(band, 6, layer=None, tsv=False, folder=None)
    if readability(text) >= READABLE or len("".join(text.split())) < MIN_TEXT:
        return text
    other, _ = _ocr(turned(), 6, layer=None, tsv=False, folder=None)
    return TURNED if readability(other) > readability(text) else text


#: what `probe` says of a page that seems to lie upside down
TURNED = "?turned"


def _record(page: int | None, layer: tuple[bool, bytes] | None) -> None:
    kept = _RECORDING.get()
    if kept is None:
        return
    number = page if page is not None else len(kept.seen) + 1
    kept.seen[number] = (layer[1], layer[0]) if layer is not None and layer[1] else None


def _best(
    upright: bytes, turned: Callable[[], bytes], lines: bool
) -> tuple[str, tuple[bool, bytes] | None, float | None]:
    """The most readable text of a page image, upright or turned; with a recording on, also
    whether it was read turned and its text layer (None for a blank page); and Tesseract's
    confidence in it."""
    kept = _RECORDING.get()
    if _blank(upright):
        return "", None, None
    layers: list[bytes] | None = [] if kept is not None else None
    folder = kept.folder if kept is not None else None

    def read(image: bytes, psm: int) -> tuple[str, float | None]:
        text, confidence = _ocr(image, psm, layer=layers, tsv=lines, folder=folder)
        return (join_lines(text) if lines else text), confidence

    best, confidence = read(upright, 3)
    chosen = 0
    if readability(best) < READABLE and len("".join(best.split())) >= MIN_TEXT:
        for rotation in (90, 180):
            # psm 1 lets Tesseract find a quarter turn itself; a half turn it misses, so we turn it
            text, sure = read(upright, 1) if rotation == 90 else read(turned(), 3)
            if readability(text) > readability(best):
                best, chosen, confidence = text, rotation, sure
            if readability(best) >= READABLE:
                break
    layer = None
    if layers is not None:
        layer = (chosen == 180, layers[(0, 90, 180).index(chosen)])
    return best, layer, confidence


DARK = bytes(1 if value < 128 else 0 for value in range(256))
#: a page with a smaller share of dark pixels than this holds no writing
BLANK_SHARE = 0.0005
#: visible characters below which an OCR result is taken as "nothing on this page"
MIN_TEXT = 20


def _blank(image: bytes) -> bool:
    """Whether a grey PGM page is empty: (almost) no dark pixel at all."""
    header_end = _pgm_header_length(image)
    if header_end is None:
        return False
    pixels = image[header_end:]
    return pixels.translate(DARK).count(1) < BLANK_SHARE * max(1, len(pixels))


def _pgm_header_length(image: bytes) -> int | None:
    if not image.startswith(b"P5"):
        return None
    fields, position = 0, 2
    while fields < 3 and position < len(image):
        while position < len(image) and image[position : position + 1].isspace():
            position += 1
        while position < len(image) and not image[position : position + 1].isspace():
            position += 1
        fields += 1
    return position + 1


def pgm(width: int, height: int, stride: int, buffer: bytes) -> bytes:
    """A grey bitmap as a PGM file, which Tesseract reads from stdin."""
    rows = (
        buffer
        if stride == width
        else b"".join(buffer[row * stride : row * stride + width] for row in range(height))
    )
    return b"P5\n%d %d\n255\n" % (width, height) + rows
