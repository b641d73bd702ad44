"""Presets: what a GPT model is used for (chat, translate, summarize, write, explain), as a system
prompt plus sampler values, in English and Simplified Chinese.

A preset is a starting point, not a mode: applying one copies its system prompt (in the chosen
language, with ``{target_language}`` filled in) and its sampler values into a conversation's
``ChatSettings``, which the chat then owns and the user may change. The chat remembers which
preset it came from (``preset_id``), and so does each reply's provenance.

Built-in presets live here, in code, so they can improve with the app and can never be deleted;
the user's own presets live in the database (``chatdesk.store.presets``) as the same JSON object
this module exports and imports (docs/preset-format.md). Everything here is Qt-free.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.engine.types import SamplingSettings
from chatdesk.store import StoreError
from translatable import msg, text_of

if TYPE_CHECKING:
    from chatdesk.store import Store
    from chatdesk.store.presets import PresetRecord

FORMAT_NAME = "chatdesk-presets"
FORMAT_VERSION = 1
PLACEHOLDER = "{target_language}"
BUILTIN_PREFIX = "builtin:"
USER_PREFIX = "user:"
ANY_LANGUAGE = "*"  # a text given as a plain string: the same in every language
PROMPT_LANGUAGES = ("en", "zh_CN")  # the languages built-in texts are written in
MAX_NAME_CHARS = 80
MAX_PROMPT_CHARS = 20_000
MAX_FILE_BYTES = 2_000_000

# Sampler values a preset may set (the seed belongs to a chat, not to a use of the model), with
# the ranges the Preferences dialog and the side panel accept.
SAMPLER_RANGES: dict[str, tuple[type, float, float]] = {
    "temperature": (float, 0.0, 2.0),
    "top_p": (float, 0.0, 1.0),
    "top_k": (int, 0, 1000),
    "min_p": (float, 0.0, 1.0),
    "repeat_penalty": (float, 0.5, 2.0),
    "max_tokens": (int, 1, 32768),
}
assert set(SAMPLER_RANGES) <= {f.name for f in fields(SamplingSettings)}


class PresetError(ValueError):
    """A preset action that cannot be done; the message says why and what to do instead."""


class PresetFormatError(PresetError):
    """A presets file that cannot be imported; the message lists what is wrong, in words."""


# ---------------------------------------------------------------------------- languages
@dataclass(frozen=True)
class TargetLanguage:
    code: str
    names: tuple[tuple[str, str], ...]  # (prompt language, the language's name in it)
    endonym: str

    def name_in(self, language: str) -> str:
        return text_in(self.names, language)


def _lang(code: str, en: str, zh: str, endonym: str) -> TargetLanguage:
    return TargetLanguage(code, (("en", en), ("zh_CN", zh)), endonym)


TARGET_LANGUAGES: tuple[TargetLanguage, ...] = (
    _lang("zh_CN", "Simplified Chinese", "简体中文", "简体中文"),
    _lang("en", "English", "英语", "English"),
    _lang("zh_TW", "Traditional Chinese", "繁体中文", "繁體中文"),
    _lang("ja", "Japanese", "日语", "日本語"),
    _lang("ko", "Korean", "韩语", "한국어"),
    _lang("fr", "French", "法语", "Français"),
    _lang("de", "German", "德语", "Deutsch"),
    _lang("es", "Spanish", "西班牙语", "Español"),
    _lang("pt", "Portuguese", "葡萄牙语", "Português"),
    _lang("it", "Italian", "意大利语", "Italiano"),
    _lang("ru", "Russian", "俄语", "Русский"),
    _lang("ar", "Arabic", "阿拉伯语", "العربية"),
    _lang("vi", "Vietnamese", "越南语", "Tiếng Việt"),
)
_TARGETS = {t.code: t for t in TARGET_LANGUAGES}


def target_language(code: str) -> TargetLanguage | None:
    return _TARGETS.get(code)


def prompt_language(ui_language: str) -> str:
    """The built-in text language for a UI language or locale name ("zh_CN", "zh-Hans", "en_GB")."""
    return "zh_CN" if ui_language.lower().replace("-", "_").startswith("zh") else "en"


def pick_text(texts: Sequence[tuple[str, str]], language: str) -> tuple[str, str]:
    """(language code, text) for ``language``: that language, else its family ("zh_TW" →
    "zh_CN"), else a text given for every language, else English, else whatever there is."""
    table = dict(texts)
    if language in table:
        return language, table[language]
    family = language.split("_")[0]
    for code, text in texts:
        if code.split("_")[0] == family:
            return code, text
    for code in (ANY_LANGUAGE, "en"):
        if code in table:
            return code, table[code]
    return texts[0] if texts else ("en", "")


def text_in(texts: Sequence[tuple[str, str]], language: str) -> str:
    return pick_text(texts, language)[1]


def written_in(text: str) -> str:
    """The built-in language a text is written in: Chinese if it has Han characters, else English."""
    return "zh_CN" if re.search(r"[\u3400-\u9fff]", text) else "en"


# ---------------------------------------------------------------------------- presets
@dataclass(frozen=True)
class Preset:
    id: str  # "builtin:translate" or "user:<uid>"
    name: tuple[tuple[str, str], ...]  # (language, text); language ANY_LANGUAGE for a plain string
    system_prompt: tuple[tuple[str, str], ...]
    sampling: tuple[tuple[str, float | int], ...] = ()  # only the values the preset sets
    description: tuple[tuple[str, str], ...] = ()
    target_language: str | None = None  # default target for a {target_language} prompt

    @property
    def builtin(self) -> bool:
        return self.id.startswith(BUILTIN_PREFIX)

    @property
    def uid(self) -> str | None:
        return self.id[len(USER_PREFIX):] if self.id.startswith(USER_PREFIX) else None

    @property
    def needs_target(self) -> bool:
        return any(PLACEHOLDER in text for _, text in self.system_prompt)

    def name_in(self, language: str) -> str:
        return text_in(self.name, language)

    def description_in(self, language: str) -> str:
        return text_in(self.description, language) if self.description else ""

    def prompt_in(self, language: str) -> str:
        return text_in(self.system_prompt, language)

    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.system_prompt)

    def default_target(self, language: str) -> str:
        """Chinese ⇄ English unless the preset names a target: a Chinese prompt translates into
        English, any other into Chinese."""
        if self.target_language and self.target_language in _TARGETS:
            return self.target_language
        return "en" if prompt_language(language) == "zh_CN" else "zh_CN"

    def render_prompt(self, language: str, target: str | None = None) -> str:
        """The system prompt in ``language``, with the target language's name (in that language)."""
        code, text = pick_text(self.system_prompt, language)
        if PLACEHOLDER in text:
            if code == ANY_LANGUAGE:
                code = written_in(text.replace(PLACEHOLDER, ""))
            lang = _TARGETS.get(target or "") or _TARGETS[self.default_target(code)]
            text = text.replace(PLACEHOLDER, lang.name_in(code))
        return text


