"""The text a model is scored on: the built-in bilingual sample or a user's file.

Figures only compare when the text is byte-for-byte the same, so a text is identified by the
SHA-256 of its file, and it is prepared exactly the way ``llama-perplexity -f FILE`` prepares
it: the raw bytes, minus one trailing newline (llama.cpp's ``-f`` handler drops it), with no
escape processing. We refuse files that are not UTF-8 text: a binary file "evaluates" to a
meaningless number, and a user is better served by a sentence saying so.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from chatdesk import paths
from chatdesk.evaluation.errors import EvaluationError
from translatable import msg

SAMPLE_NAME = "sample-en-zh.txt"
BUILTIN_PREFIX = "builtin:"


@dataclass(frozen=True)
class EvalText:
    name: str
    """File name, or ``builtin:sample-en-zh.txt`` for the bundled sample."""
    path: str
    """Where it was read from."""
    data: bytes
    """What is tokenized: the file's bytes minus one trailing newline, as llama-perplexity does."""
    sha256: str
    """SHA-256 of the file exactly as stored (``sha256sum`` gives the same)."""
    characters: int


def sample_path() -> Path:
    """The bundled sample's file (in the checkout's ``assets/``, the wheel or the app bundle)."""
    return paths.assets_dir() / "eval" / SAMPLE_NAME


def builtin_sample() -> EvalText:
    path = sample_path()
    raw = _read(path, msg("The built-in sample text"))
    return _prepare(f"{BUILTIN_PREFIX}{SAMPLE_NAME}", str(path), raw)


def load_text(path: str | os.PathLike[str] | None) -> EvalText:
    """The user's text file, or the built-in sample when ``path`` is None."""
    if path is None:
        return builtin_sample()
    p = Path(path).expanduser()
    if p.is_dir():
        raise EvaluationError(msg("{path} is a folder; give a UTF-8 text file to evaluate on.", path=str(p)))
    if not p.exists():
        raise EvaluationError(msg("The text file {path} does not exist.", path=str(p)))
    raw = _read(p, msg("The text file {path}", path=str(p)))
    return _prepare(p.name, str(p.resolve()), raw)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise EvaluationError(msg("{what} cannot be read ({error}).", what=what, error=exc.strerror or str(exc))) from exc


def _prepare(name: str, path: str, raw: bytes) -> EvalText:
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvaluationError(msg(
            "{name} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again.", name=name, offset=exc.start
        )) from exc
    if "\x00" in decoded:
        raise EvaluationError(msg("{name} contains NUL bytes: it looks like a binary file, not text.", name=name))
    data = raw[:-1] if raw.endswith(b"\n") else raw
    if not data.strip():
        raise EvaluationError(msg("{name} is empty; perplexity needs a text of a few thousand tokens.", name=name))
    return EvalText(name=name, path=path, data=data, sha256=hashlib.sha256(raw).hexdigest(), characters=len(decoded))
