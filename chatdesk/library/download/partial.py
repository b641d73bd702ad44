"""The part file a download keeps between tries, and the bookkeeping that makes it resumable.

Why a module of its own: huggingface_hub names its partial files at random and starts again from
byte 0 once its process is gone, which is painful for multi-gigabyte models on slow links. So
ChatDesk keeps ``DATA_DIR/models/.downloads/<key>.part`` next to a small JSON sidecar (url, ETag,
commit, size, hashes, start time). This module owns those files: the stable key of a (repository,
file) pair, whether a kept part belongs to the very file asked for (same ETag and size) or must be
started afresh, the lock that keeps two windows or commands from writing one part, and the list
of unfinished downloads the window offers to resume or discard. A lost sidecar only means the
part is fetched again from the start.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from chatdesk import paths
from chatdesk.library.download.remote_file import RemoteFile
from chatdesk.library.errors import DownloadError, HubError
from chatdesk.library.jsonfile import read_json, write_json_atomic
from translatable import msg, text_of

SIDECAR_VERSION = 1


@dataclass(frozen=True)
class PartialDownload:
    """A download that stopped before the end and can be resumed."""

    repo_id: str
    filename: str
    revision: str | None
    commit: str | None
    size: int | None
    bytes_done: int
    part_path: Path
    started_at: str


@dataclass(frozen=True)
class PartFiles:
    """Where one (repository, file) pair's partial download lives in a downloads folder."""

    folder: Path
    key: str

    @classmethod
    def of(cls, folder: Path, repo_id: str, filename: str) -> PartFiles:
        return cls(folder, partial_key(repo_id, filename))

    @property
    def part(self) -> Path:
        """The bytes received so far."""
        return self.folder / f"{self.key}.part"

    @property
    def sidecar(self) -> Path:
        """What the bytes are of (JSON): without it the part cannot be resumed."""
        return self.folder / f"{self.key}.json"

    @property
    def lock(self) -> Path:
        return self.folder / f"{self.key}.lock"


def partial_key(repo_id: str, filename: str) -> str:
    """A file-system-safe, stable name for one (repository, file) pair's partial download."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{repo_id}--{filename}")[:80]
    digest = hashlib.sha1(f"model:{repo_id}/{filename}".encode()).hexdigest()[:10]
    return f"{readable}-{digest}"


def kept_bytes(remote: RemoteFile, part: Path, sidecar: Path) -> int | None:
    """Bytes to resume from when the kept part belongs to this very file (same ETag and size), else None."""
    try:
        side = read_json(sidecar)
    except (OSError, ValueError):
        return None
    have = part_size(part)
    same = (
        isinstance(side, dict)
        and remote.etag is not None
        and side.get("etag") == remote.etag
        and remote.size is not None
        and side.get("size") == remote.size
        and have <= remote.size
    )
    return have if same else None


def start_fresh(remote: RemoteFile, part: Path, sidecar: Path) -> int:
    """Discard any kept part (it is of another file or version) and describe the new one."""
    discard(part, sidecar)
    part.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomic(sidecar, {
        "version": SIDECAR_VERSION,
        "repo_id": remote.repo_id,
        "filename": remote.filename,
        "revision": remote.revision,
        "url": remote.url,
        "etag": remote.etag,
        "commit": remote.commit,
        "size": remote.size,
        "sha256": remote.sha256,
        "git_sha1": remote.git_sha1,
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }, durable=False)
    return 0


def pending_downloads() -> list[PartialDownload]:
    """Downloads that stopped before the end (Cancel, an error, a crash) and can be resumed."""
    folder = paths.downloads_dir()
    found: list[PartialDownload] = []
    if not folder.is_dir():
        return found
    for side in sorted(folder.glob("*.json")):
        try:
            data = read_json(side)
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or "repo_id" not in data or "filename" not in data:
            continue
        part = side.with_suffix(".part")
        found.append(PartialDownload(
            repo_id=data["repo_id"], filename=data["filename"], revision=data.get("revision"), commit=data.get("commit"),
            size=data.get("size"), bytes_done=part_size(part), part_path=part, started_at=data.get("started_at", ""),
        ))
    return found


def discard_download(repo_id: str, filename: str) -> bool:
    """Delete a kept partial download. Returns True when there was one."""
    files = PartFiles.of(paths.downloads_dir(), repo_id, filename)
    with ExclusiveDownload(files.lock, repo_id, filename):
        had = files.part.exists() or files.sidecar.exists()
        discard(files.part, files.sidecar)
    return had


class ExclusiveDownload:
    """One download of a given file at a time, across windows and processes."""

    def __init__(self, lock_path: Path, repo_id: str, filename: str) -> None:
        from filelock import FileLock

        lock_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(lock_path))
        self._what = f"{repo_id}/{filename}"

    def __enter__(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=0)
        except Timeout as exc:
            raise DownloadError(
                msg("{what} is already being downloaded by another ChatDesk window or command. "
                    "Wait for it to finish, or stop it there.", what=self._what), "busy") from exc

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def as_download_error(err: HubError, part: Path) -> DownloadError:
    """A Hub failure as a download failure that says how many bytes are kept for the next try."""
    if isinstance(err, DownloadError):
        return err
    return DownloadError(text_of(err), err.kind, part_size(part))


def discard(*files: Path) -> None:
    for f in files:
        try:
            f.unlink()
        except FileNotFoundError:
            pass


def part_size(p: Path) -> int:
    """Bytes in a kept part (0 when there is none)."""
    try:
        return p.stat().st_size
    except OSError:
        return 0
