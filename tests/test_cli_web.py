"""`nextround serve`: refuses public addresses, and `--demo` serves an invented search on a throwaway database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_help_names_every_option() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nextround", "serve", "--help"], capture_output=True, text=True, check=True
    )
    for option in ("--host", "--port", "--demo", "--open", "--no-open"):
        assert option in result.stdout


def test_serve_refuses_a_public_address(tmp_path: Path) -> None:
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "nextround", "serve", "--host", "192.168.1.5"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: refusing to listen on 192.168.1.5")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "nextround.db").exists()


def test_serve_demo_shows_an_invented_search_and_leaves_the_real_data_alone(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path / "real"), "TMPDIR": str(scratch)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--demo", "--port", str(port), "--no-open"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = None
        deadline = time.monotonic() + 90  # generous for a loaded CI machine; returns as soon as it answers
        while page is None and time.monotonic() < deadline and process.poll() is None:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/applications", timeout=10)
            except httpx.HTTPError:
                time.sleep(0.2)
        assert page is not None and page.status_code == 200
        assert "Demo mode" in page.text
        assert "Northwind Logistics" in page.text
        stats = httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=5).json()
        assert stats["applications"] >= 15
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert "Demo data:" in output
    assert not (tmp_path / "real" / "nextround.db").exists()
    assert "Traceback" not in output
    assert list(scratch.glob("nextround-demo-*")) == []  # stopped with SIGTERM, it cleaned up after itself


def test_serve_on_a_taken_port_says_so_in_one_line_and_prints_no_address(tmp_path: Path) -> None:
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "nextround", "serve", "--port", str(port), "--no-open"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert "http://" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"port {port} is already in use" in lines[0] and "--port" in lines[0]
