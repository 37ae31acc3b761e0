"""`evidence-check serve` end to end: the real command on 127.0.0.1, driven by Playwright.

An agency opens its link, sees its rows, uploads the missing decree through the page and sees the
row turn complete; another agency's link shows nothing of it; a traversal name is refused; the
coordinator sees every agency and the projection. Pages are screenshotted at a phone's 390 px and
at desktop width into the test's folder (and into $EVIDENCE_CHECK_SCREENS when set).

Needs Debian's `chromium` (Playwright cannot download its own browsers here), which `make test`
installs. A missing browser fails these tests: it never skips them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
import serve_helpers as sh
from playwright.sync_api import Browser, Page, sync_playwright

from evidence_check.serve.scope import document_id

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class Server(NamedTuple):
    url: str
    links: dict[str, str]
    root: Path
    tmp: Path
    output: list[str]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """`evidence-check serve` in a process of its own, stopped after the test."""
    root = sh.region(tmp_path)
    map_file = tmp_path / "serve-map.yaml"
    map_file.write_text(sh.SERVE_MAP, encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "evidence_check", "serve", str(root), "--map", str(map_file),
               "--access", str(tmp_path / "private" / "akses.yaml"), "--allow-upload",
               "--port", str(port), "--cache-dir", str(tmp_path / "cache"), "--jobs", "1",
               "--no-ocr"]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env=env)  # fmt: skip
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout or []), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while not _answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the server did not start:\n" + "".join(output))
            time.sleep(0.2)
        links = {}
        for line in output:
            if "/masuk?token=" in line:
                label, _, url = line.strip().rpartition(": ")
                links[label.split(" ")[0]] = url
        yield Server(f"http://127.0.0.1:{port}", links, root, tmp_path, output)
        process.terminate()
        # a service manager's stop is a clean stop: exit 143 (128 + SIGTERM) within seconds
        assert process.wait(timeout=15) == 143, "".join(output)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            "Chromium is missing: run `make test` (it installs Debian's chromium) or "
            "`apt-get install chromium`; the serve pages cannot be checked without it"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )  # fmt: skip
        yield launched
        launched.close()


def shoot(page: Page, tmp_path: Path, name: str) -> Path:
    """A full-page screenshot in the test's folder, copied to $EVIDENCE_CHECK_SCREENS if set."""
    target = tmp_path / "screens" / f"{name}.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    if shared := os.environ.get("EVIDENCE_CHECK_SCREENS"):
        Path(shared).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(shared) / target.name)
    return target


def fits(page: Page) -> bool:
    """Nothing wider than the screen: no sideways scrolling on a phone."""
    width = page.evaluate("document.documentElement.scrollWidth")
    return bool(width <= page.viewport_size["width"])  # type: ignore[index]


def row(page: Page, evidence: str) -> str:
    return str(page.locator(f'[data-evidence="{evidence}"]').first.get_attribute("data-status"))


