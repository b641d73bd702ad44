"""Token → text that never loses characters.

Two llama-cpp-python problems are handled here:
* ``detokenize`` uses a fixed 32-byte buffer, so pieces longer than 32 bytes come back empty
  (abetlen/llama-cpp-python#2362). We call ``llama_token_to_piece`` ourselves and retry with the
  size it asks for.
* A token can end in the middle of a UTF-8 character (emoji, CJK). ``StreamDecoder`` keeps
  incomplete bytes until the character is whole, so the view never shows U+FFFD mid-stream.
"""

from __future__ import annotations

import codecs
import ctypes

import llama_cpp


class PieceDecoder:
    def __init__(self, vocab: object) -> None:
        self._vocab = vocab
        self._buf = ctypes.create_string_buffer(64)
        self._cache: dict[tuple[int, bool], bytes] = {}

    def piece(self, token: int, special: bool = False) -> bytes:
        key = (token, special)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        n = llama_cpp.llama_token_to_piece(self._vocab, token, self._buf, len(self._buf), 0, special)
        if n < 0:
            self._buf = ctypes.create_string_buffer(-n + 16)
            n = llama_cpp.llama_token_to_piece(self._vocab, token, self._buf, len(self._buf), 0, special)
        out = self._buf.raw[: max(n, 0)]
        self._cache[key] = out
        return out

    def text(self, tokens: list[int]) -> str:
        return b"".join(self.piece(t) for t in tokens).decode("utf-8", "replace")


class StreamDecoder:
    """Incremental UTF-8: feed bytes, get only complete characters back."""

    def __init__(self) -> None:
        self._dec = codecs.getincrementaldecoder("utf-8")("replace")

    def feed(self, data: bytes) -> str:
        return self._dec.decode(data, final=False)

    def flush(self) -> str:
        return self._dec.decode(b"", final=True)
