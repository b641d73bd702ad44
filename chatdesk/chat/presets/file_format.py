"""The presets file format (docs/preset-format.md): export, and import with every problem named.

Why: presets travel between people and machines as a JSON file, and the stored user presets
are the same JSON object. A file that cannot be imported is refused as a whole, with a list of
what is wrong in words, so the user can fix it all in one go.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from chatdesk.chat.presets.model import (
    ANY_LANGUAGE,
    MAX_FILE_BYTES,
    MAX_NAME_CHARS,
    MAX_PROMPT_CHARS,
    SAMPLER_RANGES,
    TARGET_LANGUAGES,
    USER_PREFIX,
    Preset,
    PresetFormatError,
    target_language,
)
from translatable import msg

FORMAT_NAME = "chatdesk-presets"
FORMAT_VERSION = 1

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
    if target is not None and (not isinstance(target, str) or target_language(target) is None):
        problems.add(where, msg("target_language “{target}” is not one ChatDesk offers (offered: {offered}).", target=target,
                                offered=", ".join(t.code for t in TARGET_LANGUAGES)))
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
