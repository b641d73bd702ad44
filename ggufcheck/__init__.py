"""One GGUF validator, shared by the ChatDesk app and the checkpoint converter.

``check(path)`` returns a :class:`GGUFInfo` (name, architecture, context length, vocabulary size,
parameter count, file type, chat template, bos/eos ids, small metadata, tensor table) or raises
:class:`GGUFCheckError` with a sentence a person can act on and a machine-readable ``rule``.

Pure Python on the ``gguf`` package and numpy; nothing here imports the app, the converter, Qt or
torch (import-linter enforces it). The rules live in :mod:`ggufcheck.rules`; the fast header
reader, and why it is not ``gguf.GGUFReader``, in :mod:`ggufcheck.layout`; the tested ``gguf``
versions in :mod:`ggufcheck.compat`.
"""

from ggufcheck.compat import TESTED_GGUF, TESTED_GGUF_SPEC, warn_if_untested
from ggufcheck.errors import GGUFCheckError, Rule
from ggufcheck.info import GGUFInfo, TensorInfo
from ggufcheck.rules import RULES_VERSION, check

warn_if_untested()

__all__ = [
    "RULES_VERSION",
    "TESTED_GGUF",
    "TESTED_GGUF_SPEC",
    "GGUFCheckError",
    "GGUFInfo",
    "Rule",
    "TensorInfo",
    "check",
]
