"""Fixtures for the converter tests (defined in ``convtest_support``).

The helpers live in a uniquely named module rather than here so test modules
can import them without depending on which ``conftest`` pytest loaded last.
"""

from convtest_support import bpe, converted, sources, workdir  # noqa: F401  (pytest fixtures)