def _builtin(
    key: str, name: tuple[str, str], description: tuple[str, str], prompt: tuple[str, str], **sampling: float | int
) -> Preset:
    return Preset(
        id=BUILTIN_PREFIX + key,
        name=(("en", name[0]), ("zh_CN", name[1])),
        description=(("en", description[0]), ("zh_CN", description[1])),
        system_prompt=(("en", prompt[0]), ("zh_CN", prompt[1])),
        sampling=tuple(sampling.items()),
    )


BUILTIN_PRESETS: tuple[Preset, ...] = (
    _builtin(
        "chat",
        ("Chat", "聊天"),
        ("Everyday conversation and help.", "日常对话与帮助。"),
        (
            "You are a helpful, friendly assistant. Answer clearly and concisely, in the language the "
            "user writes in. If a request is ambiguous, ask one short question to clarify it. If you "
            "are not sure about something, say so instead of guessing.",
            "你是一个乐于助人、友好的助手。请用用户所用的语言清楚、简洁地回答。如果请求含义不明确，"
            "先提一个简短的问题加以澄清。对没有把握的内容要如实说明，不要凭空猜测。",
        ),
        temperature=0.7, top_p=0.95, top_k=40, min_p=0.05, repeat_penalty=1.1, max_tokens=512,
    ),
    _builtin(
        "translate",
        ("Translate", "翻译"),
        ("Translates what you send into the language you choose.", "把你发送的文字翻译成所选的语言。"),
        (
            "You are a professional translator. Translate the text the user sends into "
            "{target_language}. Keep the meaning, tone and formatting of the original: paragraphs, "
            "lists, Markdown and code stay as they are. Reply with the translation only, without "
            "explanations, notes or quotation marks. Keep names, code and web addresses unchanged "
            "unless they have a well-known translation.",
            "你是一名专业译者。请把用户发送的文字翻译成{target_language}。保留原文的意思、语气和格式："
            "段落、列表、Markdown 和代码保持原样。只回复译文，不要添加解释、注释或引号。"
            "人名、代码和网址保持不变，除非它们有通行的译名。",
        ),
        temperature=0.2, top_p=0.9, top_k=40, min_p=0.05, repeat_penalty=1.05, max_tokens=1024,
    ),
    _builtin(
        "summarize",
        ("Summarize", "总结"),
        ("Short, faithful summaries of the text you send.", "为你发送的文字写出简短、忠实的摘要。"),
        (
            "You summarize texts. Read the text the user sends and write a faithful summary: first "
            "one sentence with the main point, then the key facts, arguments or decisions as short "
            "bullet points. Use only what the text says; add no opinions or facts of your own. "
            "Write in the language of the text unless the user asks for another.",
            "你负责总结文本。阅读用户发送的文字，写出忠实于原文的摘要：先用一句话概括主旨，"
            "再用简短的要点列出关键事实、论点或结论。只使用原文中的信息，不要加入自己的观点或额外的事实。"
            "除非用户要求使用其他语言，摘要使用原文的语言。",
        ),
        temperature=0.3, top_p=0.9, top_k=40, min_p=0.05, repeat_penalty=1.1, max_tokens=512,
    ),
    _builtin(
        "write",
        ("Write", "写作"),
        ("Stories, articles and other writing.", "创作故事、文章和其他文字。"),
        (
            "You are a skilled writer who helps with stories, articles and other texts. Follow the "
            "user's brief on topic, readers, length and style. Write vivid, well-structured prose with "
            "a clear beginning, middle and end; vary the length of your sentences and avoid clichés. "
            "For an article, give it a title and short sections with headings. If the brief leaves "
            "something important open, make a sensible choice and carry on.",
            "你是一位擅长写作的助手，帮助用户创作故事、文章和其他文字。遵循用户对主题、读者、篇幅和风格的要求。"
            "文字要生动、结构清晰，有开头、展开和结尾；句式长短错落，避免陈词滥调。"
            "写文章时要有标题，并分成带小标题的短小章节。如果要求中有重要的地方没有说明，"
            "请做出合理的选择，然后继续写下去。",
        ),
        temperature=0.9, top_p=0.95, top_k=60, min_p=0.05, repeat_penalty=1.15, max_tokens=1536,
    ),
    _builtin(
        "explain",
        ("Explain / Q&A", "讲解与问答"),
        ("Answers questions and explains step by step.", "回答问题，并一步一步地讲解。"),
        (
            "You are a patient teacher. Answer the user's question accurately first, then explain why, "
            "step by step, in plain words. Define technical terms the first time you use them and give "
            "a short example where it helps. If the question rests on a mistaken assumption, point it "
            "out politely. If you do not know the answer, say that you do not know.",
            "你是一位耐心的老师。先准确地回答用户的问题，再用浅显的语言一步一步解释原因。"
            "第一次使用专业术语时要加以解释，必要时举一个简短的例子。如果问题建立在错误的前提上，"
            "请礼貌地指出。如果不知道答案，就直接说不知道。",
        ),
        temperature=0.4, top_p=0.9, top_k=40, min_p=0.05, repeat_penalty=1.1, max_tokens=768,
    ),
)
_BUILTINS = {p.id: p for p in BUILTIN_PRESETS}


