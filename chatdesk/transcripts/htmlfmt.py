"""HTML export: one self-contained page that is safe to open in any browser.

No scripts, no external resources (fonts, images, stylesheets), inline CSS
only, plus a Content-Security-Policy that would block scripts and remote
loads even if something slipped through.  Assistant and system messages are
rendered from Markdown by :mod:`chatdesk.markdown` (the same renderer and rules
as the chat view: line breaks kept, raw HTML shown as text, only http/https/mailto
links, Pygments colours as inline styles); user messages are shown as the plain
text they were typed as.  Everything from the user or the model is escaped, and
every message body gets ``dir="auto"`` so right-to-left text lays out correctly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Any

from chatdesk.markdown import render as render_markdown

from .common import STATUS_NOTES, branch_note, human_utc, model_name, reply_model, role_label, single_line
from .model import TranscriptConversation, TranscriptMessage, active_path, sibling_positions

# Images only as data: URIs (formulas drawn by chatdesk.markdown.formulas); nothing is fetched.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

CSS = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e;
  --card: #f6f8fa; --user: #eef4ff; --border: #d1d9e0; --link: #0969da; --warn: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #161b22; --user: #172033;
    --border: #3d444d; --link: #4493f8; --warn: #d29922; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.note { border-left: 4px solid var(--warn); padding: .4rem .8rem; background: var(--card); }
.msg { border: 1px solid var(--border); border-radius: 10px; padding: .6rem 1rem; margin: 1rem 0;
  background: var(--card); }
.msg.user { background: var(--user); }
.msg > h2 { font-size: .95rem; margin: 0 0 .4rem; color: var(--muted); }
.msg > h2 .version { font-weight: normal; }
.body { overflow-wrap: anywhere; }
.body.plain { white-space: pre-wrap; }
.body > :first-child { margin-top: 0; } .body > :last-child { margin-bottom: 0; }
.status { color: var(--warn); font-style: italic; margin: .5rem 0 0; }
.error { white-space: pre-wrap; padding: .5rem .9rem; border: 1px solid var(--border); border-radius: 8px; }
a { color: var(--link); }
code { font: .9em/1.45 ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
:not(pre) > code { background: rgba(127,127,127,.15); padding: .1em .3em; border-radius: 4px; }
.code { margin: .6rem 0; border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
.code-head { font-size: .75rem; padding: .2rem .9rem; }
.code pre { margin: 0; padding: .7rem .9rem; overflow-x: auto; white-space: pre; overflow-wrap: normal;
  word-break: normal; max-width: 100%; }
.code pre code { white-space: inherit; overflow-wrap: inherit; word-break: inherit; }
img.math { vertical-align: middle; max-width: none; }
.math-block { text-align: center; overflow-x: auto; margin: .6rem 0; }
@media (prefers-color-scheme: dark) { img.math { filter: invert(1) hue-rotate(180deg); } }
ul.task-list { list-style: none; padding-left: 1.2rem; }
sup.footnote-ref a, .footnote-backref { text-decoration: none; }
.footnotes { font-size: .9rem; color: var(--muted); }
blockquote { margin: .5rem 0; padding: 0 .9rem; border-left: 4px solid var(--border); color: var(--muted); }
.table { overflow-x: auto; }
.body table { border-collapse: collapse; margin: .6rem 0; }
.body th, .body td { border: 1px solid var(--border); padding: .25rem .6rem; }
details { margin-top: .5rem; color: var(--muted); font-size: .85rem; }
details table { border-collapse: collapse; }
details td, details th { text-align: left; vertical-align: top; padding: .1rem .6rem .1rem 0;
  overflow-wrap: anywhere; }
hr.conversation-break { border: 0; border-top: 3px double var(--border); margin: 3rem 0; }
@media print { .msg { break-inside: avoid; } details { display: none; } }
""".strip()


def _provenance(prov: Any) -> str:
    """Model/sampler details in a collapsed <details> table (native HTML, no script)."""
    if not prov:
        return ""
    rows = []
    for key, value in prov.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
        rows.append(f'<tr><th>{escape(str(key))}</th><td dir="auto">{escape(text)}</td></tr>')
    return f"<details><summary>Details</summary><table>{''.join(rows)}</table></details>"


def _message(msg: TranscriptMessage, version: tuple[int, int]) -> str:
    index, total = version
    head = escape(role_label(msg.role))
    model = reply_model(msg) if msg.role == "assistant" else None
    if model:
        head += f' <span class="version">· {escape(model)}</span>'
    if total > 1:
        head += f' <span class="version">(version {index} of {total})</span>'
    if msg.role == "user":
        body = f'<div class="body plain" dir="auto">{escape(msg.content.strip(chr(10)))}</div>'
    else:
        html = render_markdown(msg.content, target="html", theme="light", anchor_prefix=msg.uid)
        body = f'<div class="body" dir="auto">{html}</div>'
    parts = [f'<section class="msg {escape(msg.role, quote=True)}">', f"<h2>{head}</h2>", body]
    note = STATUS_NOTES.get(msg.status)
    if note:
        parts.append(f'<p class="status">{escape(note)}</p>')
    if msg.error:
        parts.append(f'<pre class="error" dir="auto"><code>{escape(msg.error)}</code></pre>')
    parts.append(_provenance(msg.provenance))
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _conversation(conv: TranscriptConversation) -> str:
    path = active_path(conv)
    meta = [human_utc(conv.created_at)]
    model = model_name(conv, path)
    if model:
        meta.append(model)
    out = ['<article class="conversation">',
           f'<header><h1 dir="auto">{escape(single_line(conv.title))}</h1>',
           f'<p class="meta" dir="auto">{" · ".join(escape(m) for m in meta)}</p></header>']
    hidden = len(conv.messages) - len(path)
    if hidden:
        out.append(f'<p class="note">{escape(branch_note(hidden))}</p>')
    if conv.system_prompt and not any(m.role == "system" for m in path):
        out.append('<section class="msg system"><h2>System prompt</h2>'
                   f'<div class="body plain" dir="auto">{escape(conv.system_prompt)}</div></section>')
    for msg, version in zip(path, sibling_positions(conv, path)):
        out.append(_message(msg, version))
    out.append("</article>")
    return "\n".join(out)


def render_html(conversations: Sequence[TranscriptConversation]) -> str:
    if len(conversations) == 1:
        title = single_line(conversations[0].title)
    else:
        title = f"ChatDesk transcripts ({len(conversations)} conversations)"
    articles = '\n<hr class="conversation-break">\n'.join(_conversation(c) for c in conversations)
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="ChatDesk">\n'
        f"<title>{escape(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n"
        f"<body>\n<main>\n{articles}\n</main>\n</body>\n</html>\n"
    )
