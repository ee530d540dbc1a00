"""The layering rules of DESIGN.md, checked rather than hoped for."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import nextround.analysis
import nextround.domain

FRAMEWORKS = ("fastapi", "typer", "sqlalchemy", "httpx", "alembic", "rich", "jinja2", "starlette")


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [info.name for info in pkgutil.walk_packages(path, prefix)]


def test_domain_and_analysis_import_no_framework() -> None:
    modules = _modules(nextround.domain) + _modules(nextround.analysis)
    assert modules, "expected domain and analysis modules"
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(','.join(sorted(m for m in {FRAMEWORKS!r} if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"pure layers imported: {result.stdout.strip()}"


def test_help_and_version_do_not_load_the_database_stack() -> None:
    code = (
        "import sys\n"
        "from nextround.cli.main import app\n"
        "try:\n    app(['--help'], prog_name='nextround')\nexcept SystemExit:\n    pass\n"
        "print('LOADED:' + ','.join(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("LOADED:")


def test_every_module_imports() -> None:
    import nextround

    for name in _modules(nextround):
        if ".migrations." in name or name.endswith("__main__"):
            continue
        importlib.import_module(name)
