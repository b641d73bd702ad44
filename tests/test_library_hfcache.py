"""The Hugging Face cache: a real cache folder filled by ``hf_hub_download`` from the local Hub.

Covers the scan (no network), adding what it finds to the library, removing such entries (the
user's cache stays intact unless deletion is asked for), and finding / fetching GPT-2's
tokenizer files for the checkpoint importer.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hub_server import HubServer

from chatdesk.library import BUNDLED_ID, Catalog, DownloadError
from chatdesk.library.download import download_gpt2_tokenizer
from chatdesk.library.hfcache import find_gpt2_tokenizer, hf_cache_dir, scan_hf_cache

REPO = "acme/SmolLM2-135M-Instruct-GGUF"
FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
VOCAB = json.dumps({"hello": 0, "\u0120world": 1}).encode()
MERGES = b"#version: 0.2\nh e\n"


@pytest.fixture
def hub(model_path, monkeypatch, tmp_path):
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    with HubServer() as srv:
        srv.add_repo(REPO, {FILE: Path(model_path), "split/big-Q8_0-00002-of-00002.gguf": b"GGUF-part-two",
                            "README.md": b"# model\n"})
        srv.add_repo("openai-community/gpt2", {"vocab.json": VOCAB, "merges.txt": MERGES, "config.json": b"{}"})
        yield srv


def fill_cache(hub, repo_id, filename):
    from huggingface_hub import hf_hub_download

    return Path(hf_hub_download(repo_id, filename, cache_dir=os.environ["HF_HUB_CACHE"], endpoint=hub.endpoint))


def test_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.delenv("HUGGINGFACE_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "home"))
    assert hf_cache_dir() == tmp_path / "home" / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "c"))
    assert hf_cache_dir() == tmp_path / "c"


def test_scan_finds_gguf_files_without_the_network(hub, data_dir, model_path, monkeypatch):
    assert scan_hf_cache() == []  # no cache yet: an empty list, not an error
    snap = fill_cache(hub, REPO, FILE)
    fill_cache(hub, REPO, "README.md")
    fill_cache(hub, REPO, "split/big-Q8_0-00002-of-00002.gguf")  # a second part alone is not a model
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    before = len(hub.requests())
    [found] = scan_hf_cache()
    assert (found.repo_id, found.filename, found.commit) == (REPO, FILE, hub.repos[REPO].commit)
    assert found.path == snap and found.size == os.path.getsize(model_path) and found.refs == ("main",)
    assert found.sha256 == hashlib.sha256(Path(model_path).read_bytes()).hexdigest()
    lib = Catalog.open()
    [entry] = lib.sync_hf_cache()
    assert entry.source == "hf-cache" and entry.repo_id == REPO and entry.path == str(snap) and entry.sha256 == found.sha256
    assert entry.architecture == "llama"
    assert lib.sync_hf_cache()[0].id == entry.id  # a second scan adds nothing new
    assert len(hub.requests()) == before


def test_removing_a_cache_entry_leaves_the_cache_alone_unless_asked(hub, data_dir):
    snap = fill_cache(hub, REPO, FILE)
    blob = snap.resolve()
    lib = Catalog.open()
    [entry] = lib.sync_hf_cache()
    assert not lib.remove(entry.id).file_deleted and snap.exists() and blob.exists()
    [entry] = lib.sync_hf_cache()
    assert lib.remove(entry.id, delete_file=True).file_deleted
    assert not snap.exists() and not snap.is_symlink() and not blob.exists()
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]
    assert scan_hf_cache() == []


def test_a_cache_entry_whose_file_went_away_is_flagged(hub, data_dir):
    snap = fill_cache(hub, REPO, FILE)
    lib = Catalog.open()
    [entry] = lib.sync_hf_cache()
    snap.resolve().unlink()  # e.g. `hf cache delete` removed the blob
    again = Catalog.open().get(entry.id)
    assert again.missing and not again.usable


def test_gpt2_tokenizer_is_found_in_the_cache(hub, data_dir):
    assert find_gpt2_tokenizer() is None
    fill_cache(hub, "openai-community/gpt2", "vocab.json")
    assert find_gpt2_tokenizer() is None  # vocab.json alone is not enough
    fill_cache(hub, "openai-community/gpt2", "merges.txt")
    tok = find_gpt2_tokenizer()
    assert tok.repo_id == "openai-community/gpt2" and tok.has_bpe_pair and tok.commit == hub.repos["openai-community/gpt2"].commit
    assert tok.vocab.read_bytes() == VOCAB and tok.merges.read_bytes() == MERGES
    assert not list(Path(os.environ["HF_HUB_CACHE"]).rglob("*.incomplete"))


def test_gpt2_tokenizer_download_goes_through_the_verified_path(hub, data_dir):
    tok = download_gpt2_tokenizer(endpoint=hub.endpoint)
    assert tok.folder == data_dir / "models" / "tokenizers" / "gpt2"
    assert tok.vocab.read_bytes() == VOCAB and tok.merges.read_bytes() == MERGES
    assert tok.commit == hub.repos["openai-community/gpt2"].commit
    assert find_gpt2_tokenizer() == tok
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]  # tokenizers are not models


def test_gpt2_tokenizer_with_damaged_bytes_is_refused(hub, data_dir):
    hub.faults.corrupt = True  # small git files are checked against their git blob hash
    with pytest.raises(DownloadError) as info:
        download_gpt2_tokenizer(endpoint=hub.endpoint)
    assert info.value.kind == "hash_mismatch"
    assert find_gpt2_tokenizer() is None