# ---------------------------------------------------------------------------- applying
def apply(preset: Preset, chat: ChatSettings, language: str, target: str | None = None) -> ChatSettings:
    """The chat's settings with ``preset`` applied: its system prompt in ``language`` (target
    language filled in) and its sampler values; the seed, context limit and probability view stay
    the chat's own. A translating preset applied without a ``target`` follows each message's
    language (``direct_for_input``); with one, it always translates into it."""
    overrides: dict[str, Any] = dict(preset.sampling)  # SamplingSettings field names, checked when the preset was read
    sampling = replace(chat.sampling, **overrides)
    fixed = target if preset.needs_target and target in _TARGETS else None
    return replace(chat, system_prompt=preset.render_prompt(language, target) or None, sampling=sampling, preset_id=preset.id,
                   translate_target=fixed)


def input_target(text: str, ui_language: str) -> str:
    """The language a message is translated into when the target follows the input: Chinese
    into English, anything else into the interface language."""
    from chatdesk.library.languages import detect_language

    if detect_language(text) == "zh":
        return "en"
    return prompt_language(ui_language)


TRANSLATION_SLACK = 64  # tokens on top of twice the source's UTF-8 bytes


def translation_reply_limit(text: str, max_tokens: int) -> int:
    """The longest reply a translation of ``text`` may need: twice its UTF-8 bytes plus a margin.

    Why: a small model that cannot end a reply in the language it is writing (SmolLM2-135M never
    ends Chinese text with its end-of-turn token) repeats itself until the reply limit; with the
    preset's 1,024 tokens a one-line Chinese question looped for 608 tokens until Stop. A
    translation is about as long as its source, and byte-level tokens never outnumber bytes, so
    this bound never cuts a real translation short.
    """
    return max(1, min(max_tokens, 2 * len(text.encode("utf-8")) + TRANSLATION_SLACK))


