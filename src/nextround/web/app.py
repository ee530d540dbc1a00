"""`create_app(settings)`: the FastAPI application. Nothing happens at import time.

Pages and API routes live in `web/routes/`, one module per page; each module has a `router`. A pillar adds its
page by writing its module, listing it in ROUTE_MODULES and, for the navigation, in NAVIGATION.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from nextround import __version__
from nextround.config import Settings
from nextround.services.deletion import UndoStore
from nextround.services.workspace import Workspace, local_now
from nextround.storage.db import Database
from nextround.web.cache import ViewCache
from nextround.web.errors import install_error_handlers
from nextround.web.security import GuardMiddleware, allowed_hosts, check_csrf, new_csrf_token

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
    "network",
    "journal",
    "transfer",
    "inbox",
    "preferences",
    "mail_setup",
    "ai_settings",
    "cvs",
    "deletion",
    "api",
)

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


@dataclass
class WebState:
    """What every request shares: settings, the database (opened on first use), the token, the clock."""

    settings: Settings
    host: str
    port: int
    clock: Callable[[], datetime]
    csrf_token: str = field(default_factory=new_csrf_token)
    demo: bool = False
    cache: ViewCache = field(default_factory=ViewCache)
    undo: UndoStore = field(default_factory=UndoStore)  # what was just deleted, for the "Undo" button
    _db: Database | None = None
    _owner_id: int | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def allowed_hosts(self) -> frozenset[str]:
        return allowed_hosts(self.host, self.port)

    def workspace(self) -> Workspace:
        if self._db is None or self._owner_id is None:
            with self._lock:
                if self._db is None or self._owner_id is None:
                    db = Database.open(self.settings.database_url)
                    self._owner_id = db.local_user_id()
                    self._db = db
        return Workspace(db=self._db, owner_id=self._owner_id, settings=self.settings, clock=self.clock)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def create_app(
    settings: Settings,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    clock: Callable[[], datetime] | None = None,
    demo: bool = False,
) -> FastAPI:
    """The web app for one local workspace, answering to `host:port` (and localhost names on that port)."""
    state = WebState(settings=settings, host=host, port=port, clock=clock or local_now, demo=demo)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
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
        dependencies=[Depends(check_csrf)],
    )
    app.state.web = state
    app.add_middleware(
        GuardMiddleware,
        hosts=state.allowed_hosts,
        max_body=settings.max_import_bytes,
        on_write=state.cache.changed,
    )
    install_error_handlers(app)
    for name in ROUTE_MODULES:
        module = importlib.import_module(f"nextround.web.routes.{name}")
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
