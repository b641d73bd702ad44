"""A code block that grows is coloured exactly as a whole colouring would colour it, while each
update lexes only what streamed since its last lines (chatdesk/markdown/growing_code.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from chatdesk.markdown import IncrementalRenderer, render
from chatdesk.markdown.growing_code import LAG, SHORT_LAG, GrowingCode, resumable
from chatdesk.markdown.highlight import THEMES, code_html, lexer_for

ROOT = Path(__file__).resolve().parents[1]


def _c_like(comment: str, body: str, reps: int = 8) -> str:
    return "".join(comment.format(n=n) + body.format(n=n) for n in range(reps))


SAMPLES = {
    # A module docstring longer than the lag, triple-quoted strings, f-strings, decorators.
    "python": (ROOT / "chatdesk" / "markdown" / "incremental.py").read_text(encoding="utf-8"),
    "javascript": _c_like(
        "/* Block {n}\n * spans a few lines\n * and ends here\n */\n",
        "function f{n}(a, b) {{\n  const s = `template ${{a}}\nline two ${{b}}`;\n  // line comment\n"
        "  return a / b + /re{n}/g.test(s) ? 'yes' : \"no\";\n}}\n\n"),
    "typescript": _c_like(
        "/** Docs for {n}\n * @param x the value\n */\n",
        "export function g{n}(x: number): string {{\n  let y: Array<string> = [];\n  y.push(`${{x}}`);\n"
        "  return y.join(\",\");\n}}\n\n"),
    "go": _c_like(
        "/* Package part {n}\n   written across\n   several lines */\n",
        "func F{n}(a int) (string, error) {{\n\ts := `raw\nstring {n}`\n\tif a > {n} {{\n\t\treturn s, nil\n\t}}\n"
        "\treturn \"\", fmt.Errorf(\"bad %d\", a)\n}}\n\n"),
    "java": _c_like(
        "/*\n * Class {n}\n * more text\n */\n",
        "public class C{n} {{\n    private static final String S = \"s{n}\";\n    @Override\n"
        "    public int hashCode() {{ return {n} * 31; }}\n}}\n\n"),
    "rust": _c_like(
        "/* outer /* nested {n} */\n   still a comment */\n",
        "fn f{n}(x: &str) -> Result<String, Box<dyn Error>> {{\n    let r = r#\"raw \"{n}\"\n line\"#;\n"
        "    Ok(format!(\"{{}}{{}}\", x, r))\n}}\n\n"),
    "css": _c_like(
        "/* rule {n}\n   explained\n   here */\n",
        ".c{n} > a:hover {{\n  color: #{n}{n}{n};\n  background: url(\"x{n}.png\");\n  margin: {n}px 0;\n}}\n\n"),
    "bash": _c_like(
        "# step {n}\n",
        "cat <<EOF > out{n}.txt\nline one $HOME\nline two\nEOF\nif [ -f \"out{n}.txt\" ]; then\n"
        "  echo \"multi\nline {n}\"\nfi\n\n"),
    "sql": _c_like(
        "/* query {n}\n   over lines */\n",
        "SELECT a, b,\n       'text {n}\n continued'\nFROM t{n}\nWHERE x > {n} -- note\nORDER BY a;\n\n"),
    "html": _c_like(
        "<!-- section {n}\n     comment -->\n",
        "<div class=\"s{n}\">\n  <p>Text {n} &amp; more</p>\n  <script>\n    let v = {n};\n  </script>\n</div>\n\n"),
}


def _feed(code: str, language: str, seed: int, colours=THEMES["light"]) -> GrowingCode:
    """Grows ``code`` in random pieces of 1-40 characters, checking every version."""
    rng = random.Random(seed)
    growing = GrowingCode()
    cut = 0
    while cut < len(code):
        cut = min(len(code), cut + rng.randint(1, 40))
        expected = code_html(code[:cut], language, colours)
        assert growing.html(3, code[:cut], language, colours) == expected, (language, cut, code[max(0, cut - 60):cut])
    return growing


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_growing_block_is_coloured_exactly_like_a_whole_one(language):
    code = SAMPLES[language]
    assert code.count("\n") > 3 * LAG  # long enough to resume many times
    lexer = lexer_for(language)
    assert lexer is not None and resumable(lexer)
    growing = _feed(code, language, seed=len(language))
    # It did not colour everything every time: it resumed, past most of the block.
    assert growing.resumed > 0
    assert growing.kept_chars(3) > len(code) // 2


@pytest.mark.parametrize("module", ["ui/conversation/message_body.py", "store/store.py", "engine/llama_engine.py"])
@pytest.mark.parametrize("seed", [1, 2])
def test_python_resumes_one_line_behind_and_is_still_coloured_exactly(module, seed):
    """Python lexes with ``SHORT_LAG``'s one line of lag: long modules (docstrings, f-strings,
    decorators, multi-line calls) grown in random pieces match a whole colouring at every size,
    and lexing resumes close to the end."""
    code = (ROOT / "chatdesk" / module).read_text(encoding="utf-8")[:12_000]
    _feed(code, "python", seed=seed)
    plain = "".join(f"value_{n} = compute({n}, 'x')  # line {n}\n" for n in range(60))
    growing = _feed(plain, "python", seed=seed)
    assert SHORT_LAG["PythonLexer"] < LAG
    assert len(plain) - growing.kept_chars(3) == len(plain.splitlines()[-1]) + 1  # only the last line is lexed again


def test_dark_theme_and_a_second_block_keep_their_own_colouring():
    code = SAMPLES["python"][:3000]
    growing = GrowingCode()
    light, dark = THEMES["light"], THEMES["dark"]
    for cut in range(200, len(code), 97):
        assert growing.html(0, code[:cut], "python", light) == code_html(code[:cut], "python", light)
        assert growing.html(1, code[:cut], "python", dark) == code_html(code[:cut], "python", dark)
    assert growing.kept_chars(0) > 0 and growing.kept_chars(1) > 0


def test_a_block_that_is_not_a_continuation_is_coloured_again():
    code = SAMPLES["javascript"]
    growing = GrowingCode()
    growing.html(0, code, "javascript", THEMES["light"])
    assert growing.kept_chars(0) > 0
    edited = code.replace("function f0", "async function f0")
    assert growing.html(0, edited, "javascript", THEMES["light"]) == code_html(edited, "javascript", THEMES["light"])
    other = SAMPLES["go"]  # same block number, another language
    assert growing.html(0, other, "go", THEMES["light"]) == code_html(other, "go", THEMES["light"])


@pytest.mark.parametrize("language", ["c", "cpp", "json", "yaml", "", "not-a-language"])
def test_lexers_that_cannot_resume_colour_the_whole_block(language):
    code = "int main(void) {\n  /* c */\n  return 0;\n}\n" * 30
    growing = GrowingCode()
    for cut in range(1, len(code), 53):
        assert growing.html(0, code[:cut], language, THEMES["light"]) == code_html(code[:cut], language, THEMES["light"])
    assert growing.kept_chars(0) == 0 and growing.resumed == 0


def test_a_streaming_reply_with_a_long_open_fence_renders_like_a_full_render():
    """The chat view's renderer: the open fence resumes its colouring between renders, and every
    render equals a full render of the same text."""
    code = SAMPLES["python"][:6000]
    text = "Here is the module:\n\n```python\n" + code + "\n```\n\nThat is all.\n"
    renderer = IncrementalRenderer(target="qt")
    rng = random.Random(7)
    cut = 0
    while cut < len(text):
        cut = min(len(text), cut + rng.randint(1, 80))
        assert renderer.render(text[:cut]) == render(text[:cut], target="qt"), cut
    assert renderer.growing.resumed > 20