def for_message(preset: Preset | None, chat: ChatSettings, text: str, ui_language: str) -> ChatSettings:
    """``chat`` as a translating preset uses it for ``text``: aimed at the message's direction
    (``direct_for_input``) with a reply limit that fits a translation of it. Other presets and
    chats without one are returned unchanged."""
    if preset is None or not preset.needs_target or recognise(preset, chat.system_prompt) is None:
        return chat
    chat = direct_for_input(preset, chat, text, ui_language)
    limit = translation_reply_limit(text, chat.sampling.max_tokens)
    return chat if limit == chat.sampling.max_tokens else replace(chat, sampling=replace(chat.sampling, max_tokens=limit))


def direct_for_input(preset: Preset | None, chat: ChatSettings, text: str, ui_language: str) -> ChatSettings:
    """``chat`` with a translating preset's prompt aimed at ``text``'s direction (see
    ``input_target``), when the chat follows the input and still has the preset's own text; a
    chosen target or an edited prompt is left as it is."""
    if preset is None or not preset.needs_target or chat.translate_target is not None:
        return chat
    seen = recognise(preset, chat.system_prompt)
    if seen is None:
        return chat
    return replace(chat, system_prompt=preset.render_prompt(seen[0], input_target(text, ui_language)) or None)


def _prompt_pattern(template: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in template.split(PLACEHOLDER)]
    return re.compile("(.+?)".join(parts), re.DOTALL)


