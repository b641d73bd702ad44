"""Validate a GGUF file in Python before llama.cpp sees it.

llama.cpp aborts the whole process (not an exception) on some malformed files — duplicate token
strings, for instance — and only says "Failed to load model" on others. Reading the header,
metadata and tensor table with the ``gguf`` package first lets us refuse bad files with a
sentence a user understands, and keeps the app alive.

Parsing 50k-token vocabularies with GGUFReader takes a second or two, so results are cached by
(path, size, mtime) in memory and, when the caller gives a cache file, on disk.
"""

from __future__ import annotations

import gc
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from chatdesk.engine.errors import ModelFileError

GGUF_MAGIC = b"GGUF"
CHECK_VERSION = 1  # bump when the checks change, to invalidate cached verdicts

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


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def check_gguf(path: str | os.PathLike[str], cache_file: Path | None = None) -> GGUFSummary:
    """Return a summary of a loadable-looking GGUF, or raise ModelFileError saying what is wrong."""
    p = Path(path).expanduser()
    if not p.exists():
        raise ModelFileError(f"The model file {p} does not exist.")
    if p.is_dir():
        raise ModelFileError(f"{p} is a folder, not a GGUF model file.")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ModelFileError(f"ChatDesk cannot read the model file {p}: {exc.strerror or exc}.") from exc
    if len(head) < 8:
        raise ModelFileError(f"{p.name} is empty or truncated: it is too short to be a GGUF model.")
    if head[:4] != GGUF_MAGIC:
        raise ModelFileError(
            f"{p.name} is not a GGUF model file (it does not start with the GGUF signature). "
            "ChatDesk runs GGUF models; convert other checkpoints with File → Import checkpoint…"
        )
    key = _stamp(p)
    with _lock:
        if key in _memo:
            return _memo[key]
    cached = _read_cache(cache_file, key)
    if cached is not None:
        with _lock:
            _memo[key] = cached
        return cached
    summary = _full_check(p)
    with _lock:
        _memo[key] = summary
    _write_cache(cache_file, key, summary)
    return summary


def _reader(path: str):  # type: ignore[no-untyped-def]
    """A ``gguf.GGUFReader`` that parses from a plain ndarray view of its memory map.

    GGUFReader slices ``self.data`` once per metadata element; on an ``np.memmap`` each slice
    runs memmap's ``__array_finalize__`` bookkeeping, which dominated parsing a 49k-token
    vocabulary (2.1 s → 0.7 s here). The view keeps the mapping alive, so nothing else changes.
    """
    import gguf  # heavy import, kept off the startup path
    import numpy as np

    class PlainArrayReader(gguf.GGUFReader):
        @property
        def data(self):  # type: ignore[no-untyped-def]
            return self._plain_data

        @data.setter
        def data(self, value) -> None:  # type: ignore[no-untyped-def]
            self._plain_data = value.view(np.ndarray) if isinstance(value, np.memmap) else value

    return PlainArrayReader(path, "r")


def _full_check(p: Path) -> GGUFSummary:
    size = p.stat().st_size
    # Parsing creates ~10^5 small objects; with the cyclic GC enabled that triggers several full
    # collections, each holding the GIL long enough to stall the GUI thread (~100 ms each).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_parsed(p, size)
    finally:
        if gc_was_enabled:
            gc.enable()


