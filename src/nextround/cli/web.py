"""`nextround serve`: the web app on this computer, on loopback only."""

import signal
from typing import Annotated

import typer


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
) -> None:
    """Open nextround in the browser: every step, from the dashboard to the weekly review."""
    import tempfile
    from pathlib import Path

    from nextround.config import Settings
    from nextround.web.security import check_bind_host

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


def _run(settings: object, host: str, port: int, *, demo: bool, open_browser: bool) -> None:
    import threading
    import webbrowser

    import uvicorn

    from nextround.config import Settings
    from nextround.web.app import create_app

    assert isinstance(settings, Settings)
    app = create_app(settings, host=host, port=port, demo=demo)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    typer.echo(f"nextround is running at {url}  (Ctrl+C to stop)")
    from nextround.integrations.speech import warm_up

    warm_up()  # the speech model loads beside the server, so the first spoken answer does not wait for it
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def register(app: typer.Typer) -> None:
    """Add `nextround serve`."""
    app.command("serve")(serve)