def recognise(preset: Preset, system_prompt: str | None) -> tuple[str, str | None] | None:
    """Which language (and target language) ``system_prompt`` is this preset's text in, if it is
    the preset's text unchanged: (language, target code or None); None when it was edited."""
    system_prompt = system_prompt or ""
    for code, template in preset.system_prompt:
        if PLACEHOLDER not in template:
            if template == system_prompt:
                return code, None
            continue
        m = _prompt_pattern(template).fullmatch(system_prompt)
        if m is None:
            continue
        named = set(m.groups())
        if len(named) != 1:
            continue
        shown = named.pop()
        for t in TARGET_LANGUAGES:
            if shown in {name for _, name in t.names} | {t.endonym}:
                return code, t.code
    return None


def matches(preset: Preset, chat: ChatSettings) -> bool:
    """Whether ``chat`` still has the preset's prompt (in some language) and sampler values."""
    if recognise(preset, chat.system_prompt) is None:
        return False
    return all(getattr(chat.sampling, k) == v for k, v in preset.sampling)


def from_chat(name: str, chat: ChatSettings, based_on: Preset | None = None) -> Preset:
    """A new user preset holding the chat's system prompt and sampler values.

    If the chat still uses ``based_on``'s text, the new preset keeps every language of it (and its
    placeholder), so it follows the language choice like the original did."""
    name = _check_name(name)
    prompt: tuple[tuple[str, str], ...] = ((ANY_LANGUAGE, chat.system_prompt or ""),)
    target = None
    seen = recognise(based_on, chat.system_prompt) if based_on is not None else None
    if based_on is not None and seen is not None:
        prompt = based_on.system_prompt
        target = seen[1] or based_on.target_language
    sampling = tuple((k, getattr(chat.sampling, k)) for k in SAMPLER_RANGES)
    return Preset(id=USER_PREFIX, name=((ANY_LANGUAGE, name),), system_prompt=prompt, sampling=sampling, target_language=target)


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise PresetError(msg("A preset needs a name."))
    if len(name) > MAX_NAME_CHARS:
        raise PresetError(msg("A preset name can be at most {limit} characters long.", limit=MAX_NAME_CHARS))
    return name


# ---------------------------------------------------------------------------- JSON format
def to_json(preset: Preset) -> dict[str, Any]:
    """One preset as the documented JSON object (docs/preset-format.md)."""

    def localized(texts: tuple[tuple[str, str], ...]) -> str | dict[str, str]:
        table = dict(texts)
        return table[ANY_LANGUAGE] if set(table) == {ANY_LANGUAGE} else table

    out: dict[str, Any] = {"name": localized(preset.name), "system_prompt": localized(preset.system_prompt)}
    if preset.description:
        out["description"] = localized(preset.description)
    if preset.sampling:
        out["sampling"] = dict(preset.sampling)
    if preset.target_language:
        out["target_language"] = preset.target_language
    return out


def export_json(presets: Iterable[Preset]) -> str:
    doc = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "presets": [to_json(p) for p in presets]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class _Problems:
    """Collects what is wrong with a file, so the user can fix it all in one go."""

    LIMIT = 10

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.items.append(msg("{where}: {problem}", where=where, problem=what) if where else what)

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = self.items[: self.LIMIT]
        more = len(self.items) - len(shown)
        bullets = [msg("• {problem}", problem=p) for p in shown] + ([msg("• … and {n} more.", n=more)] if more > 0 else [])
        lines = bullets[0]
        for bullet in bullets[1:]:  # one Text, so each line keeps its own template
            lines = msg("{lines}\n{line}", lines=lines, line=bullet)
        raise PresetFormatError(msg("These presets cannot be imported; nothing was imported.\n{lines}", lines=lines))


