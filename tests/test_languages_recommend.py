"""What a model speaks, what a message is written in, and the recommended models by need."""

from __future__ import annotations

import gguf
import pytest
from gguf_support import gpt2_spec, write

from chatdesk.library import Catalog
from chatdesk.library.languages import detect_language, known_family_languages, language_warning, model_languages
from chatdesk.library.recommend import (
    CANDIDATES,
    MachineFacts,
    best_for_machine,
    bundled_facts,
    estimate_speed,
    kv_cache_bytes,
    machine_facts,
    measure_bundled_speed,
    recommendations,
    recommended_for_language,
)

GB = 1 << 30


@pytest.mark.parametrize(("text", "lang"), [
    ("用一句话解释什么是注意力机制。", "zh"),
    ("请解释一下 Transformer 里的 attention", "zh"),  # a Chinese question with English terms
    ("```python\nprint('hi')\n```\n这段代码做什么？", "zh"),
    ("Name three colors.", "other"),
    ("Bonjour, ça va ?", "other"),
    ("これは日本語の文です。", "ja"),
    ("안녕하세요, 반갑습니다.", "ko"),
    ("12345 !!! ...", ""),
    ("", ""),
    ("The word 猫 means cat.", "other"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_the_bundled_model_speaks_english_only(model_path):
    entry = Catalog.open().get("bundled")
    assert model_languages(entry).codes == ("en",) and model_languages(entry).source == "bundled"
    assert model_languages(path=model_path).codes == ("en",)
    warning = language_warning("用一句话解释什么是注意力机制。", model_languages(entry), entry.name)
    assert warning is not None and "does not speak Chinese" in warning and entry.name in warning
    assert warning.template  # translatable in the window
    assert language_warning("Name three colors.", model_languages(entry), entry.name) is None


def test_languages_from_gguf_metadata_win(tmp_path):
    spec = gpt2_spec()
    spec["keys"]["general.languages"] = (["zh", "en"], gguf.GGUFValueType.ARRAY, gguf.GGUFValueType.STRING)
    spec["keys"]["general.name"] = ("SmolLM2 fine-tuned on Chinese", gguf.GGUFValueType.STRING, None)
    path = write(tmp_path / "mine.gguf", spec)
    langs = model_languages(path=str(path))
    assert langs.codes == ("zh", "en") and langs.source == "gguf"  # beats the name's "SmolLM2"
    assert language_warning("你好", langs, "mine") is None


def test_curated_knowledge_and_unknown_models(tmp_path):
    assert model_languages(repo_id="Qwen/Qwen2.5-0.5B-Instruct-GGUF").codes == ("zh", "en")
    assert model_languages(name="SmolLM2 360M Instruct").codes == ("en",)
    assert known_family_languages("openai-community/gpt2") == ("en",)
    unknown = model_languages(path=str(write(tmp_path / "x.gguf", gpt2_spec())))  # "tiny gpt2": GPT-2 family
    assert unknown.codes == ("en",)
    spec = gpt2_spec()
    spec["keys"]["general.name"] = ("my model", gguf.GGUFValueType.STRING, None)
    mystery = model_languages(path=str(write(tmp_path / "mystery.gguf", spec)))
    assert mystery.codes == () and mystery.source == "unknown"
    assert language_warning("你好世界", mystery, "mystery") is None  # unknown: never warn


def test_memory_needs_and_best_for_this_machine():
    small = MachineFacts(total_ram=2 * GB, available_ram=1 * GB)
    big = MachineFacts(total_ram=64 * GB, available_ram=40 * GB)
    for c in CANDIDATES:
        assert c.memory_bytes > c.size_bytes + kv_cache_bytes(c.n_layer, c.n_kv_heads, c.head_dim) - 1
    assert best_for_machine(big).repo_id == "bartowski/Qwen2.5-7B-Instruct-GGUF"
    assert best_for_machine(small).memory_bytes <= 2 * GB * 0.7
    assert "zh" in best_for_machine(small).languages
    assert best_for_machine(MachineFacts(None, None)).key == "balanced"
    facts = machine_facts()
    assert facts.total_ram is None or facts.total_ram > 0


def test_recommendations_say_what_each_is_for():
    recs = recommendations(MachineFacts(total_ram=64 * GB, available_ram=40 * GB))
    needs = [str(r.model.need) for r in recs]
    assert needs[0] == "Chinese and English, fast" and "Best quality this machine can run" in needs
    assert any(r.model.languages[0] == "en" and len(r.model.languages) == 1 for r in recs)
    for r in recs:
        assert r.model.repo_id and r.model.filename.endswith(".gguf") and r.model.size_bytes > 0
        assert r.speed.basis == "estimated" and r.speed.tokens_per_s > 0 and r.fits
    assert recommended_for_language("zh", MachineFacts(2 * GB, GB)).key == "fast-zh-en"
    facts = bundled_facts()
    assert facts.languages == ("en",) and "135M" in facts.description and "English-only demo" in facts.description


def test_speed_measured_from_the_bundled_model_is_scaled_by_size(model_path):
    from pathlib import Path

    measured = measure_bundled_speed(16, model_path)
    assert measured > 0
    size = Path(model_path).stat().st_size
    est = estimate_speed(size * 4, measured, size)
    assert est.basis == "measured" and est.tokens_per_s == pytest.approx(measured / 4)
    recs = recommendations(MachineFacts(8 * GB, 4 * GB), bundled_tokens_per_s=measured)
    assert all(r.speed.basis == "measured" for r in recs)
    fast = next(r for r in recs if r.model.key == "fast-zh-en")
    slow = next(r for r in recs if r.model.key == "balanced")
    assert fast.speed.tokens_per_s > slow.speed.tokens_per_s


def test_the_warning_is_said_once_per_chat_and_language():
    from chatdesk.library.languages import LanguageNotices, ModelLanguages

    notices = LanguageNotices()
    english = ModelLanguages(("en",), "bundled")
    assert notices.check(1, "你好，今天天气怎么样？", english, "Demo") is not None
    assert notices.check(1, "再说一遍。", english, "Demo") is None  # once per chat
    assert notices.check(2, "你好", english, "Demo") is not None  # another chat
    assert notices.check(1, "Hello", english, "Demo") is None
    notices.forget(1)  # the chat switched models
    assert notices.check(1, "你好", english, "Demo") is not None


def test_chatdesk_ask_says_so_before_the_reply(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    exe = str(Path(sys.executable).parent / "chatdesk")
    r = subprocess.run([exe, "ask", "--data-dir", str(tmp_path / "d"), "--max-tokens", "2", "用一句话解释什么是注意力机制。"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "does not speak Chinese" in r.stderr and "SmolLM2" in r.stderr
    r = subprocess.run([exe, "ask", "--data-dir", str(tmp_path / "d"), "--max-tokens", "2", "Name three colors."],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "does not speak" not in r.stderr
