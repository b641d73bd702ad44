"""Validate a GGUF file before llama.cpp sees it, and remember the verdict.

llama.cpp aborts the whole process (not an exception) on some malformed files — duplicate token
strings, for instance — and only says "Failed to load model" on others. Every rule lives in the
shared ``ggufcheck`` package (also used by the converter); this module adapts it to the engine:
its result becomes a :class:`GGUFSummary`, its error a :class:`ModelFileError` (with the app's
own hint where one helps), and verdicts are cached by (path, size, mtime) in memory and, when the
caller gives a cache file, on disk, so a model is checked once, not at every launch.

``ggufcheck`` (and with it the ``gguf`` package) is imported on the first cache miss only, which
keeps it off the start-up path of every launch but the first.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from chatdesk.engine.errors import ModelFileError
from translatable import Text, msg, text_of

# Bump with ggufcheck.RULES_VERSION (tests/test_ggufcheck.py checks they agree): a verdict cached
# under older rules must not let a file through that today's rules refuse.
CHECK_VERSION = 2

# Architectures whose position table is learned: evaluating past context_length aborts.
LEARNED_POSITION_ARCHS = {"gpt2", "starcoder", "gptj", "gptneox", "bloom", "mpt", "refact"}


@dataclass(frozen=True)
class GGUFSummary:
    path: str
    size_bytes: int
    version: int
    architecture: str
    name: str
    context_length: int
    n_tensors: int
    n_params: int
    n_vocab: int
    file_type: str
    chat_template: str | None
    tokenizer_model: str
    bos_token_id: int | None
    eos_token_id: int | None
    metadata: dict[str, Any]


_memo: dict[tuple[str, int, int], GGUFSummary] = {}
_lock = threading.Lock()

# Advice that only makes sense inside the app, added to the validator's message for a non-GGUF file.
def _not_gguf(problem: str) -> Text:
    return msg("{problem} ChatDesk runs GGUF models; convert other checkpoints with File → Import checkpoint…", problem=problem)


def check_gguf(path: str | os.PathLike[str], cache_file: Path | None = None) -> GGUFSummary:
    """Return a summary of a loadable-looking GGUF, or raise ModelFileError saying what is wrong."""
    p = Path(path).expanduser()
    try:
        key = _stamp(p) if p.is_file() else None
    except OSError:
        key = None  # unreadable: the full check below says why
    if key is not None:
        with _lock:
            if key in _memo:
                return _memo[key]
        cached = _read_cache(cache_file, key)
        if cached is not None:
            with _lock:
                _memo[key] = cached
            return cached
    summary = _full_check(p)
    if key is not None:
        with _lock:
            _memo[key] = summary
        _write_cache(cache_file, key, summary)
    return summary


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def _full_check(p: Path) -> GGUFSummary:
    import ggufcheck  # the gguf package is a heavy import: only on a cache miss

    try:
        info = ggufcheck.check(p)
    except ggufcheck.GGUFCheckError as exc:
        problem = text_of(exc)
        raise ModelFileError(_not_gguf(problem) if exc.rule is ggufcheck.Rule.SIGNATURE else problem) from exc
    return GGUFSummary(
        path=info.path,
        size_bytes=info.size_bytes,
        version=info.version,
        architecture=info.architecture,
        name=info.name,
        context_length=info.context_length,
        n_tensors=info.n_tensors,
        n_params=info.n_params,
        n_vocab=info.n_vocab,
        file_type=info.file_type_name,
        chat_template=info.chat_template,
        tokenizer_model=info.tokenizer_model,
        bos_token_id=info.bos_token_id,
        eos_token_id=info.eos_token_id,
        metadata=info.metadata,
    )


def _cache_key(key: tuple[str, int, int]) -> str:
    return f"{CHECK_VERSION}|{key[0]}|{key[1]}|{key[2]}"


def _read_cache(cache_file: Path | None, key: tuple[str, int, int]) -> GGUFSummary | None:
    if cache_file is None:
        return None
    try:
        data = json.loads(cache_file.read_text("utf-8"))
        entry = data.get(_cache_key(key))
        return GGUFSummary(**entry) if entry else None
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def _write_cache(cache_file: Path | None, key: tuple[str, int, int], summary: GGUFSummary) -> None:
    if cache_file is None:
        return
    try:
        data = json.loads(cache_file.read_text("utf-8")) if cache_file.exists() else {}
    except (OSError, ValueError):
        data = {}
    data[_cache_key(key)] = asdict(summary)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_name(cache_file.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
        tmp.replace(cache_file)
    except OSError:
        pass  # a cache that cannot be written only costs time
