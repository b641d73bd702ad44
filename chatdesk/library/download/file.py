"""Downloading one Hub file, start to finish: the steps in their order.

Why a module of its own: the order is the guarantee. Under the per-file lock: resolve the file,
resume the kept part only if it is of this very file, check free space before any byte is
fetched, hash what is kept, fetch the rest (with retries), verify size and hash, and only then
move the file into place and forget the sidecar. Each step lives in its own module (``partial``,
``disk``, ``transfer``, ``verify``, ``progress``); this one only puts them together, for models
(``model``), the GPT-2 tokenizer (``tokenizer``) and ``benchmarks/download.py``.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from chatdesk import paths
from chatdesk.library.download.disk import check_disk_space, place
from chatdesk.library.download.partial import (
    ExclusiveDownload,
    PartFiles,
    as_download_error,
    kept_bytes,
    start_fresh,
)
from chatdesk.library.download.progress import ProgressCallback
from chatdesk.library.download.remote_file import DEFAULT_TIMEOUT_S, RemoteFile, resolve
from chatdesk.library.download.transfer import DEFAULT_RETRIES, Transfer, fetch_with_retries
from chatdesk.library.download.verify import verify
from chatdesk.library.errors import HubError
from chatdesk.library.hub import is_offline, offline_error


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    repo_id: str
    filename: str
    commit: str | None
    sha256: str | None
    size: int
    resumed_from: int  # bytes already on disk when this call started
    bytes_transferred: int  # bytes this call received


def download_file(
    repo_id: str,
    filename: str,
    *,
    revision: str | None = None,
    dest_dir: str | os.PathLike[str] | None = None,
    dest_name: str | None = None,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
    remote: RemoteFile | None = None,
    downloads_dir: str | os.PathLike[str] | None = None,
) -> DownloadResult:
    """Download one file of a Hub repository into ``dest_dir`` (default DATA_DIR/models), resuming
    a partial download of the same file if one was kept.

    ``cancel`` (a threading.Event) stops it at the next received chunk with DownloadCancelled; the
    partial file is kept. The file is moved into place only once its size and hash match what the
    Hub reported. Every failure is a DownloadError whose message says what to do;
    ``partial_bytes`` tells how much is kept for the next try. ``remote`` skips the HEAD request
    when the caller has just made it (``resolve``); ``downloads_dir`` is where partial files wait
    (default DATA_DIR/models/.downloads).
    """
    cancel = cancel or threading.Event()
    downloads = Path(downloads_dir) if downloads_dir is not None else paths.downloads_dir()
    files = PartFiles.of(downloads, repo_id, filename)
    part, sidecar = files.part, files.sidecar
    if is_offline():
        raise as_download_error(offline_error(), part)
    with ExclusiveDownload(files.lock, repo_id, filename):
        remote = remote or resolve_for_download(repo_id, filename, revision, endpoint, token, timeout, part)
        size = remote.size
        resume_from = kept_bytes(remote, part, sidecar)
        if size is not None:
            check_disk_space(downloads, size - (resume_from or 0), filename, part)
        if resume_from is None:
            resume_from = start_fresh(remote, part, sidecar)
        transfer = Transfer(remote, part, on_progress, cancel, resume_from)
        try:
            transfer.hash_existing()
            fetch_with_retries(transfer, repo_id, filename, revision, endpoint=endpoint, token=token, timeout=timeout,
                               retries=retries)
            remote = transfer.remote
            transfer.report("verifying", force=True)
            verify(remote, transfer.done, transfer.hasher, part, sidecar)
        finally:
            transfer.close()
        target_dir = Path(dest_dir) if dest_dir is not None else paths.models_dir()
        target = place(part, target_dir, dest_name or Path(filename).name, remote.sha256, overwrite)
        try:
            sidecar.unlink()
        except OSError:
            pass
        transfer.report("done", force=True)
        return DownloadResult(
            path=target,
            repo_id=repo_id,
            filename=filename,
            commit=remote.commit,
            sha256=remote.sha256 or transfer.hasher.sha256_hex,
            size=transfer.done,
            resumed_from=transfer.resumed_from,
            bytes_transferred=transfer.received,
        )


def resolve_for_download(repo_id: str, filename: str, revision: str | None, endpoint: str | None,
                         token: str | bool | None, timeout: float, part: Path) -> RemoteFile:
    """``resolve``, failing as a DownloadError that says how much of ``part`` is kept."""
    try:
        return resolve(repo_id, filename, revision, endpoint=endpoint, token=token, timeout=timeout)
    except HubError as exc:
        raise as_download_error(exc, part) from exc
