"""A binary report that is several files: the main file's bytes carrying companion files.

DOCX gives every agency's memo in one document and each agency's memo on its own; the registry's
`write_output` writes the companions beside the main file as `<main stem>-<key><suffix>`.
"""

from __future__ import annotations

from collections.abc import Mapping


class Bundle(bytes):
    """The main file's bytes, so whatever takes bytes writes the main file; plus companions by key."""

    companions: dict[str, bytes]

    def __new__(cls, main: bytes, companions: Mapping[str, bytes]) -> Bundle:
        bundle = super().__new__(cls, main)
        bundle.companions = dict(companions)
        return bundle
