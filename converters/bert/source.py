"""Open a BERT-family sentence-embedding checkpoint in the sentence-transformers layout.

What we read, and why each file matters for the GGUF:

* ``modules.json`` names the modules run after the transformer. We accept exactly what
  llama.cpp's embedding mode can run: ``Transformer`` → ``Pooling`` (mean, CLS or last token)
  → optional ``Normalize``. A ``Dense`` projection (distiluse, LaBSE) or any other module would
  silently give different vectors, so it is refused with a sentence saying so.
* ``<pooling path>/config.json`` gives the pooling mode (``pooling_type`` in the GGUF).
* ``sentence_bert_config.json`` gives ``max_seq_length``, where sentence-transformers truncates
  (all-MiniLM-L6-v2: 256, below its 512 learned positions). We keep it in the GGUF so the
  app truncates where the original model did.
* ``config.json`` (of the transformer folder, the root or e.g. ``0_Transformer/``) must describe a
  plain BERT encoder (``model_type`` ``bert``: MiniLM, BGE, E5 small/base/large English): absolute
  positions, GELU. XLM-RoBERTa based models (multilingual-e5, BGE-M3) use another tokenizer and
  position offset and are not handled here.
* The weights: ``model.safetensors`` (read without torch) or ``pytorch_model.bin`` (only
  ``torch.load(weights_only=True)``): nothing in the folder is ever executed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translatable import msg

from ..errors import BadInputError
from ..sources import _listing, open_hf_weights

FORMAT = "sentence-bert"
POOLING_MODES = ("mean", "cls", "last")
_ST = "sentence_transformers.models."
_ALLOWED_MODULES = {"Transformer", "Pooling", "Normalize"}
_GELU = {"gelu": "erf", "gelu_new": "tanh", "gelu_pytorch_tanh": "tanh", "gelu_fast": "tanh"}
BERT_ARCHITECTURES = {"BertModel", "BertForMaskedLM", "BertForPreTraining", "BertForSequenceClassification"}


@dataclass(frozen=True)
class BertHparams:
    n_layer: int
    n_head: int
    n_embd: int
    n_ff: int
    n_vocab: int
    n_positions: int
    n_token_types: int
    layer_norm_eps: float


@dataclass
class SentenceCheckpoint:
    """An opened checkpoint: hyper-parameters, pooling, the tokenizer files and a weight reader."""

    path: Path
    model_dir: Path
    """Folder holding config.json and the weights (the root, or the Transformer module's path)."""
    hparams: BertHparams
    pooling: str
    normalize: bool
    max_seq_length: int | None
    reader: Any
    weight_files: list[Path]
    default_name: str
    notes: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.reader.close()


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(msg("{what} is not valid JSON: {exc}", what=what, exc=exc)) from None


def _int(cfg: dict, key: str, where: str) -> int:
    value = cfg.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise BadInputError(msg("{where}: '{key}' is missing or not a positive integer ({value!r})", where=where, key=key, value=value))
    return value


def looks_like_bert(src: str | os.PathLike) -> bool:
    """True when ``src`` is a folder (or a file in one) whose config.json describes a BERT encoder.

    Cheap: reads at most two small JSON files. Used to route ``convert`` to this path.
    """
    folder = Path(src).expanduser()
    if folder.is_file():
        folder = folder.parent
    if not folder.is_dir():
        return False
    candidates = [folder / "config.json"]
    modules = folder / "modules.json"
    if modules.is_file():
        try:
            for mod in json.loads(modules.read_text(encoding="utf-8")):
                if str(mod.get("type", "")).endswith("Transformer") and mod.get("path"):
                    candidates.insert(0, folder / str(mod["path"]) / "config.json")
        except (OSError, ValueError, AttributeError, TypeError):
            pass
    for cfg_path in candidates:
        try:
            cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(cfg, dict) and (cfg.get("model_type") == "bert"
                                      or BERT_ARCHITECTURES & set(cfg.get("architectures") or [])):
            return True
    return False


def _modules(folder: Path) -> tuple[Path, str | None, bool, list[str]]:
    """(transformer folder, pooling mode or None, normalize, notes) from modules.json."""
    path = folder / "modules.json"
    if not path.is_file():
        return folder, None, False, []
    mods = _read_json(path, "modules.json")
    if not isinstance(mods, list):
        raise BadInputError(msg("modules.json is not a list of modules"))
    model_dir, pooling_dir, normalize = folder, None, False
    for mod in sorted(mods, key=lambda m: int(m.get("idx", 0)) if isinstance(m, dict) else 0):
        if not isinstance(mod, dict):
            raise BadInputError(msg("modules.json lists something that is not a module"))
        kind = str(mod.get("type", "")).removeprefix(_ST)
        short = kind.rsplit(".", 1)[-1]
        if short not in _ALLOWED_MODULES:
            raise BadInputError(
                msg("this sentence-transformers model has a '{short}' module after pooling ({kind}); llama.cpp's embedding mode runs only Transformer → Pooling → Normalize, so its vectors would differ", short=short, kind=kind)
            )
        sub = folder / str(mod.get("path", ""))
        if short == "Transformer":
            model_dir = sub
        elif short == "Pooling":
            pooling_dir = sub
        else:
            normalize = True
    mode = _pooling_mode(pooling_dir) if pooling_dir is not None else None
    return model_dir, mode, normalize, []


def _pooling_mode(folder: Path) -> str:
    cfg = _read_json(folder / "config.json", f"{folder.name}/config.json")
    if not isinstance(cfg, dict):
        raise BadInputError(msg("{name}/config.json is not a JSON object", name=folder.name))
    if cfg.get("pooling_mode_max_tokens") or cfg.get("pooling_mode_mean_sqrt_len_tokens") \
            or cfg.get("pooling_mode_weightedmean_tokens"):
        raise BadInputError(msg("the model pools by max, weighted mean or mean/sqrt(length); llama.cpp pools only by mean, first token (CLS) or last token"))
    if cfg.get("pooling_mode_mean_tokens"):
        return "mean"
    if cfg.get("pooling_mode_cls_token"):
        return "cls"
    if cfg.get("pooling_mode_lasttoken"):
        return "last"
    named = {"mean": "mean", "cls": "cls", "lasttoken": "last"}.get(str(cfg.get("pooling_mode")))
    if named:
        return named
    raise BadInputError(msg("{name}/config.json names no pooling mode llama.cpp supports (mean, cls, lasttoken)", name=folder.name))


def open_sentence_checkpoint(src: str | os.PathLike) -> SentenceCheckpoint:
    folder = Path(src).expanduser()
    if folder.is_file():
        folder = folder.parent
    if not folder.is_dir():
        raise BadInputError(msg("{src} does not exist or is not a folder", src=src))
    model_dir, pooling, normalize, notes = _modules(folder)
    cfg_path = model_dir / "config.json"
    if not cfg_path.is_file():
        raise BadInputError(msg("{model_dir} has no config.json (found: {value})", model_dir=model_dir, value=_listing(model_dir)))
    where = f"{model_dir.name}/config.json"
    cfg = _read_json(cfg_path, where)
    if not isinstance(cfg, dict):
        raise BadInputError(msg("{where} is not a JSON object", where=where))
    if cfg.get("model_type") != "bert":
        raise BadInputError(
            msg("{where} describes a '{value}' model; embedding checkpoints must be plain BERT (model_type 'bert': MiniLM, BGE, E5 English)", where=where, value=cfg.get('model_type'))
        )
    if cfg.get("position_embedding_type", "absolute") != "absolute":
        raise BadInputError(msg("{where}: position_embedding_type '{value}' is not supported (llama.cpp's bert graph uses absolute positions)", where=where, value=cfg['position_embedding_type']))
    act = cfg.get("hidden_act", "gelu")
    if act not in _GELU:
        raise BadInputError(msg("{where}: hidden_act '{act}' is not GELU; llama.cpp's bert graph uses GELU", where=where, act=act))
    if cfg.get("is_decoder") or cfg.get("add_cross_attention"):
        raise BadInputError(msg("{where}: a BERT decoder / cross-attention model is not a sentence encoder", where=where))
    n_embd = _int(cfg, "hidden_size", where)
    n_head = _int(cfg, "num_attention_heads", where)
    if n_embd % n_head:
        raise BadInputError(msg("{where}: hidden_size {n_embd} is not divisible by num_attention_heads {n_head}", where=where, n_embd=n_embd, n_head=n_head))
    hp = BertHparams(
        n_layer=_int(cfg, "num_hidden_layers", where),
        n_head=n_head,
        n_embd=n_embd,
        n_ff=_int(cfg, "intermediate_size", where),
        n_vocab=_int(cfg, "vocab_size", where),
        n_positions=_int(cfg, "max_position_embeddings", where),
        n_token_types=int(cfg.get("type_vocab_size") or 1),
        layer_norm_eps=float(cfg.get("layer_norm_eps", 1e-12)),
    )
    if pooling is None:
        pooling = "mean"
        notes.append("no modules.json / Pooling config: assuming mean pooling (the sentence-transformers default)")
    max_seq = None
    st_cfg = folder / "sentence_bert_config.json"
    if st_cfg.is_file():
        value = _read_json(st_cfg, "sentence_bert_config.json")
        if isinstance(value, dict) and isinstance(value.get("max_seq_length"), int) and value["max_seq_length"] > 0:
            max_seq = min(int(value["max_seq_length"]), hp.n_positions)
    files, reader = open_hf_weights(model_dir)
    name = cfg.get("_name_or_path") or folder.name
    return SentenceCheckpoint(
        path=folder,
        model_dir=model_dir,
        hparams=hp,
        pooling=pooling,
        normalize=normalize,
        max_seq_length=max_seq,
        reader=reader,
        weight_files=files,
        default_name=Path(str(name)).name or folder.name,
        notes=notes,
    )
