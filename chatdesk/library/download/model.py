"""Downloading a model into the library: a single-file GGUF, fetched, validated and listed.

Why a module of its own: a model is more than a file. Only GGUFs are offered, and only single-file
ones (a model split into parts is refused with a sentence that says to pick a smaller
quantization); a file the library already has (same repository, file and SHA-256, still on disk)
is not fetched again; and a file that downloads correctly but fails ChatDesk's GGUF validator is
deleted rather than left where the library would adopt it.
"""

from __future__ import annotations

import threading
from typing import Any

from chatdesk.library.download.file import download_file, resolve_for_download
from chatdesk.library.download.partial import PartFiles
from chatdesk.library.download.progress import ProgressCallback
from chatdesk.library.download.remote_file import DEFAULT_TIMEOUT_S
from chatdesk.library.download.transfer import DEFAULT_RETRIES
from chatdesk.library.errors import DownloadError, LibraryError
from translatable import msg, text_of


def download_model(
    repo_id: str,
    filename: str,
    *,
    revision: str | None = None,
    catalog: Any = None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
) -> Any:
    """Download a GGUF from the Hub into DATA_DIR/models and add it to the library ("downloaded").

    Returns the ``ModelEntry``. A file the library already has (same repository, file and SHA-256,
    still on disk) is returned without downloading it again.
    """
    from chatdesk.library.catalog import Catalog
    from chatdesk.library.metadata import split_part

    if not filename.lower().endswith(".gguf"):
        raise DownloadError(msg("{file} is not a GGUF file; ChatDesk runs GGUF models. Pick a file ending in .gguf.",
                                file=filename), "invalid_model")
    split = split_part(filename)
    if split is not None:
        raise DownloadError(
            msg("{file} is one part of a model split into {parts} files, and ChatDesk downloads single-file models "
                "only. Pick a smaller quantization that comes as one file.", file=filename, parts=split[1]), "invalid_model")
    cat = catalog if catalog is not None else Catalog.open()
    downloads = cat.models_dir / ".downloads"
    part = PartFiles.of(downloads, repo_id, filename).part
    remote = resolve_for_download(repo_id, filename, revision, endpoint, token, timeout, part)
    if remote.sha256:
        for e in cat.entries():
            if e.repo_id == repo_id and e.repo_filename == filename and e.sha256 == remote.sha256 and not e.missing:
                return e

    result = download_file(
        repo_id, filename, revision=revision, dest_dir=cat.models_dir, on_progress=on_progress, cancel=cancel,
        endpoint=endpoint, token=token, timeout=timeout, retries=retries, remote=remote, downloads_dir=downloads,
    )
    try:  # the library validates the GGUF (check_gguf) before it lists it
        return cat.add_file(result.path, source="downloaded", repo_id=repo_id, repo_filename=filename,
                            commit=result.commit, sha256=result.sha256)
    except LibraryError as exc:
        try:
            result.path.unlink()
        except OSError:
            pass
        raise DownloadError(msg("{file} downloaded correctly, but ChatDesk cannot use it: {error} The file was deleted.",
                                file=filename, error=text_of(exc)), "invalid_model") from exc