def _check_parsed(p: Path, size: int) -> GGUFSummary:
    import gguf

    try:
        reader = _reader(str(p))
    except Exception as exc:
        raise ModelFileError(
            f"{p.name} is damaged or truncated: its GGUF header could not be read ({_short(exc)})."
        ) from exc

    def field(name: str, default: Any = None) -> Any:
        f = reader.get_field(name)
        if f is None:
            return default
        try:
            return f.contents()
        except Exception as exc:
            raise ModelFileError(f"{p.name} has an unreadable metadata value {name!r}.") from exc

    version = int(field("GGUF.version", 0))
    arch = field("general.architecture")
    if not isinstance(arch, str) or not arch:
        raise ModelFileError(f"{p.name} has no 'general.architecture': it is not a complete model file.")
    tok_model = field("tokenizer.ggml.model")
    if not tok_model:
        raise ModelFileError(f"{p.name} has no tokenizer (tokenizer.ggml.model is missing).")

    # Every tensor's data must lie inside the file (a truncated download fails here).
    n_params = 0
    names: set[str] = set()
    for t in reader.tensors:
        end = int(t.data_offset) + int(t.n_bytes)
        if end > size:
            raise ModelFileError(
                f"{p.name} is truncated: tensor {t.name!r} ends at byte {end:,} but the file has {size:,} bytes. "
                "Download or convert it again."
            )
        n_params += int(t.n_elements)
        names.add(t.name)
    if "token_embd.weight" not in names:
        raise ModelFileError(f"{p.name} has no token embedding tensor; it is not a usable language model.")

    tokens_field = reader.get_field("tokenizer.ggml.tokens")
    if tokens_field is None:
        raise ModelFileError(f"{p.name} has no vocabulary (tokenizer.ggml.tokens is missing).")
    n_vocab = len(tokens_field.data)
    # Duplicate token strings make llama.cpp abort the process: compare raw bytes.
    seen: set[bytes] = set()
    for idx in tokens_field.data:
        raw = bytes(tokens_field.parts[idx])
        if raw in seen:
            raise ModelFileError(
                f"{p.name} has duplicate tokens in its vocabulary ({raw.decode('utf-8', 'replace')!r}); "
                "llama.cpp cannot load it. Re-convert the model."
            )
        seen.add(raw)
    emb = next(t for t in reader.tensors if t.name == "token_embd.weight")
    rows = int(emb.shape[-1]) if len(emb.shape) > 1 else 0
    if rows != n_vocab:
        raise ModelFileError(
            f"{p.name} is inconsistent: the vocabulary has {n_vocab} tokens but the embedding has {rows} rows."
        )
    ctx_len = field(f"{arch}.context_length")
    if not isinstance(ctx_len, int) or ctx_len <= 0:
        raise ModelFileError(f"{p.name} does not say its context length ({arch}.context_length).")
    if arch == "gpt2":
        _check_gpt2(p, reader, names, field)

    file_type = field("general.file_type")
    try:
        ftype_name = gguf.LlamaFileType(int(file_type)).name.replace("MOSTLY_", "") if file_type is not None else "unknown"
    except ValueError:
        ftype_name = f"type {file_type}"
    template = field("tokenizer.chat_template")
    bos = field("tokenizer.ggml.bos_token_id")
    eos = field("tokenizer.ggml.eos_token_id")
    small_meta: dict[str, Any] = {}
    for name in reader.fields:
        if name.startswith(("tokenizer.ggml.tokens", "tokenizer.ggml.merges", "tokenizer.ggml.token_type", "tokenizer.ggml.scores")):
            continue
        if name.startswith("GGUF."):
            continue
        value = field(name)
        if isinstance(value, list) and len(value) > 16:
            continue
        small_meta[name] = value
    return GGUFSummary(
        path=str(p.resolve()),
        size_bytes=size,
        version=version,
        architecture=arch,
        name=str(field("general.name") or p.stem),
        context_length=int(ctx_len),
        n_tensors=len(reader.tensors),
        n_params=n_params,
        n_vocab=n_vocab,
        file_type=ftype_name,
        chat_template=template if isinstance(template, str) and template.strip() else None,
        tokenizer_model=str(tok_model),
        bos_token_id=int(bos) if isinstance(bos, int) else None,
        eos_token_id=int(eos) if isinstance(eos, int) else None,
        metadata=small_meta,
    )


def _check_gpt2(p: Path, reader: Any, names: set[str], field: Any) -> None:
    """The gpt2 graph needs exactly this tensor set; anything else is refused by llama.cpp."""
    n_layer = field("gpt2.block_count")
    if not isinstance(n_layer, int):
        raise ModelFileError(f"{p.name}: gpt2.block_count is missing.")
    expected = {"token_embd.weight", "position_embd.weight", "output_norm.weight", "output_norm.bias"}
    for i in range(n_layer):
        for part in ("attn_norm", "attn_qkv", "attn_output", "ffn_norm", "ffn_up", "ffn_down"):
            expected.add(f"blk.{i}.{part}.weight")
            expected.add(f"blk.{i}.{part}.bias")
    optional = {"output.weight"}
    missing = sorted(expected - names)
    extra = sorted(names - expected - optional)
    if missing:
        raise ModelFileError(f"{p.name} is missing tensors the GPT-2 architecture needs: {', '.join(missing[:5])}.")
    if extra:
        raise ModelFileError(f"{p.name} has tensors the GPT-2 architecture does not use: {', '.join(extra[:5])}.")
    if reader.get_field("tokenizer.ggml.merges") is None and field("tokenizer.ggml.model") == "gpt2":
        raise ModelFileError(f"{p.name} has a BPE tokenizer without merges; llama.cpp cannot load it.")


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 160 else text[:157] + "…"


def _read_cache(cache_file: Path | None, key: tuple[str, int, int]) -> GGUFSummary | None:
    if cache_file is None:
        return None
    try:
        data = json.loads(cache_file.read_text("utf-8"))
        entry = data.get(f"{CHECK_VERSION}|{key[0]}|{key[1]}|{key[2]}")
        return GGUFSummary(**entry) if entry else None
    except (OSError, ValueError, TypeError):
        return None


def _write_cache(cache_file: Path | None, key: tuple[str, int, int], summary: GGUFSummary) -> None:
    if cache_file is None:
        return
    try:
        data = json.loads(cache_file.read_text("utf-8")) if cache_file.exists() else {}
    except (OSError, ValueError):
        data = {}
    data[f"{CHECK_VERSION}|{key[0]}|{key[1]}|{key[2]}"] = asdict(summary)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_name(cache_file.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
        tmp.replace(cache_file)
    except OSError:
        pass  # a cache that cannot be written only costs time
