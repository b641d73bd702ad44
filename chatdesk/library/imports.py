"""Where a converted checkpoint is written, without replacing a model chats already use.

Why: importing a checkpoint again under the same name and type wrote to the same
``DATA_DIR/models/<name>-<type>.gguf`` and silently replaced the file the existing chats use
(their replies then came from another model). The output path is now chosen here, and an existing
file is never overwritten unless the caller says so:

* ``if_exists="refuse"`` (the default): raise ``ModelExistsError``, which names the file, the
  library entry that uses it, and the path "keep both" would use, so the window can ask
  "Keep both / Replace / Cancel" and the CLI can say what to do;
* ``"keep_both"``: the next free name ("name-Q8_0-2.gguf");
* ``"replace"``: the same path (the user confirmed; chats that used it now use the new file).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from chatdesk import paths
from chatdesk.library.errors import LibraryError
from translatable import msg

IF_EXISTS = ("refuse", "keep_both", "replace")
_UNSAFE = re.compile(r"[^\w.+-]+", re.UNICODE)


class ModelExistsError(LibraryError):
    """The converted model's file name is taken. ``path``: the file; ``entry_id``: the library
    entry using it (None if unlisted); ``keep_both_path``: where "keep both" would write."""

    def __init__(self, message: str, path: Path, entry_id: str | None, keep_both_path: Path) -> None:
        super().__init__(message)
        self.kind = "exists"
        self.path = path
        self.entry_id = entry_id
        self.keep_both_path = keep_both_path


def safe_model_name(name: str) -> str:
    """A file-name-safe model name ("my model/v2" -> "my-model-v2"); "model" when nothing is left."""
    cleaned = _UNSAFE.sub("-", (name or "").strip()).strip("-.")
    return cleaned[:80] or "model"


def converted_model_path(
    name: str,
    quant_type: str,
    *,
    if_exists: str = "refuse",
    models_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """The file a conversion named ``name`` of type ``quant_type`` writes (see the module's note)."""
    if if_exists not in IF_EXISTS:
        raise ValueError(f"if_exists must be one of {IF_EXISTS}, not {if_exists!r}")
    folder = Path(models_dir) if models_dir is not None else paths.models_dir()
    stem = f"{safe_model_name(name)}-{safe_model_name(quant_type)}"
    path = folder / f"{stem}.gguf"
    if not path.exists() or if_exists == "replace":
        return path
    n = 2
    while (folder / f"{stem}-{n}.gguf").exists():
        n += 1
    spare = folder / f"{stem}-{n}.gguf"
    if if_exists == "keep_both":
        return spare
    entry_id = _entry_using(path, folder)
    raise ModelExistsError(
        msg("A model named {name} ({type}) was imported before ({file}), and chats may use it. Keep both (the new one "
            "is saved as {spare}), or replace the old file.", name=name or "model", type=quant_type, file=path.name,
            spare=spare.name),
        path, entry_id, spare,
    )


def _entry_using(path: Path, models_dir: Path) -> str | None:
    from chatdesk.library.catalog import Catalog

    try:
        cat = Catalog(models_dir.parent) if models_dir != paths.models_dir() else Catalog.open()
    except (LibraryError, OSError):
        return None
    entry = cat.entry_for_path(path)
    return entry.id if entry is not None else None
