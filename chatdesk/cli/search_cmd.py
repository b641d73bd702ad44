"""``chatdesk search``: the app's full-text search from a terminal or a script, headless.

Same ranking as the sidebar (``Store.search``: bm25 over every message of every live chat), so
a script can find a message without opening the window. ``--json`` prints one object per hit
per line, which ``jq`` and line-oriented tools read directly.
"""

from __future__ import annotations

import argparse

from chatdesk.cli.common import JSON_LINES_HELP, CommandError, add_data_dir, open_store, print_json_line


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return n


def _not_negative(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 0, got {value!r}")
    return n


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser(
        "search",
        help="search every message of every chat",
        description="Search every message of every chat (trashed chats excluded), best matches first.",
    )
    add_data_dir(s)
    s.add_argument("query", metavar="QUERY", help="words to find (Chinese works too); the last word also matches as a prefix")
    s.add_argument("--limit", type=_positive, default=20, help="how many hits to show (default 20)")
    s.add_argument("--offset", type=_not_negative, default=0, help="skip this many of the best hits (next page)")
    s.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="hit"))
    s.set_defaults(run=run_search)


def run_search(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise CommandError("the search query is empty; give a word to look for.")
    with open_store() as store:
        hits = store.search(args.query, args.limit, offset=args.offset)
    if args.json:
        for h in hits:
            print_json_line({
                "conversation_id": h.conversation_id,
                "conversation_title": h.conversation_title,
                "message_id": h.message_id,
                "role": h.role,
                "snippet": h.snippet,
            })
        return 0
    if not hits:
        more = f" after the first {args.offset}" if args.offset else ""
        print(f"No messages match {args.query!r}{more}.")
        return 0
    for n, h in enumerate(hits, start=args.offset + 1):
        title = h.conversation_title or "Untitled chat"
        print(f"{n}. {title}  (chat {h.conversation_id}, message {h.message_id}, {h.role})")
        print(f"   {h.snippet}")
    if len(hits) == args.limit:
        print(f"(more may follow: --offset {args.offset + args.limit})")
    return 0
