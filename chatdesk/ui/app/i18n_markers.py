"""Interface words that reach the screen from data, marked for the translators.

Some labels live in tables rather than in ``tr()`` calls — a message's role and status in the
conversation view, the message actions, the sampler names of the token view, the notes on the
suggested models — and are translated where they are shown, through a variable
(``_tr(spec.label)``), which lupdate cannot read. Listing
them here with ``QT_TRANSLATE_NOOP`` (context first, as the code that shows them uses it) puts them
into ``assets/i18n/*.ts``. tests/test_i18n.py checks that every entry of those tables is listed.
Nothing imports this module at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MARKERS = (
    # chatdesk/ui/conversation/message_delegate.py ROLE_LABEL, STATUS_NOTE; message_model.py (roles, Status.ALL)
    QT_TRANSLATE_NOOP("ChatView", "You"),
    QT_TRANSLATE_NOOP("ChatView", "Assistant"),
    QT_TRANSLATE_NOOP("ChatView", "System prompt"),
    QT_TRANSLATE_NOOP("ChatView", "writing…"),
    QT_TRANSLATE_NOOP("ChatView", "stopped"),
    QT_TRANSLATE_NOOP("ChatView", "error"),
    QT_TRANSLATE_NOOP("ChatView", "interrupted — the app closed while this reply was being written"),
    QT_TRANSLATE_NOOP("ChatView", "streaming"),
    QT_TRANSLATE_NOOP("ChatView", "done"),
    QT_TRANSLATE_NOOP("ChatView", "interrupted"),
    # chatdesk/ui/conversation/message_actions.py ACTIONS (bar label, menu label, tooltip)
    QT_TRANSLATE_NOOP("MessageActions", "Copy"),
    QT_TRANSLATE_NOOP("MessageActions", "Copy message (Markdown)"),
    QT_TRANSLATE_NOOP("MessageActions", "Copy the whole message as Markdown (Ctrl+C without a selection)"),
    QT_TRANSLATE_NOOP("MessageActions", "Regenerate"),
    QT_TRANSLATE_NOOP("MessageActions", "Write a new version of this reply with the chat's current settings"),
    QT_TRANSLATE_NOOP("MessageActions", "Same settings"),
    QT_TRANSLATE_NOOP("MessageActions", "Regenerate with the same settings"),
    QT_TRANSLATE_NOOP("MessageActions", "Write a new version with the settings this reply was made with (model, sampler, seed)"),
    QT_TRANSLATE_NOOP("MessageActions", "Continue"),
    QT_TRANSLATE_NOOP("MessageActions", "Let the model continue this reply where it stopped"),
    QT_TRANSLATE_NOOP("MessageActions", "Edit"),
    QT_TRANSLATE_NOOP("MessageActions", "Edit and resend…"),
    QT_TRANSLATE_NOOP("MessageActions", "Edit this message and send it again; the original stays as a version"),
    QT_TRANSLATE_NOOP("MessageActions", "Info"),
    QT_TRANSLATE_NOOP("MessageActions", "Reply info…"),
    QT_TRANSLATE_NOOP("MessageActions", "How this reply was made: model, sampler, seed, tokens and timings"),
    QT_TRANSLATE_NOOP("MessageActions", "Branch"),
    QT_TRANSLATE_NOOP("MessageActions", "Branch into a new conversation"),
    QT_TRANSLATE_NOOP("MessageActions", "Copy the conversation up to this message into a new chat"),
    QT_TRANSLATE_NOOP("MessageActions", "Delete"),
    QT_TRANSLATE_NOOP("MessageActions", "Delete…"),
    QT_TRANSLATE_NOOP("MessageActions", "Delete this message and the replies below it (you can undo)"),
    # chatdesk/ui/conversation/token_view.py SAMPLER_LABELS, and sampler_text's _tr('random') (inside an f-string,
    # where lupdate does not look)
    QT_TRANSLATE_NOOP("TokenView", "random"),
    QT_TRANSLATE_NOOP("TokenView", "temperature"),
    QT_TRANSLATE_NOOP("TokenView", "top-p"),
    QT_TRANSLATE_NOOP("TokenView", "top-k"),
    QT_TRANSLATE_NOOP("TokenView", "min-p"),
    QT_TRANSLATE_NOOP("TokenView", "repeat penalty"),
    QT_TRANSLATE_NOOP("TokenView", "max tokens"),
    QT_TRANSLATE_NOOP("TokenView", "seed"),
    # chatdesk/library/hub.py SUGGESTED_MODELS notes, shown by the download dialog
    QT_TRANSLATE_NOOP("DownloadDialog", "Smallest Qwen; fast on any CPU, Chinese and English."),
    QT_TRANSLATE_NOOP("DownloadDialog", "Noticeably better answers; about 1.1 GB."),
    QT_TRANSLATE_NOOP("DownloadDialog", "Newer Qwen generation; thinks aloud before answering unless told /no_think."),
    QT_TRANSLATE_NOOP("DownloadDialog", "Stronger Qwen3; needs about 2 GB of memory."),
    QT_TRANSLATE_NOOP("DownloadDialog", "Big brother of the bundled model; English only."),
    # chatdesk/library/hub.py SUGGESTED_EMBEDDING_MODELS notes, shown by the Documents window
    QT_TRANSLATE_NOOP("DownloadDialog", "Multilingual embedding model (100+ languages, long passages); about 440 MB."),
    QT_TRANSLATE_NOOP("DownloadDialog", "Multilingual embedding model (94 languages); about 600 MB."),
    # chatdesk/ui/conversation/message_actions.py: the Look inside… action (its context is a variable there)
    QT_TRANSLATE_NOOP("MessageActions", "Look inside"),
    QT_TRANSLATE_NOOP("MessageActions", "Look inside…"),
    QT_TRANSLATE_NOOP("MessageActions", "See how the model made this reply: attention, the logit lens and each layer's contribution"),
)
