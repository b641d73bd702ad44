"""The inference engine: llama-cpp-python behind a small, Qt-free API."""

from chatdesk.engine.bundled import DISPLAY_NAME as BUNDLED_MODEL_NAME
from chatdesk.engine.bundled import default_model_path
from chatdesk.engine.errors import (
    ContextOverflowError,
    EngineError,
    GenerationError,
    ModelFileError,
    ModelLoadError,
)
from chatdesk.engine.gguf_check import GGUFSummary, check_gguf
from chatdesk.engine.types import (
    ChatMessage,
    GenerationRequest,
    GenerationResult,
    LoadSettings,
    ModelInfo,
    PromptFormat,
    SamplingSettings,
)

__all__ = [
    "BUNDLED_MODEL_NAME",
    "ChatMessage",
    "ContextOverflowError",
    "EngineError",
    "GGUFSummary",
    "GenerationError",
    "GenerationRequest",
    "GenerationResult",
    "LoadSettings",
    "ModelFileError",
    "ModelInfo",
    "ModelLoadError",
    "PromptFormat",
    "SamplingSettings",
    "check_gguf",
    "default_model_path",
]
