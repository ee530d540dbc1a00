"""`create_app(settings)`: the FastAPI application. Nothing happens at import time.

Pages and API routes live in `web/routes/`, one module per page; each module has a `router`. A pillar adds its
page by writing its module, listing it in ROUTE_MODULES and, for the navigation, in NAVIGATION.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import AsyncIterator, Callable, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from nextround import __version__
from nextround.config import Settings
from nextround.services import accounts, recordings
from nextround.services.accounts import Caller
from nextround.services.deletion import UNDO_SECONDS, DatabaseUndoStore, UndoStore
from nextround.services.workspace import Workspace, local_now
from nextround.storage.db import Database
from nextround.web.auth import MultiUser, authenticate
from nextround.web.cache import ViewCache
from nextround.web.errors import install_error_handlers
from nextround.web.security import GuardMiddleware, Scope, allowed_hosts, check_csrf, new_csrf_token

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

# Route modules under nextround.web.routes, in the order their routes are matched.
ROUTE_MODULES: tuple[str, ...] = (
    "dashboard",
    "applications",
    "feedback",
    "insights",
    "practice",
    "voice",
    "ai_practice",
    "ai_opinions",
    "network",
    "journal",
    "transfer",
    "inbox",
    "preferences",
    "mail_setup",
    "mailbox_setup",
    "ai_settings",
    "cvs",
    "deletion",
    "api",
)
# Only in multi-user mode: signing in and out, invitations, the account page and access tokens; coaches; the
# administrators' pages (Accounts, Server settings).
MULTI_USER_MODULES: tuple[str, ...] = ("account", "coaching", "account_api", "admin", "server_settings")

# (path, label) of the main navigation.
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("/", "Dashboard"),
    ("/applications", "Applications"),
    ("/insights", "Feedback & insights"),
    ("/practice", "Practice"),
    ("/contacts", "Contacts & companies"),
    ("/journal", "Journal & review"),
    ("/inbox", "Inbox"),
    ("/transfer", "Import & export"),
    ("/settings", "Settings"),
)
ACCOUNT_NAVIGATION = ("/account", "Account")
CASELOAD_NAVIGATION = ("/caseload", "Caseload")  # multi-user mode, for whoever coaches someone
ADMIN_NAVIGATION = ("/admin/accounts", "Administration")  # multi-user mode, for the server's administrators


@dataclass
class WebState:
    """What every request shares: settings, the database (opened on first use), the token, the clock."""

    settings: Settings
    host: str
    port: int
    clock: Callable[[], datetime]
    csrf_token: str = field(default_factory=new_csrf_token)
    demo: bool = False
    multi_user: MultiUser | None = None
    cache: ViewCache = field(default_factory=ViewCache)
    # What was just deleted, for the "Undo" button: in this process, or in the database when several serve.
    undo: UndoStore | DatabaseUndoStore = field(default_factory=UndoStore)
    _db: Database | None = None
    _owner_id: int | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def allowed_hosts(self) -> frozenset[str]:
        extra = self.multi_user.allowed_hosts if self.multi_user else ()
        return allowed_hosts(self.host, self.port) | {h.lower() for h in extra}

    def database(self) -> Database:
        if self._db is None:
            with self._lock:
                if self._db is None:
                    self._db = Database.open(self.settings.database_url)
        return self._db

    def workspace(self) -> Workspace:
        """The single local user's workspace (local mode)."""
        if self._owner_id is None:
            db = self.database()
            with self._lock:
                if self._owner_id is None:
                    self._owner_id = db.local_user_id()
        return Workspace(db=self.database(), owner_id=self._owner_id, settings=self.settings, clock=self.clock)

    def workspace_of(self, caller: Caller) -> Workspace:
        """A signed-in person's workspace (multi-user mode): their data, their time zone."""
        return Workspace(
            db=self.database(), owner_id=caller.owner_id, settings=self.settings, clock=_clock_in(caller.time_zone)
        )

    async def changed(self, scope: Scope) -> None:
        """A state-changing request was answered: cached views made before it must not be used again."""
        if self.multi_user is None:
            self.cache.changed()
            return
        caller = scope.get("state", {}).get("caller")
        if isinstance(caller, Caller):
            import anyio.to_thread

            await anyio.to_thread.run_sync(accounts.bump_data_version, self.database(), caller.owner_id)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def _clock_in(zone: str | None) -> Callable[[], datetime]:
    if not zone:
        return local_now
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(zone)
    return lambda: datetime.now(tz)


def create_app(
    settings: Settings,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    clock: Callable[[], datetime] | None = None,
    demo: bool = False,
    multi_user: MultiUser | None = None,
) -> FastAPI:
    """The web app answering to `host:port` (and localhost names on that port): for the one local user, or,
    with `multi_user`, for everyone with an account on the server's PostgreSQL database."""
    if multi_user is not None:
        settings = replace(settings, shared_server=True)
    state = WebState(
        settings=settings, host=host, port=port, clock=clock or local_now, demo=demo, multi_user=multi_user
    )
    if multi_user is not None:
        state.undo = DatabaseUndoStore(state.database())
        state.cache = ViewCache(signature=_shared_signature)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # recordings set aside by deletes whose undo ran out while the app was not running
        recordings.sweep(settings.home, state.clock(), timedelta(seconds=UNDO_SECONDS))
        yield
        state.close()

    app = FastAPI(
        title="nextround",
        version=__version__,
        description="Local JSON API of nextround: applications with their stage history, stats and text analysis. "
        "State-changing requests need the X-CSRF-Token header (see GET /api/v1/session).",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json is enough
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(authenticate), Depends(check_csrf)],
    )
    app.state.web = state
    from nextround.web.routes.transfer import transfer_limits

    app.add_middleware(
        GuardMiddleware,
        hosts=state.allowed_hosts,
        max_body=settings.max_import_bytes,
        on_write=state.changed,
        limits=transfer_limits(settings.max_import_bytes),
        private=multi_user is not None,
    )
    install_error_handlers(app)
    for name in ROUTE_MODULES + (MULTI_USER_MODULES if multi_user else ()):
        module = importlib.import_module(f"nextround.web.routes.{name}")
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _shared_signature(ws: Workspace) -> Hashable:
    """Multi-user mode: the owner's data version, which every change made through any worker bumps (one
    indexed read; the command line does not write into a shared server's data, so nothing else can change it)."""
    return accounts.data_version(ws.db, ws.owner_id)


def warm_up(app: FastAPI) -> None:
    """Do now what each worker's first requests would otherwise do while people wait: FastAPI prepares every
    route (its parameters' validators, about a second of processor time) on the first request that passes it,
    Jinja compiles each template on first use, and the database pool opens its connections one by one.

    `serve --multi-user` calls this in each worker before it accepts a connection (cli/web.multi_user_app).
    """
    from fastapi.routing import iter_route_contexts

    from nextround.web.rendering import environment

    for _ in iter_route_contexts(app.routes):
        pass
    templates = environment()
    for name in templates.list_templates(extensions=["html"]):
        templates.get_template(name)
    state: WebState = app.state.web
    engine = state.database().engine
    size = getattr(engine.pool, "size", lambda: 1)()
    connections = [engine.connect() for _ in range(size)]
    for connection in connections:
        connection.close()  # back to the pool, open
