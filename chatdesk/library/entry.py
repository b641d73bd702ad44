"""``ModelEntry``: one model ChatDesk knows, as a frozen value.

The window, ``chatdesk models`` and the conversation flow all receive these values and never
the library's JSON, so the file format can change without touching them. ``missing`` and
``problem`` describe the file as found when the library was opened; they are not stored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

# Where an entry came from. "imported": a checkpoint ChatDesk converted into DATA_DIR/models;
# "added": a GGUF file the user picked where it lies; "hf-cache": found in the user's Hugging
# Face cache; "downloaded": fetched from the Hub into DATA_DIR/models; "remote": an
# OpenAI-compatible server (see chatdesk/library/remotes.py), which has no local file.
SOURCES = ("bundled", "imported", "added", "hf-cache", "downloaded", "remote")
BUNDLED_ID = "bundled"
# What a model is for. "chat": generates text (every model before embeddings existed, and every
# remote); "embedding": turns text into vectors for document search (a GGUF with sentence
# pooling, chatdesk.engine.embedding_facts). Chats never offer an embedding model and vice versa.
KINDS = ("chat", "embedding")

_VOLATILE = ("missing", "problem")  # recomputed on every open, never written


@dataclass(frozen=True)
class ModelEntry:
    id: str
    name: str
    source: str
    path: str | None = None
    architecture: str = ""
    parameters: int = 0
    quantization: str = ""
    context_length: int = 0
    file_size: int = 0
    chat_template: bool = False
    license: str | None = None
    sha256: str | None = None
    added_at: str = ""  # ISO 8601, UTC
    # Hub provenance ("downloaded", "hf-cache"): where the file came from, at which commit.
    repo_id: str | None = None
    repo_filename: str | None = None
    commit: str | None = None
    # A converted checkpoint's provenance, from the GGUF's chatdesk.* metadata (written by
    # converters/): source_format, source_file, source_sha256, converter_version, tokenizer_kind,
    # training_step, val_loss. None for models ChatDesk did not convert.
    conversion: dict[str, Any] | None = None
    # "remote" entries: the server's base URL and the model id it expects.
    remote_url: str | None = None
    remote_model: str | None = None
    kind: str = "chat"
    # State of the file when the library was opened.
    missing: bool = False
    problem: str | None = None

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"unknown model source {self.source!r} (expected one of {', '.join(SOURCES)})")
        if self.kind not in KINDS:
            object.__setattr__(self, "kind", "chat")  # a kind written by a newer ChatDesk: treat as chat

    @property
    def is_embedding(self) -> bool:
        return self.kind == "embedding"

    @property
    def is_remote(self) -> bool:
        return self.source == "remote"

    @property
    def usable(self) -> bool:
        """True when the model can be loaded now (a local file that is present and valid, or a remote)."""
        return self.is_remote or (not self.missing and self.problem is None)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in _VOLATILE:
            data.pop(key, None)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModelEntry:
        """Build an entry from stored JSON, ignoring keys a newer ChatDesk may have added."""
        known = {f.name for f in fields(cls)} - set(_VOLATILE)
        return cls(**{k: v for k, v in data.items() if k in known})
