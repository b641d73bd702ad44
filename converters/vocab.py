"""Build the GGUF tokenizer (``tokenizer.ggml.*``) for llama.cpp's ``gpt2`` model.

Two sources:

* GPT-2-style byte-level BPE: ``tokenizer.json`` (HF ``tokenizers``) or
  ``vocab.json`` + ``merges.txt``. Token strings are already in GPT-2's
  byte-to-unicode form (``Ġ`` for space), which is what llama.cpp expects.
* nanoGPT character vocabularies (``meta.pkl``): each character becomes a token
  whose string is its UTF-8 bytes in byte-to-unicode form, and each multi-byte
  character gets a left-to-right merge chain, without which llama.cpp would
  drop it (reference §2.5). An ``<|endoftext|>`` control token is appended so
  EOS is not the default id 11 (a real character).

We never emit a token without a string, never emit duplicate strings (that
aborts llama.cpp), and reconcile the token count with the embedding rows here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from translatable import msg

from .errors import BadInputError
from .safe_pickle import load_meta_pkl

EOT = "<|endoftext|>"

# gguf.TokenType values
NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6

# Never-matching merge for vocabularies without merges: the key must exist
# and be non-empty, and neither half can be produced by an earlier merge.
DUMMY_MERGE = "ab cd"


@lru_cache(maxsize=1)
def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's reversible byte -> printable-character table."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def byte_encode(text: str) -> str:
    table = bytes_to_unicode()
    return "".join(table[b] for b in text.encode("utf-8"))


@dataclass
class GGUFVocab:
    kind: str  # "bpe" | "char"
    tokens: list[str]
    token_types: list[int]
    merges: list[str]
    bos_id: int
    eos_id: int
    model_rows: int
    """Embedding rows taken from the checkpoint (the rest of ``tokens`` get zero rows)."""
    source: str
    """Human description of where the tokenizer came from."""
    stoi: Mapping[str, int] | None = None
    """Character vocab only: what nanoGPT's ``encode`` uses, for parity checks."""
    tokenizer_json: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def zero_rows(self) -> int:
        return len(self.tokens) - self.model_rows

    def check(self) -> None:
        """Refuse anything llama.cpp would abort or misbehave on."""
        if len(self.token_types) != len(self.tokens):
            raise BadInputError(msg("internal: token types and tokens differ in length"))
        seen: dict[str, int] = {}
        for i, tok in enumerate(self.tokens):
            if not tok:
                raise BadInputError(msg("token id {i} has an empty string", i=i))
            if tok in seen:
                raise BadInputError(
                    msg("token string {tok!r} is used by ids {value} and {i}; duplicate token strings crash llama.cpp, so the tokenizer cannot be converted", tok=tok, value=seen[tok], i=i)
                )
            seen[tok] = i
        if not self.merges:
            raise BadInputError(msg("internal: GGUF gpt2 tokenizers need at least one merge"))
        for m in self.merges:
            left, sep, right = m.partition(" ")
            if not sep or not left or not right:
                raise BadInputError(msg("merge {m!r} is not of the form 'left right'", m=m))
        for which, tid in (("bos", self.bos_id), ("eos", self.eos_id)):
            if not 0 <= tid < len(self.tokens):
                raise BadInputError(msg("{which} id {tid} is outside the vocabulary", which=which, tid=tid))


# ---------------------------------------------------------------- BPE

def find_bpe_files(path: Path) -> tuple[Path | None, Path | None, Path | None]:
    """(tokenizer.json, vocab.json, merges.txt) for a folder or a file path."""
    path = Path(path)
    if path.is_file():
        if path.name.endswith(".json") and path.name != "vocab.json":
            return path, None, None
        path = path.parent
    tj = path / "tokenizer.json"
    vj, mt = path / "vocab.json", path / "merges.txt"
    return (tj if tj.is_file() else None, vj if vj.is_file() else None, mt if mt.is_file() else None)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(msg("cannot read {name}: {exc}", name=path.name, exc=exc)) from None


def _iter_pre_tokenizers(node: object) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for child in node.get("pretokenizers", []) or []:
            yield from _iter_pre_tokenizers(child)


def _normalize_merge(m: object, where: str) -> str:
    if isinstance(m, str):
        return m
    if isinstance(m, (list, tuple)) and len(m) == 2 and all(isinstance(x, str) for x in m):
        return f"{m[0]} {m[1]}"
    raise BadInputError(msg("{where}: unexpected merge entry {m!r}", where=where, m=m))


