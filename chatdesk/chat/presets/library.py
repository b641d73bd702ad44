"""The user's own presets in the database, beside the built-ins: list, find, save, change,
duplicate, delete and import.

Why: the stored row is the file format's JSON object (``chatdesk.store.presets`` never
interprets it), names are kept unique in the user's language, and built-ins can be neither
changed nor deleted. Store failures become ``PresetError`` with a sentence for the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from chatdesk.chat.presets.builtin_presets import BUILTIN_PRESETS, builtin
from chatdesk.chat.presets.file_format import from_json, parse_json, to_json
from chatdesk.chat.presets.model import (
    ANY_LANGUAGE,
    BUILTIN_PREFIX,
    MAX_PROMPT_CHARS,
    USER_PREFIX,
    Preset,
    PresetError,
    check_name,
    pick_text,
)
from chatdesk.store import StoreError
from translatable import msg, text_of

if TYPE_CHECKING:
    from chatdesk.store import Store
    from chatdesk.store.presets import PresetRecord

def _rows():
    """The presets table (SQLAlchemy), imported when presets are first read or written."""
    from chatdesk.store import presets

    return presets


def _from_row(row: PresetRecord) -> Preset:
    preset = from_json(row.data)  # raises PresetFormatError for a damaged row
    if preset is None:
        raise PresetError(msg("The stored preset {name} is damaged.", name=repr(row.name)))
    return replace(preset, id=USER_PREFIX + row.uid)



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
    found = builtin(preset_id)
    if found is not None:
        return found
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
    name = _unique_names(store, [check_name(preset.name_in(language))], language)[0]
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
        check_name(text)
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
