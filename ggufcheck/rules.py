"""The rules a GGUF must pass before llama.cpp sees it, and ``check``, which applies them.

Why check at all: llama.cpp refuses many malformed files with only "Failed to load model", and
kills the whole process (GGML_ASSERT, SIGABRT) on others: duplicate token strings, a token list
or merges array that is not an array of strings, a per-layer key stored as a float array. A
desktop app and a converter must refuse those files first, with a sentence a person can act on.

Each rule and the llama.cpp behaviour behind it (llama.cpp's src/llama-model-loader.cpp reads
typed keys, src/llama-vocab.cpp the vocabulary, src/models/gpt2.cpp lists the gpt2 tensors):

* signature, version, header, tensor table: the file is a little-endian GGUF v2/v3, its header
  parses, tensor types are known, and every tensor's data lies inside the file (a truncated
  download fails here, not half-way through loading);
* key types: every key llama.cpp reads has exactly the GGUF type it reads it with ("key ... has
  wrong type u64 but expected type u32" is a hard load error);
* required keys: ``general.architecture``, ``{arch}.context_length``/``embedding_length``/
  ``block_count``, a tokenizer (``tokenizer.ggml.model`` and ``tokenizer.ggml.tokens``);
* vocabulary: token strings are unique (llama.cpp aborts otherwise), ``token_type``/``scores``
  cover every token (llama.cpp reads them by token id), the count equals the rows of
  ``token_embd.weight`` (and ``{arch}.vocab_size``), a BPE tokenizer has merges, and bos/eos ids
  lie inside the vocabulary (otherwise llama.cpp silently picks token 11 as end of text);
* ``gpt2`` only: the keys its graph needs, exactly its tensor set with the shapes it expects (any
  extra or missing tensor is a load error), heads that divide the width.

Rules for every architecture use only what llama.cpp reads for all of them, so any architecture
llama.cpp supports (the bundled SmolLM2 is ``llama``) is checked by the general rules.
"""

from __future__ import annotations

import os
from typing import Any

from gguf import GGML_QUANT_SIZES, GGMLQuantizationType, GGUFValueType, Keys, LlamaFileType

from ggufcheck.errors import GGUFCheckError, Rule
from ggufcheck.info import GGUFInfo, TensorInfo
from ggufcheck.layout import KeyValue, Layout, read_layout
from translatable import Text, msg

RULES_VERSION = 2
"""Bumped whenever a rule changes, so callers that cache verdicts can invalidate them (2: the
first shared rule set; ChatDesk's own checker had been version 1)."""

VT = GGUFValueType
T = Keys.Tokenizer
PER_TOKEN_KEYS = (T.LIST, T.MERGES, T.TOKEN_TYPE, T.SCORES)
SMALL_ARRAY = 16  # longer arrays are left out of GGUFInfo.metadata

# The GGUF types llama.cpp accepts for each key it reads: (type, item type for arrays).
_U32 = ((VT.UINT32, None),)
_F32 = ((VT.FLOAT32, None),)
_STR = ((VT.STRING, None),)
_BOOL = ((VT.BOOL, None),)
_PER_LAYER = ((VT.UINT32, None), (VT.ARRAY, VT.UINT32), (VT.ARRAY, VT.INT32))  # one value, or one per layer
KEY_TYPES: dict[str, tuple[tuple[GGUFValueType, GGUFValueType | None], ...]] = {
    Keys.General.ARCHITECTURE: _STR,
    Keys.General.NAME: _STR,
    Keys.General.ALIGNMENT: _U32,
    Keys.General.FILE_TYPE: _U32,
    Keys.General.QUANTIZATION_VERSION: _U32,
    Keys.LLM.CONTEXT_LENGTH: _U32,
    Keys.LLM.EMBEDDING_LENGTH: _U32,
    Keys.LLM.BLOCK_COUNT: _U32,
    Keys.LLM.VOCAB_SIZE: _U32,
    Keys.LLM.FEED_FORWARD_LENGTH: _PER_LAYER,
    Keys.Attention.HEAD_COUNT: _PER_LAYER,
    Keys.Attention.HEAD_COUNT_KV: _PER_LAYER,
    Keys.Attention.LAYERNORM_EPS: _F32,
    Keys.Attention.LAYERNORM_RMS_EPS: _F32,
    Keys.Rope.DIMENSION_COUNT: _U32,
    Keys.Rope.FREQ_BASE: _F32,
    Keys.Rope.SCALING_TYPE: _STR,
    Keys.Rope.SCALING_FACTOR: _F32,
    Keys.Rope.SCALING_ORIG_CTX_LEN: _U32,
    T.MODEL: _STR,
    T.PRE: _STR,
    T.CHAT_TEMPLATE: _STR,
    T.LIST: ((VT.ARRAY, VT.STRING),),
    T.MERGES: ((VT.ARRAY, VT.STRING),),
    T.TOKEN_TYPE: ((VT.ARRAY, VT.INT32),),
    T.SCORES: ((VT.ARRAY, VT.FLOAT32),),
    **{key: _U32 for key in (T.BOS_ID, T.EOS_ID, T.EOT_ID, T.EOM_ID, T.UNK_ID, T.SEP_ID, T.PAD_ID, T.MASK_ID)},
    **{key: _BOOL for key in (T.ADD_BOS, T.ADD_EOS, T.ADD_PREFIX, T.REMOVE_EXTRA_WS)},
}