def _special_eos_names(folder: Path) -> list[str]:
    names: list[str] = []
    for fname in ("tokenizer_config.json", "special_tokens_map.json"):
        p = folder / fname
        if p.is_file():
            obj = _read_json(p)
            if isinstance(obj, dict):
                eos = obj.get("eos_token")
                if isinstance(eos, dict):
                    eos = eos.get("content")
                if isinstance(eos, str):
                    names.append(eos)
    return names


def load_bpe_vocab(path: Path, model_rows: int) -> GGUFVocab:
    """Byte-level BPE from ``tokenizer.json`` or ``vocab.json``+``merges.txt``."""
    tj, vj, mt = find_bpe_files(path)
    folder = (tj or vj or Path(path)).parent if (tj or vj) else Path(path)
    id_to_tok: dict[int, str] = {}
    types: dict[int, int] = {}
    notes: list[str] = []
    if tj is not None:
        obj = _read_json(tj)
        if not isinstance(obj, dict) or not isinstance(model := obj.get("model"), dict):
            raise BadInputError(msg("{tj} has no 'model' section; is it a Hugging Face tokenizer.json?", tj=tj))
        mtype = model.get("type", "BPE" if "merges" in model else None)
        if mtype != "BPE":
            raise BadInputError(
                msg("{name} uses a {mtype} tokenizer model; only byte-level BPE (GPT-2 style) can be converted", name=tj.name, mtype=mtype)
            )
        if model.get("continuing_subword_prefix") or model.get("end_of_word_suffix"):
            raise BadInputError(msg("{name}: BPE with subword prefixes/suffixes is not GPT-2 byte-level BPE", name=tj.name))
        pre = list(_iter_pre_tokenizers(obj.get("pre_tokenizer")))
        byte_levels = [p for p in pre if p.get("type") == "ByteLevel"]
        if not byte_levels:
            kinds = ", ".join(str(p.get("type")) for p in pre) or "none"
            raise BadInputError(
                msg("{name} is BPE but not byte-level (pre-tokenizer: {kinds}); llama.cpp's gpt2 tokenizer needs GPT-2 byte-level BPE", name=tj.name, kinds=kinds)
            )
        if any(p.get("add_prefix_space") for p in byte_levels):
            notes.append(
                "the tokenizer adds a prefix space (add_prefix_space=True); llama.cpp does not, so the "
                "first word of a prompt may tokenize differently"
            )
        vocab = model.get("vocab")
        if not isinstance(vocab, dict):
            raise BadInputError(msg("{name}: BPE vocab is missing", name=tj.name))
        for tok, tid in vocab.items():
            id_to_tok[int(tid)] = tok
            types[int(tid)] = NORMAL
        merges = [_normalize_merge(m, tj.name) for m in model.get("merges") or []]
        for added in obj.get("added_tokens") or []:
            tid, content = int(added["id"]), added["content"]
            if tid in id_to_tok and id_to_tok[tid] != content:
                raise BadInputError(msg("{name}: id {tid} is both {value!r} and added token {content!r}", name=tj.name, tid=tid, value=id_to_tok[tid], content=content))
            id_to_tok[tid] = content
            types[tid] = CONTROL if added.get("special") else USER_DEFINED
        source = str(tj)
    elif vj is not None and mt is not None:
        vocab = _read_json(vj)
        if not isinstance(vocab, dict):
            raise BadInputError(msg("{vj} is not a token->id mapping", vj=vj))
        table = set(bytes_to_unicode().values())
        for tok, tid in vocab.items():
            if not isinstance(tok, str) or not isinstance(tid, int):
                raise BadInputError(msg("{name}: bad entry {tok!r}: {tid!r}", name=vj.name, tok=tok, tid=tid))
            id_to_tok[tid] = tok
            types[tid] = NORMAL
            if not (tok.startswith("<|") and tok.endswith("|>")) and not set(tok) <= table:
                raise BadInputError(
                    msg("{name}: token {tok!r} (id {tid}) is not in GPT-2 byte-level form; only byte-level BPE vocabularies can be converted", name=vj.name, tok=tok, tid=tid)
                )
        try:
            lines = mt.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInputError(msg("cannot read {name}: {exc}", name=mt.name, exc=exc)) from None
        merges = [ln for ln in lines if ln and not ln.startswith("#version")]
        source = f"{vj} + {mt.name}"
    else:
        found = ", ".join(sorted(p.name for p in Path(folder).iterdir())) if Path(folder).is_dir() else str(path)
        raise BadInputError(
            msg("no GPT-2 BPE tokenizer at {path}: expected tokenizer.json or vocab.json + merges.txt (found: {found})", path=path, found=found)
        )

    if not id_to_tok:
        raise BadInputError(msg("{source}: the vocabulary is empty", source=source))
    n_tok = max(id_to_tok) + 1
    if n_tok > model_rows:
        raise BadInputError(
            msg("the tokenizer has {n_tok} tokens but the model's embedding has only {model_rows} rows; they do not belong together", n_tok=n_tok, model_rows=model_rows)
        )
    if n_tok < model_rows:
        notes.append(f"dropped {model_rows - n_tok} padding rows of the embedding (vocab {model_rows} -> {n_tok})")

    tokens: list[str] = []
    token_types: list[int] = []
    for i in range(n_tok):
        if i in id_to_tok:
            tokens.append(id_to_tok[i])
            token_types.append(types[i])
        else:  # a hole in the id space: a unique, never-produced placeholder
            tokens.append(f"[PAD{i}]")
            token_types.append(UNUSED)

    eos_id = None
    for name in [EOT] + _special_eos_names(Path(folder)):
        if name in tokens:
            eos_id = tokens.index(name)
            break
    model_taken = n_tok
    if eos_id is None:
        tokens.append(EOT)
        token_types.append(CONTROL)
        eos_id = len(tokens) - 1
        notes.append(f"the tokenizer has no end-of-text token; appended {EOT} as id {eos_id} with a zero embedding")
    else:
        token_types[eos_id] = CONTROL
    if not merges:
        merges = [DUMMY_MERGE]
    vocab_out = GGUFVocab(
        kind="bpe",
        tokens=tokens,
        token_types=token_types,
        merges=merges,
        bos_id=eos_id,
        eos_id=eos_id,
        model_rows=model_taken,
        source=source,
        tokenizer_json=tj,
        notes=notes,
    )
    vocab_out.check()
    return vocab_out


