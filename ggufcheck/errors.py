"""The one exception ggufcheck raises, and the names of the rules it enforces.

Callers show ``str(exc)`` to a person, so every message is a whole sentence that names the file
and says what to do. ``exc.rule`` is a stable identifier for programs (tests, or an app that
adds its own hint for one rule), so nobody has to match on wording.
"""

from __future__ import annotations

from enum import Enum


class Rule(str, Enum):
    """Every rule ggufcheck enforces; ``GGUFCheckError.rule`` is one of these."""

    FILE = "file"  # missing, a folder, or unreadable
    SIGNATURE = "signature"  # does not start with b"GGUF"
    VERSION = "version"  # GGUF version llama.cpp cannot read, or big-endian
    HEADER = "header"  # header / key-value / tensor table damaged or cut short
    TRUNCATED = "truncated"  # a tensor's data lies (partly) beyond the end of the file
    TENSOR_TYPE = "tensor-type"  # a tensor type this gguf/llama.cpp does not know
    REQUIRED_KEY = "required-key"  # a metadata key llama.cpp needs is missing
    KEY_TYPE = "key-type"  # a key llama.cpp reads has the wrong GGUF value type
    TOKENIZER = "tokenizer"  # no tokenizer model / token list
    DUPLICATE_TOKEN = "duplicate-token"  # the same token string twice: llama.cpp aborts
    TOKEN_ARRAYS = "token-arrays"  # token_type / scores shorter than the token list
    TOKEN_EMBEDDING = "token-embedding"  # no token_embd.weight tensor
    VOCAB_SIZE = "vocab-size"  # token count != token_embd rows (or != {arch}.vocab_size)
    MERGES = "merges"  # BPE tokenizer without merges
    SPECIAL_TOKEN = "special-token"  # bos/eos id outside the vocabulary
    CONTEXT_LENGTH = "context-length"  # context length missing or zero
    GPT2_TENSORS = "gpt2-tensors"  # gpt2: not exactly the tensor set/shapes the graph uses
    GPT2_METADATA = "gpt2-metadata"  # gpt2: keys its graph needs; heads divide the width; BPE tokenizer


class GGUFCheckError(ValueError):
    """A GGUF file that llama.cpp would refuse, misread or crash on; the message is for people."""

    def __init__(self, message: str, rule: Rule) -> None:
        super().__init__(message)
        self.rule = rule
