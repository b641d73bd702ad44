"""Hub search (chatdesk.library.hub_search) with the real huggingface_hub client against the
local Hub stand-in (tests/hub_server.py), and ``chatdesk models search``."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from hub_server import HubServer

from chatdesk.cli import main
from chatdesk.library import HubError
from chatdesk.library.hub_search import search_models, search_words

SMALL = b"GGUF" + b"\0" * 1000


@pytest.fixture
def hub(model_path, monkeypatch):
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    with HubServer() as srv:
        srv.add_repo("Qwen/Qwen2.5-0.5B-Instruct-GGUF",
                     {"qwen2.5-0.5b-instruct-q4_k_m.gguf": Path(model_path), "qwen2.5-0.5b-instruct-q8_0.gguf": SMALL * 2,
                      "README.md": b"# Qwen\n"},
                     downloads=900, last_modified="2024-09-19T00:00:00.000Z", tags=("gguf", "zh", "en", "chat"))
        srv.add_repo("bartowski/Qwen2.5-7B-Instruct-GGUF",
                     {"Qwen2.5-7B-Instruct-Q4_K_M-00001-of-00002.gguf": SMALL, "Qwen2.5-7B-Instruct-Q4_K_M-00002-of-00002.gguf": SMALL * 3,
                      "Qwen2.5-7B-Instruct-IQ2_M.gguf": SMALL},
                     downloads=5000, last_modified="2024-10-01T00:00:00.000Z", tags=("gguf", "en"))
        srv.add_repo("someone/qwen-instruct-fp16", {"model.safetensors": SMALL}, downloads=99999,
                     tags=("safetensors", "zh"))  # not GGUF: never a hit
        srv.add_repo("Qwen/Qwen2.5-0.5B-GGUF", {"qwen2.5-0.5b-q8_0.gguf": SMALL}, downloads=7000,
                     last_modified="2025-01-01T00:00:00.000Z", tags=("gguf", "zh"))  # no "instruct"
        srv.add_repo("HuggingFaceTB/SmolLM2-135M-Instruct-GGUF", {"smollm2-135m-instruct-q8_0.gguf": SMALL}, downloads=10,
                     last_modified="2025-02-01T00:00:00.000Z", tags=("gguf", "en"))
        monkeypatch.setenv("HF_ENDPOINT", srv.endpoint)
        yield srv


def test_words_all_match_gguf_only_sorted_by_downloads(hub):
    hits = search_models("qwen INSTRUCT", endpoint=hub.endpoint)
    assert [h.repo_id for h in hits] == ["bartowski/Qwen2.5-7B-Instruct-GGUF", "Qwen/Qwen2.5-0.5B-Instruct-GGUF"]
    assert hits[0].downloads == 5000
    listing = [r for r in hub.requests("GET") if r.path == "/api/models"]
    assert listing and "filter=gguf" in listing[0].query and "sort=downloads" in listing[0].query


def test_each_hit_has_its_gguf_files_sizes_and_quantizations(hub, model_path):
    hit = next(h for h in search_models("qwen instruct", endpoint=hub.endpoint) if h.repo_id.startswith("Qwen/"))
    files = {f.filename: f for f in hit.files}
    assert set(files) == {"qwen2.5-0.5b-instruct-q4_k_m.gguf", "qwen2.5-0.5b-instruct-q8_0.gguf"}  # README is not a model
    assert files["qwen2.5-0.5b-instruct-q4_k_m.gguf"].size == Path(model_path).stat().st_size
    assert files["qwen2.5-0.5b-instruct-q8_0.gguf"].quantization == "Q8_0"
    assert set(hit.quantizations) == {"Q4_K_M", "Q8_0"}
    assert hit.languages == ("zh", "en")
    big = next(h for h in search_models("qwen instruct", endpoint=hub.endpoint) if h.repo_id.startswith("bartowski/"))
    split = next(f for f in big.files if f.parts == 2)  # a split model is listed once, with all its parts' size
    assert split.filename.endswith("-00001-of-00002.gguf") and split.size == len(SMALL) * 4
    assert [f.quantization for f in big.files] == ["IQ2_M", "Q4_K_M"]  # smallest first


def test_language_filter_and_recency(hub):
    zh = search_models("qwen", language="zh", endpoint=hub.endpoint)
    assert [h.repo_id for h in zh] == ["Qwen/Qwen2.5-0.5B-GGUF", "Qwen/Qwen2.5-0.5B-Instruct-GGUF"]
    recent = search_models("instruct", sort="recent", endpoint=hub.endpoint, with_files=False)
    assert [h.repo_id for h in recent][:2] == ["HuggingFaceTB/SmolLM2-135M-Instruct-GGUF", "bartowski/Qwen2.5-7B-Instruct-GGUF"]
    assert search_models("instruct", limit=1, endpoint=hub.endpoint)[0].repo_id == "bartowski/Qwen2.5-7B-Instruct-GGUF"
    assert search_models("no-such-model-anywhere", endpoint=hub.endpoint) == []


def test_bad_requests_and_offline_are_sentences(hub, monkeypatch):
    with pytest.raises(HubError, match="Type a few words"):
        search_models("   ", endpoint=hub.endpoint)
    with pytest.raises(HubError, match="Chinese \\(zh\\) or English \\(en\\)"):
        search_models("qwen", language="fr", endpoint=hub.endpoint)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(HubError, match="offline") as err:
        search_models("qwen", endpoint=hub.endpoint)
    assert err.value.kind == "offline"
    assert not [r for r in hub.requests() if r.path == "/api/models"]


def test_a_bad_answer_and_a_server_error_are_sentences(hub):
    hub.faults.bad_listing = True
    with pytest.raises(HubError, match="does not understand"):
        search_models("qwen", endpoint=hub.endpoint)
    hub.faults.bad_listing = False
    hub.faults.fail.append(("api", 503))  # a brief outage: huggingface_hub's own retry gets through
    assert search_models("qwen", endpoint=hub.endpoint, with_files=False)
    hub.faults.fail.append(("api", 501))  # not retried
    with pytest.raises(HubError, match="server error \\(501\\)") as err:
        search_models("qwen", endpoint=hub.endpoint)
    assert err.value.kind == "server"


def test_unreachable_hub(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(HubError, match="could not connect") as err:
        search_models("qwen", endpoint=f"http://127.0.0.1:{port}")
    assert err.value.kind == "connection"


def test_a_refused_connection_is_said_at_once_not_after_the_listings_retries(monkeypatch):
    """huggingface_hub's listing retries a refused connection five times (23.7 s measured); one
    plain connection first says it at once, and the listing is never asked. Behind a proxy the
    check is left to the listing, since only the proxy is reached directly."""
    from huggingface_hub import HfApi

    from chatdesk.library import hub_search

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    listed: list[object] = []
    monkeypatch.setattr(HfApi, "list_models", lambda *a, **k: listed.append(a) or iter(()))
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}"
    with pytest.raises(HubError, match="could not connect") as err:
        search_models("qwen", endpoint=endpoint)
    assert err.value.kind == "connection" and listed == []

    monkeypatch.setenv("http_proxy", "http://proxy.invalid:3128")
    assert hub_search._connection_refused(endpoint, 5.0) is None  # the proxy would carry it
    assert search_models("qwen", endpoint=endpoint) == [] and len(listed) == 1


def test_one_repository_failing_keeps_the_hit(hub):
    hub.repos["Qwen/Qwen2.5-0.5B-Instruct-GGUF"].access = "gated"  # listed, but its tree needs a token
    hit = next(h for h in search_models("qwen instruct", endpoint=hub.endpoint) if h.repo_id.startswith("Qwen/"))
    assert hit.files_error and "gated" in hit.files_error
    assert {f.filename for f in hit.files} == {"qwen2.5-0.5b-instruct-q4_k_m.gguf", "qwen2.5-0.5b-instruct-q8_0.gguf"}
    assert all(f.size is None for f in hit.files)


def test_search_words():
    assert search_words("  Qwen2.5 0.5B\tinstruct ") == ["qwen2.5", "0.5b", "instruct"]


def test_cli_search_json_lines(hub, capsys):
    assert main(["models", "search", "qwen", "--language", "zh", "--limit", "5", "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    objs = [json.loads(line) for line in lines]
    assert [o["repo_id"] for o in objs] == ["Qwen/Qwen2.5-0.5B-GGUF", "Qwen/Qwen2.5-0.5B-Instruct-GGUF"]
    assert objs[1]["downloads"] == 900
    assert {f["filename"] for f in objs[1]["files"]} >= {"qwen2.5-0.5b-instruct-q4_k_m.gguf"}
    assert all(isinstance(f["size"], int) for f in objs[1]["files"])


def test_cli_search_text_and_errors(hub, capsys, monkeypatch):
    assert main(["models", "search", "smollm2"]) == 0
    out = capsys.readouterr().out
    assert "HuggingFaceTB/SmolLM2-135M-Instruct-GGUF" in out and "smollm2-135m-instruct-q8_0.gguf" in out
    assert main(["models", "search", "qwen", "--limit", "0"]) == 2
    assert "--limit must be from 1 to 100" in capsys.readouterr().err
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert main(["models", "search", "qwen"]) == 2
    assert "offline" in capsys.readouterr().err
