"""Every ``# type: ignore`` in the shipped code names its error code and says why, on the same
line: a silenced type error without a reason cannot be judged (or removed) by the next reader."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("chatdesk", "converters", "ggufcheck", "translatable")
# "# type: ignore[code]" followed by "# reason" (a noqa may sit between them).
EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[a-z-]+(?:,\s*[a-z-]+)*\]\s*(?:#\s*noqa[^#]*)?#\s*\S")


def unexplained(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if "type: ignore" in line and not EXPLAINED.search(line)]


def test_the_rule_tells_a_reason_from_none():
    assert unexplained("x = f()  # type: ignore\n") == [1]
    assert unexplained("x = f()  # type: ignore[union-attr]\n") == [1]
    assert unexplained("x = f()  # type: ignore[union-attr]  # set on this branch\n") == []
    assert unexplained("x = f()  # type: ignore[union-attr]  # noqa: SLF001 - the hook\n") == []


def test_every_type_ignore_says_why():
    found = {
        f"{path.relative_to(ROOT)}:{n}"
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        for n in unexplained(path.read_text(encoding="utf-8"))
    }
    assert not found, "type: ignore without an error code and a reason:\n" + "\n".join(sorted(found))
