"""`evidence-check serve` through Starlette's TestClient: who sees what, and what an upload may do.

Each test names what an OPD or the coordinator would meet if it broke: another agency's files on
their screen, a token guessed, a file written outside its folder or over another, a forged form.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import stat
from pathlib import Path
from typing import Any, NamedTuple

import anyio
import pytest
import serve_helpers as sh
from click.testing import CliRunner
from helpers import build_tree
from starlette.testclient import TestClient

from evidence_check.cli import main
from evidence_check.serve import access as access_module
from evidence_check.serve import run as serving
from evidence_check.serve.access import AccessError, load_or_create
from evidence_check.serve.app import ServeConfig, create_app
from evidence_check.serve.run import console_lines
from evidence_check.serve.scope import document_id
from evidence_check.serve.security import TooLarge, limited
from evidence_check.serve.state import AuditState
from evidence_check.serve.uploads import Refused, safe_name


class Served(NamedTuple):
    client: TestClient
    tokens: dict[str, str]
    config: ServeConfig


@pytest.fixture
def served(tmp_path: Path) -> Served:
    app, opened, config = sh.make_app(tmp_path)
    return Served(TestClient(app), sh.tokens(opened), config)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def audit_json(client: TestClient, token: str) -> dict[str, Any]:
    response = client.get("/api/audit", headers=bearer(token))
    assert response.status_code == 200
    return response.json()


def upload(client: TestClient, token: str, name: str, content: bytes, **fields: str) -> Any:
    return client.post(
        "/api/upload", headers=bearer(token), files={"file": (name, content)}, data=fields
    )


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def sk_tim(tmp_path: Path) -> bytes:
    return sh.sk_tim_pdf(tmp_path / "upload-source.pdf").read_bytes()


# --- access ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/api/audit", "/", "/opd/bappeda", "/berkas/0123456789abcdef0123"]
)
def test_no_token_and_a_wrong_token_get_401(served: Served, path: str) -> None:
    client, tokens, _ = served
    assert client.get(path).status_code == 401
    assert client.get(path, headers=bearer("x" * 32)).status_code == 401
    # a real token sent in another scheme is no login either
    assert (
        client.get(path, headers={"Authorization": f"Basic {tokens['bappeda']}"}).status_code == 401
    )
    client.cookies.set("evidence_check_token", tokens["bappeda"][:-1] + "?")
    assert client.get(path).status_code == 401


def test_upload_and_refresh_without_a_token_get_401(served: Served, sk_tim: bytes) -> None:
    client, _, config = served
    before = files_under(config.root)
    assert client.post("/api/upload", files={"file": ("SK Tim.pdf", sk_tim)}).status_code == 401
    assert client.post("/api/refresh").status_code == 401
    assert files_under(config.root) == before


def test_a_wrong_login_link_sets_no_cookie(served: Served) -> None:
    client, _, _ = served
    response = client.get(
        "/masuk", params={"token": "tebakan-yang-salah-sekali"}, follow_redirects=False
    )
    assert response.status_code == 401
    assert "set-cookie" not in response.headers
    assert "Akses ditolak" in response.text


def test_the_login_link_sets_an_httponly_lax_cookie_and_leaves_the_address_bar(
    served: Served,
) -> None:
    client, tokens, _ = served
    response = client.get("/masuk", params={"token": tokens["bappeda"]}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"evidence_check_token={tokens['bappeda']};")
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    page = client.get("/")
    assert page.status_code == 200
    assert "Badan Perencanaan Pembangunan Daerah" in page.text


def test_tokens_are_compared_with_compare_digest(monkeypatch: pytest.MonkeyPatch, served) -> None:
    """A plain == leaks through timing how much of a guess was right."""
    client, tokens, _ = served
    calls: list[tuple[bytes, bytes]] = []
    real = access_module.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(access_module.hmac, "compare_digest", spy)
    assert client.get("/api/audit", headers=bearer("y" * 32)).status_code == 401
    # every known token was compared, none skipped once one matched or failed early
    assert len(calls) == len(tokens)


def test_a_created_access_file_is_private_and_an_existing_one_is_used_as_is(tmp_path: Path) -> None:
    _, opened, config = sh.make_app(tmp_path)
    assert opened.created
    assert stat.S_IMODE(opened.path.stat().st_mode) == 0o600
    text = opened.path.read_text()
    opened.path.chmod(0o644)
    again = load_or_create(opened.path, config.evidence_map)
    assert not again.created and again.readable_by_others
    assert again.access == opened.access
    assert opened.path.read_text() == text  # never rewritten
    lines = "\n".join(console_lines(again, config, "127.0.0.1", 8765))
    assert "dapat dibaca pengguna lain" in lines and "chmod 600" in lines
    assert f"http://127.0.0.1:8765/masuk?token={opened.access.agencies[0][1]}" in lines


def test_an_access_file_with_a_short_token_or_unknown_agency_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "akses.yaml"
    path.write_text("coordinator: pendek\nagencies: {}\n")
    with pytest.raises(AccessError, match="coordinator: expected a token of 16"):
        load_or_create(path, sh.evidence_map())
    path.write_text(f"coordinator: {'k' * 20}\nagencies: {{dinsos: {'d' * 20}}}\n")
    with pytest.raises(AccessError, match='"dinsos" is not an agency of the map'):
        load_or_create(path, sh.evidence_map())


# --- what each caller sees ----------------------------------------------------------------------


def test_an_agency_sees_only_its_own_rows_and_files(served: Served) -> None:
    client, tokens, _ = served
    bappeda = audit_json(client, tokens["bappeda"])
    rows = {(r["evidence"], r["agency"]) for r in bappeda["requirements"]}
    assert rows == {
        ("sk-dewan", "bappeda"),
        ("sk-tim", "bappeda"),
        ("laporan-monitoring", "bappeda"),
    }
    assert [d["path"] for d in bappeda["documents"]] == [
        "03. Bappeda/Draf Laporan Monitoring.pdf",
        "03. Bappeda/SK Dewan Smart City.pdf",
    ]
    assert [f["name"] for f in bappeda["folders"]] == ["03. Bappeda"]
    assert bappeda["score"] is None  # the region's projection is the coordinator's
    text = json.dumps(bappeda)
    for other in ("Diskominfo", "Bagian Hukum/", "DLH/", "rahasia"):
        assert other not in text


def test_a_row_led_by_another_agency_shows_its_status_not_the_other_folders_files(
    served: Served,
) -> None:
    client, tokens, _ = served
    diskominfo = audit_json(client, tokens["diskominfo"])
    (row,) = diskominfo["requirements"]
    assert (row["evidence"], row["agency"], row["status"]) == (
        "arsitektur-perbup",
        "bag-hukum",
        "complete",
    )
    assert row["documents"] == []
    assert "Perbup" not in json.dumps(diskominfo["documents"])
    page = client.get("/", headers=bearer(tokens["diskominfo"])).text
    assert "dipimpin oleh Bagian Hukum" in page and "Perbup 12 2023" not in page


def test_the_coordinator_sees_every_file_and_the_projection(served: Served) -> None:
    client, tokens, config = served
    everything = audit_json(client, tokens["coordinator"])
    assert {d["path"] for d in everything["documents"]} == files_under(config.root)
    assert len(everything["requirements"]) == 5
    assert everything["score"]["index"] == pytest.approx(2.0)
    page = client.get("/", headers=bearer(tokens["coordinator"])).text
    assert "Proyeksi indeks dari butir yang lengkap: 2,00" in page
    for name in ("Dinas Komunikasi dan Informatika", "Bagian Hukum", "Dinas Lingkungan Hidup"):
        assert name in page


def test_the_agency_page_gives_status_reason_action_and_gain(served: Served) -> None:
    client, tokens, _ = served
    page = client.get("/", headers=bearer(tokens["bappeda"])).text
    assert "BELUM ADA" in page and "LENGKAP" in page and "LEMAH" in page
    assert "Unggah berkas untuk butir ini ke folder Badan Perencanaan Pembangunan Daerah." in page
    assert "masih berupa rancangan/draf" in page  # the weak draft's reason, in words
    assert "Unggah versi yang sudah ditetapkan, bukan rancangannya." in page
    assert "(+0,50 indeks)" in page
    # the complete decree with its page, snippet and links to the matched page
    assert "SK Dewan Smart City.pdf" in page and "hlm. 1" in page
    assert "#page=1" in page and ".png" in page
    assert 'name="evidence" value="sk-tim"' in page


def test_an_agency_cannot_open_another_agencys_page_or_file(served: Served) -> None:
    client, tokens, _ = served
    assert client.get("/opd/diskominfo", headers=bearer(tokens["bappeda"])).status_code == 403
    assert client.get("/opd/bappeda", headers=bearer(tokens["coordinator"])).status_code == 200
    everything = audit_json(client, tokens["coordinator"])
    secret = next(d["path"] for d in everything["documents"] if "rahasia" in d["path"])
    link = f"/berkas/{document_id(secret)}"
    assert client.get(link, headers=bearer(tokens["bappeda"])).status_code == 404
    assert (
        client.get(
            f"/halaman/{document_id(secret)}/1.png", headers=bearer(tokens["bappeda"])
        ).status_code
        == 404
    )
    opened = client.get(link, headers=bearer(tokens["diskominfo"]))
    assert opened.status_code == 200 and opened.content.startswith(b"%PDF")
    assert opened.headers["content-type"] == "application/pdf"


def test_the_matched_page_opens_as_pdf_and_as_a_picture(served: Served) -> None:
    client, tokens, _ = served
    doc = document_id("03. Bappeda/SK Dewan Smart City.pdf")
    picture = client.get(f"/halaman/{doc}/1.png", headers=bearer(tokens["bappeda"]))
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    assert (
        client.get(f"/halaman/{doc}/99.png", headers=bearer(tokens["bappeda"])).status_code == 404
    )


def test_pages_forbid_framing_scripts_and_caching(served: Served) -> None:
    client, tokens, _ = served
    response = client.get("/", headers=bearer(tokens["bappeda"]))
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none'
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"


# --- uploads ----------------------------------------------------------------------------------


def test_an_upload_lands_in_the_callers_folder_and_in_the_next_audit(
    served: Served, sk_tim: bytes
) -> None:
    client, tokens, config = served
    response = upload(client, tokens["bappeda"], "SK Tim Pelaksana.pdf", sk_tim, evidence="sk-tim")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["path"] == "03. Bappeda/SK Tim Pelaksana.pdf"
    assert (config.root / body["path"]).read_bytes() == sk_tim
    assert [r["status"] for r in body["rows"]] == ["complete"]
    rows = {
        r["evidence"]: r["status"] for r in audit_json(client, tokens["bappeda"])["requirements"]
    }
    assert rows["sk-tim"] == "complete"
    (line,) = config.upload_log.read_text().splitlines()
    entry = json.loads(line)
    assert entry["agency"] == "bappeda" and entry["name"] == body["path"]
    assert entry["size"] == len(sk_tim) and entry["evidence"] == "sk-tim"
    assert len(entry["sha256"]) == 64 and entry["time"] and entry["by"] == "bappeda"
    assert not config.upload_log.resolve().is_relative_to(config.root.resolve())
    # another agency's token gets nothing of it
    other = json.dumps(audit_json(client, tokens["dlh"]))
    assert "SK Tim Pelaksana" not in other


def test_uploads_are_refused_without_allow_upload(tmp_path: Path, sk_tim: bytes) -> None:
    app, opened, config = sh.make_app(tmp_path, allow_upload=False)
    client = TestClient(app)
    before = files_under(config.root)
    response = upload(client, sh.tokens(opened)["bappeda"], "SK Tim.pdf", sk_tim)
    assert response.status_code == 403 and response.json()["error"] == "disabled"
    assert files_under(config.root) == before
    assert not config.upload_log.exists()


def test_a_traversal_name_is_refused_and_lands_nowhere(
    served: Served, tmp_path: Path, sk_tim: bytes
) -> None:
    client, tokens, _ = served
    before = files_under(tmp_path)
    for name in ("../../../../evil.pdf", "..\\..\\evil.pdf", "sub/../../evil.pdf", ".."):
        response = upload(client, tokens["bappeda"], name, sk_tim)
        assert response.status_code == 400 and response.json()["error"] == "bad-name", name
    # the test's own folder and the folders above it (other tests' trees are not ours to walk:
    # the hostile corpus leaves unreadable folders and link loops there)
    assert not list(tmp_path.rglob("evil.pdf"))
    assert not any((above / "evil.pdf").exists() for above in tmp_path.parents)
    assert files_under(tmp_path) == before


def test_a_windows_path_is_reduced_to_its_base_name(served: Served, sk_tim: bytes) -> None:
    client, tokens, _ = served
    response = upload(client, tokens["bappeda"], "C:\\Users\\opd\\Desktop\\SK Tim.pdf", sk_tim)
    assert response.status_code == 201
    assert response.json()["path"] == "03. Bappeda/SK Tim.pdf"


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("SK\x00 Tim\x1b.pdf", "SK Tim.pdf"),
        ("  .hidden.pdf", "hidden.pdf"),
        ('a<b>c:"d|e?*.pdf', "a_b_c__d_e__.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("laporan\u202egpj.pdf", "laporangpj.pdf"),
    ],
)
def test_safe_names(given: str, safe: str) -> None:
    assert safe_name(given) == safe


def test_an_empty_name_is_refused() -> None:
    assert safe_name("\x00\x01") == Refused(code="bad-name", status=400)


def test_an_existing_name_gets_a_suffix_and_is_never_overwritten(
    served: Served, sk_tim: bytes
) -> None:
    client, tokens, config = served
    original = config.root / "03. Bappeda/SK Dewan Smart City.pdf"
    before = original.read_bytes()
    first = upload(client, tokens["bappeda"], "SK Dewan Smart City.pdf", sk_tim)
    second = upload(client, tokens["bappeda"], "SK Dewan Smart City.pdf", sk_tim)
    assert first.json()["path"] == "03. Bappeda/SK Dewan Smart City (2).pdf"
    assert second.json()["path"] == "03. Bappeda/SK Dewan Smart City (3).pdf"
    assert original.read_bytes() == before


def test_a_file_over_the_size_limit_gets_413_and_is_not_written(
    tmp_path: Path, sk_tim: bytes
) -> None:
    app, opened, config = sh.make_app(tmp_path, max_upload_bytes=len(sk_tim) - 1)
    client = TestClient(app)
    before = files_under(config.root)
    response = upload(client, sh.tokens(opened)["bappeda"], "SK Tim.pdf", sk_tim)
    assert response.status_code == 413
    assert files_under(config.root) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("laporan.pdf", b"<html><script>alert(1)</script></html>"),
        ("SK Tim.docx", b"%PDF-1.4 a PDF under a Word name"),
        ("setup.exe", b"MZ\x90\x00"),
        ("gambar.png", b"\xff\xd8\xff\xe0 a JPEG named png"),
    ],
)
def test_the_type_is_told_by_the_content(served: Served, name: str, content: bytes) -> None:
    client, tokens, config = served
    before = files_under(config.root)
    response = upload(client, tokens["bappeda"], name, content)
    assert response.status_code == 415
    assert files_under(config.root) == before


def test_pictures_and_office_files_are_accepted(served: Served, tmp_path: Path) -> None:
    client, tokens, _ = served
    build_tree(tmp_path / "src", {"laporan.docx": sh.LAPORAN_DLH})
    docx = (tmp_path / "src" / "laporan.docx").read_bytes()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    assert upload(client, tokens["dlh"], "Laporan.docx", docx).status_code == 201
    assert upload(client, tokens["dlh"], "Foto kegiatan.png", png).status_code == 201


def test_an_agency_cannot_upload_for_evidence_it_does_not_own(
    served: Served, sk_tim: bytes
) -> None:
    client, tokens, config = served
    before = files_under(config.root)
    response = upload(client, tokens["dlh"], "SK Tim.pdf", sk_tim, evidence="sk-tim")
    assert response.status_code == 400 and response.json()["error"] == "unknown-evidence"
    # naming another agency changes nothing for an agency: it writes only into its own folder
    response = upload(client, tokens["dlh"], "SK Tim.pdf", sk_tim, agency="bappeda")
    assert response.json()["path"].startswith("04. DLH/")
    assert files_under(config.root) - before == {"04. DLH/SK Tim.pdf"}


def test_the_coordinator_names_the_agency_and_a_missing_folder_is_made_as_init_names_it(
    tmp_path: Path, sk_tim: bytes
) -> None:
    app, opened, config = sh.make_app(tmp_path)
    client = TestClient(app)
    coordinator = sh.tokens(opened)["coordinator"]
    assert upload(client, coordinator, "SK Tim.pdf", sk_tim).json()["error"] == "unknown-agency"
    shutil.rmtree(config.root / "03. Bappeda")
    client.post("/api/refresh", headers=bearer(coordinator))
    response = upload(
        client, coordinator, "SK Tim.pdf", sk_tim, agency="bappeda", evidence="sk-tim"
    )
    assert response.status_code == 201
    assert response.json()["path"] == "03. Badan Perencanaan Pembangunan Daerah/SK Tim.pdf"
    assert [r["status"] for r in response.json()["rows"]] == ["complete"]


# --- the page's forms ----------------------------------------------------------------------------


def login(client: TestClient, token: str) -> None:
    assert client.get("/masuk", params={"token": token}, follow_redirects=False).status_code == 303


def csrf_of(page: str) -> str:
    marker = 'name="csrf" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def test_a_cookie_form_without_its_csrf_token_writes_nothing(served: Served, sk_tim: bytes) -> None:
    client, tokens, config = served
    login(client, tokens["bappeda"])
    before = files_under(config.root)
    for fields in ({}, {"csrf": "0" * 32}):
        response = client.post(
            "/unggah",
            files={"file": ("SK Tim.pdf", sk_tim)},
            data={"evidence": "sk-tim", **fields},
            follow_redirects=False,
        )
        assert response.status_code == 403
    assert client.post("/api/upload", files={"file": ("SK Tim.pdf", sk_tim)}).status_code == 403
    assert client.post("/perbarui", follow_redirects=False).status_code == 403
    assert files_under(config.root) == before


def test_the_pages_upload_form_stores_the_file_and_shows_the_row_complete(
    served: Served, sk_tim: bytes
) -> None:
    client, tokens, config = served
    login(client, tokens["bappeda"])
    token = csrf_of(client.get("/").text)
    response = client.post(
        "/unggah",
        files={"file": ("SK Tim.pdf", sk_tim)},
        data={"evidence": "sk-tim", "csrf": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/?hasil=ok&berkas=SK+Tim.pdf#butir-sk-tim"
    page = client.get("/?hasil=ok&berkas=SK+Tim.pdf").text
    assert "Berkas SK Tim.pdf tersimpan dan sudah diperiksa." in page
    assert 'data-evidence="sk-tim" data-status="complete"' in page
    assert (config.root / "03. Bappeda" / "SK Tim.pdf").read_bytes() == sk_tim


def test_a_refused_form_upload_says_why_on_the_page(served: Served) -> None:
    client, tokens, _ = served
    login(client, tokens["bappeda"])
    token = csrf_of(client.get("/").text)
    response = client.post("/unggah", files={"file": ("catatan.pdf", b"bukan pdf")},
                           data={"evidence": "sk-tim", "csrf": token})  # fmt: skip
    assert "Jenis berkas tidak diterima" in response.text


# --- the command -------------------------------------------------------------------------------


def test_serve_refuses_an_access_file_inside_root(tmp_path: Path) -> None:
    root = sh.region(tmp_path)
    (tmp_path / "map.yaml").write_text(sh.SERVE_MAP)
    result = CliRunner().invoke(
        main,
        [
            "serve",
            str(root),
            "--map",
            str(tmp_path / "map.yaml"),
            "--access",
            str(root / "akses.yaml"),
        ],
    )
    assert result.exit_code == 2
    assert "inside the evidence folder" in result.output
    assert not (root / "akses.yaml").exists()


def test_serve_help_lists_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--access", "--allow-upload", "--settings", "--cache-dir"):
        assert option in result.output


def test_uploaded_files_are_readable_like_the_others(served: Served, sk_tim: bytes) -> None:
    client, tokens, config = served
    path = config.root / upload(client, tokens["bappeda"], "SK Tim.pdf", sk_tim).json()["path"]
    assert os.access(path, os.R_OK)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_asking_for_a_new_audit_picks_up_files_copied_in_by_hand(served: Served) -> None:
    client, tokens, config = served
    sh.sk_tim_pdf(config.root / "03. Bappeda" / "SK Tim disalin.pdf")
    before = {
        r["evidence"]: r["status"] for r in audit_json(client, tokens["bappeda"])["requirements"]
    }
    assert before["sk-tim"] == "missing"  # the audit in memory does not know it yet
    assert client.post("/api/refresh", headers=bearer(tokens["bappeda"])).status_code == 200
    after = {
        r["evidence"]: r["status"] for r in audit_json(client, tokens["bappeda"])["requirements"]
    }
    assert after["sk-tim"] == "complete"


def test_names_and_snippets_from_files_are_escaped_on_the_page(served: Served) -> None:
    client, tokens, config = served
    hostile = config.root / "03. Bappeda" / "<img src=x onerror=alert(1)> SK Tim.pdf"
    sh.sk_tim_pdf(hostile)
    client.post("/api/refresh", headers=bearer(tokens["bappeda"]))
    page = client.get("/", headers=bearer(tokens["bappeda"])).text
    assert "&lt;img src=x onerror=alert(1)&gt; SK Tim.pdf" in page
    assert "<img src=x" not in page


def test_a_body_far_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    app, opened, config = sh.make_app(tmp_path, max_upload_bytes=1024 * 1024)
    client = TestClient(app)
    big = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)
    response = upload(client, sh.tokens(opened)["bappeda"], "besar.pdf", big)
    assert response.status_code == 413 and response.json()["error"] == "too-large"
    assert response.json()["message"] == "Berkas terlalu besar (paling besar 1 MB)."
    assert not (config.root / "03. Bappeda" / "besar.pdf").exists()


def test_a_body_without_a_length_is_cut_off_at_the_limit() -> None:
    """A chunked upload has no Content-Length: the reader itself must stop at the limit."""
    chunks = [{"type": "http.request", "body": b"x" * 600, "more_body": True}] * 3

    async def receive() -> dict[str, object]:
        return chunks.pop(0)

    async def read_all() -> int:
        guarded = limited(receive, 1000)  # type: ignore[arg-type]
        total = 0
        while chunks:
            total += len((await guarded())["body"])
        return total

    with pytest.raises(TooLarge):
        anyio.run(read_all)
    assert len(chunks) == 1  # the third chunk was never asked for


def test_the_command_prints_one_link_per_agency_and_passes_the_region_settings_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = sh.region(tmp_path)
    (tmp_path / "map.yaml").write_text(sh.SERVE_MAP)
    (tmp_path / "wilayah.yaml").write_text(
        "region: Kabupaten Mojosari\nwaivers:\n"
        "  - {evidence: laporan-monitoring, agency: bappeda, reason: belum berjalan, by: Kabid}\n"
    )
    started: list[Any] = []
    monkeypatch.setattr(serving, "run", lambda app, host, port: started.append((app, host, port)))
    args = ["serve", str(root), "--map", str(tmp_path / "map.yaml"), "--settings",
            str(tmp_path / "wilayah.yaml"), "--access", str(tmp_path / "akses.yaml"),
            "--cache-dir", str(tmp_path / "cache"), "--jobs", "1", "--no-ocr",
            "--port", "9000"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    ((app, host, port),) = started
    assert (host, port) == ("127.0.0.1", 9000)
    links = [line for line in result.output.splitlines() if "/masuk?token=" in line]
    assert len(links) == 5  # the coordinator and the four agencies
    assert "Unggah tidak aktif" in result.output
    token = next(line for line in links if "bappeda" in line).rpartition("token=")[2]
    rows = TestClient(app).get("/api/audit", headers=bearer(token)).json()["requirements"]
    assert {r["evidence"]: r["status"] for r in rows}["laporan-monitoring"] == "waived"
    page = TestClient(app).get("/", headers=bearer(token)).text
    assert "Kabupaten Mojosari" in page and "DIKECUALIKAN" in page


def test_a_refresh_form_of_megabytes_is_refused(served: Served) -> None:
    client, tokens, _ = served
    response = client.post("/api/refresh", headers=bearer(tokens["bappeda"]),
                           data={"csrf": "x" * (200 * 1024)})  # fmt: skip
    assert response.status_code == 413


def test_the_coordinator_uploads_on_an_agencys_page_into_that_agencys_folder(
    served: Served, sk_tim: bytes
) -> None:
    client, tokens, config = served
    login(client, tokens["coordinator"])
    page = client.get("/opd/bappeda").text
    assert "Tampilan koordinator" in page
    assert 'action="/unggah?kembali=/opd/bappeda"' in page
    assert 'name="agency" value="bappeda"' in page
    response = client.post("/unggah?kembali=/opd/bappeda", files={"file": ("SK Tim.pdf", sk_tim)},
                           data={"evidence": "sk-tim", "agency": "bappeda", "csrf": csrf_of(page)},
                           follow_redirects=False)  # fmt: skip
    assert response.headers["location"].startswith("/opd/bappeda?hasil=ok")
    assert (config.root / "03. Bappeda" / "SK Tim.pdf").exists()
    # a form may only send the browser back to a page of this server
    response = client.post("/perbarui?kembali=//evil.example/x", data={"csrf": csrf_of(page)},
                           follow_redirects=False)  # fmt: skip
    assert response.headers["location"] == "/?hasil=diperbarui"


def test_the_pages_speak_english_when_asked(tmp_path: Path) -> None:
    _, opened, config = sh.make_app(tmp_path)
    english = dataclasses.replace(config, lang="en")
    state = AuditState(lambda: sh.audit_again(config))
    client = TestClient(create_app(english, state, opened.access))
    tokens = sh.tokens(opened)
    agency = client.get("/", headers=bearer(tokens["bappeda"])).text
    assert "To do" in agency and "Upload a file for this item to the folder" in agency
    overview = client.get("/", headers=bearer(tokens["coordinator"])).text
    assert "All agencies" in overview and "Projected index" in overview


def test_serve_without_its_extra_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    for name in [m for m in sys.modules if m.startswith(("evidence_check.serve", "starlette"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "starlette", None)  # as if the extra were not installed
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # and never a server left running
    root = sh.region(tmp_path)
    result = CliRunner().invoke(main, ["serve", str(root)])
    assert result.exit_code == 2
    assert "pip install 'evidence-check[serve]'" in result.output


def test_a_link_in_an_agencys_folder_does_not_open_another_folders_file(served: Served) -> None:
    client, tokens, config = served
    secret = next((config.root / "01. Diskominfo").iterdir())
    (config.root / "03. Bappeda" / "pintasan.pdf").symlink_to(secret)
    client.post("/api/refresh", headers=bearer(tokens["bappeda"]))
    mine = [d["path"] for d in audit_json(client, tokens["bappeda"])["documents"]]
    assert "03. Bappeda/pintasan.pdf" in mine  # discovery reads it as Bappeda's file
    link = f"/berkas/{document_id('03. Bappeda/pintasan.pdf')}"
    assert client.get(link, headers=bearer(tokens["bappeda"])).status_code == 404


def test_an_upload_never_follows_a_folder_link_out_of_root(tmp_path: Path, sk_tim: bytes) -> None:
    app, opened, config = sh.make_app(tmp_path)
    client = TestClient(app)
    coordinator = sh.tokens(opened)["coordinator"]
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(config.root / "03. Bappeda")
    # the very name `init` would give Bappeda's folder, as a link to a folder outside ROOT
    (config.root / "03. Badan Perencanaan Pembangunan Daerah").symlink_to(outside)
    client.post("/api/refresh", headers=bearer(coordinator))
    response = upload(client, coordinator, "SK Tim.pdf", sk_tim, agency="bappeda")
    assert response.status_code == 409 and response.json()["error"] == "no-folder"
    assert list(outside.iterdir()) == []


def test_a_missing_row_led_by_another_agency_says_one_owners_document_is_enough(
    served: Served,
) -> None:
    client, tokens, config = served
    for path in (config.root / "02. Bagian Hukum").iterdir():
        path.unlink()
    client.post("/api/refresh", headers=bearer(tokens["coordinator"]))
    page = client.get("/", headers=bearer(tokens["diskominfo"])).text
    assert "dipimpin oleh Bagian Hukum" in page
    assert (
        "Satu dokumen dari salah satu OPD pemilik sudah cukup: unggah di sini (masuk ke folder "
        "Dinas Komunikasi dan Informatika) atau pastikan Bagian Hukum mengunggahnya." in page
    )
    assert "Unggah berkas untuk butir ini ke folder Bagian Hukum" not in page
