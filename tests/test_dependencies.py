"""What the course installs: every import declared in its group, the lock complete and exact, the environment whole.

pyproject.toml declares the helpers' dependencies (a student's runtime, also what Colab must already have) and the
extras lab, test and site; requirements.txt and requirements-dev.txt install them through requirements-lock.txt.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import nbformat
import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
OWN = {"helpers", "tools", "tests", "browser_lab", "conftest"}  # the course's own modules (tests/ and tools/ import
OWN |= {p.stem for folder in ("tools", "tests") for p in (ROOT / folder).glob("*.py")}  # their siblings by name)


def _declared(*groups: str) -> set[str]:
    """Return the distribution names the helpers' dependencies and the extras ``groups`` declare."""
    requirements = PROJECT["dependencies"] + [r for g in groups for r in PROJECT["optional-dependencies"][g]]
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def _imports(source: str) -> set[str]:
    """Return the top-level modules that ``source`` imports (IPython magics ignored)."""
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - OWN


def _sources(*places: str) -> dict[str, str]:
    files = {}
    for place in places:
        for path in [ROOT / place] if place.endswith(".py") else sorted((ROOT / place).rglob("*.py")):
            files[str(path.relative_to(ROOT))] = path.read_text()
    return files


def _undeclared(files: dict[str, str], declared: set[str]) -> dict[str, list[str]]:
    """Return, per file, the modules it imports that no declared distribution provides."""
    providers = packages_distributions()
    missing = {}
    for name, source in files.items():
        modules = [
            m for m in sorted(_imports(source)) if not {canonicalize_name(d) for d in providers.get(m, [])} & declared
        ]
        if modules:
            missing[name] = modules
    return missing


def test_every_module_the_helpers_and_notebooks_import_is_a_declared_dependency() -> None:
    files = _sources("helpers")
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        files[path.name] = "\n".join(c.source for c in cells if c.cell_type == "code")
    missing = _undeclared(files, _declared())
    assert not missing, f"declare these in pyproject.toml's [project] dependencies: {missing}"


def test_an_undeclared_import_is_named() -> None:
    planted = {
        "helpers/x.py": "import numpy\nfrom nbformat import v4\nimport os, json\n"
    }  # nbformat: test's, not a helper's
    assert _undeclared(planted, _declared()) == {"helpers/x.py": ["nbformat"]}
    assert _undeclared(planted, _declared("test")) == {}


def test_every_module_the_tools_and_tests_import_is_declared_in_an_extra() -> None:
    files = _sources("tools", "tests", "benchmarks", "conftest.py")
    missing = _undeclared(files, _declared("lab", "test", "site"))
    assert not missing, f"declare these in an extra of pyproject.toml (test or site): {missing}"


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([0-9][0-9A-Za-z.]*)", line.strip())
            assert match, f"requirements-lock.txt: {line!r} is not `name==version` (no local label, hash or URL)"
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def test_the_lock_pins_every_declared_package_within_its_declared_range() -> None:
    pins = _lock()
    for requirement in map(Requirement, PROJECT["dependencies"] + sum(PROJECT["optional-dependencies"].values(), [])):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"requirements-lock.txt pins no {name}: rerun tools/test_latest.sh --write-lock"
        assert requirement.specifier.contains(Version(pins[name])), f"{name}=={pins[name]} is not {requirement}"


def test_requirement_files_install_their_group_through_the_lock() -> None:
    def lines(name: str) -> list[str]:
        text = (ROOT / name).read_text().splitlines()
        return [line.split("#", 1)[0].strip() for line in text if line.split("#", 1)[0].strip()]

    assert lines("requirements.txt") == ["-c requirements-lock.txt", "-e .[lab]"]
    assert lines("requirements-dev.txt") == [
        "-c requirements-lock.txt",
        f"-e .[{','.join(PROJECT['optional-dependencies'])}]",
    ]
    assert list(PROJECT["optional-dependencies"]) == ["lab", "test", "site"]


def test_python_versions_agree() -> None:
    """requires-python's floor is the Python the suite, Binder and ruff's target are on (tools/ needs tomllib)."""
    floor = re.fullmatch(r">=(3\.\d+)", PROJECT["requires-python"])
    assert floor, PROJECT["requires-python"]
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == f"python-{floor[1]}"
    ruff = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["target-version"]
    assert ruff == "py" + floor[1].replace(".", "")
    assert SpecifierSet(PROJECT["requires-python"]).contains(f"{sys.version_info.major}.{sys.version_info.minor}")


def test_pip_check_finds_no_broken_requirement() -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, timeout=120)
    if "No module named pip" in done.stderr:
        pytest.skip("this environment has no pip")
    assert done.returncode == 0, done.stdout + done.stderr
