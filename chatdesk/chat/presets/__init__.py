"""Presets: what a GPT model is used for (chat, translate, summarize, write, explain), as a system
prompt plus sampler values, in English and Simplified Chinese.

A preset is a starting point, not a mode: applying one copies its system prompt (in the chosen
language, with ``{target_language}`` filled in) and its sampler values into a conversation's
``ChatSettings``, which the chat then owns and the user may change. The chat remembers which
preset it came from (``preset_id``), and so does each reply's provenance.

One module per job: ``model`` (the ``Preset`` value, target languages, limits, errors),
``builtin_presets`` (the ones that ship, in code, never deleted), ``applying`` (presets and chats),
``file_format`` (the JSON file, docs/preset-format.md) and ``library`` (the user's own presets in
the database, ``chatdesk.store.presets``). The names below are the package's public face
(callers write ``from chatdesk.chat import presets as P``). Everything here is Qt-free.
"""

from chatdesk.chat.presets.applying import (
    TRANSLATION_SLACK,
    apply,
    direct_for_input,
    for_message,
    from_chat,
    input_target,
    matches,
    recognise,
    translation_reply_limit,
)
from chatdesk.chat.presets.builtin_presets import BUILTIN_PRESETS, builtin
from chatdesk.chat.presets.file_format import FORMAT_NAME, FORMAT_VERSION, export_json, from_json, parse_json, to_json
from chatdesk.chat.presets.library import all_presets, delete, duplicate, find, import_json, save_new, update
from chatdesk.chat.presets.model import (
    ANY_LANGUAGE,
    BUILTIN_PREFIX,
    MAX_FILE_BYTES,
    MAX_NAME_CHARS,
    MAX_PROMPT_CHARS,
    PLACEHOLDER,
    PROMPT_LANGUAGES,
    SAMPLER_RANGES,
    TARGET_LANGUAGES,
    USER_PREFIX,
    Preset,
    PresetError,
    PresetFormatError,
    TargetLanguage,
    check_name,
    pick_text,
    prompt_language,
    target_language,
    text_in,
    written_in,
)

__all__ = [
    "ANY_LANGUAGE",
    "BUILTIN_PREFIX",
    "BUILTIN_PRESETS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MAX_NAME_CHARS",
    "MAX_PROMPT_CHARS",
    "PLACEHOLDER",
    "PROMPT_LANGUAGES",
    "SAMPLER_RANGES",
    "TARGET_LANGUAGES",
    "TRANSLATION_SLACK",
    "USER_PREFIX",
    "Preset",
    "PresetError",
    "PresetFormatError",
    "TargetLanguage",
    "all_presets",
    "apply",
    "builtin",
    "check_name",
    "delete",
    "direct_for_input",
    "duplicate",
    "export_json",
    "find",
    "for_message",
    "from_chat",
    "from_json",
    "import_json",
    "input_target",
    "matches",
    "parse_json",
    "pick_text",
    "prompt_language",
    "recognise",
    "save_new",
    "target_language",
    "text_in",
    "to_json",
    "translation_reply_limit",
    "update",
    "written_in",
]
