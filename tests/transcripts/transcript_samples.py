"""Realistic conversations shared by the transcript tests (see conftest.py).

A uniquely named module rather than conftest, so tests can import the
constants without clashing with other test folders' conftest modules.

``build_tree_conversation`` has everything the formats must cope with: a system
message, a regenerated (and stopped) reply, an edited user message, code
fences (including a reply that itself shows a fenced block, and one left
open), Chinese, emoji, Arabic and Hebrew, HTML/script payloads, links with
safe and unsafe schemes, and provenance dicts.
"""

from __future__ import annotations

from chatdesk.transcripts import TranscriptConversation, TranscriptMessage

T0 = 1_714_560_000.123456  # 2024-05-01 10:40 UTC, with sub-millisecond digits on purpose

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
CHINESE = "你好，世界！这是一个测试。"
EMOJI = "🚀👩‍💻🎉"
ARABIC = "مرحبا بالعالم"
HEBREW = "שלום עולם"

PYTHON_CODE = 'def greet(name: str) -> str:\n    return f"<b>{name}</b> & co"'

PROV = {
    "model": "Qwen2.5-7B-Instruct",
    "gguf_sha256": "ab" * 32,
    "quantization": "Q4_K_M",
    "chat_template": "chatml",
    "system_prompt": "You are helpful.",
    "sampler": {"temperature": 0.7, "top_p": 0.9, "seed": 1234, "repeat_penalty": 1.1},
    "n_ctx": 8192,
    "gpu_layers": 33,
    "prompt_tokens": 41,
    "reply_tokens": 128,
    "ttft_ms": 183.25,
    "tokens_per_s": 42.123456789,
    "stop_reason": "eos",
    "stops": ["<|im_end|>"],
}

REGENERATED_REPLY = f"""Here is a function:

```python
{PYTHON_CODE}
```

It never runs `{SCRIPT}` - that is just text.
"""

FINAL_REPLY = f"""# Answer

{CHINESE} {EMOJI}

{ARABIC} / {HEBREW}

- **bold** and *italic*
- a [safe link](https://example.com/docs?a=1&b=2) and a [bad link](javascript:alert(1))
- an image ![tracker](https://evil.example/pixel.png)

> quoted {IMG}

To show a fence, I wrap it in four backticks:

````markdown
```js
console.log("{SCRIPT}")
```
````

Raw html: {SCRIPT} {IMG}
"""


def msg(uid, parent, role, content, offset, status="done", provenance=None, error=None):
    return TranscriptMessage(uid=uid, parent_uid=parent, role=role, content=content, status=status,
                             created_at=T0 + offset, provenance=provenance, error=error)


def build_tree_conversation() -> TranscriptConversation:
    messages = (
        msg("s1", None, "system", "You are helpful.", 0),
        msg("u1", "s1", "user", "Write a greeting function in Python.", 1),
        msg("a1", "u1", "assistant", "Sure:\n\n```python\ndef greet(", 2, status="stopped",
            provenance={**PROV, "stop_reason": "user"}),
        msg("a1b", "u1", "assistant", REGENERATED_REPLY, 3, provenance=PROV),
        msg("u2", "a1b", "user", f"Thanks! {IMG}", 4),
        msg("u2e", "a1b", "user", f"Thanks! Now say hi in Chinese {EMOJI}, Arabic and Hebrew. {SCRIPT}", 5),
        msg("a3", "u2e", "assistant", FINAL_REPLY, 6, provenance={**PROV, "seed": None, "tokens_per_s": 38.5}),
    )
    return TranscriptConversation(
        uid="c0ffee" * 5 + "00", title=f"Greetings {CHINESE[:2]} {EMOJI} {SCRIPT}", created_at=T0,
        updated_at=T0 + 6.000001, messages=messages, active_leaf_uid="a3",
        model="Qwen2.5-7B-Instruct", system_prompt="You are helpful.", pinned=True)


def build_simple_conversation() -> TranscriptConversation:
    messages = (
        msg("m1", None, "user", f"{HEBREW}? " + "word " * 60 + "\n\n" + CHINESE * 8, 100),
        msg("m2", "m1", "assistant", "Partial answer\n\n```\nunclosed code", 101, status="error",
            error="llama_decode returned -3: out of memory"),
    )
    return TranscriptConversation(uid="feed" * 8, title="Second chat", created_at=T0 + 100,
                                  updated_at=T0 + 101, messages=messages, active_leaf_uid=None)
