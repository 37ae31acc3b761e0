"""`evidence-check init`: lay out an empty evidence tree, one folder per agency of the map.

Each folder is named so that discovery resolves it ("01. Dinas Komunikasi dan Informatika") and
holds BACA-SAYA.txt, the list of what that agency must put there. The only code that writes into
ROOT: it creates what is missing and never overwrites or renames anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evidence_check.discover import resolve_agency
from evidence_check.models import Agency, EvidenceMap

README_NAME = "BACA-SAYA.txt"


@dataclass(frozen=True)
class Created:
    folders: tuple[str, ...]
    files: tuple[str, ...]
    #: agencies whose folder existed already (by any name discovery resolves)
    existing: tuple[str, ...]


def folder_name(position: int, agency: Agency) -> str:
    safe = "".join(c for c in agency.name if c not in '<>:"/\\|?*').strip()
    return f"{position:02d}. {safe}"


def checklist(evidence_map: EvidenceMap, agency: Agency) -> str:
    lines = [
        f"{evidence_map.evaluation.name}: data dukung untuk {agency.name}",
        "",
        "Simpan di folder ini berkas berikut (PDF hasil pindai harus dapat dicari/OCR; beri nama",
        "berkas yang menjelaskan isinya, mis. I4-L1-01 SK Tim Koordinasi Pemerintah Digital.pdf):",
        "",
    ]
    for indicator in evidence_map.indicators:
        for evidence in indicator.evidence:
            if agency.id not in evidence.owners:
                continue
            role = (
                "" if evidence.owners[0] == agency.id else f" (dipimpin oleh {evidence.owners[0]})"
            )
            count = f" - {evidence.min_count} berkas" if evidence.min_count > 1 else ""
            label = evidence.code or indicator.id
            lines.append(f"- {label} {evidence.title}{count}{role}")
    external = [i for i in evidence_map.indicators if i.external]
    if external and agency.id == evidence_map.agencies[0].id:
        lines.append("")
        lines.append("Tidak perlu unggah (dinilai dari indeks nasional):")
        lines.extend(f"- {i.id} {i.name}: {i.external}" for i in external)
    if len(lines) == 5:
        lines.append("- (tidak ada bukti yang menjadi tanggung jawab OPD ini dalam peta)")
    return "\n".join(lines) + "\n"


def init_tree(evidence_map: EvidenceMap, root: Path) -> Created:
    root.mkdir(parents=True, exist_ok=True)
    present = {
        agency: entry.name
        for entry in sorted(root.iterdir(), key=lambda e: e.name)
        if entry.is_dir() and not entry.is_symlink()
        for agency in [resolve_agency(entry.name, evidence_map.agencies)]
        if agency is not None
    }
    folders, files, existing = [], [], []
    for position, agency in enumerate(evidence_map.agencies, start=1):
        if agency.id in present:
            existing.append(agency.id)
            target = root / present[agency.id]
        else:
            target = root / folder_name(position, agency)
            target.mkdir()
            folders.append(target.name)
        readme = target / README_NAME
        if not readme.exists():
            with readme.open("x", encoding="utf-8", newline="\r\n") as out:  # never overwrite
                out.write(checklist(evidence_map, agency))
            files.append(f"{target.name}/{README_NAME}")
    return Created(folders=tuple(folders), files=tuple(files), existing=tuple(existing))
