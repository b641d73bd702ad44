"""Hub listing and resumable downloads, with the real huggingface_hub client against a local Hub.

The server (tests/hub_server.py) answers like huggingface.co: a HEAD on /resolve/ redirects LFS
files to a "CDN" host with X-Linked-Etag / X-Linked-Size / X-Repo-Commit, bodies honour Range.
Faults (errors, stalls, dropped connections, corrupted bytes, false sizes) are switched on per test.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest
from hub_server import HubServer

from chatdesk.library import BUNDLED_ID, Catalog, DownloadCancelled, DownloadError, HubError
from chatdesk.library.download import discard_download, download_file, download_model, pending_downloads
from chatdesk.library.hub import SUGGESTED_MODELS, list_gguf_files, parse_hub_reference, pick_file
from chatdesk.library.metadata import quantization_from_name

REPO = "acme/SmolLM2-135M-Instruct-GGUF"
FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MiB = 1 << 20


@pytest.fixture
def hub(model_path, monkeypatch):
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    with HubServer() as srv:
        srv.add_repo(REPO, {FILE: Path(model_path), "README.md": b"# tiny model\n", "config.json": b'{"a": 1}\n'})
        yield srv


@pytest.fixture(scope="module")
def model_sha256(model_path):
    return hashlib.sha256(Path(model_path).read_bytes()).hexdigest()


def run_in_thread(fn, *args, **kwargs):
    """Start fn on a thread; returns (thread, outcome dict with "result" or "error")."""
    outcome: dict = {}

    def work():
        try:
            outcome["result"] = fn(*args, **kwargs)
        except BaseException as exc:
            outcome["error"] = exc

    t = threading.Thread(target=work, daemon=True)
    t.start()
    return t, outcome


# ----------------------------------------------------------------------------------- references


@pytest.mark.parametrize("text, repo, rev, filename, quant", [
    ("Qwen/Qwen2.5-0.5B-Instruct-GGUF", "Qwen/Qwen2.5-0.5B-Instruct-GGUF", None, None, None),
    ("  bartowski/SmolLM2-360M-Instruct-GGUF:q4_k_m ", "bartowski/SmolLM2-360M-Instruct-GGUF", None, None, "Q4_K_M"),
    ("https://huggingface.co/Qwen/Qwen3-0.6B-GGUF", "Qwen/Qwen3-0.6B-GGUF", None, None, None),
    ("https://huggingface.co/Qwen/Qwen3-0.6B-GGUF/tree/main", "Qwen/Qwen3-0.6B-GGUF", "main", None, None),
    ("https://huggingface.co/Qwen/Qwen3-0.6B-GGUF/blob/main/Qwen3-0.6B-Q8_0.gguf", "Qwen/Qwen3-0.6B-GGUF", "main",
     "Qwen3-0.6B-Q8_0.gguf", None),
    ("https://hf.co/o/r/resolve/abc123/sub%20dir/x.gguf?download=true", "o/r", "abc123", "sub dir/x.gguf", None),
    ("huggingface.co/o/r/blob/v1/x.gguf", "o/r", "v1", "x.gguf", None),
])
def test_parse_hub_reference(text, repo, rev, filename, quant):
    ref = parse_hub_reference(text)
    assert (ref.repo_id, ref.revision, ref.filename, ref.quantization) == (repo, rev, filename, quant)


@pytest.mark.parametrize("text", ["", "justaname", "https://huggingface.co/datasets/o/r", "a/b/../c", "https://huggingface.co/"])
def test_bad_references_say_what_to_type(text):
    with pytest.raises(HubError) as info:
        parse_hub_reference(text)
    assert info.value.kind == "bad_reference"
    assert "model" in str(info.value)


@pytest.mark.parametrize("name, quant", [
    ("qwen2.5-0.5b-instruct-q4_k_m.gguf", "Q4_K_M"),
    ("SmolLM2-360M-Instruct.Q8_0.gguf", "Q8_0"),
    ("Qwen3-0.6B-BF16.gguf", "BF16"),
    ("Qwen2.5-0.5B-Instruct-IQ4_XS.gguf", "IQ4_XS"),
    ("model-fp16.gguf", "F16"),
    ("Q4_K_M/model-Q4_K_M-00001-of-00002.gguf", "Q4_K_M"),
    ("readme.gguf", ""),
])
def test_quantization_from_file_name(name, quant):
    assert quantization_from_name(name) == quant


def test_suggestions_are_gguf_files_in_plain_repo_ids():
    assert len(SUGGESTED_MODELS) >= 4
    for s in SUGGESTED_MODELS:
        assert parse_hub_reference(s.repo_id).repo_id == s.repo_id
        assert s.filename.endswith(".gguf") and quantization_from_name(s.filename)
    assert any("zh" in s.languages for s in SUGGESTED_MODELS)


# ----------------------------------------------------------------------------------- listing


def test_list_gguf_files_with_sizes_hashes_and_quantization(hub, model_path, model_sha256):
    listing = list_gguf_files(REPO, endpoint=hub.endpoint)
    assert listing.repo_id == REPO and listing.commit == hub.repos[REPO].commit
    [f] = listing.files  # README.md and config.json are not models
    assert (f.filename, f.size, f.sha256, f.quantization) == (FILE, os.path.getsize(model_path), model_sha256, "Q4_1")
    assert pick_file(listing).filename == FILE
    with pytest.raises(HubError, match="no Q8_0 file"):
        pick_file(listing, "Q8_0")


def test_pick_file_prefers_q4_k_m_and_single_files(hub):
    hub.add_repo("acme/many-GGUF", {"m-Q8_0.gguf": b"GGUF" * 40, "m-Q4_K_M.gguf": b"GGUF" * 20, "m-Q2_K.gguf": b"GGUF" * 10,
                                    "big-F16-00001-of-00002.gguf": b"GGUF" * 90, "big-F16-00002-of-00002.gguf": b"GGUF" * 90})
    listing = list_gguf_files("acme/many-GGUF", endpoint=hub.endpoint)
    assert [(f.filename, f.parts) for f in listing.files] == [
        ("m-Q2_K.gguf", 1), ("m-Q4_K_M.gguf", 1), ("m-Q8_0.gguf", 1), ("big-F16-00001-of-00002.gguf", 2)]
    assert pick_file(listing).filename == "m-Q4_K_M.gguf"
    assert pick_file(listing, "q8_0").filename == "m-Q8_0.gguf"
    assert pick_file(listing, "F16").parts == 2


def test_listing_errors_are_sentences(hub):
    with pytest.raises(HubError) as info:
        list_gguf_files("acme/does-not-exist", endpoint=hub.endpoint)
    assert info.value.kind == "not_found" and "acme/does-not-exist" in str(info.value)
    hub.faults.fail.append(("api", 500))
    with pytest.raises(HubError) as info:
        list_gguf_files(REPO, endpoint=hub.endpoint)
    assert info.value.kind == "server" and "try again" in str(info.value)


def test_offline_mode_makes_no_request_and_says_so(hub, monkeypatch, data_dir):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(HubError) as info:
        list_gguf_files(REPO, endpoint=hub.endpoint)
    assert info.value.kind == "offline" and "HF_HUB_OFFLINE" in str(info.value)
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint)
    assert info.value.kind == "offline"
    assert hub.requests() == []


# ----------------------------------------------------------------------------------- downloads


def test_download_lands_in_the_library_with_byte_progress(hub, data_dir, model_path, model_sha256):
    events = []
    entry = download_model(REPO, FILE, endpoint=hub.endpoint, on_progress=events.append)
    size = os.path.getsize(model_path)
    assert entry.source == "downloaded" and entry.repo_id == REPO and entry.repo_filename == FILE
    assert entry.commit == hub.repos[REPO].commit and entry.sha256 == model_sha256
    assert Path(entry.path) == data_dir / "models" / FILE and Path(entry.path).read_bytes() == Path(model_path).read_bytes()
    assert entry.architecture == "llama" and entry.quantization == "Q4_1"
    assert Catalog.open().get(entry.id).source == "downloaded"
    # progress: bytes only grow, the total is the file size, the last report says done
    done = [e.bytes_done for e in events]
    assert done == sorted(done) and done[-1] == size and events[-1].phase == "done"
    assert all(e.total == size for e in events)
    assert all((e.speed_bps is None or e.speed_bps > 0) and (e.eta_s is None or e.eta_s >= 0) for e in events)
    assert pending_downloads() == [] and not list((data_dir / "models" / ".downloads").glob("*.part"))
    # the redirect went to the CDN host, like the Hub's
    [body] = hub.bodies()
    assert body.path.startswith("/cdn/") and body.host.startswith("localhost:") and body.range is None
    # asking again does not download again
    assert download_model(REPO, FILE, endpoint=hub.endpoint).id == entry.id
    assert len(hub.bodies()) == 1


def test_cancel_keeps_the_part_and_the_next_call_resumes_with_range(hub, data_dir, model_path, model_sha256):
    size = os.path.getsize(model_path)
    hub.faults.gate_at = size // 3
    cancel, got_bytes = threading.Event(), threading.Event()

    def on_progress(p):
        if p.bytes_done > 0:
            got_bytes.set()

    t, outcome = run_in_thread(download_model, REPO, FILE, endpoint=hub.endpoint, on_progress=on_progress, cancel=cancel)
    assert hub.gate_reached.wait(60) and got_bytes.wait(60)
    cancel.set()
    hub.gate_open.set()  # the next chunk arrives, the downloader sees Cancel
    t.join(60)
    err = outcome["error"]
    assert isinstance(err, DownloadCancelled) and 0 < err.partial_bytes < size
    assert "resume" in str(err)
    [pending] = pending_downloads()
    assert (pending.repo_id, pending.filename, pending.bytes_done, pending.size) == (REPO, FILE, err.partial_bytes, size)
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]
    assert not list((data_dir / "models").glob("*.gguf"))

    events = []
    entry = download_model(REPO, FILE, endpoint=hub.endpoint, on_progress=events.append)
    last = hub.bodies()[-1]
    assert last.range == f"bytes={err.partial_bytes}-" and last.status == 206
    assert last.body_bytes == size - err.partial_bytes  # only the rest travelled
    assert entry.sha256 == model_sha256 and Path(entry.path).read_bytes() == Path(model_path).read_bytes()
    assert events[0].resumed_from == err.partial_bytes
    assert pending_downloads() == []


def test_corrupted_bytes_are_rejected_by_the_hash_and_not_added(hub, data_dir):
    hub.faults.corrupt = True
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint)
    assert info.value.kind == "hash_mismatch" and "SHA-256" in str(info.value) and "again" in str(info.value)
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]
    assert not list((data_dir / "models").glob("*.gguf")) and pending_downloads() == []
    hub.faults.corrupt = False
    assert download_model(REPO, FILE, endpoint=hub.endpoint).source == "downloaded"


def test_a_file_that_is_not_a_model_is_refused_after_download(hub, data_dir):
    hub.add_repo("acme/fake-GGUF", {"fake-Q4_K_M.gguf": os.urandom(MiB)})
    with pytest.raises(DownloadError) as info:
        download_model("acme/fake-GGUF", "fake-Q4_K_M.gguf", endpoint=hub.endpoint)
    assert info.value.kind == "invalid_model" and "cannot use it" in str(info.value)
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]
    assert not list((data_dir / "models").glob("*.gguf"))


@pytest.mark.parametrize("where, status, kind, words", [
    ("resolve", 404, "not_found", "404"),
    ("resolve", 401, "auth", "HF_TOKEN"),
    ("resolve", 500, "server", "server error (500)"),
    ("cdn", 503, "server", "server error (503)"),
])
def test_http_errors_are_sentences(hub, data_dir, where, status, kind, words):
    hub.faults.fail.append((where, status))
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint)
    assert info.value.kind == kind and words in str(info.value)
    assert "Traceback" not in str(info.value) and [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]


def test_unknown_file_names_the_file(hub, data_dir):
    with pytest.raises(DownloadError) as info:
        download_model(REPO, "nope-Q4_K_M.gguf", endpoint=hub.endpoint)
    assert info.value.kind == "not_found" and "nope-Q4_K_M.gguf" in str(info.value)


def test_server_error_mid_way_keeps_the_part(hub, data_dir, model_path):
    size = os.path.getsize(model_path)
    hub.faults.drop_after, hub.faults.drop_times = 3 * MiB, 1
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint, retries=0)
    assert info.value.kind == "connection" and info.value.partial_bytes == 3 * MiB
    hub.faults.fail.append(("cdn", 500))
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint)
    assert info.value.kind == "server" and "kept" in str(info.value) and info.value.partial_bytes == 3 * MiB
    download_model(REPO, FILE, endpoint=hub.endpoint)
    assert hub.bodies()[-1].range == f"bytes={3 * MiB}-" and hub.bodies()[-1].body_bytes == size - 3 * MiB


def test_gated_repo_needs_hf_token_which_never_reaches_the_cdn(hub, data_dir, model_path, monkeypatch):
    hub.add_repo("acme/gated-GGUF", {FILE: Path(model_path), "config.json": b"{}"}, access="gated", token="hf_secret")
    with pytest.raises(HubError) as info:
        list_gguf_files("acme/gated-GGUF", endpoint=hub.endpoint)
    assert info.value.kind == "gated" and "HF_TOKEN" in str(info.value)
    with pytest.raises(DownloadError) as info:
        download_model("acme/gated-GGUF", FILE, endpoint=hub.endpoint)
    assert info.value.kind == "gated"

    monkeypatch.setenv("HF_TOKEN", "hf_secret")
    assert list_gguf_files("acme/gated-GGUF", endpoint=hub.endpoint).files[0].filename == FILE
    entry = download_model("acme/gated-GGUF", FILE, endpoint=hub.endpoint)
    assert entry.repo_id == "acme/gated-GGUF"
    head = [r for r in hub.requests("HEAD") if r.path.startswith("/acme/gated-GGUF/")][-1]
    assert head.authorization == "Bearer hf_secret"
    assert hub.bodies()[-1].path.startswith("/cdn/") and hub.bodies()[-1].authorization is None
    # a small git file is served by the Hub itself: there the token is sent
    result = download_file("acme/gated-GGUF", "config.json", endpoint=hub.endpoint, dest_dir=data_dir / "other")
    assert result.path.read_bytes() == b"{}" and hub.bodies()[-1].authorization == "Bearer hf_secret"


def test_slow_server_times_out_with_a_message_and_keeps_the_part(hub, data_dir, model_path):
    size = os.path.getsize(model_path)
    hub.faults.stall_after = MiB
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint, timeout=2.0, retries=0)
    err = info.value
    assert err.kind == "timeout" and "did not answer within 2 s" in str(err) and "kept" in str(err)
    assert err.partial_bytes == MiB and pending_downloads()[0].bytes_done == MiB
    hub.faults.stall_after = None
    download_model(REPO, FILE, endpoint=hub.endpoint)
    assert hub.bodies()[-1].range == f"bytes={MiB}-" and hub.bodies()[-1].body_bytes == size - MiB


def test_a_dropped_connection_is_resumed_automatically(hub, data_dir, model_path, model_sha256):
    size = os.path.getsize(model_path)
    hub.faults.drop_after, hub.faults.drop_times = 2 * MiB, 1
    entry = download_model(REPO, FILE, endpoint=hub.endpoint)
    first, second = hub.bodies()
    assert first.range is None and first.body_bytes == 2 * MiB
    assert second.range == f"bytes={2 * MiB}-" and second.body_bytes == size - 2 * MiB
    assert entry.sha256 == model_sha256


def test_connection_that_keeps_dropping_gives_up_with_a_message(hub, data_dir):
    hub.faults.drop_after, hub.faults.drop_times = 2 * MiB, 10
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint, retries=1)
    assert info.value.kind == "connection" and "interrupted" in str(info.value)
    assert info.value.partial_bytes == 4 * MiB  # two attempts, 2 MiB each, all kept
    assert discard_download(REPO, FILE) and pending_downloads() == []
    assert not list((data_dir / "models" / ".downloads").glob("*.part"))


def test_split_models_are_refused_before_any_request(hub, data_dir):
    with pytest.raises(DownloadError) as info:
        download_model(REPO, "big-Q8_0-00001-of-00003.gguf", endpoint=hub.endpoint)
    assert info.value.kind == "invalid_model" and "3 files" in str(info.value)
    assert hub.requests() == []


def test_not_enough_disk_space_is_refused_before_downloading(hub, data_dir):
    hub.faults.size_override[FILE] = 1 << 60  # the Hub claims an exabyte
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint)
    assert info.value.kind == "disk_space" and "free" in str(info.value)
    assert hub.bodies() == [] and pending_downloads() == []


def test_a_part_of_an_older_version_is_discarded_not_mixed(hub, data_dir):
    old, new = os.urandom(6 * MiB), os.urandom(6 * MiB)
    hub.add_repo("acme/blobs", {"data.bin": old}, lfs={"data.bin"})
    hub.faults.drop_after, hub.faults.drop_times = 2 * MiB, 1
    with pytest.raises(DownloadError):
        download_file("acme/blobs", "data.bin", endpoint=hub.endpoint, retries=0)
    hub.add_repo("acme/blobs", {"data.bin": new}, lfs={"data.bin"}, commit="f" * 40)
    result = download_file("acme/blobs", "data.bin", endpoint=hub.endpoint)
    assert hub.bodies()[-1].range is None and result.resumed_from == 0
    assert result.path.read_bytes() == new and result.commit == "f" * 40


def test_a_download_in_progress_elsewhere_is_not_started_twice(hub, data_dir, model_path):
    hub.faults.gate_at = MiB
    cancel = threading.Event()
    t, outcome = run_in_thread(download_model, REPO, FILE, endpoint=hub.endpoint, cancel=cancel)
    assert hub.gate_reached.wait(60)
    with pytest.raises(DownloadError) as info:
        download_model(REPO, FILE, endpoint=hub.endpoint)
    assert info.value.kind == "busy"
    cancel.set()
    hub.gate_open.set()
    t.join(60)
    assert isinstance(outcome.get("error"), DownloadCancelled)


def test_existing_file_of_the_same_name_is_not_overwritten(hub, data_dir, model_path, model_sha256):
    (data_dir / "models").mkdir(parents=True)
    mine = data_dir / "models" / FILE
    mine.write_bytes(b"not mine to overwrite")
    entry = download_model(REPO, FILE, endpoint=hub.endpoint)
    assert mine.read_bytes() == b"not mine to overwrite"
    assert Path(entry.path).name == f"SmolLM2-135M-Instruct.Q4_1-{model_sha256[:8]}.gguf"
