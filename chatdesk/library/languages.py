"""Which languages a model speaks, and which language a message is written in.

Why: the bundled SmolLM2-135M answers Chinese with English nonsense, and a new user cannot tell a
model that does not speak their language from a broken app. The window asks ``language_warning``
before a message is sent and, once per chat, says that the model does not speak that language,
with the way to one that does. Everything here is offline and cheap (no model is loaded).

Where a model's languages come from, in order:

1. the GGUF's own ``general.languages`` metadata (an array of ISO codes, written by llama.cpp's
   converter from the model card), read through the validator's cached summary;
2. ChatDesk's own knowledge of model families, by Hub repository or name (``KNOWN_FAMILIES``:
   Qwen speaks Chinese and English, SmolLM and GPT-2 English only ...), and the bundled model;
3. otherwise unknown: ``()``, and no warning is ever shown for an unknown model.

The detector only needs to tell Chinese (and Japanese, Korean) from the rest: the share of CJK
characters among a message's letters is enough for that, and it never guesses on a few letters.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translatable import Text, msg

# A family pattern (matched against the repository id, the model's name and its file name, lower
# case) and the languages the family was trained to speak, as ISO 639-1 codes.
KNOWN_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"qwen", ("zh", "en")),
    (r"chatglm|glm-4|\bglm4", ("zh", "en")),
    (r"\byi-|01-ai", ("zh", "en")),
    (r"internlm", ("zh", "en")),
    (r"baichuan", ("zh", "en")),
    (r"deepseek", ("zh", "en")),
    (r"minicpm", ("zh", "en")),
    (r"smollm", ("en",)),
    (r"tinyllama", ("en",)),
    (r"\bphi-?[1-4]", ("en",)),
    (r"gpt-?2|distilgpt2|nanogpt", ("en",)),
)
_FAMILIES = tuple((re.compile(pattern), langs) for pattern, langs in KNOWN_FAMILIES)

# A language's name, for sentences; the window translates the Text.
LANGUAGE_NAMES: dict[str, Text] = {
    "zh": msg("Chinese"),
    "en": msg("English"),
    "ja": msg("Japanese"),
    "ko": msg("Korean"),
}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LETTERS = re.compile(r"[^\W\d_]+")
_CJK = re.compile(_HAN.pattern[:-1] + _KANA.pattern[1:-1] + _HANGUL.pattern[1:])
MIN_LETTERS = 2  # fewer units (CJK characters or words) than this: no verdict
CJK_SHARE = 0.5  # of a message's units, to call it Chinese / Japanese / Korean


def detect_language(text: str) -> str:
    """The language a message is written in, as far as a warning needs: "zh", "ja", "ko", "other"
    (letters, but not mainly CJK), or "" (too little text to say).

    A CJK character counts as one unit and so does a whole word of another script (Chinese writes
    a word in one or two characters, English in several letters), so a Chinese question with an
    English term or a code sample is still Chinese. Japanese is told from Chinese by its kana,
    Korean by Hangul; numbers and punctuation are ignored.
    """
    han = kana = hangul = other = 0
    for run in _LETTERS.findall(text):
        h, k, g = len(_HAN.findall(run)), len(_KANA.findall(run)), len(_HANGUL.findall(run))
        han, kana, hangul = han + h, kana + k, hangul + g
        other += len(_CJK.sub(" ", run).split())
    cjk = han + kana + hangul
    total = cjk + other
    if total < MIN_LETTERS:
        return ""
    if cjk / total < CJK_SHARE:
        return "other"
    if hangul > max(han, kana):
        return "ko"
    if kana and kana / cjk >= 0.1:
        return "ja"
    return "zh"


def is_chinese(text: str) -> bool:
    return detect_language(text) == "zh"


@dataclass(frozen=True)
class ModelLanguages:
    """What a model speaks: ISO codes (empty: unknown) and where that knowledge came from
    ("gguf", "knowledge", "bundled", "unknown")."""

    codes: tuple[str, ...]
    source: str

    @property
    def known(self) -> bool:
        return bool(self.codes)

    def speaks(self, language: str) -> bool | None:
        """True / False, or None when this is unknown (then nothing should be said)."""
        if not self.codes or language in ("", "other"):
            return None
        return language in self.codes


def _codes(value: Any) -> tuple[str, ...]:
    """``general.languages`` as written by converters: a list of codes ("en", "zh", "zh-Hans")."""
    if isinstance(value, str):
        value = re.split(r"[,\s]+", value)
    if not isinstance(value, Iterable):
        return ()
    out: list[str] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            code = item.strip().lower().replace("_", "-").split("-")[0]
            code = {"chinese": "zh", "english": "en", "zho": "zh", "eng": "en", "cmn": "zh"}.get(code, code)
            if re.fullmatch(r"[a-z]{2,3}", code) and code not in out:
                out.append(code)
    return tuple(out)


def known_family_languages(*names: str | None) -> tuple[str, ...]:
    """ChatDesk's own knowledge: the languages of a model family named in any of ``names``."""
    text = " ".join(n.lower() for n in names if n)
    for pattern, langs in _FAMILIES:
        if pattern.search(text):
            return langs
    return ()