# Why each required key matters, for the message.
_NEEDS: dict[str, Text] = {
    Keys.LLM.EMBEDDING_LENGTH: msg("the model's width"),
    Keys.LLM.BLOCK_COUNT: msg("the number of layers"),
    Keys.LLM.FEED_FORWARD_LENGTH: msg("the width of its feed-forward layers"),
    Keys.Attention.HEAD_COUNT: msg("the number of attention heads"),
    Keys.Attention.LAYERNORM_EPS: msg("the layer-norm epsilon"),
    T.PRE: msg("how to split text before tokenizing; without it llama.cpp tokenizes differently from GPT-2"),
    T.BOS_ID: msg("the start-of-text token; without it llama.cpp uses token 11"),
    T.EOS_ID: msg("the end-of-text token; without it llama.cpp stops generating at token 11"),
}
GPT2_REQUIRED = (Keys.LLM.FEED_FORWARD_LENGTH, Keys.Attention.HEAD_COUNT, Keys.Attention.LAYERNORM_EPS,
                 T.PRE, T.BOS_ID, T.EOS_ID)
BPE_TOKENIZER = "gpt2"  # tokenizer.ggml.model value of byte-level BPE vocabularies (GPT-2, SmolLM2, Llama 3 ...)


def check(path: str | os.PathLike[str]) -> GGUFInfo:
    """Validate the GGUF at ``path``; return its facts or raise GGUFCheckError saying what is wrong."""
    return check_layout(read_layout(path))


