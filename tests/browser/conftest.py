"""Browser tests: Debian's Chromium driven by Playwright against a real uvicorn server on a free port.

Chromium (/usr/bin/chromium) and axe-core (node_modules, from `npm ci`) are required in CI
(NEXTROUND_REQUIRE_BROWSER=1): missing, the tests FAIL with a clear message. Without that variable, on a
machine that lacks them, the browser tests are deselected with a printed note; the rest of the suite runs.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("NEXTROUND_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing_parts() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install -y chromium)")
    if not AXE.exists():
        missing.append(f"axe-core at {AXE.relative_to(ROOT)} (npm ci)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright for Python (pip install -e '.[dev]')")
    return missing


def required() -> bool:
    return os.environ.get("NEXTROUND_REQUIRE_BROWSER", "") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = missing_parts()
    if not missing or required():
        return
    here = Path(__file__).parent
    browser_items = [item for item in items if Path(str(item.fspath)).is_relative_to(here)]
    if not browser_items:
        return
    items[:] = [item for item in items if item not in browser_items]
    config.hook.pytest_deselected(items=browser_items)
    note = (
        f"\nnote: {len(browser_items)} browser tests deselected, missing: {'; '.join(missing)}. "
        "CI sets NEXTROUND_REQUIRE_BROWSER=1 and they must pass there.\n"
    )
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(note.strip())
    else:
        sys.stderr.write(note)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    url: str
    home: Path


# The demo database as filled on each day of the run: later demo servers start from a copy (filling the demo and
# migrating take a second or more of each start). Keyed by the day because the demo is dated from today.
_DEMO_TEMPLATES: dict[date, Path] = {}


@contextmanager
def demo_server(home: Path) -> Iterator[Server]:
    """`nextround serve` in its own process, on a free port, with a SQLite home in `home` holding the demo."""
    missing = missing_parts()
    if missing:
        pytest.fail("browser tests need: " + "; ".join(missing), pytrace=False)
    from nextround.config import Settings
    from nextround.services.demo import fill_demo
    from nextround.services.workspace import Workspace

    env = {key: value for key, value in os.environ.items() if key != "NEXTROUND_DATABASE_URL"}
    env["NEXTROUND_HOME"] = str(home)
    made = Settings.from_env(env).home / "nextround.db"
    template = _DEMO_TEMPLATES.get(date.today())
    if template is None:
        ws = Workspace.open_local(Settings.from_env(env))
        fill_demo(ws)
        ws.db.dispose()
        folder = tempfile.mkdtemp(prefix="nextround-demo-template-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = _DEMO_TEMPLATES[date.today()] = Path(folder) / "demo.db"
        shutil.copyfile(made, template)
    else:
        made.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, made)
    port = _free_port()
    log = (home / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--port", str(port), "--no-open"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # generous: on a loaded 2-core machine a cold start (imports, demo data, the models) can take 30 s
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(url + "/api/v1/stats", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("the server did not start:\n" + (home / "server.log").read_text(), pytrace=False)
            time.sleep(0.1)
        yield Server(url=url, home=home)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The demo server the browser tests share (a test that empties something starts its own demo_server)."""
    with demo_server(tmp_path_factory.mktemp("browser-home")) as shared:
        yield shared


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = missing_parts()
    if missing:
        pytest.fail("browser tests need: " + "; ".join(missing), pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageDriver:
    page: Any
    base: str
    problems: list[str]

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response.status if response else 'no response'}"
        return response

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def axe_violations(self) -> list[dict[str, Any]]:
        """Serious and critical accessibility violations axe-core finds on the current page."""
        self.page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
        result: dict[str, Any] = self.page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]


@contextmanager
def open_driver(browser: Any, server: Server, viewport: dict[str, int]) -> Iterator[PageDriver]:
    """A fresh browser context of this size, its console errors (CSP reports among them) collected."""
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        yield PageDriver(page=page, base=server.url, problems=problems)
    finally:
        context.close()


@pytest.fixture
def driver(browser: Any, server: Server) -> Iterator[PageDriver]:
    with open_driver(browser, server, {"width": 1280, "height": 900}) as opened:
        yield opened