def _localized(
    value: Any, what: str, where: str, problems: _Problems, limit: int, *, required: bool = True, empty_ok: bool = False
) -> tuple[tuple[str, str], ...]:
    if value is None and not required:
        return ()
    if isinstance(value, str):
        value = {ANY_LANGUAGE: value}
    if not isinstance(value, Mapping) or not value:
        problems.add(where, msg('“{field}” must be a text, or an object of texts by language such as '
                                '{{"en": "…", "zh_CN": "…"}}.', field=what))
        return ()
    out: list[tuple[str, str]] = []
    for code, text in value.items():
        if not isinstance(code, str) or not re.fullmatch(r"\*|[a-z]{2,3}(_[A-Za-z]{2,4})?", code):
            problems.add(where, msg("“{code}” in “{field}” is not a language code such as “en” or “zh_CN”.", code=code, field=what))
        elif not isinstance(text, str) or not (empty_ok or text.strip()):
            problems.add(where, msg("the {code} text of “{field}” must be a non-empty text.", code=code, field=what))
        elif len(text) > limit:
            problems.add(where, msg("the {code} text of “{field}” is longer than {limit} characters.", code=code, field=what,
                                    limit=f"{limit:,}"))
        else:
            out.append((code, text if what != "name" else " ".join(text.split())))
    return tuple(out)


def from_json(obj: Any, where: str = "", problems: _Problems | None = None) -> Preset | None:
    """One preset from its JSON object; problems are collected (or raised when none is given)."""
    own = problems is None
    problems = problems or _Problems()
    if not isinstance(obj, Mapping):
        problems.add(where, msg("each preset must be a JSON object with a “name” and a “system_prompt”."))
        if own:
            problems.raise_if_any()
        return None
    before = len(problems.items)
    known = {"name", "system_prompt", "description", "sampling", "target_language"}
    for key in obj:
        if key not in known:
            problems.add(where, msg("“{key}” is not part of a preset (expected: {known}).", key=key, known=", ".join(sorted(known))))
    name = _localized(obj.get("name"), "name", where, problems, MAX_NAME_CHARS)
    prompt = _localized(obj.get("system_prompt"), "system_prompt", where, problems, MAX_PROMPT_CHARS, empty_ok=True)
    description = _localized(obj.get("description"), "description", where, problems, 500, required=False)
    sampling: list[tuple[str, float | int]] = []
    raw_sampling = obj.get("sampling", {})
    if not isinstance(raw_sampling, Mapping):
        problems.add(where, msg("“sampling” must be an object such as {{\"temperature\": 0.7}}."))
        raw_sampling = {}
    for key, value in raw_sampling.items():
        spec = SAMPLER_RANGES.get(key)
        if spec is None:
            problems.add(where, msg("“{key}” is not a sampler setting ChatDesk knows (known: {known}).", key=key,
                                    known=", ".join(SAMPLER_RANGES)))
            continue
        kind, lo, hi = spec
        ok_type = isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind is int:
            ok_type = ok_type and float(value).is_integer()
        if not ok_type or not lo <= value <= hi:
            found = json.dumps(value, ensure_ascii=False)
            if kind is int:
                problems.add(where, msg("{key} must be a whole number from {lo} to {hi}; it is {value}.", key=key,
                                        lo=f"{lo:g}", hi=f"{hi:g}", value=found))
            else:
                problems.add(where, msg("{key} must be a number from {lo} to {hi}; it is {value}.", key=key,
                                        lo=f"{lo:g}", hi=f"{hi:g}", value=found))
            continue
        sampling.append((key, int(value) if kind is int else float(value)))
    target = obj.get("target_language")
    if target is not None and target not in _TARGETS:
        problems.add(where, msg("target_language “{target}” is not one ChatDesk offers (offered: {offered}).", target=target,
                                offered=", ".join(_TARGETS)))
        target = None
    if own:
        problems.raise_if_any()
    if len(problems.items) > before:
        return None
    return Preset(id=USER_PREFIX, name=name, system_prompt=prompt, sampling=tuple(sampling),
                  description=description, target_language=target)


