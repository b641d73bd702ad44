"""Saved server connections (chatdesk/library/remotes.py): addresses, persistence in
DATA_DIR/endpoints.json, and API keys in the system keyring or, without one, in a 0600 file.

Keyring backends are real ``keyring`` backends installed with ``keyring.set_keyring``: a small
in-memory one (keyring ships none), keyring's own "fail" backend (what a machine without a
keyring service gets), and one whose storage refuses writes (a locked keyring)."""

from __future__ import annotations

import json
import os
import stat
import threading

import pytest
from fault_server import API_KEY, MODEL_ID, FaultServer
from keyring.backends import fail
from keyring_support import LockedKeyring, MemoryKeyring

from chatdesk import paths
from chatdesk.engine.remote import RemoteEngine
from chatdesk.engine.types import ChatMessage, GenerationRequest, RemoteSource
from chatdesk.library.remotes import KEYRING_SERVICE, EndpointError, Remotes


@pytest.fixture(autouse=True)
def _keyring_for_every_test(use_keyring):
    """Every test runs on a throw-away keyring (never the user's)."""
    return use_keyring


@pytest.fixture(scope="module")
def fault():
    server = FaultServer()
    yield server
    server.close()


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ----------------------------------------------------------------------------- the list
def test_endpoints_are_normalised_named_and_persisted(data_dir):
    remotes = Remotes()
    a = remotes.add("localhost:8080")
    b = remotes.add("http://gpu-box:8000/v1/chat/completions", name="  Big GPU  ")
    assert a.base_url == "http://localhost:8080/v1" and a.name == "localhost:8080" and not a.has_key
    assert b.base_url == "http://gpu-box:8000/v1" and b.name == "Big GPU"
    assert remotes.path == paths.endpoints_path() == data_dir / "endpoints.json"
    again = Remotes()
    assert again.endpoints() == [a, b]
    renamed = again.update(a.id, name="Desk", base_url="localhost:9090")
    assert renamed.base_url == "http://localhost:9090/v1" and Remotes().get(a.id).name == "Desk"
    again.remove(b.id)
    assert [e.id for e in Remotes().endpoints()] == [a.id]


def test_bad_address_and_unknown_endpoint_get_sentences():
    remotes = Remotes()
    with pytest.raises(EndpointError, match="http:// or https://"):
        remotes.add("ftp://example.com")
    with pytest.raises(EndpointError, match="no longer exists"):
        remotes.get("nope")
    endpoint = remotes.add("localhost:1")
    with pytest.raises(EndpointError, match="Type the id"):
        remotes.source(endpoint.id, "   ")


def test_unreadable_file_is_set_aside_not_lost(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    broken = paths.endpoints_path()
    broken.write_text("{ this is not json", encoding="utf-8")
    remotes = Remotes()
    assert remotes.endpoints() == []
    assert remotes.warnings and "could not be read" in remotes.warnings[0]
    kept = [p for p in data_dir.iterdir() if p.name.startswith("endpoints.broken-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ this is not json"
    remotes.add("localhost:8080")  # a new list starts; the old file stays aside
    assert kept[0].exists() and len(Remotes().endpoints()) == 1


# ----------------------------------------------------------------------------- keys
def test_key_goes_to_the_keyring_when_there_is_one(use_keyring, data_dir):
    backend = use_keyring(MemoryKeyring())
    remotes = Remotes()
    endpoint = remotes.add("localhost:8080", api_key="sk-secret")
    assert endpoint.key_store == "keyring" and remotes.key_warning(endpoint) is None
    assert backend.passwords == {(KEYRING_SERVICE, f"endpoint-{endpoint.id}"): "sk-secret"}
    assert remotes.api_key(endpoint.id) == "sk-secret"
    assert "sk-secret" not in paths.endpoints_path().read_text(encoding="utf-8")
    assert not remotes.key_file.exists()
    remotes.remove(endpoint.id)
    assert backend.passwords == {}


def test_without_a_keyring_the_key_goes_to_a_private_file(use_keyring, data_dir):
    use_keyring(fail.Keyring())
    remotes = Remotes()
    endpoint = remotes.add("localhost:8080", name="Lab", api_key="sk-secret")
    assert endpoint.key_store == "file"
    warning = remotes.key_warning(endpoint)
    assert warning and "No system keyring" in warning and str(remotes.key_file) in warning and "“Lab”" in warning
    assert remotes.key_file.parent == data_dir
    assert mode(remotes.key_file) == 0o600
    assert json.loads(remotes.key_file.read_text(encoding="utf-8"))["keys"] == {endpoint.id: "sk-secret"}
    assert "sk-secret" not in paths.endpoints_path().read_text(encoding="utf-8")
    assert Remotes().api_key(endpoint.id) == "sk-secret"
    os.chmod(remotes.key_file, 0o644)  # someone loosened it
    assert Remotes().api_key(endpoint.id) == "sk-secret"
    assert mode(remotes.key_file) == 0o600
    _, no_warning = remotes.set_api_key(endpoint.id, None)
    assert no_warning is None and Remotes().api_key(endpoint.id) is None
    assert json.loads(remotes.key_file.read_text(encoding="utf-8"))["keys"] == {}


def test_a_keyring_that_refuses_the_key_falls_back_to_the_file(use_keyring):
    use_keyring(LockedKeyring())
    remotes = Remotes()
    endpoint = remotes.add("localhost:8080")
    updated, warning = remotes.set_api_key(endpoint.id, "sk-secret")
    assert updated.key_store == "file" and "locked collection" in warning
    assert mode(remotes.key_file) == 0o600 and remotes.api_key(endpoint.id) == "sk-secret"


def test_moving_a_key_from_the_file_to_a_keyring(use_keyring):
    use_keyring(fail.Keyring())
    remotes = Remotes()
    endpoint = remotes.add("localhost:8080", api_key="sk-old")
    backend = use_keyring(MemoryKeyring())
    updated, warning = remotes.set_api_key(endpoint.id, "sk-new")
    assert warning is None and updated.key_store == "keyring"
    assert json.loads(remotes.key_file.read_text(encoding="utf-8"))["keys"] == {}  # no copy left behind
    assert backend.passwords[(KEYRING_SERVICE, f"endpoint-{endpoint.id}")] == "sk-new"


def test_engine_gets_the_key_through_the_lookup_only(use_keyring, fault):
    use_keyring(MemoryKeyring())
    remotes = Remotes()
    endpoint = remotes.add(fault.url("auth"), api_key=API_KEY)
    source = remotes.source(endpoint.id, MODEL_ID)
    assert API_KEY not in repr(source)
    engine = RemoteEngine(remotes.api_key)
    info = engine.load(source)
    assert API_KEY not in repr(info)
    result = engine.generate(GenerationRequest(1, (ChatMessage("user", "Hi"),)), threading.Event(), lambda _t: None)
    assert result.error is None and result.text
    assert API_KEY not in repr(result.provenance)


# ----------------------------------------------------------------------------- models
def test_listing_models_of_saved_connections(fault):
    remotes = Remotes()
    listed = remotes.list_models(remotes.add(fault.url("ok")).id)
    assert listed.listed and listed.ids == (MODEL_ID,)
    unlisted = remotes.add(fault.url("nolist"))
    listing = remotes.list_models(unlisted.id)
    assert listing.listed is False  # the window then asks for a model id
    assert remotes.source(unlisted.id, " my-model ") == RemoteSource(fault.url("nolist"), "my-model", unlisted.id)
    with pytest.raises(EndpointError, match="needs an API key"):
        remotes.list_models(remotes.add(fault.url("auth")).id)