def check_layout(lay: Layout) -> GGUFInfo:
    kv = lay.kv
    name = lay.path.name

    def fail(rule: Rule, text: Text) -> GGUFCheckError:
        return GGUFCheckError(msg("{file} {problem}", file=name, problem=text), rule)

    tensors = _tensor_table(lay, fail)

    arch_kv = kv.get(Keys.General.ARCHITECTURE)
    if arch_kv is None or arch_kv.type != VT.STRING or not arch_kv.value:
        raise fail(Rule.REQUIRED_KEY, msg("has no {key}: it is not a complete model file. "
                                          "Download or convert it again.", key=Keys.General.ARCHITECTURE))
    arch: str = arch_kv.value

    def key(template: str) -> str:
        return template.format(arch=arch)

    for template, accepted in KEY_TYPES.items():
        entry = kv.get(key(template))
        if entry is not None and (entry.type, entry.item_type) not in accepted:
            raise fail(Rule.KEY_TYPE, msg("stores {key} as {stored}, but llama.cpp reads it as {expected} and refuses the file "
                                          "otherwise. Convert the model again with a current converter.",
                                          key=key(template), stored=_describe(entry.type, entry.item_type),
                                          expected=_either([_describe(*a) for a in accepted])))

    # -- required keys
    ctx_key = key(Keys.LLM.CONTEXT_LENGTH)
    if ctx_key not in kv:
        raise fail(Rule.CONTEXT_LENGTH, msg("does not say its context length ({key}), which llama.cpp requires. "
                                            "Convert the model again.", key=ctx_key))
    if kv[ctx_key].value <= 0:
        raise fail(Rule.CONTEXT_LENGTH, msg("says its context length ({key}) is 0. Convert the model again.", key=ctx_key))
    for template in (Keys.LLM.EMBEDDING_LENGTH, Keys.LLM.BLOCK_COUNT):
        if key(template) not in kv:
            raise fail(Rule.REQUIRED_KEY, msg("lacks {key} ({needed}), which llama.cpp requires. "
                                              "Convert the model again.", key=key(template), needed=_NEEDS[template]))
    if T.MODEL not in kv:
        raise fail(Rule.TOKENIZER, msg("has no tokenizer ({key} is missing), so llama.cpp cannot turn text into "
                                       "tokens. Convert the model again together with its tokenizer.", key=T.MODEL))
    if T.LIST not in kv:
        raise fail(Rule.TOKENIZER, msg("has no vocabulary ({key} is missing). Convert the model again together "
                                       "with its tokenizer.", key=T.LIST))

    # -- vocabulary
    tokens: list[bytes] = kv[T.LIST].value
    n_vocab = len(tokens)
    _check_unique(tokens, fail)
    for per_token in (T.TOKEN_TYPE, T.SCORES):
        entry = kv.get(per_token)
        if entry is not None and entry.count < n_vocab:
            raise fail(Rule.TOKEN_ARRAYS, msg("has {count} entries in {key} for {n_vocab} tokens; llama.cpp "
                                              "would read past its end. Convert the model again.",
                                              count=entry.count, key=per_token, n_vocab=n_vocab))
    embd = next((t for t in tensors if t.name == "token_embd.weight"), None)
    if embd is None:
        raise fail(Rule.TOKEN_EMBEDDING, msg("has no token embedding tensor (token_embd.weight); it is not a usable "
                                             "language model."))
    rows = embd.shape[0] if len(embd.shape) == 2 else 0
    if rows != n_vocab:
        raise fail(Rule.VOCAB_SIZE, msg("is inconsistent: the vocabulary has {n_vocab} tokens but the embedding has "
                                        "{rows} rows, so llama.cpp cannot load it. Convert the model again.",
                                        n_vocab=n_vocab, rows=rows))
    vocab_size = kv.get(key(Keys.LLM.VOCAB_SIZE))
    if vocab_size is not None and vocab_size.value != n_vocab:
        raise fail(Rule.VOCAB_SIZE, msg("is inconsistent: {key} says {declared} tokens but "
                                        "the vocabulary has {n_vocab}. Convert the model again.",
                                        key=key(Keys.LLM.VOCAB_SIZE), declared=vocab_size.value, n_vocab=n_vocab))
    tokenizer_model = kv[T.MODEL].value
    if tokenizer_model == BPE_TOKENIZER and not kv.get(T.MERGES, KeyValue(VT.ARRAY, VT.STRING, [])).value:
        raise fail(Rule.MERGES, msg("has a BPE tokenizer without merges ({key}); llama.cpp cannot load it. "
                                    "Convert the model again together with its tokenizer's merges.", key=T.MERGES))
    for special in (T.BOS_ID, T.EOS_ID):
        entry = kv.get(special)
        if entry is not None and entry.value >= n_vocab:
            raise fail(Rule.SPECIAL_TOKEN, msg("sets {key} to {value}, outside its {n_vocab}-token vocabulary; "
                                               "llama.cpp would silently use token 11 instead. Convert the model again.",
                                               key=special, value=entry.value, n_vocab=n_vocab))

    if arch == "gpt2":
        _check_gpt2(kv, tensors, n_vocab, key, fail)
    return _info(lay, arch, tensors, n_vocab)


