"""The model library: every model ChatDesk knows, and getting new ones from Hugging Face.

Why a package of its own: the window, ``chatdesk models`` and the conversation flow all need the
same answers (which models are there, which is the default, is this file usable, fetch that one
from the Hub) without Qt and without the conversation database. It depends only on
``chatdesk.engine`` (GGUF validation, the bundled model), ``chatdesk.paths`` and huggingface_hub;
import-linter keeps it away from Qt, ``chatdesk.store`` and ``chatdesk.transcripts``.
Importing it touches neither the network nor huggingface_hub.

Catalog (the ``catalog`` package, one module per job; stored in ``DATA_DIR/library.json``)::

    from chatdesk.library import Catalog
    lib = Catalog.open()                    # the current data folder (paths.data_dir())
    lib.entries()                           # [ModelEntry], the bundled model first
    lib.get("qwen2.5-0.5b-instruct-q4_k_m") # by id (LibraryError if unknown)
    lib.find(id_or_path)                    # by id or by file path
    lib.add_file("/models/x.gguf")          # validated first (LibraryError says why not); source "added"
    lib.add_file(out, source="imported")    # a converted checkpoint in DATA_DIR/models
    lib.sync_hf_cache()                     # add the GGUFs in the Hugging Face cache (no network)
    lib.add_remote(base_url, model_id)      # an OpenAI-compatible server (keys: remotes.py)
    lib.remove(id, delete_file=False)       # -> Removal(entry, file_deleted)
    lib.default(); lib.set_default(id)      # the model new chats use (the bundled one by default)

``ModelEntry`` (``entry.py``) is frozen: id, name, source ("bundled" | "imported" | "added" |
"hf-cache" | "downloaded" | "remote"), path, architecture, parameters, quantization,
context_length, file_size, chat_template (bool), license, sha256, added_at, repo_id /
repo_filename / commit (Hub provenance), remote_url / remote_model, and ``missing`` / ``problem``
(the file vanished or no longer validates) with ``usable`` derived from them. Removing a model
deletes the file only when ChatDesk owns it (it lies in DATA_DIR/models) or when
``delete_file=True``. Opening reads cached metadata and stats the files: no GGUF parsing unless a
file changed (``benchmarks/library_open.py``).

Hugging Face cache (``hfcache.py``, never online)::

    scan_hf_cache(cache_dir=None) -> [CachedGGUF]       # GGUF files already downloaded by other tools
    find_gpt2_tokenizer(cache_dir=None) -> TokenizerFiles | None

Hub (``hub.py``; network only when called; HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE, proxies honoured)::

    parse_hub_reference("https://huggingface.co/Qwen/…/blob/main/x.gguf") -> HubRef
    list_gguf_files(repo_id, revision=None) -> RepoListing(commit, files=[HubFile(filename, size,
                                                           sha256, quantization, parts)])
    pick_file(listing, "Q4_K_M"); SUGGESTED_MODELS, SUGGESTED_EMBEDDING_MODELS

Downloads (the ``download`` package, one module per job) resume after Cancel, a dropped connection,
a crash or a restart, check free space first, verify the Hub's SHA-256 before the file is used, and
report byte progress::

    entry = download_model(repo_id, filename, on_progress=cb, cancel=threading.Event())
    # cb(DownloadProgress(bytes_done, total, speed_bps, eta_s, resumed_from, phase)) on the
    # downloading thread, at most 10 times a second; run it off the GUI thread.
    pending_downloads(); discard_download(repo_id, filename)
    download_gpt2_tokenizer()               # only when the user agreed; find_gpt2_tokenizer first

First minutes (all Qt-free; the window and ``chatdesk models`` share them)::

    search_models("qwen instruct", language="zh", sort="downloads", limit=20) -> [SearchHit]  # hub_search.py
    recommendations(machine_facts(), bundled_tokens_per_s=None) -> [Suggestion]             # recommend.py
    model_languages(entry); detect_language(text); language_warning(text, langs, name)     # languages.py
    display_name(entry_or_key)                   # one name per model everywhere (naming.py)
    PendingModelChoice().choose(key) / .loaded(path) / .failed(key)  # remember only after a load (choice.py)
    converted_model_path(name, qtype, if_exists="refuse"|"keep_both"|"replace")  # imports.py

Failures are ``LibraryError`` / ``HubError`` / ``DownloadError`` (``DownloadCancelled`` on Cancel),
each with a sentence for the user, a ``kind`` for choosing a button and, for downloads,
``partial_bytes`` kept for resuming.
"""

from __future__ import annotations

from typing import Any

from chatdesk.library.catalog import Catalog, Removal
from chatdesk.library.entry import BUNDLED_ID, SOURCES, ModelEntry
from chatdesk.library.errors import DownloadCancelled, DownloadError, HubError, LibraryError

_LAZY = {
    # Hugging Face parts import huggingface_hub, so they load on first use.
    "scan_hf_cache": "chatdesk.library.hfcache",
    "find_gpt2_tokenizer": "chatdesk.library.hfcache",
    "CachedGGUF": "chatdesk.library.hfcache",
    "TokenizerFiles": "chatdesk.library.hfcache",
    "parse_hub_reference": "chatdesk.library.hub",
    "list_gguf_files": "chatdesk.library.hub",
    "pick_file": "chatdesk.library.hub",
    "HubRef": "chatdesk.library.hub",
    "HubFile": "chatdesk.library.hub",
    "RepoListing": "chatdesk.library.hub",
    "SUGGESTED_MODELS": "chatdesk.library.hub",
    "SUGGESTED_EMBEDDING_MODELS": "chatdesk.library.hub",
    "download_model": "chatdesk.library.download",
    "download_file": "chatdesk.library.download",
    "download_gpt2_tokenizer": "chatdesk.library.download",
    "pending_downloads": "chatdesk.library.download",
    "discard_download": "chatdesk.library.download",
    "DownloadProgress": "chatdesk.library.download",
    "DownloadResult": "chatdesk.library.download",
    "search_models": "chatdesk.library.hub_search",
    "SearchHit": "chatdesk.library.hub_search",
    "recommendations": "chatdesk.library.recommend",
    "Recommendation": "chatdesk.library.recommend",
    "machine_facts": "chatdesk.library.recommend",
    "model_languages": "chatdesk.library.languages",
    "detect_language": "chatdesk.library.languages",
    "language_warning": "chatdesk.library.languages",
    "display_name": "chatdesk.library.naming",
    "PendingModelChoice": "chatdesk.library.choice",
    "commit_model_choice": "chatdesk.library.choice",
    "converted_model_path": "chatdesk.library.imports",
    "ModelExistsError": "chatdesk.library.imports",
}

__all__ = [
    "BUNDLED_ID",
    "SOURCES",
    "Catalog",
    "DownloadCancelled",
    "DownloadError",
    "HubError",
    "LibraryError",
    "ModelEntry",
    "Removal",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'chatdesk.library' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
