"""Export trained GPT-2 / nanoGPT checkpoints, and BERT sentence-embedding models, to GGUF for ChatDesk.

Public API (see :mod:`converters.api`): :func:`inspect`, :func:`convert`,
:func:`verify`; CLI: ``chatdesk-convert`` / ``python -m converters.cli``.
This package must not import ``chatdesk`` or Qt (import-linter contract).
"""

from .api import CheckpointSummary, ConversionResult, VerifyReport, convert, inspect, verify
from .bert import (
    EmbeddingConversionResult,
    EmbeddingSummary,
    EmbeddingVerifyReport,
    convert_embedding,
    inspect_embedding,
    verify_embedding,
)
from .errors import BadInputError, ConversionError, InvalidGGUFError, MissingDependencyError
from .quant_types import QUANT_TYPES
from .version import CONVERTER_VERSION

__all__ = [
    "CheckpointSummary", "ConversionResult", "VerifyReport", "convert", "inspect", "verify",
    "EmbeddingConversionResult", "EmbeddingSummary", "EmbeddingVerifyReport", "convert_embedding",
    "inspect_embedding", "verify_embedding",
    "BadInputError", "ConversionError", "InvalidGGUFError", "MissingDependencyError",
    "QUANT_TYPES", "CONVERTER_VERSION",
]
