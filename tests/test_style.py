"""One style: ruff's linter and formatter pass (pyproject.toml), and no line ends in a backslash continuation."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess:
    if shutil.which("ruff") is None and subprocess.run([sys.executable, "-m", "ruff", "--version"]).returncode:
        pytest.fail("ruff is not installed: pip install -r requirements-dev.txt")
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing_to_fix() -> None:
    done = ruff("check", "--output-format", "concise", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_leaves_every_file_as_it_is() -> None:
    done = ruff("format", "--check", ".")
    assert done.returncode == 0, f"run `ruff format .`:\n{done.stdout}{done.stderr}"


def continuations(source: str) -> list[int]:
    """Return the lines that end in a backslash continuation (not one inside a string)."""
    in_strings = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            in_strings.update(range(token.start[0], token.end[0]))
    return [n for n, line in enumerate(source.splitlines(), 1) if line.endswith("\\") and n not in in_strings]


def sources() -> dict[str, str]:
    found = {}
    for path in ROOT.rglob("*.py"):
        if not any(part in {"node_modules", "build", "outputs"} or part.startswith(".") for part in path.parts):
            found[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            if cell.cell_type == "code":
                found[f"{path.relative_to(ROOT)}, cell {index}"] = cell.source
    return found


def test_no_backslash_continuations() -> None:
    found = {where: lines for where, source in sources().items() if (lines := continuations(source))}
    assert not found, f"wrap in parentheses instead of ending a line with a backslash: {found}"
    assert continuations("x = 1 + \\\n    2\ny = '''a\\\nb'''") == [1]
