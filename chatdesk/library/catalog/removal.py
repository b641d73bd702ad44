"""What removing a model does to its file.

Why a module of its own: whose file it is decides. Files ChatDesk downloaded or converted into
DATA_DIR/models are its own and go with their entry; a file of the user's own stays unless they
asked for it to be deleted too. In the Hugging Face cache a model file is a link into ``blobs/``,
so the blob goes as well, unless another snapshot of the repository still links to it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from chatdesk.library.entry import ModelEntry
from chatdesk.library.errors import LibraryError
from translatable import msg

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Removal:
    """What ``Catalog.remove`` did: the entry removed, and whether its file was deleted."""

    entry: ModelEntry
    file_deleted: bool


def is_owned(entry: ModelEntry, models_dir: Path) -> bool:
    """Files inside DATA_DIR/models are ChatDesk's: removing the entry deletes them."""
    if not entry.path:
        return False
    try:
        Path(entry.path).resolve().relative_to(models_dir.resolve())
        return True
    except (ValueError, OSError):
        return False


def delete_model_file(p: Path, *, hf_cache: bool) -> bool:
    """Delete a model file. In the Hugging Face cache, also its blob unless another snapshot uses it."""
    blob: Path | None = None
    if hf_cache and p.is_symlink():
        blob = Path(os.path.abspath(p.parent / os.readlink(p)))
    try:
        p.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise LibraryError(msg("ChatDesk could not delete {path} ({error}); the model was not removed.", path=str(p),
                               error=exc.strerror or str(exc))) from exc
    if blob is not None and blob.exists() and not _blob_in_use(blob):
        try:
            blob.unlink()
        except OSError as exc:
            log.warning("could not delete blob %s: %s", blob, exc)
    return True


def _blob_in_use(blob: Path) -> bool:
    repo_dir = blob.parent.parent  # models--org--name/blobs/<hash>
    snapshots = repo_dir / "snapshots"
    if not snapshots.is_dir():
        return False
    for link in snapshots.rglob("*"):
        if link.is_symlink() and Path(os.path.abspath(link.parent / os.readlink(link))) == blob:
            return True
    return False
