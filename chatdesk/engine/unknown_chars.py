"""Which typed characters a model's vocabulary cannot express: one rule for before and after sending.

llama.cpp silently drops text its vocabulary cannot encode (typical of character-level models
trained on a small corpus), so the model would answer a different question than the one typed.
The engine tokenizes the text and turns the tokens back into text; a character missing from that
round trip was left out. The context meter asks while the message is typed (``Engine.plan`` puts
the answer in ``PromptPlan.unknown_characters``) and a reply's ``warning`` says it after sending.
Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence

from translatable import Text, msg

SHOWN = 20  # characters named at most; the rest are "…"


def missing_characters(text: str, round_trip: str) -> tuple[str, ...]:
    """The characters of ``text`` (sorted, each once, white space ignored) that are not in
    ``round_trip``, the text its tokens decode back to."""
    return tuple(sorted({ch for ch in text if ch not in round_trip and not ch.isspace()}))


def shown_characters(missing: Sequence[str]) -> str:
    """``missing`` as the sentences name them: space-separated, the first ``SHOWN`` then "…"."""
    return " ".join(missing[:SHOWN]) + (" …" if len(missing) > SHOWN else "")


def left_out_warning(missing: Sequence[str]) -> Text:
    """The reply's warning once the message was sent without ``missing``."""
    return msg("This model's vocabulary has no tokens for these characters, so they were left out: {chars}",
               chars=shown_characters(missing))
