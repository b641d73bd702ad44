"""Which versions of the ``gguf`` package ggufcheck was tested with, and a check of the installed one.

ggufcheck reads the GGUF layout itself but takes every format constant from ``gguf`` (value
types, tensor types and their block sizes, key names). A new ``gguf`` release can add value or
tensor types, rename keys, or change what ``GGUFReader`` reports (the tests compare against it),
so the range below is the one the test suite passed with. pyproject.toml pins the same range
(``gguf>=0.17,<0.20``); move both together after running tests/test_ggufcheck.py on a new version.
"""

from __future__ import annotations

import re
import warnings
from importlib import metadata

TESTED_GGUF = (0, 17), (0, 20)
"""[lowest, highest) ``gguf`` (major, minor) tested; the same bound as pyproject.toml."""
TESTED_GGUF_SPEC = "gguf>=0.17,<0.20"


def installed_gguf_version() -> str | None:
    """The installed gguf's version string, or None where packaging metadata is absent (frozen apps)."""
    try:
        return metadata.version("gguf")
    except metadata.PackageNotFoundError:
        return None


def is_tested(version: str) -> bool:
    match = re.match(r"(\d+)\.(\d+)", version)
    if match is None:
        return False
    low, high = TESTED_GGUF
    return low <= (int(match[1]), int(match[2])) < high


def warn_if_untested() -> None:
    """Warn (once per process, at import) when the installed gguf is outside the tested range."""
    version = installed_gguf_version()
    if version is not None and not is_tested(version):
        warnings.warn(
            f"ggufcheck was tested with {TESTED_GGUF_SPEC}, but gguf {version} is installed; "
            "GGUF files may be refused or misread. Install a tested version.",
            RuntimeWarning,
            stacklevel=3,
        )
