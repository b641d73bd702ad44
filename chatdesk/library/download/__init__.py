"""Hub downloads that resume: after Cancel, a dropped connection, a crash or a restart.

huggingface_hub 2.4's ``hf_hub_download`` restarts from byte 0 after its process is killed (its
partial file has a random name), which is painful for multi-gigabyte models on slow links. So
ChatDesk keeps its own partial file, ``DATA_DIR/models/.downloads/<key>.part``, next to a small
JSON sidecar (url, ETag, commit, size, SHA-256) and resumes with an HTTP ``Range`` request on the
address huggingface_hub resolves (``hf_hub_url`` + ``get_hf_file_metadata``), sent through
huggingface_hub's own HTTP session so HF_TOKEN, HF_ENDPOINT, HF_HUB_OFFLINE and proxy variables
behave as everywhere else. If the file changed on the Hub since the partial file was started
(another ETag), the partial file is discarded and the download starts again.

Before a file is used: its SHA-256 (for LFS files; the git blob SHA-1 for small files) must match
what the Hub reports, a GGUF must pass ChatDesk's validator, and only then is it moved atomically
into ``DATA_DIR/models`` and added to the library. Free disk space is checked before any byte is
fetched. The network is touched only when these functions are called.

Like huggingface_hub, ChatDesk does not fsync downloaded bytes (that would add seconds per GB):
after a power cut in the seconds that follow a download, the file may be incomplete and has to be
downloaded again; a lost sidecar only means the partial file is fetched again from the start.

One module per job: ``remote_file`` (what the Hub says the file is), ``partial`` (the kept part
file, its sidecar, its lock, the unfinished downloads), ``transfer`` (the ranged GET and its
retries), ``verify`` (hashing while the bytes arrive, the check at the end), ``progress`` (what
the user sees: bytes, speed, time left, "paused"), ``disk`` (free space first, the atomic move
last), ``file`` (one file, the steps in order), ``model`` (a GGUF into the library) and
``tokenizer`` (GPT-2's tokenizer files). The names below are the package's public face, used by
the window, ``chatdesk models`` and ``benchmarks/download.py``.
"""

from chatdesk.library.download.disk import DISK_RESERVE
from chatdesk.library.download.file import DownloadResult, download_file
from chatdesk.library.download.model import download_model
from chatdesk.library.download.partial import SIDECAR_VERSION, PartialDownload, discard_download, partial_key, pending_downloads
from chatdesk.library.download.progress import PROGRESS_INTERVAL_S, DownloadProgress, ProgressCallback
from chatdesk.library.download.remote_file import DEFAULT_TIMEOUT_S, RemoteFile, resolve
from chatdesk.library.download.tokenizer import download_gpt2_tokenizer
from chatdesk.library.download.transfer import CHUNK_BYTES, DEFAULT_RETRIES

__all__ = [
    "CHUNK_BYTES",
    "DEFAULT_RETRIES",
    "DEFAULT_TIMEOUT_S",
    "DISK_RESERVE",
    "PROGRESS_INTERVAL_S",
    "SIDECAR_VERSION",
    "DownloadProgress",
    "DownloadResult",
    "PartialDownload",
    "ProgressCallback",
    "RemoteFile",
    "discard_download",
    "download_file",
    "download_gpt2_tokenizer",
    "download_model",
    "partial_key",
    "pending_downloads",
    "resolve",
]
