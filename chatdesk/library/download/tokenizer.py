"""Downloading GPT-2's tokenizer files, for importing GPT-2 checkpoints that come without them.

Why a module of its own: this is the one download that is not a model and goes into no library.
It is made only after the user agreed (``hfcache.find_gpt2_tokenizer`` looks on disk first), puts
vocab.json and merges.txt into ChatDesk's own tokenizer folder with the commit they came from, and
hands back what ``find_gpt2_tokenizer`` then finds.
"""

from __future__ import annotations

import threading
from typing import Any

from chatdesk.library.download.file import download_file
from chatdesk.library.download.progress import ProgressCallback
from chatdesk.library.download.remote_file import DEFAULT_TIMEOUT_S
from chatdesk.library.errors import LibraryError
from translatable import msg


def download_gpt2_tokenizer(
    *,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> Any:
    """Fetch GPT-2's vocab.json and merges.txt (openai-community/gpt2) into ChatDesk's folder.

    Only for when the user agreed: ``find_gpt2_tokenizer`` looks on disk first.
    """
    from chatdesk.library.hfcache import GPT2_REPOS, chatdesk_tokenizer_dir, find_gpt2_tokenizer

    folder = chatdesk_tokenizer_dir()
    commit = None
    for name in ("vocab.json", "merges.txt"):
        result = download_file(GPT2_REPOS[0], name, dest_dir=folder, dest_name=name, overwrite=True,
                               on_progress=on_progress, cancel=cancel, endpoint=endpoint, token=token, timeout=timeout)
        commit = result.commit or commit
    (folder / "COMMIT").write_text((commit or "") + "\n", "utf-8")
    found = find_gpt2_tokenizer()
    if found is None:  # pragma: no cover - the files were just written
        raise LibraryError(msg("GPT-2's tokenizer files were downloaded to {folder} but cannot be read back.", folder=str(folder)))
    return found