# ---------------------------------------------------------------- characters

def load_char_vocab(meta_path: Path, model_rows: int) -> GGUFVocab:
    """nanoGPT character vocabulary from ``meta.pkl`` (loaded without code execution)."""
    meta = load_meta_pkl(meta_path)
    stoi, itos = meta.get("stoi"), meta.get("itos")
    if not isinstance(stoi, dict) or not isinstance(itos, dict):
        raise BadInputError(msg("{meta_path} has no 'stoi'/'itos' dicts; is it a nanoGPT character meta.pkl?", meta_path=meta_path))
    n = len(itos)
    if sorted(itos) != list(range(n)):
        raise BadInputError(msg("{meta_path}: itos ids are not 0..{value}", meta_path=meta_path, value=n - 1))
    for i, ch in itos.items():
        if not isinstance(ch, str) or len(ch) != 1:
            raise BadInputError(msg("{meta_path}: itos[{i}] = {ch!r} is not a single character", meta_path=meta_path, i=i, ch=ch))
        if stoi.get(ch) != i:
            raise BadInputError(msg("{meta_path}: stoi[{ch!r}] = {value!r} disagrees with itos[{i}]", meta_path=meta_path, ch=ch, value=stoi.get(ch), i=i))
    if len(stoi) != n:
        raise BadInputError(msg("{meta_path}: stoi has {n_stoi} entries but itos has {n}", meta_path=meta_path, n_stoi=len(stoi), n=n))
    if n > model_rows:
        raise BadInputError(
            msg("meta.pkl has {n} characters but the model's embedding has only {model_rows} rows; they do not belong together", n=n, model_rows=model_rows)
        )
    notes = []
    if n < model_rows:
        notes.append(f"dropped {model_rows - n} padding rows of the embedding (vocab {model_rows} -> {n})")

    tokens = [byte_encode(itos[i]) for i in range(n)]
    token_types = [NORMAL] * n
    merges: list[str] = []
    seen: set[str] = set()
    table = bytes_to_unicode()
    for i in range(n):
        raw = itos[i].encode("utf-8")
        if len(raw) < 2:
            continue
        syms = [table[b] for b in raw]
        left = syms[0]
        for s in syms[1:]:
            m = f"{left} {s}"
            if m not in seen:
                seen.add(m)
                merges.append(m)
            left += s
    if not merges:
        merges = [DUMMY_MERGE]
    tokens.append(EOT)
    token_types.append(CONTROL)
    vocab = GGUFVocab(
        kind="char",
        tokens=tokens,
        token_types=token_types,
        merges=merges,
        bos_id=n,
        eos_id=n,
        model_rows=n,
        source=str(meta_path),
        stoi={itos[i]: i for i in range(n)},
        notes=notes,
    )
    vocab.check()
    return vocab


def estimate_vocab_kv_bytes(vocab: GGUFVocab) -> int:
    """Bytes the tokenizer metadata takes in the GGUF (for size estimates)."""
    tok = sum(8 + len(t.encode("utf-8")) for t in vocab.tokens)
    mer = sum(8 + len(m.encode("utf-8")) for m in vocab.merges)
    return tok + mer + 4 * len(vocab.token_types) + 256