def _tensor_table(lay: Layout, fail: Any) -> list[TensorInfo]:
    out: list[TensorInfo] = []
    seen: set[str] = set()
    for raw in lay.tensors:
        if raw.name in seen:
            raise fail(Rule.HEADER, msg("is damaged: tensor {tensor!r} appears twice. Download or convert it again.", tensor=raw.name))
        seen.add(raw.name)
        try:
            qtype = GGMLQuantizationType(raw.type_id)
            block, type_size = GGML_QUANT_SIZES[qtype]
        except (ValueError, KeyError):
            raise fail(Rule.TENSOR_TYPE, msg("stores tensor {tensor!r} in tensor type {type_id}, which this version "
                                             "does not know. It may need a newer llama.cpp.", tensor=raw.name,
                                             type_id=raw.type_id)) from None
        n_elements = 1
        for d in raw.dims:
            n_elements *= d
        if raw.dims and raw.dims[0] % block:
            raise fail(Rule.TENSOR_TYPE, msg("is damaged: tensor {tensor!r} has rows of {n} values, which "
                                             "type {type} cannot store (blocks of {block}).", tensor=raw.name,
                                             n=raw.dims[0], type=qtype.name, block=block))
        if raw.offset % lay.alignment:
            raise fail(Rule.HEADER, msg("is damaged: tensor {tensor!r} is not aligned to {alignment} bytes. "
                                        "Download or convert it again.", tensor=raw.name, alignment=lay.alignment))
        n_bytes = n_elements // block * type_size
        end = lay.data_offset + raw.offset + n_bytes
        if end > lay.size:
            raise fail(Rule.TRUNCATED, msg("is truncated: tensor {tensor!r} ends at byte {end:,} but the file has "
                                           "{size:,} bytes. Download or convert it again.", tensor=raw.name,
                                           end=end, size=lay.size))
        out.append(TensorInfo(raw.name, qtype.name, tuple(reversed(raw.dims)), n_elements, n_bytes))
    return out


def _check_unique(tokens: list[bytes], fail: Any) -> None:
    """Duplicate strings make llama.cpp abort the process (GGML_ASSERT in its vocabulary loader).

    llama.cpp renames each empty token to ``[EMPTY_<id>]`` before building its map, so empty
    tokens only collide with such literal names; the slow path reproduces that exactly.
    """
    distinct = set(tokens)
    if len(distinct) == len(tokens) and b"" not in distinct:
        return
    first: dict[bytes, int] = {}
    for i, tok in enumerate(tokens):
        tok = tok or b"[EMPTY_%d]" % i
        if tok in first:
            text = tok.decode("utf-8", "replace")
            raise fail(Rule.DUPLICATE_TOKEN, msg("has duplicate tokens in its vocabulary: {token!r} is both token "
                                                 "{first} and token {second}. llama.cpp would abort the whole program "
                                                 "on this file. Convert the model again with a tokenizer whose tokens "
                                                 "are unique.", token=text, first=first[tok], second=i))
        first[tok] = i


