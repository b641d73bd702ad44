"""PySide6's ``__feature__`` check, done on the file's bytes instead of ``inspect.getsource``.

Once PySide6 is imported, its import hook asks of every module imported afterwards, on every
thread, whether the module's source mentions "PySide6" (``shibokensupport.feature``'s
``_mod_uses_pyside``: such a module may switch on ``from __feature__ import snake_case``). It
asks through ``inspect.getsource``, which decodes the file into lines via ``linecache`` and walks
the module's objects. At start-up that is every module of SQLAlchemy, numpy, llama-cpp-python,
jinja2, markdown-it and ChatDesk: about 490 modules, 141-168 ms of CPU on the 2-core development
machine, taken from the window's imports and the model load (all hold the GIL). Reading the
file's bytes and looking for the same word gives the same answer for 40-45 ms
(``tests/test_pyside_feature.py`` compares both on real modules). Anything without a ``.py``
file goes to PySide6's own check, as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads shibokensupport.feature, whose check is replaced here


def uses_pyside(module: ModuleType, fallback=None) -> bool:
    """Whether ``module``'s source file mentions PySide6 (PySide6's question, same answer)."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as fh:
                return b"PySide6" in fh.read()
        except OSError:
            pass
    return bool(fallback(module)) if fallback is not None else False


def install() -> bool:
    """Replace PySide6's check (idempotent); False where this PySide6 has no such check."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "chatdesk_fast", False):
        return original is not None

    def _mod_uses_pyside(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    _mod_uses_pyside.chatdesk_fast = True  # type: ignore[attr-defined]  # a marker on the function: installed once
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]  # noqa: SLF001 - the hook PySide6 calls after each import
    return True
