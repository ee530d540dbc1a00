"""The layering rules of DESIGN.md, checked rather than hoped for."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator, Mapping, MutableMapping
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


# Everyday commands: on an SQLite file with a current schema they go through storage.reads (sqlite3), and
# drafting a feedback request writes its row through storage.drafts, because loading SQLAlchemy alone costs
# them more than their whole work (bench/README.md).
EVERYDAY = ([], ["today"], ["stats"], ["app", "show", "1"], ["app", "list", "--json"], ["feedback", "draft", "1"])


def _without_database_url(home: Path) -> dict[str, str]:
    env = {**os.environ, "NEXTROUND_HOME": str(home)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    return env


@pytest.fixture(scope="module")
def one_application_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose SQLite file was made, at the current schema, by `app add` in its own process; made once
    for the module, each test reads its own copy (drafting a request writes to it)."""
    home = tmp_path_factory.mktemp("one-application") / "home"
    add = ["app", "add", "--company", "Acme", "--role", "Support Engineer", "--applied-on", "2024-10-01"]
    subprocess.run(
        [sys.executable, "-m", "nextround", *add], env=_without_database_url(home), capture_output=True, check=True
    )
    return home


@pytest.mark.parametrize("command", EVERYDAY, ids=lambda words: " ".join(words) or "overview")
def test_everyday_reads_do_not_load_the_database_stack(
    command: list[str], one_application_home: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(one_application_home, home)
    env = _without_database_url(home)
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


# -- typed all the way down: no Any, object or bare dict inside a service's result ---------------------------

# Results whose free-form part is the point: each says why. Anything else must name its fields.
FREE_DATA = frozenset({
    "ExportDocument.tables",  # the JSON export: every table's rows as they are stored, for a later import
    "ExportDocument.coaching",  # the shared server's coaching rows in that export, likewise
    "DeletedRows.rows",  # the trash keeps any table's rows as stored, to put them back as they were
    "Unlinked.row_id",  # a cleared link to any table's row: its key and old value, of that column's type
    "Unlinked.value",
})  # fmt: skip

# Nested parts not typed yet: this list only shrinks (see issue 10).
NESTED_NOT_YET_TYPED = frozenset({
    "FeedbackEntry.analysis",  # the stored feedback analysis as analysis.feedback writes it
    "Nudge.context",  # the figures a nudge's words were built from, per rule
})  # fmt: skip

_MAPPINGS = (dict, Mapping, MutableMapping)


def _type_names() -> dict[str, object]:
    """Every class of the package by name, for annotations imported only under TYPE_CHECKING; a name two
    modules define differently is left out (its module's own import resolves it)."""
    found: dict[str, object] = {}
    clashes: set[str] = set()
    for name in _modules(nextround):
        if ".migrations." in name or name.endswith("__main__"):
            continue
        for key, value in vars(importlib.import_module(name)).items():
            ours = isinstance(value, type) and value.__module__.startswith("nextround")
            if ours and found.setdefault(key, value) is not value:
                clashes.add(key)
    return {key: value for key, value in found.items() if key not in clashes}


def _untyped_parts(annotation: object, where: str, names: dict[str, object], seen: set[type]) -> Iterator[str]:
    """Where `annotation` holds Any, object or a bare dict/Mapping, following dataclass fields down."""
    if annotation is typing.Any or annotation is object or annotation in _MAPPINGS:
        yield where
        return
    arguments = typing.get_args(annotation)
    if arguments:
        for argument in arguments:
            yield from _untyped_parts(argument, where, names, seen)
        return
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation) and annotation not in seen:
        seen.add(annotation)
        hints = typing.get_type_hints(annotation, localns=names)
        for item in dataclasses.fields(annotation):
            yield from _untyped_parts(hints[item.name], f"{annotation.__name__}.{item.name}", names, seen)


def untyped_result_parts() -> set[str]:
    """Each public service function's return type, walked through its dataclasses' fields."""
    names = _type_names()
    found: set[str] = set()
    seen: set[type] = set()
    for path in sorted(SERVICES_DIR.glob("*.py")):
        module = importlib.import_module(f"nextround.services.{path.stem}")
        for name, value in vars(module).items():
            if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
                continue
            functions = [value] if inspect.isfunction(value) else []
            if isinstance(value, type):
                functions = [f for key, f in vars(value).items() if not key.startswith("_") and inspect.isfunction(f)]
            for function in functions:
                returns = typing.get_type_hints(function, localns=names).get("return")
                where = f"{path.stem}.{function.__qualname__}()"
                found.update(_untyped_parts(returns, where, names, seen))
    return found


def test_service_results_are_typed_all_the_way_down() -> None:
    """A count per stage (`Mapping[str, int]`) is typed data keyed by data and passes; `Any`, `object` or a
    bare `dict` inside a result stops strict typing at the boundary and fails."""
    found = untyped_result_parts()
    assert "ExportDocument.tables" in found  # the walk reaches nested dataclasses and allow-listed parts
    offenders = sorted(found - FREE_DATA - NESTED_NOT_YET_TYPED)
    assert not offenders, f"give these result parts named fields (a frozen dataclass): {offenders}"
    typed_now = sorted((FREE_DATA | NESTED_NOT_YET_TYPED) - found)
    assert not typed_now, f"typed now, take them off the allow-list: {typed_now}"


def test_the_nested_check_sees_untyped_parts() -> None:
    @dataclasses.dataclass(frozen=True)
    class Inner:
        loose: Mapping[str, object]
        counts: Mapping[str, int]

    @dataclasses.dataclass(frozen=True)
    class Outer:
        items: tuple[Inner, ...]
        extra: dict  # type: ignore[type-arg]

    assert set(_untyped_parts(Outer, "f()", {"Inner": Inner, "Mapping": Mapping}, set())) == {
        "Inner.loose",
        "Outer.extra",
    }


# -- docs/architecture.md's request flow names real code ------------------------------------------------------

ARCHITECTURE_DOC = PACKAGE_DIR.parent.parent / "docs" / "architecture.md"


def test_the_request_flow_in_the_docs_names_code_that_exists() -> None:
    """Every dotted name in the flow diagram (cli.…, web.…, services.…, storage.…) is a module's attribute."""
    text = ARCHITECTURE_DOC.read_text(encoding="utf-8")
    diagram = text.split("```")[1]
    names = set(re.findall(r"\b((?:cli|web|services|storage|domain)(?:\.\w+)+)", diagram))
    assert {"services.goals.add_goal", "web.routes.insights.add_goal", "cli.insight.goal_add"} <= names
    missing = []
    for name in sorted(names):
        parts = name.split(".")
        for cut in range(len(parts), 0, -1):  # the longest importable module, then attributes down
            try:
                found: object = importlib.import_module("nextround." + ".".join(parts[:cut]))
            except ModuleNotFoundError:
                continue
            for attribute in parts[cut:]:
                found = getattr(found, attribute, None)
            if found is None:
                missing.append(name)
            break
        else:
            missing.append(name)
    assert not missing, f"docs/architecture.md names code that is not there: {missing}"
