"""Load nanoGPT's ``meta.pkl`` without letting it run code.

``pickle.load`` executes whatever callables a pickle names, and a ``meta.pkl``
travels with checkpoints people download. nanoGPT's file is only a dict of
ints and strings, which needs no globals at all; we allow the few builtin
container types and refuse everything else before it is called.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from typing import Any

from translatable import msg

from .errors import BadInputError

_ALLOWED = {("builtins", n) for n in ("dict", "int", "str", "list", "tuple")}
_MAX_META_BYTES = 64 * 1024 * 1024


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            import builtins  # noqa: PLC0415

            return getattr(builtins, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in meta.pkl")


def load_meta_pkl(path: Path) -> dict:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BadInputError(msg("cannot read {path}: {strerror}", path=path, strerror=exc.strerror)) from None
    if len(data) > _MAX_META_BYTES:
        raise BadInputError(msg("{path} is {n_data} bytes, far too large for a character vocabulary", path=path, n_data=len(data)))
    try:
        obj = _RestrictedUnpickler(io.BytesIO(data)).load()
    except pickle.UnpicklingError as exc:
        raise BadInputError(msg("{path} was refused: {exc} (only plain dicts of ints/strings are loaded)", path=path, exc=exc)) from None
    except Exception as exc:  # noqa: BLE001 - any malformed pickle: EOFError, ValueError, KeyError, ...
        raise BadInputError(msg("{path} is not a readable meta.pkl ({name__}: {exc})", path=path, name__=type(exc).__name__, exc=exc)) from None
    if not isinstance(obj, dict):
        raise BadInputError(msg("{path} holds a {name__}, not nanoGPT's meta dict", path=path, name__=type(obj).__name__))
    return obj