def parse_json(text: str | bytes) -> list[Preset]:
    """Every preset in a presets file, or ``PresetFormatError`` naming each problem."""
    if len(text) > MAX_FILE_BYTES:
        raise PresetFormatError(msg("This file is larger than {mb} MB, too large for a presets file; nothing was imported.",
                                    mb=MAX_FILE_BYTES // 1_000_000))
    try:
        doc = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise PresetFormatError(msg("This file is not valid JSON (line {line}, column {column}), so no presets could be read "
                                        "from it; nothing was imported.", line=exc.lineno, column=exc.colno)) from exc
        raise PresetFormatError(msg("This file is not valid JSON, so no presets could be read from it; nothing was imported.")) from exc
    if not isinstance(doc, Mapping) or doc.get("format") != FORMAT_NAME:
        raise PresetFormatError(msg(
            "This is not a ChatDesk presets file: it needs \"format\": \"{format}\" at the top "
            "(export a preset from ChatDesk to see the layout); nothing was imported.", format=FORMAT_NAME
        ))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION or version < 1:
        raise PresetFormatError(msg(
            "This presets file is version {version}; this ChatDesk reads version {supported}. "
            "Update ChatDesk to import it; nothing was imported.", version=repr(version), supported=FORMAT_VERSION
        ))
    items = doc.get("presets")
    if not isinstance(items, list) or not items:
        raise PresetFormatError(msg("This presets file has no presets (“presets” must be a non-empty list); nothing was imported."))
    problems = _Problems()
    out: list[Preset] = []
    for i, obj in enumerate(items, 1):
        label = msg("Preset {n}", n=i)
        if isinstance(obj, Mapping) and isinstance(obj.get("name"), (str, Mapping)):
            shown = obj["name"] if isinstance(obj["name"], str) else next(iter(obj["name"].values()), "")
            if isinstance(shown, str) and shown.strip():
                label = msg("Preset {n} (“{name}”)", n=i, name=shown.strip()[:40])
        preset = from_json(obj, label, problems)
        if preset is not None:
            out.append(preset)
    problems.raise_if_any()
    return out


# ---------------------------------------------------------------------------- the library
def _rows():
    """The presets table (SQLAlchemy), imported when presets are first read or written."""
    from chatdesk.store import presets

    return presets


def _from_row(row: PresetRecord) -> Preset:
    preset = from_json(row.data)  # raises PresetFormatError for a damaged row
    if preset is None:
        raise PresetError(msg("The stored preset {name} is damaged.", name=repr(row.name)))
    return replace(preset, id=USER_PREFIX + row.uid)


def builtin(preset_id: str) -> Preset | None:
    return _BUILTINS.get(preset_id)


def all_presets(store: Store) -> list[Preset]:
    """Built-ins first, then the user's own (oldest first). A damaged stored preset is skipped."""
    out = list(BUILTIN_PRESETS)
    for row in _rows().list_presets(store):
        try:
            out.append(_from_row(row))
        except PresetError:
            continue
    return out


def find(store: Store, preset_id: str | None) -> Preset | None:
    if not preset_id:
        return None
    if preset_id in _BUILTINS:
        return _BUILTINS[preset_id]
    if not preset_id.startswith(USER_PREFIX):
        return None
    row = _rows().get_preset(store, preset_id[len(USER_PREFIX):])
    if row is None:
        return None
    try:
        return _from_row(row)
    except PresetError:
        return None


def _renamed(preset: Preset, language: str, name: str) -> Preset:
    """``preset`` with its name in ``language`` (or its only name) replaced by ``name``."""
    code, old = pick_text(preset.name, language)
    if old == name:
        return preset
    if code not in dict(preset.name):
        return replace(preset, name=((ANY_LANGUAGE, name),))
    return replace(preset, name=tuple((c, name if c == code else t) for c, t in preset.name))


def _unique_names(store: Store, names: Sequence[str], language: str, ignore: str | None = None) -> list[str]:
    """``names`` made unique among the presets (in ``language``) by adding " (2)", " (3)"…"""
    taken = {p.name_in(language).casefold() for p in all_presets(store) if p.id != ignore}
    out = []
    for wanted in names:
        name, n = wanted, 2
        while name.casefold() in taken:
            name, n = f"{wanted} ({n})", n + 1
        taken.add(name.casefold())
        out.append(name)
    return out


def save_new(store: Store, preset: Preset, language: str = "en") -> Preset:
    """Store ``preset`` as a new user preset (its name made unique); returns it with its id."""
    name = _unique_names(store, [_check_name(preset.name_in(language))], language)[0]
    preset = _renamed(replace(preset, id=USER_PREFIX), language, name)
    try:
        row = _rows().create_preset(store, name, to_json(preset))
    except StoreError as exc:
        raise PresetError(msg("The preset could not be saved: {error}", error=text_of(exc))) from exc
    return replace(preset, id=USER_PREFIX + row.uid)


def update(store: Store, preset: Preset, language: str = "en") -> Preset:
    """Save changes to a user preset; built-ins cannot be changed (duplicate one instead)."""
    if preset.builtin or preset.uid is None:
        raise PresetError(msg("Built-in presets cannot be changed. Duplicate it and change the copy."))
    for _, text in preset.name:
        _check_name(text)
    name = preset.name_in(language)
    if _unique_names(store, [name], language, ignore=preset.id)[0] != name:
        raise PresetError(msg("Another preset is already called “{name}”. Choose another name.", name=name))
    for _, text in preset.system_prompt:
        if len(text) > MAX_PROMPT_CHARS:
            raise PresetError(msg("A preset's system prompt can be at most {limit} characters long.", limit=f"{MAX_PROMPT_CHARS:,}"))
    try:
        found = _rows().update_preset(store, preset.uid, preset.name_in(language), to_json(preset))
    except StoreError as exc:
        raise PresetError(msg("The preset could not be saved: {error}", error=text_of(exc))) from exc
    if not found:
        raise PresetError(msg("This preset no longer exists (it was deleted); save it again as a new preset."))
    return preset


def duplicate(store: Store, preset: Preset, language: str = "en") -> Preset:
    """A user copy of any preset (the way to change a built-in), named "… (copy)"."""

    def copy_name(code: str, text: str) -> tuple[str, str]:
        return code, (f"{text}（副本）" if code.startswith("zh") else f"{text} (copy)")

    copy = replace(preset, id=USER_PREFIX, name=tuple(copy_name(c, t) for c, t in preset.name), description=())
    return save_new(store, copy, language)


def delete(store: Store, preset_id: str) -> bool:
    """Delete a user preset; built-ins cannot be deleted. False if it was already gone."""
    if preset_id.startswith(BUILTIN_PREFIX):
        raise PresetError(msg("Built-in presets cannot be deleted. You can duplicate one and change or delete the copy."))
    if not preset_id.startswith(USER_PREFIX):
        return False
    try:
        return _rows().delete_preset(store, preset_id[len(USER_PREFIX):])
    except StoreError as exc:
        raise PresetError(msg("The preset could not be deleted: {error}", error=text_of(exc))) from exc


def import_json(store: Store, text: str | bytes, language: str = "en") -> list[Preset]:
    """Add every preset of a presets file as new user presets, all or nothing (a name already in
    use gets " (2)")."""
    parsed = parse_json(text)
    names = _unique_names(store, [p.name_in(language) for p in parsed], language)
    renamed = [_renamed(p, language, n) for p, n in zip(parsed, names)]
    try:
        rows = _rows().create_presets(store, [(n, to_json(p)) for n, p in zip(names, renamed)])
    except StoreError as exc:
        raise PresetError(msg("The presets could not be saved: {error} Nothing was imported.", error=text_of(exc))) from exc
    return [replace(p, id=USER_PREFIX + r.uid) for p, r in zip(renamed, rows)]
