"""The student notebooks are exactly what tools/build_notebooks.py makes from the solutions."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

SOLUTION = '''def step(x):
    # ≈ 1 line
    ### BEGIN SOLUTION
    return 1 if x > 0 else 0
    ### END SOLUTION'''


def test_student_notebooks_match_the_solutions() -> None:
    stale = [str(p.relative_to(ROOT)) for p, text in build.plan().items() if not p.exists() or p.read_text() != text]
    assert not stale, f"run `python tools/build_notebooks.py` — these differ from what it builds: {stale}"


def test_every_student_notebook_has_a_solution() -> None:
    solutions = {p.name for p in (ROOT / "solutions").glob("*.ipynb")}
    students = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert solutions and students == solutions


def test_stub_replaces_the_solution_at_its_indent() -> None:
    assert build.strip_solutions(SOLUTION) == (
        "def step(x):\n    # ≈ 1 line\n    # YOUR CODE HERE\n    raise NotImplementedError()")


@pytest.mark.parametrize("source, problem", [
    ("def f():\n    ### BEGIN SOLUTION\n    return 1", "never closed"),
    ("def f():\n    return 1\n    ### END SOLUTION", "without"),
    ("def f():\n    ### BEGIN SOLUTION\n    ### BEGIN SOLUTION\n    ### END SOLUTION", "inside another"),
    ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "function body"),
    ("def f():\n    return 1  ### END SOLUTION", "alone on its line"),
])
def test_unbalanced_or_misplaced_markers_are_refused(source: str, problem: str) -> None:
    with pytest.raises(build.MarkerError, match=problem):
        build.strip_solutions(source)


def test_student_notebooks_ship_without_outputs_or_solutions() -> None:
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            assert build.BEGIN not in cell.source and build.END not in cell.source, path.name
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


def test_a_hand_edited_student_notebook_is_caught(tmp_path: Path) -> None:
    for folder in ("solutions", "notebooks"):
        (tmp_path / folder).mkdir()
        for path in (ROOT / folder).glob("*.ipynb"):
            (tmp_path / folder / path.name).write_text(path.read_text())
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    student = next((tmp_path / "notebooks").glob("*.ipynb"))
    student.write_text(student.read_text().replace("raise NotImplementedError()", "return 42", 1))
    stale = [p for p, text in build.plan(tmp_path).items() if p.read_text() != text]
    assert stale == [student]


def test_badges_point_at_their_own_notebook_and_setup_cells_are_identical() -> None:
    setups = set()
    for folder in ("solutions", "notebooks"):
        for path in (ROOT / folder).glob("*.ipynb"):
            nb = nbformat.read(path, as_version=4)
            badge = f"/blob/main/{folder}/{path.name})"
            assert badge in nb.cells[0].source and nb.cells[0].source.count("colab-badge.svg") == 1, path
            assert nb.cells[1].source.startswith(build.SETUP_FIRST_LINE), path
            setups.add(nb.cells[1].source)
    assert setups == {build.setup_source(build.repository_url())}
