"""Inputs the converter must refuse: clear message, exit code 2, nothing left behind."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess

import pytest
from convtest_support import ENV, PYTHON, REPO

from converters.cli import main


def _run_cli(capsys, args):
    rc = main(args)
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def _expect_refusal(capsys, out_dir, args, *needles):
    out_dir.mkdir(exist_ok=True)
    before = set(os.listdir(out_dir))
    rc, out, err = _run_cli(capsys, [*args, "-o", str(out_dir / "model.gguf"), "--type", "q8_0"])
    assert rc == 2, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle.lower() in err.lower(), err
    assert set(os.listdir(out_dir)) == before, "a partial output was left behind"
    return err


@pytest.fixture()
def out_dir(tmp_path):
    return tmp_path / "out"


def test_llama_config_is_refused(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "llama"
    d.mkdir()
    (d / "config.json").write_text(json.dumps({"model_type": "llama", "architectures": ["LlamaForCausalLM"]}))
    shutil.copy(sources["hf_safetensors"].src / "model.safetensors", d)
    _expect_refusal(capsys, out_dir, [str(d)], "llama", "LlamaForCausalLM", "only GPT-2")


def test_incomplete_bert_config_is_refused(tmp_path, capsys, out_dir):
    # BERT folders go to the embedding converter (test_converter_embedding.py), which names what is missing
    d = tmp_path / "bert"
    d.mkdir()
    (d / "config.json").write_text(json.dumps({"model_type": "bert", "architectures": ["BertModel"]}))
    _expect_refusal(capsys, out_dir, [str(d)], "bert/config.json", "hidden_size")


def test_random_file_is_refused(tmp_path, capsys, out_dir):
    f = tmp_path / "weights.dat"
    f.write_bytes(os.urandom(4096))
    _expect_refusal(capsys, out_dir, [str(f)], "not a recognised checkpoint")


def test_random_bytes_named_pt_are_refused(tmp_path, capsys, out_dir):
    f = tmp_path / "ckpt.pt"
    f.write_bytes(b"PK" + os.urandom(4096))
    _expect_refusal(capsys, out_dir, [str(f)], "ckpt.pt", "could not be read")


def test_folder_without_anything_known(tmp_path, capsys, out_dir):
    d = tmp_path / "stuff"
    d.mkdir()
    (d / "notes.txt").write_text("hi")
    _expect_refusal(capsys, out_dir, [str(d)], "no config.json", "no ckpt.pt", "notes.txt")


def test_truncated_safetensors(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "trunc"
    shutil.copytree(sources["hf_safetensors"].src, d)
    st = d / "model.safetensors"
    data = st.read_bytes()
    st.write_bytes(data[: len(data) // 2])
    _expect_refusal(capsys, out_dir, [str(d)], "truncated")


def test_missing_weights(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "noweights"
    d.mkdir()
    shutil.copy(sources["hf_safetensors"].src / "config.json", d)
    _expect_refusal(capsys, out_dir, [str(d)], "no weights", "model.safetensors", "config.json")


def test_missing_tokenizer(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "notok"
    d.mkdir()
    for f in ("config.json", "model.safetensors"):
        shutil.copy(sources["hf_safetensors"].src / f, d)
    _expect_refusal(capsys, out_dir, [str(d)], "no tokenizer", "tokenizer.json", "--tokenizer")


def test_shapes_disagreeing_with_config(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "badshape"
    shutil.copytree(sources["hf_safetensors"].src, d)
    cfg = json.loads((d / "config.json").read_text())
    cfg["n_positions"] = 512
    (d / "config.json").write_text(json.dumps(cfg))
    _expect_refusal(capsys, out_dir, [str(d)], "wpe.weight", "[256, 64]", "[512, 64]")


def test_config_claiming_more_layers(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "morelayers"
    shutil.copytree(sources["hf_safetensors"].src, d)
    cfg = json.loads((d / "config.json").read_text())
    cfg["n_layer"] = 3
    (d / "config.json").write_text(json.dumps(cfg))
    _expect_refusal(capsys, out_dir, [str(d)], "missing tensor", "h.2.")


def test_unrepresentable_gpt2_variant(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "variant"
    shutil.copytree(sources["hf_safetensors"].src, d)
    cfg = json.loads((d / "config.json").read_text())
    cfg["scale_attn_by_inverse_layer_idx"] = True
    (d / "config.json").write_text(json.dumps(cfg))
    _expect_refusal(capsys, out_dir, [str(d)], "scale_attn_by_inverse_layer_idx")


def test_nanogpt_bpe_without_tokenizer(capsys, out_dir, sources):
    src = sources["nano_bpe_padded_bias"].src
    _expect_refusal(capsys, out_dir, [str(src)], "no tokenizer was given", "--tokenizer", "tiktoken")


def test_duplicate_token_strings(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "duptok"
    shutil.copytree(sources["hf_safetensors"].src, d)
    tj = json.loads((d / "tokenizer.json").read_text())
    vocab = tj["model"]["vocab"]
    victim = next(t for t, i in vocab.items() if i == 300)
    tj["added_tokens"].append({"id": 301, "content": victim, "single_word": False, "lstrip": False,
                               "rstrip": False, "normalized": False, "special": True})
    del vocab[next(t for t, i in vocab.items() if i == 301)]
    (d / "tokenizer.json").write_text(json.dumps(tj))
    _expect_refusal(capsys, out_dir, [str(d)], "duplicate", "300", "301")


def test_wordpiece_tokenizer_is_refused(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "wp"
    shutil.copytree(sources["hf_safetensors"].src, d)
    (d / "tokenizer.json").write_text(json.dumps({"model": {"type": "WordPiece", "vocab": {"a": 0}}}))
    _expect_refusal(capsys, out_dir, [str(d)], "WordPiece", "byte-level BPE")


class _Evil:
    def __reduce__(self):
        return (os.system, (f"touch {_Evil.marker}",))


def test_meta_pkl_cannot_execute_code(tmp_path, capsys, out_dir, sources):
    d = tmp_path / "evil"
    d.mkdir()
    shutil.copy(sources["nano_char_bias"].src, d / "ckpt.pt")
    _Evil.marker = tmp_path / "pwned"
    (d / "meta.pkl").write_bytes(pickle.dumps({"stoi": {"a": 0}, "itos": {0: "a"}, "x": _Evil()}))
    _expect_refusal(capsys, out_dir, [str(d / "ckpt.pt")], "meta.pkl", "system", "not allowed")
    assert not _Evil.marker.exists()


def test_checkpoint_with_arbitrary_objects_is_not_unpickled(tmp_path, capsys, out_dir):
    import torch

    _Evil.marker = tmp_path / "pwned2"
    f = tmp_path / "ckpt.pt"
    torch.save({"model": {}, "model_args": {}, "payload": _Evil()}, f)
    _expect_refusal(capsys, out_dir, [str(f)], "ckpt.pt", "weights_only")
    assert not _Evil.marker.exists()


def test_bare_state_dict_pt_gets_a_hint(tmp_path, capsys, out_dir, sources):
    import torch

    sd = torch.load(sources["hf_original_bin"].src / "pytorch_model.bin", weights_only=True)
    f = tmp_path / "weights.pt"
    torch.save(sd, f)
    _expect_refusal(capsys, out_dir, [str(f)], "not a nanoGPT checkpoint", "config.json")


def test_context_beyond_positions(capsys, out_dir, sources):
    _expect_refusal(capsys, out_dir, [str(sources["nano_char_bias"].src), "--context", "512"],
                    "512", "256 learned positions")


def test_missing_source_and_output_folder(tmp_path, capsys, sources):
    rc, _, err = _run_cli(capsys, [str(tmp_path / "nope"), "-o", str(tmp_path / "x.gguf")])
    assert rc == 2 and "does not exist" in err
    rc, _, err = _run_cli(capsys, [str(sources["hf_safetensors"].src), "-o", str(tmp_path / "no" / "x.gguf")])
    assert rc == 2 and "does not exist" in err
    rc, _, err = _run_cli(capsys, [str(sources["hf_safetensors"].src), "--type", "q3_xx", "-o", "x.gguf"])
    assert rc == 2 and "invalid choice" in err
    rc, _, err = _run_cli(capsys, [str(sources["hf_safetensors"].src)])
    assert rc == 2 and "-o" in err


def test_existing_output_survives_a_failed_conversion(tmp_path, capsys, sources):
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    out = tmp_path / "model.gguf"
    out.write_bytes(b"previous good file")
    d = tmp_path / "notok"
    d.mkdir()
    for f in ("config.json", "model.safetensors"):
        shutil.copy(sources["hf_safetensors"].src / f, d)
    rc, _, _ = _run_cli(capsys, [str(d), "-o", str(out)])
    assert rc == 2
    assert out.read_bytes() == b"previous good file"
    assert sorted(os.listdir(tmp_path)) == ["model.gguf", "notok"]


def test_subprocess_bad_input_json_error(tmp_path, sources):
    d = tmp_path / "bert"
    d.mkdir()
    (d / "config.json").write_text(json.dumps({"model_type": "bert"}))
    proc = subprocess.run(
        [PYTHON, "-m", "converters.cli", str(d), "-o", str(tmp_path / "m.gguf"), "--progress-json"],
        cwd=REPO, env=ENV, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "bert" in proc.stderr
    lines = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert "bert" in lines[-1]["error"] and lines[-1]["exit_code"] == 2
    assert not (tmp_path / "m.gguf").exists()


def test_gguf_checker_guards_llama_against_duplicate_tokens(tmp_path, converted):
    """A file with duplicate token strings aborts llama.cpp; our checker must refuse it first."""
    import gguf
    import numpy as np

    import ggufcheck

    _, good = converted("hf_safetensors", "f32")
    r = gguf.GGUFReader(str(good))
    bad = tmp_path / "dup.gguf"
    w = gguf.GGUFWriter(str(bad), "gpt2")
    for k, f in r.fields.items():
        if k.startswith("GGUF.") or k == "general.architecture":
            continue
        val = f.contents()
        if k == "tokenizer.ggml.tokens":
            val = list(val)
            val[5] = val[6]
        vt = f.types[0]
        if vt == gguf.GGUFValueType.ARRAY:
            w.add_key_value(k, val, vt, sub_type=f.types[-1])
        else:
            w.add_key_value(k, val, vt)
    for t in r.tensors:
        w.add_tensor(t.name, np.array(t.data), raw_dtype=t.tensor_type)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    with pytest.raises(ggufcheck.GGUFCheckError, match="duplicate tokens") as exc:
        ggufcheck.check(bad)
    assert exc.value.rule == ggufcheck.Rule.DUPLICATE_TOKEN
    # ...and this is why: llama.cpp aborts the process (run it in a child, never in pytest)
    code = f"from llama_cpp import Llama; Llama(model_path={str(bad)!r}, vocab_only=True, verbose=False)"
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