def model_languages(
    entry: Any = None,
    *,
    metadata: Mapping[str, Any] | None = None,
    path: str | os.PathLike[str] | None = None,
    repo_id: str | None = None,
    name: str | None = None,
) -> ModelLanguages:
    """Which languages a model speaks, from a library ``ModelEntry``, a loaded model's
    ``ModelInfo.metadata``, a GGUF path, or a Hub repository id / name (any of them).

    The GGUF's ``general.languages`` wins; then the bundled model (English only); then
    ``KNOWN_FAMILIES``; else unknown. Reading a path uses the validator's cache (no weights).
    """
    if entry is not None:
        path = path or getattr(entry, "path", None)
        repo_id = repo_id or getattr(entry, "repo_id", None) or getattr(entry, "remote_model", None)
        name = name or getattr(entry, "name", None)
        if getattr(entry, "source", None) == "bundled":
            return ModelLanguages(("en",), "bundled")
    if metadata is None and path and os.path.isfile(path):
        metadata = _metadata_of(Path(path))
    if metadata:
        codes = _codes(metadata.get("general.languages"))
        if codes:
            return ModelLanguages(codes, "gguf")
    if path and _is_bundled(path):
        return ModelLanguages(("en",), "bundled")
    file_name = os.path.basename(os.fspath(path)) if path else None
    meta_name = str(metadata.get("general.name") or "") if metadata else None
    codes = known_family_languages(repo_id, name, file_name, meta_name,
                                   str(metadata.get("general.basename") or "") if metadata else None)
    return ModelLanguages(codes, "knowledge") if codes else ModelLanguages((), "unknown")


def _metadata_of(path: Path) -> dict[str, Any] | None:
    from chatdesk import paths
    from chatdesk.engine import EngineError, check_gguf

    try:
        return dict(check_gguf(path, paths.model_checks_path()).metadata or {})
    except (EngineError, OSError):
        return None


def _is_bundled(path: str | os.PathLike[str]) -> bool:
    from chatdesk.engine import EngineError, default_model_path

    try:
        return os.path.samefile(default_model_path(), path)
    except (EngineError, OSError):
        return False


def language_name(code: str) -> Text:
    return LANGUAGE_NAMES.get(code) or msg("the language \u201c{code}\u201d", code=code)


def language_warning(text: str, languages: ModelLanguages, model_name: str) -> Text | None:
    """The sentence to show once when ``text`` is in a language the model does not speak
    (None: it does, or one of the two is unknown). The window adds the button to a model that
    does (``recommend.recommended_for_language``)."""
    lang = detect_language(text)
    if languages.speaks(lang) is not False:
        return None
    speaks = languages.codes
    spoken = language_name(speaks[0])
    for code in speaks[1:]:
        spoken = msg("{spoken}, {language}", spoken=spoken, language=language_name(code))
    return msg("{model} does not speak {language} (it knows {spoken}), so its reply will likely be nonsense. "
               "Choose a model that speaks {language}.", model=model_name, language=language_name(lang), spoken=spoken)


class LanguageNotices:
    """Says ``language_warning`` once per conversation and language, as the window promises
    ("once, before the user reads nonsense"). Thread-safe; holds no Qt objects."""

    def __init__(self) -> None:
        import threading

        self._said: set[tuple[object, str]] = set()
        self._lock = threading.Lock()

    def check(self, conversation: object, text: str, languages: ModelLanguages, model_name: str) -> Text | None:
        """The warning for this message, unless this conversation was already warned about its language."""
        warning = language_warning(text, languages, model_name)
        if warning is None:
            return None
        key = (conversation, detect_language(text))
        with self._lock:
            if key in self._said:
                return None
            self._said.add(key)
        return warning

    def forget(self, conversation: object) -> None:
        """A new model for the conversation: warn again if it does not speak the language either."""
        with self._lock:
            self._said = {k for k in self._said if k[0] != conversation}
