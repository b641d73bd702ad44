"""Recognise a checkpoint on disk and open it as a :class:`Checkpoint`.

Supported: a Hugging Face GPT-2 folder (``config.json`` + safetensors, sharded
safetensors or ``pytorch_model.bin``; current and original-release key
layouts) and a nanoGPT ``ckpt.pt`` (file or its ``out`` folder). Anything else
is refused with a message that says what was found and what is missing, so
the import dialog can show it verbatim.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translatable import msg

from .errors import BadInputError
from .hparams import GPT2Hparams
from .tensor_map import SourceLayout, canonical_name, is_dropped_buffer
from .tensor_readers import (
    SafetensorsReader,
    TorchStateDictReader,
    import_torch,
    torch_load_untrusted,
)
from .vocab import GGUFVocab, find_bpe_files, load_bpe_vocab, load_char_vocab

HF_GPT2 = "hf-gpt2"
NANOGPT = "nanogpt"

_TORCH_SUFFIXES = (".pt", ".pth", ".ckpt", ".bin")


@dataclass
class Checkpoint:
    format: str
    path: Path
    hparams: GPT2Hparams
    layout: SourceLayout
    reader: Any  # SafetensorsReader | TorchStateDictReader
    weight_files: list[Path]
    untied_head: bool
    allow_missing_bias: bool
    tokenizer_kind: str
    tokenizer_path: Path
    default_name: str
    iter_num: int | None = None
    best_val_loss: float | None = None
    notes: list[str] = field(default_factory=list)
    _vocab: GGUFVocab | None = None

    def vocab(self) -> GGUFVocab:
        """The GGUF tokenizer, built on first use (it is validated as it is built)."""
        if self._vocab is None:
            if self.tokenizer_kind == "char":
                self._vocab = load_char_vocab(self.tokenizer_path, self.hparams.n_vocab)
            else:
                self._vocab = load_bpe_vocab(self.tokenizer_path, self.hparams.n_vocab)
        return self._vocab

    def close(self) -> None:
        self.reader.close()


def _listing(folder: Path) -> str:
    try:
        names = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir())
    except OSError:
        return "(unreadable)"
    if not names:
        return "nothing"
    return ", ".join(names[:12]) + (f" … ({len(names)} entries)" if len(names) > 12 else "")


def open_checkpoint(src: str | os.PathLike, tokenizer: str | os.PathLike | None = None) -> Checkpoint:
    src = Path(src).expanduser()
    if not src.exists():
        raise BadInputError(msg("{src} does not exist", src=src))
    tok = Path(tokenizer).expanduser() if tokenizer is not None else None
    if tok is not None and not tok.exists():
        raise BadInputError(msg("tokenizer path {tok} does not exist", tok=tok))
    if src.is_dir():
        if (src / "config.json").is_file():
            return _open_hf(src, tok)
        if (src / "ckpt.pt").is_file():
            return _open_nanogpt(src / "ckpt.pt", tok)
        raise BadInputError(
            msg("{src} is neither a Hugging Face GPT-2 folder (no config.json) nor a nanoGPT output folder (no ckpt.pt); it contains: {value}", src=src, value=_listing(src))
        )
    name = src.name
    if name == "config.json" or name.endswith(".safetensors") or name.endswith(".safetensors.index.json") \
            or name.startswith("pytorch_model"):
        if (src.parent / "config.json").is_file():
            return _open_hf(src.parent, tok)
        raise BadInputError(msg("{name} looks like Hugging Face weights but there is no config.json beside it", name=name))
    with open(src, "rb") as fh:
        magic = fh.read(4)
    if name.endswith(_TORCH_SUFFIXES) or magic[:2] == b"PK" or magic[:1] == b"\x80":
        return _open_nanogpt(src, tok)
    raise BadInputError(
        msg("{src} is not a recognised checkpoint: expected a Hugging Face GPT-2 folder (config.json + model.safetensors or pytorch_model.bin) or a nanoGPT ckpt.pt", src=src)
    )


# ------------------------------------------------------------------ Hugging Face

_UNSUPPORTED_HF = (
    ("scale_attn_by_inverse_layer_idx", True, "attention scaled by 1/layer index"),
    ("scale_attn_weights", False, "unscaled attention"),
    ("reorder_and_upcast_attn", True, "reordered/upcast attention"),
    ("add_cross_attention", True, "cross-attention"),
)
_GELU = {"gelu_new": "tanh", "gelu_pytorch_tanh": "tanh", "gelu_fast": "tanh", "gelu": "erf"}


def _int(cfg: dict, key: str, where: str) -> int:
    value = cfg.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadInputError(msg("{where}: '{key}' is missing or not an integer ({value!r})", where=where, key=key, value=value))
    return value


def _open_hf(folder: Path, tok: Path | None) -> Checkpoint:
    where = f"{folder.name}/config.json"
    try:
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(msg("{where} is not valid JSON: {exc}", where=where, exc=exc)) from None
    if not isinstance(cfg, dict):
        raise BadInputError(msg("{where} is not a JSON object", where=where))
    model_type = cfg.get("model_type")
    archs = cfg.get("architectures") or []
    if model_type != "gpt2":
        what = f"a '{model_type}' model" if model_type else "a model without 'model_type'"
        arch_text = f" ({', '.join(map(str, archs))})" if archs else ""
        raise BadInputError(
            msg("{where} describes {what}{arch_text}; only GPT-2 checkpoints (model_type 'gpt2') and BERT "
                "sentence-embedding models (model_type 'bert') can be converted", where=where, what=what, arch_text=arch_text)
        )
    for key, bad, what in _UNSUPPORTED_HF:
        if cfg.get(key, not bad) == bad:
            raise BadInputError(msg("{where}: {key}={bad} ({what}) cannot be represented by llama.cpp's gpt2 graph", where=where, key=key, bad=bad, what=what))
    act = cfg.get("activation_function", "gelu_new")
    if act not in _GELU:
        raise BadInputError(msg("{where}: activation_function '{act}' is not GELU; llama.cpp's gpt2 graph uses GELU", where=where, act=act))
    n_embd = _int(cfg, "n_embd", where)
    n_ctx = cfg.get("n_positions", cfg.get("n_ctx"))
    if not isinstance(n_ctx, int):
        raise BadInputError(msg("{where}: neither 'n_positions' nor 'n_ctx' is set", where=where))
    n_inner = cfg.get("n_inner")
    hp = GPT2Hparams(
        n_layer=_int(cfg, "n_layer", where),
        n_head=_int(cfg, "n_head", where),
        n_embd=n_embd,
        n_ctx=n_ctx,
        n_ff=n_inner if isinstance(n_inner, int) else 4 * n_embd,
        n_vocab=_int(cfg, "vocab_size", where),
        layer_norm_eps=float(cfg.get("layer_norm_epsilon", 1e-5)),
        gelu=_GELU[act],
    )

    files, reader = open_hf_weights(folder)

    shapes = reader.shapes()
    canon = {canonical_name(k) for k in shapes}
    tied = bool(cfg.get("tie_word_embeddings", True))
    if not tied and "lm_head.weight" not in canon:
        raise BadInputError(msg("{where} says the output head is not tied, but lm_head.weight is missing", where=where))

    tok_path = tok if tok is not None else folder
    tj, vj, mt = find_bpe_files(tok_path)
    if tj is None and not (vj and mt):
        raise BadInputError(
            msg("no tokenizer for {name}: expected tokenizer.json or vocab.json + merges.txt in {tok_path} (found: {value}); pass --tokenizer PATH", name=folder.name, tok_path=tok_path, value=_listing(tok_path if tok_path.is_dir() else tok_path.parent))
        )
    name = cfg.get("_name_or_path") or folder.name
    return Checkpoint(
        format=HF_GPT2,
        path=folder,
        hparams=hp,
        layout=SourceLayout.CONV1D,
        reader=reader,
        weight_files=files,
        untied_head=not tied,
        allow_missing_bias=False,
        tokenizer_kind="bpe",
        tokenizer_path=tok_path,
        default_name=Path(str(name)).name or folder.name,
    )


def open_hf_weights(folder: Path) -> tuple[list[Path], Any]:
    """The weight files of a Hugging Face folder and a reader over them.

    ``model.safetensors`` (or its shard index) is read without torch; ``pytorch_model.bin``
    (or its shards) only with ``torch.load(weights_only=True)``. Shared by the GPT-2 and the
    BERT (sentence-embedding) paths.
    """
    index = folder / "model.safetensors.index.json"
    single = folder / "model.safetensors"
    torch_bin = folder / "pytorch_model.bin"
    torch_index = folder / "pytorch_model.bin.index.json"
    if single.is_file():
        files = [single]
        reader: Any = SafetensorsReader(files)
    elif index.is_file() or torch_index.is_file():
        idx_path = index if index.is_file() else torch_index
        try:
            weight_map = json.loads(idx_path.read_text(encoding="utf-8"))["weight_map"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BadInputError(msg("{name} is not a valid shard index: {exc}", name=idx_path.name, exc=exc)) from None
        files = []
        for shard in weight_map.values():
            p = folder / shard
            if p not in files:
                files.append(p)
        missing = [p.name for p in files if not p.is_file()]
        if missing:
            raise BadInputError(msg("{name} lists shards that are missing: {value}", name=idx_path.name, value=', '.join(missing)))
        if idx_path is index:
            reader = SafetensorsReader(files)
        else:
            reader = TorchStateDictReader([_bare_state_dict(p) for p in files], folder.name)
    elif torch_bin.is_file():
        files = [torch_bin]
        reader = TorchStateDictReader([_bare_state_dict(torch_bin)], torch_bin.name)
    else:
        raise BadInputError(
            msg("{folder} has config.json but no weights: expected model.safetensors, model.safetensors.index.json or pytorch_model.bin (found: {value})", folder=folder, value=_listing(folder))
        )

    return files, reader


def _bare_state_dict(path: Path) -> dict:
    obj = torch_load_untrusted(path)
    if isinstance(obj, dict) and "state_dict" in obj and isinstance(obj["state_dict"], dict):
        obj = obj["state_dict"]
    if not isinstance(obj, dict):
        raise BadInputError(msg("{name} does not contain a state dict", name=path.name))
    return obj


# ------------------------------------------------------------------ nanoGPT

def _find_meta(ckpt: Path, dataset: object) -> Path | None:
    candidates = [ckpt.parent / "meta.pkl"]
    if isinstance(dataset, str) and dataset and "/" not in dataset and ".." not in dataset:
        for base in (ckpt.parent, ckpt.parent.parent, Path.cwd()):
            candidates.append(base / "data" / dataset / "meta.pkl")
    for c in candidates:
        if c.is_file():
            return c
    return None


def _open_nanogpt(path: Path, tok: Path | None) -> Checkpoint:
    import_torch()
    obj = torch_load_untrusted(path)
    if not isinstance(obj, dict) or "model" not in obj or "model_args" not in obj:
        keys = list(obj)[:6] if isinstance(obj, dict) else type(obj).__name__
        hint = ""
        if isinstance(obj, dict) and any(canonical_name(str(k)).startswith("h.0.") for k in obj):
            hint = "; it looks like a bare GPT-2 state dict: put it in a folder with its config.json as pytorch_model.bin"
        raise BadInputError(
            msg("{name} is a PyTorch file but not a nanoGPT checkpoint (expected keys 'model' and 'model_args', found {keys}){hint}", name=path.name, keys=keys, hint=hint)
        )
    args = obj["model_args"]
    sd = obj["model"]
    if not isinstance(args, dict) or not isinstance(sd, dict):
        raise BadInputError(msg("{name}: 'model' and 'model_args' must be dicts", name=path.name))
    reader = TorchStateDictReader([sd], path.name)
    shapes = reader.shapes()
    by_canon = {canonical_name(k): v for k, v in shapes.items()}
    where = f"{path.name} model_args"
    n_embd = _int(args, "n_embd", where)
    if "wpe.weight" not in by_canon or "wte.weight" not in by_canon:
        raise BadInputError(msg("{name}: the state dict has no transformer.wte/wpe weights; is it a GPT model?", name=path.name))
    block_size = int(by_canon["wpe.weight"][0])
    if isinstance(args.get("block_size"), int) and args["block_size"] != block_size:
        raise BadInputError(
            msg("{where}: block_size={value} but transformer.wpe.weight has {block_size} rows", where=where, value=args['block_size'], block_size=block_size)
        )
    n_vocab = int(by_canon["wte.weight"][0])
    if isinstance(args.get("vocab_size"), int) and args["vocab_size"] != n_vocab:
        raise BadInputError(msg("{where}: vocab_size={value} but transformer.wte.weight has {n_vocab} rows", where=where, value=args['vocab_size'], n_vocab=n_vocab))
    hp = GPT2Hparams(
        n_layer=_int(args, "n_layer", where),
        n_head=_int(args, "n_head", where),
        n_embd=n_embd,
        n_ctx=block_size,
        n_ff=4 * n_embd,
        n_vocab=n_vocab,
        layer_norm_eps=1e-5,
        gelu="erf",
    )
    config = found if isinstance(found := obj.get("config"), dict) else {}
    dataset = config.get("dataset")

    if tok is not None:
        if tok.is_file() and tok.suffix == ".pkl":
            kind, tok_path = "char", tok
        elif tok.is_dir() and (tok / "meta.pkl").is_file():
            kind, tok_path = "char", tok / "meta.pkl"
        else:
            tj, vj, mt = find_bpe_files(tok)
            if tj is None and not (vj and mt):
                raise BadInputError(
                    msg("--tokenizer {tok}: expected meta.pkl (character vocab), tokenizer.json, or vocab.json + merges.txt", tok=tok)
                )
            kind, tok_path = "bpe", tok
    else:
        meta = _find_meta(path, dataset)
        if meta is not None:
            kind, tok_path = "char", meta
        else:
            looked = "beside it" + (f" or in data/{dataset}/" if isinstance(dataset, str) and dataset else "")
            raise BadInputError(
                msg("no tokenizer was given for {name} (vocab {n_vocab}) and there is no meta.pkl {looked}. Without meta.pkl nanoGPT uses tiktoken's GPT-2 BPE, which is not bundled: pass --tokenizer DIR with tokenizer.json or vocab.json + merges.txt (or --tokenizer meta.pkl for a character model)", name=path.name, n_vocab=n_vocab, looked=looked)
            )

    iter_num = obj.get("iter_num")
    best = obj.get("best_val_loss")
    try:
        best_f = float(best) if best is not None else None
    except (TypeError, ValueError):
        best_f = None
    has_bias = any(k.endswith(".bias") and not is_dropped_buffer(k) for k in by_canon)
    notes = []
    if not has_bias:
        notes.append("model trained with bias=False: zero biases written (llama.cpp's gpt2 graph requires them)")
    name = dataset if isinstance(dataset, str) and dataset else path.parent.name
    return Checkpoint(
        format=NANOGPT,
        path=path,
        hparams=hp,
        layout=SourceLayout.LINEAR,
        reader=reader,
        weight_files=[path],
        untied_head=False,  # nanoGPT ties lm_head to wte in its constructor
        allow_missing_bias=not has_bias,  # bias=False: all absent; bias=True: all required
        tokenizer_kind=kind,
        tokenizer_path=tok_path,
        default_name=name,
        iter_num=int(iter_num) if isinstance(iter_num, int) else None,
        best_val_loss=best_f,
        notes=notes,
    )
