"""The main window: the composition root.

It builds the application context (store, settings, the session state, the action registry and
the cross-feature requests), creates the features and hands them the context, routes requests
between features, and assembles the menus from the declared layout (``shell.menus``). It owns the
sidebar | conversation view + composer, the status bar and the message lines, wires widgets to the
``ChatController`` and the inference thread, and shows every problem as words in the banner.
Nothing here waits on the model or on long disk work.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from chatdesk import paths
from chatdesk.chat import FlowError, reproduction_caveats
from chatdesk.engine import ModelInfo
from chatdesk.engine.sharing import EngineShare
from chatdesk.library.languages import LanguageNotices
from chatdesk.library.recommend import bundled_facts
from chatdesk.library.resolve import api_key_for, available, key_label, same_model, source_for
from chatdesk.settings import AppSettings, save_settings
from chatdesk.store import StoreError, mark_interactive_thread
from chatdesk.ui.app.i18n import localized

if TYPE_CHECKING:
    from chatdesk.store import Store
from chatdesk.ui.app.appearance import theme_manager
from chatdesk.ui.common.actions import ActionRegistry
from chatdesk.ui.common.background import run_in_background, wait_all
from chatdesk.ui.common.banner import Banner
from chatdesk.ui.common.context import AppContext, FeatureRequests
from chatdesk.ui.common.elided_label import ElidedLabel
from chatdesk.ui.common.session import LOAD_FAILED, LOAD_LOADED, LOAD_LOADING, SessionState
from chatdesk.ui.common.slices import next_slice
from chatdesk.ui.common.undo import UndoOffer
from chatdesk.ui.conversation.chat_controller import ChatController
from chatdesk.ui.conversation.chat_view import ChatView
from chatdesk.ui.conversation.edit_dialog import EditMessageDialog
from chatdesk.ui.documents.feature import DocumentsFeature
from chatdesk.ui.evaluation.feature import EvaluationFeature
from chatdesk.ui.inference.worker import GenerationOutcome, InferenceThread, LoadFailure
from chatdesk.ui.inspector.feature import InspectorFeature
from chatdesk.ui.server.feature import ServerFeature
from chatdesk.ui.shell import chat_settings_actions, keyboard_actions, model_actions
from chatdesk.ui.shell.announcer import ReplyAnnouncer
from chatdesk.ui.shell.chat_list import ChatList
from chatdesk.ui.shell.composer import Composer
from chatdesk.ui.shell.external_changes import ExternalChanges
from chatdesk.ui.shell.menus import build_menus
from chatdesk.ui.shell.sidebar import Sidebar
from chatdesk.ui.welcome.feature import WelcomeFeature


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: AppSettings, model_path: str, model_label: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle("ChatDesk")
        self.setAccessibleName(self.tr("ChatDesk main window"))
        self.resize(1100, 720)
        self.store = store
        mark_interactive_thread()  # this thread's store calls give up quickly on a locked database
        self.settings = settings
        self.model_path = model_path
        # The window's loaded model, lent to the local server (File → Local server…) so a request for
        # it is served without loading it twice; both take turns on one engine.
        self.engine_share = EngineShare()
        self.inference = InferenceThread(store, paths.data_dir() / "model-checks.json", self, api_key_for=api_key_for,
                                         share=self.engine_share)

        self.sidebar = Sidebar(self)
        # One notification line for errors and notices (ui/common/banner.py): newest shown, "+N" for
        # the others, notices expire; ``notice`` is the same line under the name notices use.
        self.banner = Banner(self)
        self.notice = self.banner
        self.chat_view = ChatView(self)
        self.composer = Composer(self)
        right = QWidget(self)
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.chat_view, 1)
        col.addWidget(self.banner)
        col.addWidget(self.composer)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.sidebar)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 840])
        self.setCentralWidget(split)

        # Status bar text elides instead of overlapping its neighbours (ui/common/elided_label.py).
        self.model_label = ElidedLabel(model_label or Path(model_path).name, self)
        self.model_label.setObjectName("modelLabel")
        self.model_label.setAccessibleName(self.tr("Model in use"))
        self.load_bar = QProgressBar(self)
        self.load_bar.setObjectName("loadProgress")
        self.load_bar.setAccessibleName(self.tr("Model loading progress"))
        self.load_bar.setRange(0, 100)
        self.load_bar.setMaximumWidth(160)
        self.load_bar.setFormat(self.tr("Loading %p%"))
        self.stats_label = ElidedLabel("", self)
        self.stats_label.setObjectName("statsLabel")
        self.stats_label.setAccessibleName(self.tr("Reply statistics"))
        self.statusBar().addWidget(self.model_label, 1)
        self.statusBar().addWidget(self.load_bar)
        self.statusBar().addPermanentWidget(self.stats_label)
        self.statusBar().messageChanged.connect(self._elide_status_message)

        self.controller = ChatController(store, self.inference, self.chat_view.model_, settings)
        self.controller.prompt_format_for = lambda key: self.settings.prompt_format_for(key)

        # The application context every feature receives instead of this window.
        self.session = SessionState(self)
        self.session.set_model_key(model_path)  # the model this window uses (loaded, or about to be)
        self.session.tell = lambda text: self.notice.show_message(text, "info", topic="busy")
        self.action_registry = ActionRegistry(self)
        self.requests = FeatureRequests(self)
        self.ctx = AppContext(store=store, session=self.session, actions=self.action_registry, requests=self.requests,
                              settings=lambda: self.settings, save_settings=self.set_settings,
                              engine_share=self.engine_share)
        self.undo = UndoOffer(self.notice, self)
        self._chosen_model: str | None = None  # File → Open model… / a converted checkpoint, until it loads
        self._stats_chat: int | None = None  # the chat whose reply the status bar's figures describe
        self._languages: Any = None  # library.languages.ModelLanguages of the loaded model (read off the GUI thread)
        self._unchecked_language: str | None = None  # the last message sent while _languages was unknown
        self._language_notices = LanguageNotices()
        self._wire()
        self._wire_view()
        self._register_actions()
        model_actions.install(self)
        self.evaluation = EvaluationFeature(self.ctx, self)  # File → Evaluate models… (and the evaluation window)
        self.server = ServerFeature(self.ctx, self)  # File → Local server… (the OpenAI-compatible server)
        self.inspector = InspectorFeature(self.ctx, self)  # Look inside… a reply or a typed text
        self.chat_settings = chat_settings_actions.install(self)  # per-chat settings panel, presets, context meter
        self.documents = DocumentsFeature(self.ctx, self)  # File → Documents… (collections, indexing)
        self.documents.collections_changed.connect(self.chat_settings.panel.set_collection_names)
        self.welcome = WelcomeFeature(self.ctx, self)  # Help → Choose a model…; offered at the first start
        self.session.library_changed.connect(self._offer_welcome)
        # Other processes' changes (chatdesk ask, models add) show up without a restart.
        self.external = ExternalChanges(self, lambda: model_actions.actions_of(self).refresh_library())
        self.keyboard = keyboard_actions.install(self)  # View (text size), more Chat keys, Help → Keyboard shortcuts
        self.menus = build_menus(self.menuBar(), self.action_registry)
        self.chat_menu = self.menus["chatMenu"]
        self.announcer = ReplyAnnouncer(self)  # a finished reply is read out once by screen readers
        self.requests.use_model.connect(self.use_model)
        self._closing = False

    # ------------------------------------------------------------------ wiring
    def _wire(self) -> None:
        from chatdesk.ui.shell.language_warning import LanguageWarning
        from chatdesk.ui.shell.notices import ChatNotices

        c = self.controller
        w = self.inference.worker
        # The notification line's words about the open chat and the window's own work (shell/notices.py),
        # and the warning that the model does not speak a message's language (shell/language_warning.py).
        self.chat_notices = ChatNotices(self)
        self.language_warning = LanguageWarning(self)
        self.inference.load_progress.connect(lambda f: self.load_bar.setValue(int(f * 100)))
        w.load_finished.connect(self._on_loaded)
        w.load_failed.connect(self._on_load_failed)
        c.busy_changed.connect(self.composer.set_busy)
        c.busy_changed.connect(lambda busy: self.session.set_busy(bool(busy)))
        c.current_changed.connect(self.sidebar.select)
        c.current_changed.connect(lambda cid: self.session.set_current_chat(cid))
        c.show_rows = self.chat_view.show_messages
        self.session.current_chat_changed.connect(self._chat_changed)
        # Coalesced and deferred: a send or a finished reply must not pay for the list rebuild.
        self._sidebar_timer = QTimer(self)
        self._sidebar_timer.setSingleShot(True)
        self._sidebar_timer.setInterval(300)
        self._sidebar_timer.timeout.connect(self.refresh_sidebar)
        c.conversations_changed.connect(self._sidebar_timer.start)
        c.reply_finished.connect(self._on_reply_finished)
        self.composer.send_requested.connect(self._send)
        self.composer.stop_requested.connect(c.stop)
        self.sidebar.new_requested.connect(self.new_conversation)
        self.sidebar.conversation_selected.connect(self.open_conversation)
        self.sidebar.export_requested.connect(self.export_conversations)
        self.chat_list = ChatList(self)  # rename, pin, delete with Undo, search
        self.chat_view.action_requested.connect(self._message_action)
        self.chat_view.delegate.sibling_step.connect(self._switch_sibling)

    def _wire_view(self) -> None:
        """The conversation view's own wiring (delete with Undo, copy, token probabilities and
        branching at a token, link addresses in the status bar): chatdesk/ui/shell/chat_view_wiring.py."""
        from chatdesk.ui.shell.chat_view_wiring import ChatViewWiring

        self.view_wiring = ChatViewWiring(self)

    def _register_actions(self) -> None:
        """The window's own actions, by id; ``shell.menus`` says where each appears."""
        a = self.action_registry
        a.add("chat.new", self.tr("&New chat"), self.new_conversation, shortcuts=["Ctrl+N"])
        a.add("model.open", self.tr("&Open model…"), self.choose_model, shortcuts=["Ctrl+O"])
        act = a.add("models.import_checkpoint", self.tr("Import &checkpoint…"), self.import_checkpoint)
        if getattr(sys, "frozen", False):  # the bundle ships no converter/torch
            act.setEnabled(False)
            act.setToolTip(self.tr("Converting checkpoints needs a Python install: run chatdesk-convert."))
        a.add("transcripts.export_chat", self.tr("&Export chat…"),
              lambda: self.export_conversations([self.controller.current_id] if self.controller.current_id else []),
              shortcuts=["Ctrl+E"])
        a.add("transcripts.export_all", self.tr("Export &all chats…"), lambda: self.export_conversations(None))
        a.add("transcripts.import", self.tr("&Import transcript…"), self.import_transcript)
        a.add("app.quit", self.tr("&Quit"), self.close, shortcuts=["Ctrl+Q"])
        a.add("chat.stop", self.tr("&Stop"), self.controller.stop, shortcuts=["Esc"])
        a.add("chat.rename", self.tr("&Rename…"),
              lambda: self.controller.current_id and self.rename_conversation(self.controller.current_id))
        a.add("chat.search", self.tr("Se&arch"), self.sidebar.focus_search, shortcuts=["Ctrl+K"])
        a.add("help.about", self.tr("&About ChatDesk"), self.show_about, object_name="about")
        a.add("app.preferences", QCoreApplication.translate("ChatSettingsActions", "&Preferences…"), self.edit_settings,
              shortcuts=["Ctrl+,"], object_name="preferences")

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Show existing chats and begin loading the model in the background."""
        self.refresh_sidebar()
        self.composer.edit.setFocus()
        next_slice(self, lambda: self.chat_view.delegate.warm_up(self.chat_view.font()))  # after the first frames
        # The first Send's SQLAlchemy statements, compiled on the thread pool (nothing is written).
        run_in_background(self.store.warm_up, lambda _r: None, lambda _exc: None, owner=self)  # a busy database: the first Send pays
        rows = self.guard(self.store.list_conversations, 1) or []
        self.load_model(self.model_path)
        if rows:
            self.open_conversation(rows[0].id, None)

    def load_model(self, path: str) -> None:
        self.model_path = path
        # Messages typed while the model loads are queued behind the load on the worker thread.
        self.composer.set_ready(bool(path))
        self.controller.loading_key = path
        self.session.set_model_key(path)
        self.session.set_load_state(LOAD_LOADING)
        self.load_bar.setValue(0)
        self.load_bar.show()
        self.model_label.setText(self.tr("Loading {name}…").format(name=key_label(path)))
        self.inference.request_load(source_for(path, self.settings.load))

    def _on_loaded(self, info: ModelInfo) -> None:
        self.controller.model_info = info
        self.controller.loading_key = None
        self.model_path = info.path
        self._adopt_chosen_model(info)
        self.language_warning.model_loaded(info)
        self.load_bar.hide()
        self._show_model(info)
        self.stats_label.setText(self.tr("loaded in {ms} ms").format(ms=f"{info.load_ms:.0f}"))
        self.banner.clear("load")  # the last failed load's words, if still shown
        self.session.set_model_key(info.path)
        self.session.set_model_info(info)
        self.session.set_load_state(LOAD_LOADED)
        self.composer.set_ready(True)

    def _on_load_failed(self, failure: LoadFailure) -> None:
        """One truthful state: either the previous model is still in use (and named), or none is."""
        self._chosen_model = None  # a choice that did not load is not remembered
        self.controller.loading_key = None
        self.controller.model_info = failure.still_loaded
        self.load_bar.hide()
        if failure.still_loaded is not None:
            self.model_path = failure.still_loaded.path
            self._show_model(failure.still_loaded)
            still = model_actions.library_name(self, failure.still_loaded.path) or failure.still_loaded.name
            self.banner.show_message(self.tr("{problem}  Still chatting with {name}.").format(problem=failure.message, name=still),
                                     topic="load")
            self.session.set_model_key(failure.still_loaded.path)
            self.session.set_load_state(LOAD_LOADED)
            self.composer.set_ready(True)
            return
        self.model_label.setText(self.tr("No model loaded"))
        self.model_label.setToolTip("")
        self.banner.show_message(failure.message + "  " + self.tr("Use File → Open model… to choose another model."), topic="load")
        self.session.set_model_key(None)
        self.session.set_model_info(None)
        self.session.set_load_state(LOAD_FAILED)
        self.composer.set_ready(False)

    def _show_model(self, info: ModelInfo) -> None:
        gpu = self.tr(", GPU layers {n}").format(n=info.n_gpu_layers) if info.n_gpu_layers else ""
        name = model_actions.library_name(self, info.path) or info.name  # the name the picker shows
        self.model_label.setText(self.tr("{name} · {quantization} · context {n_ctx}{gpu}").format(
            name=name, quantization=info.quantization, n_ctx=info.n_ctx, gpu=gpu))
        self.model_label.setToolTip(info.path)

    def import_checkpoint(self) -> None:
        from chatdesk.ui.models.import_dialog import ImportCheckpointDialog

        dlg = ImportCheckpointDialog(self)
        dlg.chat_requested.connect(self.use_model)
        dlg.show()
        self._import_dialog = dlg

    def use_model(self, path: str) -> None:
        """Switch to ``path``; once it has loaded, remember it and start a fresh chat with it.

        Nothing is remembered and no chat is started for a file that does not load (File → Open
        model… on /etc/passwd): the next start must not complain about it, and no empty chat is
        left behind.
        """
        self._chosen_model = path
        self.load_model(path)

    def _adopt_chosen_model(self, info: ModelInfo) -> None:
        """The model chosen with ``use_model`` loaded: remember it and start a chat with it."""
        chosen, self._chosen_model = self._chosen_model, None
        if chosen is None or not same_model(chosen, info.path):
            return
        self.set_settings(AppSettings(**{**self.settings.__dict__, "model_path": chosen}))
        self.controller.new_conversation()
        if self.controller.current_id is not None:
            self.guard(self.store.set_conversation_model, self.controller.current_id, chosen)

    def choose_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a GGUF model"), str(Path.home()),
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.use_model(path)

    def edit_settings(self) -> None:
        from chatdesk.ui.shell.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self.controller.model_info, self)
        if dlg.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dlg.result_settings())

    def apply_settings(self, new: AppSettings) -> None:
        reload = new.load != self.settings.load
        language_changed = new.language != self.settings.language
        self.set_settings(new)
        theme_manager(choice=new.theme)  # colours switch at once
        self.keyboard.apply_text_scale()
        if language_changed:
            self.notice.show_message(self.tr("ChatDesk will use the new language the next time it starts."), "info")
        if reload and self.model_path and not self.controller.busy:
            self.load_model(self.model_path)

    def set_settings(self, new: AppSettings) -> None:
        """The one place the window's settings change: kept, handed to the controller, saved."""
        self.settings = new
        self.controller.settings = new
        self._save_settings()

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.banner.show_message(self.tr("Could not save settings: {error}.").format(error=exc.strerror or localized(exc)))

    # ------------------------------------------------------------------ conversations
    def refresh_sidebar(self) -> None:
        if self.sidebar.mode == "search" and self.sidebar.search.text().strip():
            return
        try:
            rows = self.store.list_conversations(limit=500)
        except StoreError as exc:
            self.banner.show_message(localized(exc))
            return
        self.sidebar.show_conversations(rows, self.controller.current_id)

    def new_conversation(self) -> None:
        self.banner.clear_notices()  # errors stay until dismissed
        self.controller.new_conversation()
        self.composer.edit.setFocus()

    def open_conversation(self, conversation_id: int, focus_message_id: object) -> None:
        self.banner.clear_notices()  # errors stay until dismissed
        self.controller.open_conversation(conversation_id, int(focus_message_id) if focus_message_id is not None else None)
        self._follow_conversation_model(conversation_id)

    def _elide_status_message(self, text: str) -> None:
        """A passing status message (a link's address) is cut with "…" before the reply figures."""
        bar = self.statusBar()
        room = bar.width() - 24 - (self.stats_label.width() + 8 if self.stats_label.isVisible() else 0)
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, max(0, room))
        if text and shown != text:
            bar.showMessage(shown, 8000)

    def _chat_changed(self, _conversation_id: object) -> None:
        """The figures of a reply that is no longer on screen go (its words go in shell/notices.py)."""
        if self._stats_chat is not None and self._stats_chat != self.controller.current_id:
            self.stats_label.clear()
            self._stats_chat = None

    def guard(self, fn, *args):
        """Run a store action from a GUI slot; a database problem becomes a sentence, not a crash."""
        try:
            return fn(*args)
        except (StoreError, FlowError) as exc:
            self.banner.show_message(localized(exc))
            return None

    def _follow_conversation_model(self, conversation_id: int) -> None:
        """Each chat remembers its model; switch to it when the chat is opened."""
        conv = self.guard(self.store.get_conversation, conversation_id)
        wanted = conv.model_path if conv else None
        # The same file under another name (a symlinked folder; a key recorded as the loaded file's
        # real path) is not loaded again: it cost a second whole load at start-up.
        if not wanted or same_model(wanted, self.model_path) or self.controller.busy:
            return
        if not available(wanted):
            self.notice.show_message(
                self.tr("This chat was held with {name}, which is no longer available; it continues with the current model.").format(
                    name=key_label(wanted)),
                "info",
            )
            return
        self.load_model(wanted)

    def _offer_welcome(self, entries: list[Any]) -> None:
        """First start with no real model in the library: say what the demo model is, offer a choice."""
        self.session.library_changed.disconnect(self._offer_welcome)
        if self.settings.welcome_done or any(getattr(e, "source", "") not in ("bundled",) and getattr(e, "kind", "chat") == "chat"
                                             for e in entries):
            return
        self.notice.show_message(localized(bundled_facts().description), "info", topic="welcome")
        self.notice.set_action(self.tr("Choose a model…"), lambda: self.requests.choose_model.emit(""))

    def _send(self, text: str) -> None:
        self.banner.clear_notices()  # errors stay until dismissed
        files = self.composer.take_attachments()
        if not self.controller.send(text, files):
            self.composer.edit.setPlainText(text)  # nothing typed or attached is lost
            self.composer.add_attachments(files)
            return
        self.language_warning.check(text)  # said as the reply starts, about the chat it belongs to

    # ------------------------------------------------------------------ the chat list (shell/chat_list.py)
    def rename_conversation(self, conversation_id: int) -> None:
        self.chat_list.rename(conversation_id)

    def delete_conversations(self, ids: list[int], confirm: bool = True) -> None:
        self.chat_list.delete(ids, confirm)

    def undo_delete(self) -> None:
        """Undo the last deletion of chats (the notice's Undo button does the same)."""
        self.chat_list.undo_delete()

    # ------------------------------------------------------------------ transcripts
    def export_conversations(self, ids: list[int] | None) -> None:
        from chatdesk.ui.shell.transcript_actions import export_conversations

        export_conversations(self, ids)

    def import_transcript(self) -> None:
        from chatdesk.ui.shell.transcript_actions import import_transcript

        import_transcript(self)

    # ------------------------------------------------------------------ message actions
    def _message_action(self, action: str, message_id: int) -> None:
        """The one dispatcher of the conversation view's message actions."""
        c = self.controller
        if action == "delete":
            self.view_wiring.delete(message_id)
            return
        if action == "copy":
            self.view_wiring.copied()
            return
        if action == "inspect":  # its own llama.cpp context: it may run while a reply streams
            if c.current_id is not None:
                self.requests.inspect_reply.emit(c.current_id, message_id)
            return
        if action not in ("info", "branch", "copy", "delete") and self.session.refuse_if_busy():  # delete refuses a reply being written
            return
        if action == "regenerate":
            c.regenerate(message_id)
        elif action == "regenerate_same":
            self._regenerate_same(message_id)
        elif action == "continue":
            c.continue_reply(message_id)
        elif action == "edit":
            self._edit(message_id)
        elif action == "branch":
            conv = self.guard(c.flow.branch, message_id)
            if conv is not None:
                self.refresh_sidebar()
                self.open_conversation(conv.id, None)
        elif action == "info":
            from chatdesk.ui.conversation.message_info import show_message_info

            rec = self.guard(self.store.get_message, message_id)
            if rec is not None:
                show_message_info(self, rec)
        self._sidebar_timer.start()

    def _regenerate_same(self, message_id: int) -> None:
        """Regenerate with the reply's own settings; say so when the same text is not guaranteed."""
        old = self.guard(self.store.get_message, message_id)
        if old is None:
            return
        info = self.controller.model_info
        sha = self.guard(self.store.file_sha256, info.path) if info is not None and info.kind == "local" else None
        caveats = reproduction_caveats(old.provenance, info, sha)
        if self.controller.regenerate(message_id, same_settings=True) and caveats:
            self.notice.show_message(
                self.tr("Regenerating with the same settings, but the same text is not guaranteed: {reasons}.").format(
                    reasons="; ".join(caveats)), "info"
            )

    def _edit(self, message_id: int) -> None:
        rec = self.guard(self.store.get_message, message_id)
        if rec is None:
            return
        text, ok = EditMessageDialog.get_text(self, rec.content)
        if ok and text != rec.content and not self.controller.edit_and_resend(message_id, text):
            # Nothing typed is lost: the edited text waits in the message box.
            self.composer.edit.setPlainText(text)
            self.banner.show_message(self.banner.text() + "  " + self.tr("Your edited text is in the message box."))

    def _switch_sibling(self, message_id: int, step: int) -> None:
        if self.session.refuse_if_busy():
            return
        rec = self.guard(self.store.get_message, message_id)
        if rec is None:
            return
        sibs = self.guard(self.store.children, rec.parent_id, rec.conversation_id) or []
        ids = [s.id for s in sibs]
        pos = ids.index(message_id) + step if message_id in ids else -1
        if 0 <= pos < len(ids) and self.guard(self.store.set_active_leaf, rec.conversation_id, ids[pos]) is not None:
            self.controller.open_conversation(rec.conversation_id)

    # ------------------------------------------------------------------ status
    def _on_reply_finished(self, outcome: GenerationOutcome) -> None:
        r = outcome.result
        if r is None or outcome.job.conversation_id != self.controller.current_id:
            return  # the figures belong to the reply on screen
        self._stats_chat = outcome.job.conversation_id
        self.stats_label.setText(
            self.tr("{speed} tok/s · first token {ttft} ms · %n token(s)", "", r.completion_tokens).format(
                speed=f"{r.tokens_per_s:.1f}", ttft=f"{r.ttft_ms:.0f}")
            + (self.tr(" · {n} cached").format(n=r.cached_tokens) if r.cached_tokens else "")
        )
        if dict(r.provenance).get("reproduced_exactly") is False:
            # Asked for the same reply, but the engine could not evaluate the prompt as before.
            self.notice.show_message(self.tr(
                "Regenerated with the same settings, but the text may differ from the original: the model's memory "
                "of this conversation was rebuilt since that reply (another chat used the model, or ChatDesk restarted)."), "info")

    def show_about(self) -> None:
        from chatdesk.ui.shell.about import AboutDialog

        dlg = AboutDialog(self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        self._about = dlg

    def bring_to_front(self) -> None:
        """A second start on this data folder asked for this window."""
        print("ChatDesk: another start asked for this window; bringing it to the front.", file=sys.stderr, flush=True)
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ shutdown
    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop generation, let the worker finish its last write, quit its thread, wait."""
        if not self._closing:
            self._closing = True
            self.controller.stop()
            self.inference.shutdown(2000)
            self.server.shutdown()  # requests in flight end as stopped
            self.documents.shutdown()  # indexing stops after its file; the next start resumes it
            self.undo.drop()
            wait_all(1000)
        event.accept()