def _check_gpt2(kv: dict[str, KeyValue], tensors: list[TensorInfo], n_vocab: int, key: Any, fail: Any) -> None:
    for template in GPT2_REQUIRED:
        if key(template) not in kv:
            raise fail(Rule.REQUIRED_KEY, msg("lacks {key} ({needed}), which a GPT-2 model needs. "
                                              "Convert the model again.", key=key(template), needed=_NEEDS[template]))
    for template in (Keys.LLM.FEED_FORWARD_LENGTH, Keys.Attention.HEAD_COUNT):
        if kv[key(template)].type != VT.UINT32:
            raise fail(Rule.GPT2_METADATA, msg("stores {key} per layer, but every GPT-2 layer has the same "
                                               "shape: store one UINT32. Convert the model again.", key=key(template)))
    if kv[T.MODEL].value != BPE_TOKENIZER:
        raise fail(Rule.GPT2_METADATA, msg("is a GPT-2 model with a {tokenizer!r} tokenizer; GPT-2 models use "
                                           "byte-level BPE ({key} = {bpe!r}). Convert the model again.",
                                           tokenizer=kv[T.MODEL].value, key=T.MODEL, bpe=BPE_TOKENIZER))
    e = kv[key(Keys.LLM.EMBEDDING_LENGTH)].value
    heads = kv[key(Keys.Attention.HEAD_COUNT)].value
    if heads == 0 or e % heads:
        raise fail(Rule.GPT2_METADATA, msg("has {heads} attention heads for a width of {width}; the width must be a "
                                           "multiple of the head count. Convert the model again.", heads=heads, width=e))
    ff = kv[key(Keys.LLM.FEED_FORWARD_LENGTH)].value
    ctx = kv[key(Keys.LLM.CONTEXT_LENGTH)].value
    want: dict[str, tuple[int, ...]] = {
        "token_embd.weight": (n_vocab, e), "position_embd.weight": (ctx, e),
        "output_norm.weight": (e,), "output_norm.bias": (e,),
    }
    for i in range(kv[key(Keys.LLM.BLOCK_COUNT)].value):
        b = f"blk.{i}."
        want.update({
            b + "attn_norm.weight": (e,), b + "attn_norm.bias": (e,),
            b + "attn_qkv.weight": (3 * e, e), b + "attn_qkv.bias": (3 * e,),
            b + "attn_output.weight": (e, e), b + "attn_output.bias": (e,),
            b + "ffn_norm.weight": (e,), b + "ffn_norm.bias": (e,),
            b + "ffn_up.weight": (ff, e), b + "ffn_up.bias": (ff,),
            b + "ffn_down.weight": (e, ff), b + "ffn_down.bias": (e,),
        })
    shapes = {t.name: t.shape for t in tensors}
    if "output.weight" in shapes:  # optional: without it llama.cpp ties the head to token_embd
        want["output.weight"] = (n_vocab, e)
    missing = sorted(set(want) - set(shapes))
    extra = sorted(set(shapes) - set(want))
    if missing:
        raise fail(Rule.GPT2_TENSORS, msg("is missing tensors the GPT-2 architecture needs: {names}. "
                                          "Convert the model again.", names=_some(missing)))
    if extra:
        raise fail(Rule.GPT2_TENSORS, msg("has tensors the GPT-2 architecture does not use: {names}; llama.cpp "
                                          "refuses such files. Convert the model again.", names=_some(extra)))
    for tensor, shape in want.items():
        if shapes[tensor] != shape:
            raise fail(Rule.GPT2_TENSORS, msg("has tensor {tensor} of shape {shape} where its metadata "
                                              "implies {expected}. Convert the model again.", tensor=tensor,
                                              shape=list(shapes[tensor]), expected=list(shape)))


def _info(lay: Layout, arch: str, tensors: list[TensorInfo], n_vocab: int) -> GGUFInfo:
    kv = lay.kv

    def get(name: str) -> Any:
        entry = kv.get(name)
        return None if entry is None else entry.value

    file_type = get(Keys.General.FILE_TYPE)
    if file_type is None:
        file_type_name = "unknown"
    else:
        try:
            file_type_name = LlamaFileType(file_type).name.replace("MOSTLY_", "")
        except ValueError:
            file_type_name = f"type {file_type}"
    template = get(T.CHAT_TEMPLATE)
    metadata: dict[str, Any] = {}
    for name, entry in kv.items():
        if name in PER_TOKEN_KEYS or (entry.type == VT.ARRAY and entry.count > SMALL_ARRAY):
            continue
        if entry.item_type == VT.STRING:
            metadata[name] = [s.decode("utf-8", "replace") for s in entry.value]
        elif entry.type == VT.ARRAY:
            metadata[name] = entry.value.tolist()
        else:
            metadata[name] = entry.value
    return GGUFInfo(
        path=str(lay.path.resolve()),
        size_bytes=lay.size,
        version=lay.version,
        architecture=arch,
        name=str(get(Keys.General.NAME) or lay.path.stem),
        context_length=get(Keys.LLM.CONTEXT_LENGTH.format(arch=arch)),
        n_vocab=n_vocab,
        n_params=sum(t.n_elements for t in tensors),
        file_type=file_type,
        file_type_name=file_type_name,
        tokenizer_model=get(T.MODEL),
        chat_template=template if template and template.strip() else None,
        bos_token_id=get(T.BOS_ID),
        eos_token_id=get(T.EOS_ID),
        metadata=metadata,
        tensors=tuple(tensors),
    )


def _describe(vt: GGUFValueType, item: GGUFValueType | None) -> str:
    return msg("an array of {type}", type=item.name) if vt == VT.ARRAY and item is not None else vt.name


def _either(choices: list[str]) -> str:
    """"A or B or C", each "or" translatable."""
    out = choices[0]
    for choice in choices[1:]:
        out = msg("{first} or {second}", first=out, second=choice)
    return out


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:5])
    return msg("{names} and {n} more", names=shown, n=len(names) - 5) if len(names) > 5 else shown

