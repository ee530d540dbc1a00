"""The layering rules of DESIGN.md, checked rather than hoped for."""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import nextround
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


# Everyday commands that only read: on an SQLite file with a current schema they go through storage.reads
# (sqlite3), because loading SQLAlchemy alone costs them more than their whole work (bench/README.md).
READ_ONLY_EVERYDAY = ([], ["today"], ["stats"], ["app", "show", "1"], ["app", "list", "--json"])


@pytest.mark.parametrize("command", READ_ONLY_EVERYDAY, ids=lambda words: " ".join(words) or "overview")
def test_everyday_reads_do_not_load_the_database_stack(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    add = ["app", "add", "--company", "Acme", "--role", "Support Engineer", "--applied-on", "2024-10-01"]
    subprocess.run([sys.executable, "-m", "nextround", *add], env=env, capture_output=True, check=True)
    code = (
        "import sys\n"
        "from nextround.cli.main import run\n"
        f"sys.argv = ['nextround', *{command!r}]\n"
        "try:\n    run()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('LOADED:' + ','.join(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"


def test_every_module_imports() -> None:
    import nextround

    for name in _modules(nextround):
        if ".migrations." in name or name.endswith("__main__"):
            continue
        importlib.import_module(name)


# -- the service boundary is typed -----------------------------------------------------------------------

SERVICES_DIR = Path(nextround.__file__).parent / "services"
UNTYPED_NAMES = frozenset({"dict", "Dict", "Any"})

# Agenda and next-step functions: helper core-actions is reshaping them into Action data. Until then they may
# still return dicts; core-actions empties this list.
AGENDA_EXEMPT: frozenset[str] = frozenset()

# Public service functions that still return dicts, being typed slice by slice: this list only shrinks (empty).
NOT_YET_TYPED: frozenset[str] = frozenset()


def _untyped(annotation: ast.expr | None) -> bool:
    """True when a return annotation is, or contains, dict or Any (also inside a string annotation)."""
    if annotation is None:
        return True
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name) and node.id in UNTYPED_NAMES:
            return True
        if isinstance(node, ast.Attribute) and node.attr in UNTYPED_NAMES:
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _untyped(_expression(node.value)):
            return True
    return False


def _expression(text: str) -> ast.expr:
    return ast.parse(text, mode="eval").body


def _public_functions(body: list[ast.stmt], prefix: str) -> Iterator[tuple[str, ast.expr | None]]:
    """(qualified name, return annotation) of each public function and public class's method."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_"):
            yield prefix + node.name, node.returns
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            yield from _public_functions(node.body, f"{prefix}{node.name}.")


def untyped_service_functions() -> set[str]:
    found = set()
    for path in sorted(SERVICES_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, returns in _public_functions(tree.body, path.stem + "."):
            if _untyped(returns):
                found.add(name)
    return found


def test_services_return_types() -> None:
    found = untyped_service_functions()
    assert "applications.ApplicationService.get" not in found  # the walk sees methods and typed ones pass
    offenders = sorted(found - AGENDA_EXEMPT - NOT_YET_TYPED)
    assert not offenders, f"public service functions must return dataclasses or domain objects: {offenders}"
    typed_now = sorted((AGENDA_EXEMPT | NOT_YET_TYPED) - found)
    assert not typed_now, f"typed now, take them off the allow-list: {typed_now}"


def test_the_return_type_check_sees_dicts_anywhere() -> None:
    assert _untyped(_expression("list[dict[str, int]]"))
    assert _untyped(_expression("tuple[Goal, typing.Any]"))
    assert _untyped(_expression("'Mapping[str, Any]'"))
    assert not _untyped(_expression("list[Goal] | None"))


# -- settings are read once, by the entry points ---------------------------------------------------------

PACKAGE_DIR = Path(nextround.__file__).parent
# cli/ and web/ are the entry points; config.py is what they call to read the environment once.
MAY_READ_ENVIRONMENT = ("cli/", "web/", "config.py")


def environment_reads(source: str) -> list[int]:
    """Lines that read the process environment: os.environ, os.getenv, environ/getenv imported from os."""
    names = ("environ", "getenv", "environb", "putenv")

    def reads(node: ast.AST) -> bool:
        if isinstance(node, ast.Attribute):
            return node.attr in names
        return isinstance(node, ast.ImportFrom) and node.module == "os" and any(a.name in names for a in node.names)

    return [node.lineno for node in ast.walk(ast.parse(source)) if reads(node)]  # type: ignore[attr-defined]


def test_nothing_below_the_entry_points_reads_the_environment() -> None:
    offenders = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(PACKAGE_DIR).as_posix()
        if relative.startswith(MAY_READ_ENVIRONMENT) or "/migrations/" in relative:
            continue
        offenders += [f"{relative}:{line}" for line in environment_reads(path.read_text(encoding="utf-8"))]
    assert not offenders, f"read settings in cli/ or web/ and pass them down (Settings): {offenders}"


def test_the_environment_check_sees_every_spelling() -> None:
    assert environment_reads("import os\nx = os.environ.get('A')") == [2]
    assert environment_reads("from os import getenv\n") == [1]
    assert environment_reads("import os\nos.getenv('A')") == [2]
    assert environment_reads("env = {}\nenv.get('A')") == []


def test_route_handlers_are_plain_functions() -> None:
    """Handlers call synchronous services: as plain `def`s FastAPI runs them in its thread pool (see
    test_web_concurrency); an `async def` would stop every other request while the database is busy."""
    routes = PACKAGE_DIR / "web" / "routes"
    found = [
        f"{path.name}:{node.name}"
        for path in sorted(routes.glob("*.py"))
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.AsyncFunctionDef)
    ]
    assert not found, f"make these plain def (read a form with web.deps.FormDep): {found}"
