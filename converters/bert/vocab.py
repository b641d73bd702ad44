"""A BERT WordPiece vocabulary as llama.cpp's ``bert`` tokenizer (``LLAMA_VOCAB_TYPE_WPM``) wants it.

llama.cpp does not store WordPiece's ``##`` continuation marks. It splits text into words (on
whitespace, punctuation and each CJK character, lowercasing and stripping accents as the
``tokenizer.ggml.normalizer.*`` keys say), prepends a "phantom space" ``▁`` to each word and
matches the longest vocabulary entries greedily. So a word-initial piece ``play`` is stored as
``▁play`` and a continuation ``##ing`` as ``ing``; special tokens (``[CLS]``, ``[SEP]`` …) stay
as they are and are typed CONTROL. Every input sequence is wrapped as ``[CLS] … [SEP]`` (the
bos and separator ids), as BERT was trained.

The vocabulary comes from ``tokenizer.json`` (a ``WordPiece`` model) or, for older folders,
``vocab.txt`` with ``tokenizer_config.json``; the lowercase/strip-accents flags from the
tokenizer's ``BertNormalizer`` or ``do_lower_case``. Rows of the embedding beyond the vocabulary
get unique ``[PAD<i>]`` names (duplicate token strings abort llama.cpp).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import gguf

from translatable import msg

from ..errors import BadInputError

PHANTOM = "\u2581"
_SPECIAL_NAMES = ("cls_token", "sep_token", "unk_token", "pad_token", "mask_token")
_DEFAULTS = {"cls_token": "[CLS]", "sep_token": "[SEP]", "unk_token": "[UNK]", "pad_token": "[PAD]",
             "mask_token": "[MASK]"}


@dataclass
class WordPieceVocab:
    tokens: list[str]
    """GGUF token strings (phantom-space form), one per embedding row."""
    token_types: list[int]
    lowercase: bool
    strip_accents: bool
    cls_id: int
    sep_id: int
    unk_id: int
    pad_id: int | None
    mask_id: int | None
    source: str
    n_source_tokens: int
    notes: list[str] = field(default_factory=list)


def _content(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("content"), str):
        return value["content"]
    return None


def _json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(msg("{name} is not valid JSON: {exc}", name=path.name, exc=exc)) from None
    return data if isinstance(data, dict) else {}


def _find_normalizer(node: object) -> dict | None:
    if isinstance(node, dict):
        if node.get("type") == "BertNormalizer":
            return node
        for child in node.get("normalizers") or []:
            found = _find_normalizer(child)
            if found is not None:
                return found
    return None


def _from_tokenizer_json(path: Path) -> tuple[dict[str, int], set[str], bool | None, bool | None]:
    data = _json(path)
    model = data.get("model") or {}
    if model.get("type") != "WordPiece" or not isinstance(model.get("vocab"), dict):
        raise BadInputError(msg("{name} is not a WordPiece tokenizer (model type {value!r}); BERT embedding models use WordPiece", name=path.name, value=model.get('type')))
    vocab = {str(k): int(v) for k, v in model["vocab"].items()}
    special = set()
    for added in data.get("added_tokens") or []:
        if isinstance(added, dict) and isinstance(added.get("content"), str) and isinstance(added.get("id"), int):
            vocab.setdefault(added["content"], int(added["id"]))
            if added.get("special"):
                special.add(added["content"])
    norm = _find_normalizer(data.get("normalizer"))
    lower = strip = None
    if norm is not None:
        lower = bool(norm.get("lowercase", True))
        strip = norm.get("strip_accents")
        strip = lower if strip is None else bool(strip)
    elif data.get("normalizer") is None:
        lower, strip = False, False
    return vocab, special, lower, strip


def _from_vocab_txt(path: Path) -> dict[str, int]:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInputError(msg("cannot read {name}: {exc}", name=path.name, exc=exc)) from None
    if lines and lines[-1] == "":
        lines.pop()
    vocab: dict[str, int] = {}
    for i, line in enumerate(lines):
        tok = line.rstrip("\r")
        if tok in vocab:
            raise BadInputError(msg("{name} lists the token {tok!r} twice (lines {value} and {value2})", name=path.name, tok=tok, value=vocab[tok] + 1, value2=i + 1))
        vocab[tok] = i
    return vocab


def load_wordpiece(folder: Path, n_rows: int) -> WordPieceVocab:
    """Build the GGUF vocabulary for a model with ``n_rows`` token-embedding rows."""
    tj, vt = folder / "tokenizer.json", folder / "vocab.txt"
    cfg = _json(folder / "tokenizer_config.json") if (folder / "tokenizer_config.json").is_file() else {}
    stm = _json(folder / "special_tokens_map.json") if (folder / "special_tokens_map.json").is_file() else {}
    lower = strip = None
    special: set[str] = set()
    if tj.is_file():
        vocab, special, lower, strip = _from_tokenizer_json(tj)
        source = tj.name
    elif vt.is_file():
        vocab = _from_vocab_txt(vt)
        source = vt.name
    else:
        raise BadInputError(msg("no WordPiece tokenizer in {folder}: expected tokenizer.json or vocab.txt", folder=folder))
    if lower is None:
        lower = bool(cfg.get("do_lower_case", True))
    if strip is None:
        value = cfg.get("strip_accents")
        strip = lower if value is None else bool(value)

    names = {}
    for key in _SPECIAL_NAMES:
        names[key] = _content(cfg.get(key)) or _content(stm.get(key)) or _DEFAULTS[key]
    special |= {n for n in names.values() if n in vocab}

    if not vocab:
        raise BadInputError(msg("{source} has an empty vocabulary", source=source))
    top = max(vocab.values())
    if top >= n_rows:
        raise BadInputError(msg("{source} has token id {top} but the model's embedding has only {n_rows} rows; the tokenizer does not belong to these weights", source=source, top=top, n_rows=n_rows))
    for key in ("cls_token", "sep_token", "unk_token"):
        if names[key] not in vocab:
            raise BadInputError(msg("{source} has no {value} token ({key}), which BERT needs", source=source, value=names[key], key=key))

    by_id: dict[int, str] = {}
    for word, i in vocab.items():
        by_id.setdefault(i, word)
    tokens: list[str] = []
    types: list[int] = []
    notes: list[str] = []
    for i in range(n_rows):
        tok = by_id.get(i)
        if tok is None:
            tokens.append(f"[PAD{i}]")
            types.append(int(gguf.TokenType.UNUSED))
        elif tok in special:
            tokens.append(tok)
            types.append(int(gguf.TokenType.CONTROL))
        else:
            tokens.append(tok[2:] if tok.startswith("##") and len(tok) > 2 else PHANTOM + tok)
            types.append(int(gguf.TokenType.NORMAL))
    seen: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if tok in seen:  # e.g. a vocabulary holding both "##x" and a literal "x" that already starts with ▁
            tokens[i] = f"[DUP{i}]"
            types[i] = int(gguf.TokenType.UNUSED)
            notes.append(f"token {i} duplicates token {seen[tok]} once written for llama.cpp; it was made unused")
        else:
            seen[tok] = i
    if len(vocab) < n_rows:
        notes.append(f"the embedding has {n_rows} rows for {len(vocab)} tokens; the extra rows are unused")
    return WordPieceVocab(
        tokens=tokens,
        token_types=types,
        lowercase=lower,
        strip_accents=strip,
        cls_id=vocab[names["cls_token"]],
        sep_id=vocab[names["sep_token"]],
        unk_id=vocab[names["unk_token"]],
        pad_id=vocab.get(names["pad_token"]),
        mask_id=vocab.get(names["mask_token"]),
        source=source,
        n_source_tokens=len(vocab),
        notes=notes,
    )
