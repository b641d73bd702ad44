"""Engine failures, each with a sentence for the user."""


class EngineError(RuntimeError):
    """Anything the engine reports to the user."""


class ModelFileError(EngineError):
    """The model file is missing, unreadable, corrupt or unsupported (checked before llama.cpp)."""


class ModelLoadError(EngineError):
    """llama.cpp refused the file."""


class ContextOverflowError(EngineError):
    """Even the newest message alone does not fit in the model's context window."""


class GenerationError(EngineError):
    pass


class EmbeddingModelError(ModelFileError):
    """The GGUF is valid but cannot produce one vector per text (a chat model, no sentence pooling)."""
