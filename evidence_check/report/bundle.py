"""A binary report that is several files: the main file's bytes carrying companion files.

DOCX gives every agency's memo in one document and each agency's memo on its own; the registry's
`write_output` writes the companions beside the main file as `<main stem>-<key><suffix>`, only
with `--output-dir`. A companion may be given as a function that makes it: it is then made only
when written (one `--output` never pays for the per-agency memos).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping


class Companions(Mapping[str, bytes]):
    """Companion files by key, each made on first use."""

    def __init__(self, files: Mapping[str, bytes | Callable[[], bytes]]) -> None:
        self._files = dict(files)

    def __getitem__(self, key: str) -> bytes:
        made = self._files[key]
        if callable(made):
            made = self._files[key] = made()
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class Bundle(bytes):
    """The main file's bytes, so whatever takes bytes writes the main file; plus companions by key."""

    companions: Companions

    def __new__(cls, main: bytes, companions: Mapping[str, bytes | Callable[[], bytes]]) -> Bundle:
        bundle = super().__new__(cls, main)
        bundle.companions = Companions(companions)
        return bundle
