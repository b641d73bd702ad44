"""Running the server: in a background thread (the window, tests) or in the foreground
(``chatdesk serve``), on uvicorn, and stopping it cleanly.

Stopping (``stop()``, SIGTERM, Ctrl+C) first stops every request (queued ones never run, running
ones end within one token) so each client still receives a proper end (``finish_reason``
``"stopped"`` and ``[DONE]``) and each stored reply is saved as stopped; only then does uvicorn
close the connections and the models are unloaded. Nothing is left half-written.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any

import uvicorn

from chatdesk.engine.sharing import EngineShare
from chatdesk.server.app import ServerState, create_app
from chatdesk.server.config import ServerSettings
from chatdesk.server.jobs import RequestQueue
from chatdesk.server.pool import ModelPool, default_engine_factory
from chatdesk.settings import AppSettings, load_settings

log = logging.getLogger(__name__)

DRAIN_S = 10.0  # how long stopped requests get to send their last chunk


class _Uvicorn(uvicorn.Server):
    """uvicorn's server, told to stop the requests before it stops serving them."""

    def __init__(self, config: uvicorn.Config, owner: LocalServer) -> None:
        super().__init__(config)
        self._owner = owner
        self._draining = False

    def install_signal_handlers(self) -> None:
        """Installs nothing: uvicorn < 0.29 calls this, and signals are not a background thread's business
        (newer uvicorn's capture_signals already skips threads other than the main one)."""

    def handle_exit(self, sig: int, frame: Any) -> None:
        # uvicorn's own handler records the signal and raises it again after shutting down, so
        # the process would die of its SIGTERM; a clean stop exits normally (code 0) instead.
        if self._draining:  # a second Ctrl+C: quit now
            self.force_exit = True
            self.should_exit = True
            return
        self._draining = True
        threading.Thread(target=self._drain_then_exit, name="chatdesk-serve-drain", daemon=True).start()

    def _drain_then_exit(self) -> None:
        self._owner.stop_requests()
        self.should_exit = True


class LocalServer:
    """The OpenAI-compatible server over ChatDesk's library (Qt-free).

    ``queue`` (``jobs.RequestQueue``) lists and cancels requests, ``pool`` (``pool.ModelPool``)
    the loaded models; ``state.log_lines`` is a short request log.
    """

    def __init__(
        self,
        settings: ServerSettings,
        app_settings: AppSettings | None = None,
        *,
        catalog: Any = None,
        engine_factory: Any = default_engine_factory,
        store: Any = None,
        max_loaded: int = 1,
        share: EngineShare | None = None,
    ) -> None:
        """``share``: the window's ``engine.sharing.EngineShare``, so a request for the model the
        window has loaded uses that engine instead of loading it again."""
        settings.check()
        self.settings = settings
        self.app_settings = app_settings or load_settings()
        self.queue = RequestQueue()
        self.pool = ModelPool(self.app_settings, self.queue, catalog=catalog, engine_factory=engine_factory,
                              max_loaded=max_loaded, max_waiting=settings.max_queue, default_model=settings.default_model,
                              parallel=settings.parallel, share=share)
        self._own_store = False
        if settings.store_requests and store is None:
            from chatdesk import paths
            from chatdesk.store import Store

            paths.ensure_data_dir()
            store = Store(paths.database_path(), paths.backups_dir())
            self._own_store = True
        self.state = ServerState(settings, self.app_settings, self.pool, self.queue, store)
        self.app = create_app(self.state)
        self._server: _Uvicorn | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    # -- address -----------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._server is not None and self._server.servers:
            for server in self._server.servers:
                for sock in server.sockets:
                    return int(sock.getsockname()[1])
        return self.settings.port

    @property
    def base_url(self) -> str:
        host = self.settings.host
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/v1"

    def _config(self) -> uvicorn.Config:
        s = self.settings
        return uvicorn.Config(
            self.app,
            host=s.host,
            port=s.port,
            log_level="warning",
            access_log=False,
            timeout_keep_alive=int(max(1, s.keep_alive_s)),
            limit_concurrency=s.max_connections,
            timeout_graceful_shutdown=int(DRAIN_S),
            lifespan="off",
            server_header=False,
        )

    # -- running -----------------------------------------------------------------------------
    def preload(self, model_id: str) -> None:
        """Load a model before the first request (``chatdesk serve --model``)."""
        self.pool.slot(self.pool.resolve(model_id))

    def start(self, timeout: float = 60.0) -> str:
        """Serve from a background thread; returns the base URL once it accepts connections."""
        server = self._server = _Uvicorn(self._config(), self)

        def run() -> None:
            try:
                asyncio.run(server.serve())
            except BaseException as exc:  # noqa: BLE001 - reported by start()
                self._error = exc

        self._thread = threading.Thread(target=run, name="chatdesk-serve", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if self._error is not None or not self._thread.is_alive():
                raise OSError(f"the server could not start: {self._error or 'it stopped'}")
            if time.monotonic() > deadline:
                raise TimeoutError("the server did not start in time")
            time.sleep(0.02)
        return self.base_url

    def serve(self, on_ready: Any = None) -> None:
        """Serve in the foreground until SIGTERM / Ctrl+C (the caller's main thread)."""
        self._server = _Uvicorn(self._config(), self)
        if on_ready is not None:
            server = self._server
            original_startup = server.startup

            async def startup(sockets: Any = None) -> None:
                await original_startup(sockets=sockets)
                if server.started:
                    on_ready(self.base_url)

            server.startup = startup  # type: ignore[method-assign]  # wraps uvicorn's startup on this one instance
        try:
            self._server.run()
        finally:
            self.close()

    def stop_requests(self) -> None:
        """Stop every request and wait (briefly) until they have answered their clients."""
        self.queue.cancel_all("shutdown")
        deadline = time.monotonic() + DRAIN_S
        while self.queue.active() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1)  # let the last chunks leave the event loop

    def stop(self, timeout: float = 30.0) -> None:
        """Stop serving (from any thread but the server's): requests end as stopped first."""
        if self._server is not None and self._thread is not None:
            self.stop_requests()
            self._server.should_exit = True
            self._thread.join(timeout)
        self.close()

    def close(self) -> None:
        self.pool.close()
        if self._own_store and self.state.store is not None:
            self.state.store.close()
            self.state.store = None
