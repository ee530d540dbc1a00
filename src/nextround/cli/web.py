"""`nextround serve`: the web app on this computer, on loopback only; or, with `--multi-user`, a shared server
for many people on PostgreSQL, with accounts, as several worker processes."""

import errno
import json
import os
import signal
import socket
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.errors import UserError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from nextround.config import Settings

# How `serve --multi-user` hands its options to the worker processes uvicorn starts (they import
# multi_user_app and read them back).
SERVE_ENV = "NEXTROUND_SERVE_OPTIONS"


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Only loopback (127.0.0.1, localhost, ::1) is allowed.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8765,
    demo: Annotated[
        bool, typer.Option("--demo", help="Start on a throwaway database filled with an invented search.")
    ] = False,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the app in the default browser once it is up.")
    ] = False,
    multi_user: Annotated[
        bool,
        typer.Option("--multi-user", help="A shared server with accounts on PostgreSQL (may listen on any address)."),
    ] = False,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", help="Multi-user: the PostgreSQL database (else NEXTROUND_DATABASE_URL)."),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Multi-user: server processes.")] = 1,
    proxy_headers: Annotated[
        bool,
        typer.Option(
            "--proxy-headers",
            help="Multi-user, behind a reverse proxy on this machine: trust its X-Forwarded-For/-Proto "
            "(HTTPS there makes the session cookie Secure).",
        ),
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option("--allowed-host", help="Multi-user: a public host name (with :port) the server answers to."),
    ] = None,
    allow_sign_up: Annotated[
        bool, typer.Option("--allow-sign-up", help="Multi-user: anyone may create an account (default: invitation).")
    ] = False,
) -> None:
    """Open nextround in the browser: every step, from the dashboard to the weekly review."""
    import tempfile
    from pathlib import Path

    from nextround.config import Settings
    from nextround.web.security import check_bind_host

    if multi_user:
        if demo:
            raise UserError("--demo is a throwaway single-user copy; it does not go with --multi-user")
        options = {
            "host": host,
            "port": port,
            "allow_sign_up": allow_sign_up,
            "allowed_hosts": allowed_host or [],
        }
        settings = multi_user_settings(database_url)
        os.environ["NEXTROUND_DATABASE_URL"] = settings.database_url
        os.environ[SERVE_ENV] = json.dumps(options)
        _run_multi_user(settings, host, port, workers=workers, proxy_headers=proxy_headers)
        return
    if workers != 1 or proxy_headers or allowed_host or allow_sign_up or database_url:
        raise UserError(
            "--workers, --proxy-headers, --allowed-host, --allow-sign-up and --database-url need --multi-user"
        )
    check_bind_host(host)
    settings = Settings.from_env()
    # `kill` (SIGTERM) must unwind like Ctrl+C, so the demo's throwaway folder is removed. uvicorn
    # handles the signal while it runs, then raises it again once stopped: this handler takes it then.
    signal.signal(signal.SIGTERM, _exit_on_terminate)
    with tempfile.TemporaryDirectory(prefix="nextround-demo-") as scratch:
        if demo:
            from nextround.services.demo import fill_demo
            from nextround.services.workspace import Workspace

            home = Path(scratch)
            settings = Settings(home=home, database_url=f"sqlite:///{home / 'demo.db'}")
            ws = Workspace.open_local(settings)
            try:
                counts = fill_demo(ws)
            finally:
                ws.db.dispose()
            typer.echo(f"Demo data: {counts.applications} invented applications in a throwaway database.")
        _run(settings, host, port, demo=demo, open_browser=open_browser)


def _exit_on_terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _run(settings: "Settings", host: str, port: int, *, demo: bool, open_browser: bool) -> None:
    import threading
    import webbrowser

    import uvicorn

    from nextround.web.app import create_app

    listener = _listen(host, port)  # before the URL is printed: a taken port must not look like a start
    app = create_app(settings, host=host, port=port, demo=demo)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    typer.echo(f"nextround is running at {url}  (Ctrl+C to stop)")
    from nextround.integrations.speech import warm_up

    warm_up()  # the speech model loads beside the server, so the first spoken answer does not wait for it
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[listener])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (bound as uvicorn binds it), or a one-line error when the port is taken."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    # As uvicorn does: a port left in TIME_WAIT by a server just stopped is free; one listened on is not.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise UserError(
                f"port {port} is already in use on {host} (is nextround already running?): "
                f"pick another with --port, e.g. --port {port + 1 if port < 65535 else 8765}"
            ) from None
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def multi_user_settings(database_url: str | None) -> "Settings":
    """The settings of a shared server: refused unless the database is PostgreSQL."""
    from nextround.config import Settings

    env = dict(os.environ)
    if database_url:
        env["NEXTROUND_DATABASE_URL"] = database_url
    settings = Settings.from_env(env)
    try:
        import argon2  # noqa: F401 - the password hashes
    except ImportError:
        raise UserError("multi-user mode needs argon2-cffi: pip install 'nextround[multiuser]'") from None
    if not settings.database_url.startswith("postgresql"):
        raise UserError(
            "multi-user mode needs PostgreSQL (--database-url postgresql://…): an SQLite file lets one process "
            "write at a time and lives on one machine, so several server processes cannot share it"
        )
    return settings


def multi_user_app() -> "FastAPI":
    """The app of one worker process of `serve --multi-user` (uvicorn imports and calls this)."""
    from nextround.web.app import create_app, warm_up
    from nextround.web.auth import MultiUser

    options = json.loads(os.environ.get(SERVE_ENV) or "{}")
    settings = multi_user_settings(None)
    config = MultiUser(
        allow_sign_up=bool(options.get("allow_sign_up")), allowed_hosts=tuple(options.get("allowed_hosts") or ())
    )
    app = create_app(
        settings, host=options.get("host", "127.0.0.1"), port=int(options.get("port", 8765)), multi_user=config
    )
    warm_up(app)  # uvicorn calls this factory before the worker accepts connections
    return app


def _run_multi_user(settings: "Settings", host: str, port: int, *, workers: int, proxy_headers: bool) -> None:
    import inspect

    import uvicorn

    from nextround.storage.db import Database

    Database.open(settings.database_url).dispose()  # migrate once, before the workers start
    # uvicorn kills a worker that misses a 5 s health check; on a busy machine that drops live connections
    patient = (
        {"timeout_worker_healthcheck": 30}
        if "timeout_worker_healthcheck" in inspect.signature(uvicorn.Config).parameters
        else {}
    )
    # Idle connections stay open longer than a reverse proxy's or a person's pause between clicks: uvicorn's 5 s
    # default closes them just as clients reuse them, which they see as dropped requests.
    patient["timeout_keep_alive"] = 75
    _listen(host, port).close()  # only a check: uvicorn binds its own socket, shared with its workers
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"nextround (multi-user, {workers} worker{'s' if workers != 1 else ''}) at http://{shown}:{port}/")
    uvicorn.run(
        "nextround.cli.web:multi_user_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=proxy_headers,
        forwarded_allow_ips="127.0.0.1,::1" if proxy_headers else None,
        log_level="warning",
        access_log=False,
        **patient,  # type: ignore[arg-type]
    )


def register(app: typer.Typer) -> None:
    """Add `nextround serve`."""
    app.command("serve")(serve)
