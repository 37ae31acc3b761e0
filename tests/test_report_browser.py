"""The HTML dashboard in a real browser: headless Chromium draws it with no console error, with
its charts visible, and prints it on A4 with every agency on a page of its own.

Needs Debian's `chromium`, which `make test` installs (EVIDENCE_CHECK_BROWSER_TESTS=1
scripts/install-system-packages.sh). A missing browser fails these tests: it never skips them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from report_result import result

from evidence_check.models import Status
from evidence_check.report import html_report
from evidence_check.report.charts import COLOURS

WIDTH, HEIGHT = 1280, 2400


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    browser = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.access(browser, os.X_OK):
        pytest.fail(
            "Chromium is missing: run `make test` (it installs Debian's chromium) or "
            "`apt-get install chromium`; the HTML report cannot be checked without it"
        )
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    target = tmp_path / "evidence-check.html"
    target.write_text(html_report.render(result(), "id"), encoding="utf-8")
    return target


def console_messages(stderr: str) -> list[str]:
    """Chromium logs every console message (errors, CSP violations) as a CONSOLE line."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_dashboard_renders_with_visible_charts_and_no_console_error(
    tmp_path: Path, page: Path
) -> None:
    """A blank page, a blocked fetch or a chart that does not draw is what a coordinator would see."""
    shot = tmp_path / "evidence-check.png"
    run = chromium(
        tmp_path, f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", page.as_uri()
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert console_messages(run.stderr) == []
    image = Image.open(shot).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    pixels: dict[tuple[int, int, int], int] = {}
    for count, colour in image.getcolors(maxcolors=WIDTH * HEIGHT) or []:
        pixels[colour] = count
    for status, colour in COLOURS.items():
        if status is Status.WAIVED:  # the report has no waiver: no waived bar to see
            continue
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        # the bars are the only large areas of the saturated colours (badges use tints)
        assert pixels.get(rgb, 0) > 2000, f"the {status.value} bars are not visible"
    if os.environ.get("EVIDENCE_CHECK_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["EVIDENCE_CHECK_KEEP_SCREENSHOT"])


def test_dashboard_prints_on_a4_one_agency_per_page(tmp_path: Path, page: Path) -> None:
    pdf = tmp_path / "evidence-check.pdf"
    run = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    document = pypdfium2.PdfDocument(pdf)
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts = [document[i].get_textpage().get_text_range().strip() for i in range(len(document))]
    names = {a.id: a.name for a in result().agencies}
    for agency in dict.fromkeys(f.agency for f in result().findings):
        heading = f"{names[agency]} ({agency})"
        assert any(t.startswith(heading) for t in texts), f"{heading} does not open a page"


#: a page around the report: a 390 px frame (a phone; Chromium's own window is at least 500 px
#: wide) and a script, outside the report's CSP, that paints a marker cyan when nothing in the
#: report is wider than the frame and magenta when something sticks out
_PHONE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="{page}" style="width:390px;height:3000px;border:0"></iframe>
<div id="m" style="position:absolute;left:400px;top:0;width:90px;height:90px"></div>
<script>
document.getElementById("f").onload = function () {{
  const d = this.contentDocument;
  const out = [...d.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 391);
  const wide = d.documentElement.scrollWidth > d.documentElement.clientWidth;
  document.getElementById("m").style.background = out.length || wide ? "#ff00ff" : "#00ffff";
}};
</script></body></html>"""


@pytest.mark.parametrize("which", ["fixture", "pemdi"])
def test_dashboard_fits_a_phone_390_px_wide(tmp_path: Path, which: str) -> None:
    """On a phone no table, chart label or file name may run off the screen."""
    from report_result import pemdi_result

    subject = result() if which == "fixture" else pemdi_result()
    (tmp_path / "report.html").write_text(html_report.render(subject, "id"), encoding="utf-8")
    wrapper = tmp_path / "phone.html"
    wrapper.write_text(_PHONE.format(page="report.html"), encoding="utf-8")
    shot = tmp_path / "phone.png"
    run = chromium(tmp_path, "--allow-file-access-from-files", "--window-size=500,1200",
                   "--virtual-time-budget=5000", f"--screenshot={shot}", wrapper.as_uri())  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    marker = Image.open(shot).convert("RGB").getpixel((445, 45))
    assert marker == (0, 255, 255), f"something is wider than 390 px (marker {marker})"
