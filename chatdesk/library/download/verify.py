"""Whether a downloaded file is the Hub's file: hashed while it arrives, compared at the end.

Why a module of its own: nothing is used before its size and hash match what the Hub reported
(the SHA-256 for LFS files, the git blob SHA-1 for small files kept in git), and hashing a
multi-gigabyte file afterwards would double the time a download takes. So the bytes are hashed on
a helper thread as they arrive (and the kept part first, when resuming), and a mismatch deletes
the part: its bytes were damaged on the way and resuming from them would only repeat the damage.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from pathlib import Path

from chatdesk.library.download.partial import discard
from chatdesk.library.download.remote_file import RemoteFile
from chatdesk.library.errors import DownloadError
from translatable import msg


class Hasher:
    """SHA-256 (and, for small git files, the git blob SHA-1) of the bytes, on a helper thread.

    hashlib releases the GIL on large buffers, so hashing on its own thread overlaps with receiving
    and writing: inline, SHA-256 took a third of the time of a fast local download. The queue is
    bounded, so a slow hasher slows the download instead of filling memory.
    """

    def __init__(self, remote: RemoteFile) -> None:
        self._sha256 = hashlib.sha256()
        self._sha1 = None
        if remote.git_sha1 and remote.size is not None:
            self._sha1 = hashlib.sha1(f"blob {remote.size}\0".encode())
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=256)
        self._thread: threading.Thread | None = None
        self._result: tuple[str, str | None] | None = None

    def update(self, chunk: bytes) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="download-hash", daemon=True)
            self._thread.start()
        self._queue.put(chunk)

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            self._sha256.update(chunk)
            if self._sha1 is not None:
                self._sha1.update(chunk)

    def finish(self) -> tuple[str, str | None]:
        """(SHA-256, git SHA-1 or None) of every byte given so far; the helper thread ends."""
        if self._result is None:
            self.close()
            self._result = (self._sha256.hexdigest(), self._sha1.hexdigest() if self._sha1 is not None else None)
        return self._result

    @property
    def sha256_hex(self) -> str:
        return self.finish()[0]

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None


def verify(remote: RemoteFile, done: int, hasher: Hasher, part: Path, sidecar: Path) -> None:
    """Raise DownloadError ("hash_mismatch", the part deleted) unless the bytes are the Hub's file."""
    sha256, git_sha1 = hasher.finish()
    problem = None
    if remote.size is not None and done != remote.size:
        problem = msg("it has {done} bytes instead of {size}", done=f"{done:,}", size=f"{remote.size:,}")
    elif remote.sha256 and sha256 != remote.sha256:
        problem = msg("its SHA-256 is {found} instead of {expected}", found=sha256, expected=remote.sha256)
    elif remote.git_sha1 and git_sha1 is not None and git_sha1 != remote.git_sha1:
        problem = msg("its git hash is {found} instead of {expected}", found=git_sha1, expected=remote.git_sha1)
    if problem:
        discard(part, sidecar)
        raise DownloadError(
            msg("The downloaded {file} does not match the file on Hugging Face ({problem}); it was damaged on "
                "the way and has been deleted. Download it again.", file=remote.filename, problem=problem),
            "hash_mismatch",
        )
