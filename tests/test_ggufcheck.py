"""ggufcheck: every rule refuses a real GGUF crafted to break it; real models pass.

Files are written with ``gguf.GGUFWriter`` (tests/gguf_support.py) and, where GGUFWriter cannot
produce the defect (duplicate keys, unknown tensor types, old versions), patched byte by byte.
Where a rule mirrors a hard llama.cpp failure, a child process shows llama.cpp failing on the
same file: the checks are what keeps the app alive, not a matter of taste.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import gguf
import numpy as np
import pytest
from gguf import GGUFValueType as VT
from gguf_support import (
    assert_layout_matches_reader,
    gpt2_spec,
    llama_spec,
    patch,
    tensor_type_offset,
    write,
)

import ggufcheck
from ggufcheck import GGUFCheckError, Rule

REPO = Path(__file__).resolve().parents[1]


def refused(path: Path, rule: Rule, *words: str) -> str:
    with pytest.raises(GGUFCheckError) as exc:
        ggufcheck.check(path)
    message = str(exc.value)
    assert exc.value.rule == rule, message
    assert path.name in message, message
    for word in words:
        assert word in message, message
    return message


@pytest.fixture
def gpt2(tmp_path):
    return write(tmp_path / "ok.gguf", gpt2_spec())


# ----------------------------------------------------------------------------- files that pass

def test_crafted_gpt2_passes_with_its_facts(gpt2):
    info = ggufcheck.check(gpt2)
    spec = gpt2_spec()
    assert (info.architecture, info.name, info.context_length, info.n_vocab) == ("gpt2", "tiny gpt2", 64, 10)
    assert info.n_params == sum(a.size for a in spec["tensors"].values())
    assert info.n_tensors == len(spec["tensors"])
    assert (info.file_type, info.file_type_name, info.tokenizer_model) == (0, "ALL_F32", "gpt2")
    assert info.bos_token_id == info.eos_token_id == 9 and info.chat_template is None
    assert info.tensor_shapes["blk.0.ffn_up.weight"] == (32, 8)  # numpy order, as written
    assert info.type_histogram() == {"F32": len(spec["tensors"])}
    assert info.metadata["gpt2.attention.head_count"] == 2
    assert "tokenizer.ggml.tokens" not in info.metadata and "tokenizer.ggml.merges" not in info.metadata
    assert info.path == str(gpt2.resolve()) and info.size_bytes == gpt2.stat().st_size
    json.dumps(info.metadata)  # plain values: callers cache them as JSON


def test_other_architectures_pass_the_general_rules(tmp_path):
    info = ggufcheck.check(write(tmp_path / "llama.gguf", llama_spec()))
    assert info.architecture == "llama" and info.n_vocab == 10 and info.context_length == 64
    assert info.name == "llama" and info.file_type_name == "unknown"  # no general.name / file_type


def test_bundled_model_passes(model_path):
    info = ggufcheck.check(model_path)
    reader = gguf.GGUFReader(model_path)
    assert info.architecture == "llama" and info.tokenizer_model == "gpt2"
    assert info.n_vocab == len(reader.fields["tokenizer.ggml.tokens"].data) == 49152
    assert info.context_length == reader.fields["llama.context_length"].contents()
    assert info.chat_template == reader.fields["tokenizer.chat_template"].contents()
    assert info.file_type_name == "Q4_1"
    assert info.n_params == sum(int(t.n_elements) for t in reader.tensors)
    assert (info.bos_token_id, info.eos_token_id) == (1, 2)


@pytest.fixture(scope="module")
def converted_gpt2(tmp_path_factory):
    """A tiny Hugging Face GPT-2 with a trained byte-level BPE, converted to q8_0 by converters."""
    import tokenizers
    import torch
    import transformers
    from tokenizers import decoders, models, pre_tokenizers, trainers

    from converters import convert

    folder = tmp_path_factory.mktemp("hf-gpt2")
    tok = tokenizers.Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=300, special_tokens=["<|endoftext|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    corpus = (REPO / "tests" / "converters" / "data" / "corpus.txt").read_text("utf-8")
    tok.train_from_iterator(corpus.splitlines(keepends=True), trainer=trainer)
    cfg = transformers.GPT2Config(n_layer=1, n_head=2, n_embd=32, n_positions=128, vocab_size=tok.get_vocab_size())
    torch.manual_seed(0)
    transformers.GPT2LMHeadModel(cfg).save_pretrained(folder)
    tok.save(str(folder / "tokenizer.json"))
    out = folder / "tiny.gguf"
    convert(folder, out, "q8_0")
    return out, tok.get_vocab_size()


def test_converted_tiny_gpt2_passes(converted_gpt2):
    path, n_vocab = converted_gpt2
    info = ggufcheck.check(path)
    assert (info.architecture, info.n_vocab, info.context_length) == ("gpt2", n_vocab, 128)
    assert info.file_type == 7 and info.file_type_name == "Q8_0"
    assert info.tensor_shapes["position_embd.weight"] == (128, 32)
    assert info.eos_token_id is not None and info.eos_token_id < n_vocab
    assert_layout_matches_reader(path)


def test_layout_reads_the_bundled_model_like_gguf_reader(model_path):
    assert_layout_matches_reader(Path(model_path))


def test_layout_reads_every_value_type_like_gguf_reader(tmp_path):
    spec = gpt2_spec(tokens=["Ċ", "Ġ", "a", "", "b", "", "中文", "😀", "ab", "<|endoftext|>"])
    spec["keys"].update({
        "test.u8": (200, VT.UINT8, None), "test.i8": (-5, VT.INT8, None), "test.u16": (65000, VT.UINT16, None),
        "test.i16": (-300, VT.INT16, None), "test.i32": (-70000, VT.INT32, None), "test.bool": (True, VT.BOOL, None),
        "test.u64": (2**40, VT.UINT64, None), "test.i64": (-(2**40), VT.INT64, None), "test.f64": (0.1, VT.FLOAT64, None),
        "test.f32": (0.1, VT.FLOAT32, None), "test.str": ("naïve ☃", VT.STRING, None),
        "test.bools": ([True, False, True], VT.ARRAY, VT.BOOL), "test.f64s": ([0.5, -1.25], VT.ARRAY, VT.FLOAT64),
        "test.u16s": ([1, 2, 65535], VT.ARRAY, VT.UINT16),
    })
    spec["tensors"]["blk.0.ffn_up.weight"] = spec["tensors"]["blk.0.ffn_up.weight"].astype(np.float16)
    path = write(tmp_path / "types.gguf", spec)
    assert_layout_matches_reader(path)
    info = ggufcheck.check(path)
    assert info.metadata["test.bools"] == [True, False, True] and info.metadata["test.str"] == "naïve ☃"
    assert info.tensor_types["blk.0.ffn_up.weight"] == "F16"


def test_every_fixed_size_value_type_has_a_format():
    from ggufcheck.layout import SCALAR_FORMATS

    assert set(SCALAR_FORMATS) == set(VT) - {VT.STRING, VT.ARRAY}


# ----------------------------------------------------------------------------- file-level rules

def test_missing_file_and_folder(tmp_path):
    refused_path = tmp_path / "nope.gguf"
    with pytest.raises(GGUFCheckError, match="does not exist") as exc:
        ggufcheck.check(refused_path)
    assert exc.value.rule == Rule.FILE
    with pytest.raises(GGUFCheckError, match="is a folder") as exc:
        ggufcheck.check(tmp_path)
    assert exc.value.rule == Rule.FILE


@pytest.mark.parametrize("content", [b"\x00" * 4096, b"PK\x03\x04 this is a zip", b"GGML" + b"\x00" * 100])
def test_signature(tmp_path, content):
    (tmp_path / "bad.gguf").write_bytes(content)
    refused(tmp_path / "bad.gguf", Rule.SIGNATURE, "not a GGUF model file")


@pytest.mark.parametrize("content", [b"", b"GG", b"GGUF\x03\x00\x00\x00\x01"])
def test_too_short(tmp_path, content):
    (tmp_path / "short.gguf").write_bytes(content)
    refused(tmp_path / "short.gguf", Rule.TRUNCATED, "empty or truncated")


@pytest.mark.parametrize("version, words", [(b"\x01\x00\x00\x00", ("version 1", "versions 2 and 3")),
                                            (b"\x00\x00\x00\x03", ("big-endian", "gguf-convert-endian"))])
def test_version(gpt2, version, words):
    data = bytearray(gpt2.read_bytes())
    data[4:8] = version
    gpt2.write_bytes(bytes(data))
    refused(gpt2, Rule.VERSION, *words)


def test_damaged_header(gpt2):
    data = gpt2.read_bytes()
    cut = data.index(b"tokenizer.ggml.merges")  # inside the key/value section
    gpt2.write_bytes(data[:cut])
    refused(gpt2, Rule.HEADER, "damaged or truncated")
    gpt2.write_bytes(b"GGUF\x03\x00\x00\x00" + b"\xff" * 64)  # absurd counts
    refused(gpt2, Rule.HEADER, "damaged or truncated")


def test_duplicate_key(gpt2):
    patch(gpt2, b"tokenizer.ggml.bos_token_id", b"tokenizer.ggml.eos_token_id")
    refused(gpt2, Rule.HEADER, "tokenizer.ggml.eos_token_id appears twice")


def test_duplicate_tensor_name(gpt2):
    patch(gpt2, b"blk.0.ffn_norm.bias", b"blk.0.ffn_up.weight")
    refused(gpt2, Rule.HEADER, "'blk.0.ffn_up.weight' appears twice")


def test_tensor_data_past_the_end(gpt2):
    gpt2.write_bytes(gpt2.read_bytes()[:-100])
    refused(gpt2, Rule.TRUNCATED, "is truncated: tensor", "Download or convert it again")


def test_truncated_real_model(tmp_path, model_path):
    data = Path(model_path).read_bytes()
    cut = tmp_path / "half.gguf"
    cut.write_bytes(data[: len(data) // 2])
    refused(cut, Rule.TRUNCATED, "is truncated")


def test_unknown_tensor_type(gpt2):
    at = tensor_type_offset(gpt2, "output_norm.bias")
    data = bytearray(gpt2.read_bytes())
    data[at:at + 4] = (250).to_bytes(4, "little")
    gpt2.write_bytes(bytes(data))
    refused(gpt2, Rule.TENSOR_TYPE, "'output_norm.bias'", "tensor type 250")


# ----------------------------------------------------------------------------- metadata rules

def test_missing_architecture(tmp_path):
    spec = gpt2_spec()
    spec["arch"] = ""  # GGUFWriter then writes no general.architecture
    refused(write(tmp_path / "noarch.gguf", spec), Rule.REQUIRED_KEY, "general.architecture")


@pytest.mark.parametrize("make, key", [(gpt2_spec, "gpt2.embedding_length"), (llama_spec, "llama.block_count")])
def test_required_keys_of_every_architecture(tmp_path, make, key):
    spec = make()
    del spec["keys"][key]
    refused(write(tmp_path / "m.gguf", spec), Rule.REQUIRED_KEY, key, "llama.cpp requires")


@pytest.mark.parametrize("key", ["gpt2.attention.layer_norm_epsilon", "gpt2.feed_forward_length",
                                 "gpt2.attention.head_count", "tokenizer.ggml.pre", "tokenizer.ggml.eos_token_id"])
def test_required_keys_of_gpt2(tmp_path, key):
    spec = gpt2_spec()
    del spec["keys"][key]
    refused(write(tmp_path / "m.gguf", spec), Rule.REQUIRED_KEY, key, "GPT-2")


@pytest.mark.parametrize("make, key, value, words", [
    (gpt2_spec, "gpt2.context_length", (64, VT.UINT64, None), ("UINT64", "UINT32")),
    (llama_spec, "llama.attention.head_count", ([2.0], VT.ARRAY, VT.FLOAT32), ("an array of FLOAT32",)),
    (llama_spec, "tokenizer.ggml.tokens", (list(range(10)), VT.ARRAY, VT.INT32), ("an array of STRING",)),
    (gpt2_spec, "tokenizer.ggml.add_bos_token", (0, VT.UINT8, None), ("BOOL",)),
    (gpt2_spec, "tokenizer.ggml.scores", ([0] * 10, VT.ARRAY, VT.INT32), ("an array of FLOAT32",)),
])
def test_key_types(tmp_path, make, key, value, words):
    spec = make()
    spec["keys"][key] = value
    refused(write(tmp_path / "m.gguf", spec), Rule.KEY_TYPE, key, *words)


def test_per_layer_arrays_are_accepted_where_llama_cpp_accepts_them(tmp_path):
    spec = llama_spec()
    spec["keys"]["llama.attention.head_count"] = ([2], VT.ARRAY, VT.INT32)
    assert ggufcheck.check(write(tmp_path / "m.gguf", spec)).architecture == "llama"


@pytest.mark.parametrize("key, words", [("tokenizer.ggml.model", ("has no tokenizer",)),
                                        ("tokenizer.ggml.tokens", ("has no vocabulary",))])
def test_tokenizer_present(tmp_path, key, words):
    spec = llama_spec()
    del spec["keys"][key]
    refused(write(tmp_path / "m.gguf", spec), Rule.TOKENIZER, key, *words)


def test_context_length_present_and_positive(tmp_path):
    spec = llama_spec()
    del spec["keys"]["llama.context_length"]
    refused(write(tmp_path / "a.gguf", spec), Rule.CONTEXT_LENGTH, "llama.context_length")
    spec["keys"]["llama.context_length"] = (0, VT.UINT32, None)
    refused(write(tmp_path / "b.gguf", spec), Rule.CONTEXT_LENGTH, "is 0")


# ----------------------------------------------------------------------------- vocabulary rules

def test_duplicate_tokens(tmp_path):
    path = write(tmp_path / "dup.gguf", gpt2_spec(tokens=["Ċ", "Ġ", "a", "b", "c", "a", "e", "ab", "cd", "<|endoftext|>"]))
    refused(path, Rule.DUPLICATE_TOKEN, "duplicate tokens", "'a' is both token 2 and token 5", "abort")


def test_empty_tokens_are_told_apart_like_llama_cpp_does(tmp_path):
    # llama.cpp renames every empty token to [EMPTY_<id>]: two empty tokens are fine...
    ok = gpt2_spec(tokens=["Ċ", "", "a", "b", "", "d", "e", "ab", "cd", "<|endoftext|>"])
    assert ggufcheck.check(write(tmp_path / "ok.gguf", ok)).n_vocab == 10
    # ...but an empty token collides with a literal token of that name.
    bad = gpt2_spec(tokens=["Ċ", "", "[EMPTY_1]", "b", "c", "d", "e", "ab", "cd", "<|endoftext|>"])
    refused(write(tmp_path / "bad.gguf", bad), Rule.DUPLICATE_TOKEN, "'[EMPTY_1]' is both token 1 and token 2")


def test_duplicate_tokens_compare_raw_bytes(tmp_path):
    tokens: list = ["Ċ", "Ġ", b"\xff\xfe", "b", "c", b"\xff\xfe", "e", "ab", "cd", "<|endoftext|>"]
    refused(write(tmp_path / "raw.gguf", gpt2_spec(tokens=tokens)), Rule.DUPLICATE_TOKEN, "token 2 and token 5")


@pytest.mark.parametrize("key, value", [("tokenizer.ggml.token_type", ([1] * 9, VT.ARRAY, VT.INT32)),
                                        ("tokenizer.ggml.scores", ([0.0] * 9, VT.ARRAY, VT.FLOAT32))])
def test_per_token_arrays_cover_every_token(tmp_path, key, value):
    spec = gpt2_spec()
    spec["keys"][key] = value
    refused(write(tmp_path / "m.gguf", spec), Rule.TOKEN_ARRAYS, key, "9 entries", "10 tokens")


def test_token_embedding_present(tmp_path):
    spec = llama_spec()
    spec["tensors"] = {"tok_embeddings.weight": spec["tensors"]["token_embd.weight"]}
    refused(write(tmp_path / "m.gguf", spec), Rule.TOKEN_EMBEDDING, "token_embd.weight")


def test_token_count_matches_embedding_rows(tmp_path):
    spec = gpt2_spec(tokens=[*gpt2_spec()["keys"]["tokenizer.ggml.tokens"][0], "zz"])
    spec["tensors"]["token_embd.weight"] = gpt2_spec()["tensors"]["token_embd.weight"]
    refused(write(tmp_path / "a.gguf", spec), Rule.VOCAB_SIZE, "11 tokens", "10 rows")
    spec = llama_spec()
    spec["keys"]["llama.vocab_size"] = (12, VT.UINT32, None)
    refused(write(tmp_path / "b.gguf", spec), Rule.VOCAB_SIZE, "llama.vocab_size says 12")


@pytest.mark.parametrize("make", [gpt2_spec, llama_spec])
def test_bpe_needs_merges(tmp_path, make):
    spec = make()
    del spec["keys"]["tokenizer.ggml.merges"]
    refused(write(tmp_path / "m.gguf", spec), Rule.MERGES, "without merges")


def test_special_tokens_inside_the_vocabulary(tmp_path):
    spec = gpt2_spec()
    spec["keys"]["tokenizer.ggml.eos_token_id"] = (10, VT.UINT32, None)
    refused(write(tmp_path / "m.gguf", spec), Rule.SPECIAL_TOKEN, "tokenizer.ggml.eos_token_id", "10-token vocabulary")


# ----------------------------------------------------------------------------- gpt2 rules

@pytest.mark.parametrize("edit, words", [
    (lambda t: t.update({"blk.0.attn.bias": np.zeros((8,), np.float32)}), ("does not use", "blk.0.attn.bias")),
    (lambda t: t.pop("blk.0.ffn_up.bias"), ("missing", "blk.0.ffn_up.bias")),
    (lambda t: t.update({"blk.0.ffn_up.weight": np.zeros((16, 8), np.float32)}), ("[16, 8]", "[32, 8]")),
    (lambda t: t.update({"output.weight": np.zeros((9, 8), np.float32)}), ("output.weight", "[9, 8]", "[10, 8]")),
])
def test_gpt2_tensor_set_and_shapes(tmp_path, edit, words):
    spec = gpt2_spec()
    edit(spec["tensors"])
    refused(write(tmp_path / "m.gguf", spec), Rule.GPT2_TENSORS, *words)


def test_gpt2_untied_head_is_allowed(tmp_path):
    spec = gpt2_spec()
    spec["tensors"]["output.weight"] = np.zeros((10, 8), np.float32)
    assert "output.weight" in ggufcheck.check(write(tmp_path / "m.gguf", spec)).tensor_types


@pytest.mark.parametrize("key, value, words", [
    ("gpt2.attention.head_count", (3, VT.UINT32, None), ("3 attention heads", "width of 8")),
    ("gpt2.attention.head_count", ([2], VT.ARRAY, VT.UINT32), ("per layer",)),
    ("tokenizer.ggml.model", ("llama", VT.STRING, None), ("'llama' tokenizer",)),
])
def test_gpt2_metadata(tmp_path, key, value, words):
    spec = gpt2_spec()
    spec["keys"][key] = value
    refused(write(tmp_path / "m.gguf", spec), Rule.GPT2_METADATA, *words)


# ----------------------------------------------------------------------------- llama.cpp agrees

def _llama_cpp_outcome(path: Path) -> tuple[int, str]:
    """Load ``path`` with llama.cpp in a child process: (exit code, last lines of output)."""
    code = ("import sys\nfrom llama_cpp import Llama\n"
            "try:\n    Llama(model_path=sys.argv[1], n_ctx=64, verbose=False)\n"
            "except ValueError as exc:\n    print('refused:', exc); sys.exit(1)\nprint('loaded')")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    return proc.returncode, (proc.stdout + proc.stderr)[-400:]


def test_duplicate_tokens_are_refused_before_llama_cpp_can_abort(tmp_path):
    path = write(tmp_path / "dup.gguf", gpt2_spec(tokens=["Ċ", "Ġ", "a", "b", "c", "d", "e", "ab", "a", "<|endoftext|>"]))
    refused(path, Rule.DUPLICATE_TOKEN, "duplicate tokens")
    # Why: llama.cpp kills the whole process (SIGABRT, no exception) on this file.
    rc, out = _llama_cpp_outcome(path)
    assert rc < 0 or rc > 1, (rc, out)


def test_llama_cpp_refuses_what_the_hard_rules_refuse(tmp_path):
    """Each file breaks one rule that mirrors a llama.cpp load error; the valid twin loads."""
    files = {"valid": gpt2_spec(), "two-empty-tokens": gpt2_spec(tokens=["Ċ", "", "a", "b", "", "d", "e", "ab", "cd", "<|endoftext|>"])}
    files["u64-context"] = gpt2_spec()
    files["u64-context"]["keys"]["gpt2.context_length"] = (64, VT.UINT64, None)
    files["no-merges"] = gpt2_spec()
    del files["no-merges"]["keys"]["tokenizer.ggml.merges"]
    files["extra-tensor"] = gpt2_spec()
    files["extra-tensor"]["tensors"]["blk.0.attn.bias"] = np.zeros((8,), np.float32)
    files["missing-bias"] = gpt2_spec()
    del files["missing-bias"]["tensors"]["blk.0.attn_qkv.bias"]
    files["vocab-rows"] = gpt2_spec()
    files["vocab-rows"]["tensors"]["token_embd.weight"] = np.zeros((11, 8), np.float32)
    outcomes = {}
    for name, spec in files.items():
        path = write(tmp_path / f"{name}.gguf", spec)
        ok = True
        try:
            ggufcheck.check(path)
        except GGUFCheckError:
            ok = False
        rc, out = _llama_cpp_outcome(path)
        outcomes[name] = (ok, rc, out)
    for name, (ok, rc, out) in outcomes.items():
        expect_ok = name in ("valid", "two-empty-tokens")
        assert ok is expect_ok, name
        assert (rc == 0) is expect_ok and "Traceback" not in out, (name, rc, out)


# ----------------------------------------------------------------------------- the app and the pin

def test_engine_adapter_caches_verdicts_and_rechecks_changed_files(tmp_path):
    from chatdesk.engine.errors import ModelFileError
    from chatdesk.engine.gguf_check import CHECK_VERSION, check_gguf

    assert CHECK_VERSION == ggufcheck.RULES_VERSION  # cached verdicts follow the rules
    cache = tmp_path / "model-checks.json"
    path = write(tmp_path / "m.gguf", gpt2_spec())
    summary = check_gguf(path, cache)
    info = ggufcheck.check(path)
    assert (summary.name, summary.n_vocab, summary.n_tensors, summary.file_type) == (info.name, 10, info.n_tensors, "ALL_F32")
    assert len(json.loads(cache.read_text("utf-8"))) == 1
    # The same path with new content (size and mtime change): checked again, and refused.
    write(path, gpt2_spec(tokens=["Ċ", "Ġ", "a", "a", "c", "d", "e", "ab", "cd", "<|endoftext|>", "x"]))
    with pytest.raises(ModelFileError, match="duplicate tokens"):
        check_gguf(path, cache)
    with pytest.raises(ModelFileError, match="File → Import checkpoint"):  # the app's own hint
        (tmp_path / "zip.gguf").write_bytes(b"PK\x03\x04" + b"\x00" * 60)
        check_gguf(tmp_path / "zip.gguf", cache)


def test_installed_gguf_is_a_tested_version():
    from ggufcheck.compat import installed_gguf_version, is_tested

    version = installed_gguf_version()
    assert version is not None and is_tested(version), version
    assert not is_tested("0.20.0") and not is_tested("0.16.9") and is_tested("0.17.0")
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    assert re.search(r'"gguf>=0\.17,<0\.20"', pyproject) and ggufcheck.TESTED_GGUF_SPEC == "gguf>=0.17,<0.20"