def test_an_agency_uploads_the_missing_decree_and_sees_the_row_complete(
    server: Server, browser: Browser
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.links["bappeda"])
    assert page.url == server.url + "/"  # the token left the address bar
    assert page.locator("h1").inner_text() == "Data dukung Badan Perencanaan Pembangunan Daerah"
    assert row(page, "sk-tim") == "missing" and row(page, "sk-dewan") == "complete"
    assert row(page, "laporan-monitoring") == "weak"
    assert "(+0,50 indeks)" in page.locator("#butir-sk-tim").inner_text()
    assert page.locator("[data-evidence]").count() == 3
    assert fits(page)
    shoot(page, server.tmp, "serve-agency-phone-before")

    source = sh.sk_tim_pdf(server.tmp / "SK Tim Pelaksana Smart City.pdf")
    form = page.locator("#butir-sk-tim form.upload")
    form.locator("input[type=file]").set_input_files(str(source))
    with page.expect_navigation():
        form.locator("button").click()
    assert "Berkas SK Tim Pelaksana Smart City.pdf tersimpan" in page.locator(".flash").inner_text()
    assert row(page, "sk-tim") == "complete"
    stored = server.root / "03. Bappeda" / "SK Tim Pelaksana Smart City.pdf"
    assert stored.read_bytes() == source.read_bytes()
    assert page.locator("#butir-sk-tim").is_visible()  # the list of complete rows is open
    assert fits(page)
    shoot(page, server.tmp, "serve-agency-phone-after")
    assert errors == []

    # the picture of the matched page opens from the row's link
    with context.expect_page() as opened:
        page.locator("#butir-sk-tim a", has_text="Gambar hlm. 1").click()
    picture = opened.value
    picture.wait_for_load_state()
    shoot(picture, server.tmp, "serve-matched-page")
    href = page.locator("#butir-sk-tim a", has_text="Buka hlm. 1").get_attribute("href")
    assert href is not None and href.endswith("#page=1")
    pdf = context.request.get(server.url + href)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    context.close()

    # another agency's link shows nothing of it, and its file cannot be fetched
    other = browser.new_context(viewport=PHONE)
    dlh = other.new_page()
    dlh.goto(server.links["dlh"])
    assert "SK Tim" not in dlh.content() and "Bappeda" not in dlh.content()
    api = other.request.get(server.url + "/api/audit")
    assert api.status == 200 and "SK Tim" not in api.text()
    path = "03. Bappeda/SK Tim Pelaksana Smart City.pdf"
    assert other.request.get(f"{server.url}/berkas/{document_id(path)}").status == 404
    shoot(dlh, server.tmp, "serve-other-agency-phone")
    other.close()
    log = (server.tmp / "private" / "akses-unggahan.jsonl").read_text().splitlines()
    assert [json.loads(line)["name"] for line in log] == [path]


def test_a_traversal_name_is_refused(server: Server, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.links["bappeda"])
    token = server.links["bappeda"].rpartition("token=")[2]
    content = sh.sk_tim_pdf(server.tmp / "source.pdf").read_bytes()
    response = context.request.post(
        server.url + "/api/upload",
        headers={"Authorization": f"Bearer {token}"},
        multipart={"file": {"name": "../../../../evil.pdf", "mimeType": "application/pdf",
                            "buffer": content}},
    )  # fmt: skip
    assert response.status == 400 and response.json()["error"] == "bad-name"
    assert list(server.tmp.rglob("evil.pdf")) == []
    assert not any((above / "evil.pdf").exists() for above in server.tmp.parents)
    # the page's own cookie without its form token writes nothing either
    forged = context.request.post(
        server.url + "/unggah",
        multipart={"file": {"name": "SK.pdf", "mimeType": "application/pdf", "buffer": content}},
    )
    assert forged.status == 403
    assert sorted(p.name for p in (server.root / "03. Bappeda").iterdir()) == [
        "Draf Laporan Monitoring.pdf",
        "SK Dewan Smart City.pdf",
    ]
    context.close()


def test_no_link_and_a_wrong_link_see_nothing(server: Server, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for address in ("/", "/masuk?token=salah-salah-salah-salah"):
        response = page.goto(server.url + address)
        assert response is not None and response.status == 401
    assert "Akses ditolak" in page.content()
    shoot(page, server.tmp, "serve-denied-phone")
    context.close()


def test_the_coordinator_sees_every_agency_and_the_projection(
    server: Server, browser: Browser
) -> None:
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(server.links["Koordinator"])
        assert "Proyeksi indeks dari butir yang lengkap: 2,00 (Kurang)" in page.content()
        agencies = page.locator("#agencies tr[data-agency]")
        assert agencies.count() == 4
        assert fits(page)
        shoot(page, server.tmp, f"serve-coordinator-{name}")
        if name == "desktop":
            page.locator("#agencies a", has_text="Bagian Hukum").click()
            assert "Tampilan koordinator" in page.content()
            shoot(page, server.tmp, "serve-coordinator-agency-desktop")
        context.close()
