"""tools/build_notebooks.py: student notebooks are what it makes from the solutions, and it never loses anyone's work.

``build`` is the builder module (a fixture in conftest.py).
"""

from __future__ import annotations

import ast
import json
import shutil
import tomllib
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]

SOLUTION = """def step(x):
    # ≈ 1 line
    ### BEGIN SOLUTION
    return 1 if x > 0 else 0
    ### END SOLUTION"""


# ---------------------------------------------------------------- the repository's notebooks


def test_student_notebooks_match_the_solutions(build) -> None:
    stale = [str(p.relative_to(ROOT)) for p in build.stale()]
    assert not stale, f"run `python tools/build_notebooks.py` — these differ from what it builds: {stale}"


def test_every_student_notebook_has_a_solution() -> None:
    solutions = {p.name for p in (ROOT / "solutions").glob("*.ipynb")}
    students = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert solutions and students == solutions


def test_student_notebooks_ship_without_outputs_solutions_or_hidden_tests(build) -> None:
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            assert not any(marker in cell.source for marker in build.MARKERS), path.name
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


def test_badges_point_at_their_own_notebook_and_setup_cells_are_identical(build) -> None:
    setups, tag = set(), build.release_tag()
    for folder in ("solutions", "notebooks", "solutions/ko", "notebooks/ko"):
        for path in (ROOT / folder).glob("*.ipynb"):
            nb = nbformat.read(path, as_version=4)
            badge = f"/blob/{tag}/{folder}/{path.name})"
            assert badge in nb.cells[0].source and nb.cells[0].source.count("colab-badge.svg") == 1, path
            assert nb.cells[1].source.startswith(build.SETUP_FIRST_LINE), path
            setups.add(nb.cells[1].source)
    assert setups == {build.setup_source(build.repository_url(), tag)}


def test_colab_installs_the_helpers_of_the_release_named_by_the_package_version(build) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert build.release_tag() == f"v{version}"
    cell = build.setup_source(build.repository_url(), build.release_tag())
    assert f'.git@v{version}"' in cell, cell
    for readme in ("README.md", "README.ko.md"):  # their Colab line names the release the notebooks point at
        assert f"(`v{version}`," in (ROOT / readme).read_text(), f"{readme}: say which release Colab installs"


def _torch_loads(source: str) -> list[ast.Call]:
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    return [
        node
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "load"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "torch"
    ]


def test_solutions_load_checkpoints_with_weights_only() -> None:
    """Issue 12: removing weights_only=True from the solutions broke no test (torch ≥ 2.6 defaults to it)."""
    found = 0
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            for call in _torch_loads(cell.source):
                found += 1
                flag = next((k.value for k in call.keywords if k.arg == "weights_only"), None)
                text = ast.unparse(call)
                assert isinstance(flag, ast.Constant), f"{path.name}: {text} must say weights_only=True"
                unsafe_demo = "surprise" in text  # 04 shows what weights_only=False lets a file run
                assert flag.value is True or unsafe_demo, f"{path.name}: {text} must say weights_only=True"
    assert found >= 4


# ---------------------------------------------------------------- markers


def test_stub_replaces_the_solution_at_its_indent(build) -> None:
    assert build.strip_solutions(SOLUTION) == (
        "def step(x):\n    # ≈ 1 line\n    # YOUR CODE HERE\n    raise NotImplementedError()"
    )


def test_solutions_in_methods_and_nested_blocks_of_a_function_are_fine(build) -> None:
    method = (
        "class Net:\n    def forward(self, x):\n        if x:\n            ### BEGIN SOLUTION\n            return x\n"
        "            ### END SOLUTION\n        return 0"
    )
    assert "raise NotImplementedError()" in build.strip_solutions(method)


def test_hidden_tests_are_dropped_from_the_student_copy(build) -> None:
    source = "x = 1\nprint(x)\n\n### BEGIN HIDDEN TESTS\nassert x == 1\n### END HIDDEN TESTS"
    assert build.strip_solutions(source) == "x = 1\nprint(x)"
    inside = "def f():\n    ### BEGIN HIDDEN TESTS\n    assert True\n    ### END HIDDEN TESTS\n    return 1"
    assert build.strip_solutions(inside) == "def f():\n    return 1"


@pytest.mark.parametrize(
    "source, problem",
    [
        ("def f():\n    ### BEGIN SOLUTION\n    return 1", "never closed"),
        ("def f():\n    return 1\n    ### END SOLUTION", "without its BEGIN"),
        (
            "def f():\n    ### BEGIN SOLUTION\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION",
            "inside the solution block",
        ),
        ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "function body"),
        (
            "if True:\n    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION",
            "function body",
        ),  # issue 12: was accepted
        ("class A:\n    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION", "function body"),
        ("def f():\n    return 1  ### END SOLUTION", "looks like a marker"),
        ("def f():\n    ### begin solution\n    return 1\n    ### end solution", "looks like a marker"),  # issue 12
        ("def f():\n    ## BEGIN SOLUTION\n    return 1\n    ## END SOLUTION", "looks like a marker"),  # issue 12
        ("def f():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION", "looks like a marker"),  # issue 12
        ("def f():\n    ###BEGIN SOLUTION\n    return 1\n    ###END SOLUTION", "looks like a marker"),
        ("def f():\n    ### BEGIN SOLUTIONS\n    return 1", "looks like a marker"),
        ("### BEGIN HIDDEN TEST\nassert 1", "looks like a marker"),
        ("## BEGIN HIDDEN TESTS\nassert 1\n## END HIDDEN TESTS", "looks like a marker"),
        ("### BEGIN HIDDEN TESTS\nassert 1", "hidden tests block of line 1 is never closed"),
        ("assert 1\n### END HIDDEN TESTS", "without its BEGIN"),
        (
            "def f():\n    ### BEGIN SOLUTION\n    ### BEGIN HIDDEN TESTS\n    pass\n"
            "    ### END HIDDEN TESTS\n    ### END SOLUTION",
            "inside the solution block",
        ),
        (
            "### BEGIN HIDDEN TESTS\ndef f():\n    ### BEGIN SOLUTION\n    pass\n"
            "    ### END SOLUTION\n### END HIDDEN TESTS",
            "inside the hidden tests block",
        ),
        (
            "def f():\n    ### BEGIN SOLUTION\n    return 1\n### END HIDDEN TESTS",
            "the solution block of line 2 is open",
        ),
        ("# NBVAL_IGNORE_OUTPUT\nexplorer", "use a cell tag"),
        ("#NBVAL_SKIP\nx = 1", "use a cell tag"),
        ("def f(:\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION", "does not parse"),
    ],
)
def test_bad_markers_are_refused(build, source: str, problem: str) -> None:
    with pytest.raises(build.MarkerError, match=problem):
        build.strip_solutions(source, "01_x.ipynb, cell 5")


def test_errors_name_the_file_and_cell(build, course) -> None:
    _solution(course, [("markdown", "# 01 · Title"), ("code", "def f():\n    ## BEGIN SOLUTION\n    return 1")])
    with pytest.raises(build.MarkerError, match=r"01_x.ipynb, cell 2, line 2"):
        build.plan(course)
    _solution(course, [("markdown", "# 01 · Title"), ("markdown", "### BEGIN SOLUTION")])
    with pytest.raises(build.MarkerError, match=r"01_x.ipynb, cell 2: markers belong in code cells"):
        build.plan(course)


def test_a_heading_below_a_cells_first_line_is_refused(build, course: Path, capsys) -> None:
    """A heading starts a cell, so that each section starts a slide (tools/slides.py); a code block is no heading."""
    _solution(course, [("markdown", "# 01 · Title"), ("markdown", "## 1. One\n\n```\n## not a heading\n```")])
    assert _run(build, course) == 0
    _solution(course, [("markdown", "# 01 · Title"), ("markdown", "Closing words.\n\n## 2. Two\n\nText.")])
    assert _run(build, course, "--check") == 2
    err = capsys.readouterr().err
    assert "solutions/01_x.ipynb, cell 2" in err and "`## 2. Two` is not the cell's first line" in err


# ---------------------------------------------------------------- a small course in a temporary folder


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """Return a folder with pyproject.toml, one solution and its built student copy."""
    (tmp_path / "solutions").mkdir()
    (tmp_path / "notebooks").mkdir()
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    _solution(
        tmp_path,
        [
            ("markdown", "# 01 · Title\n\nWhat you learn."),
            ("code", "import math"),
            ("code", SOLUTION + "\n\nstep(1)"),
            ("code", "print(step(2))\n### BEGIN HIDDEN TESTS\nassert step(2) == 1\n### END HIDDEN TESTS"),
            ("code", "### BEGIN HIDDEN TESTS\nassert step(-1) == 0\n### END HIDDEN TESTS"),
        ],
    )
    return tmp_path


def _solution(root: Path, cells: list[tuple[str, str]], name: str = "01_x") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(src) if kind == "markdown" else nbformat.v4.new_code_cell(src)
        for kind, src in cells
    ]
    path = root / "solutions" / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def _run(build, root: Path, *args: str) -> int:
    return build.main(list(args), root=root)


def test_build_then_check_is_clean_and_hides_tests(build, course: Path, capsys) -> None:
    assert _run(build, course, "--check") == 1
    assert _run(build, course) == 0 and _run(build, course, "--check") == 0
    student = nbformat.read(course / "notebooks" / "01_x.ipynb", as_version=4)
    sources = [c.source for c in student.cells]
    assert "print(step(2))" in sources and not any("assert" in s for s in sources)
    assert len(student.cells) == 5  # title, setup, import, exercise, print: the hidden-tests-only cell is gone
    assert student.metadata["course"]["built_from"] == "solutions/01_x.ipynb"


def test_check_of_an_unknown_notebook_fails(build, course: Path, capsys) -> None:
    """Issue 12: `--check 99_nope` exited 0 having checked nothing."""
    _run(build, course)
    assert _run(build, course, "--check", "99_nope") == 2
    assert "no solution named 99_nope: choose from 01_x" in capsys.readouterr().err
    assert _run(build, course, "--check", "01_x") == 0 and _run(build, course, "--check", "solutions/01_x.ipynb") == 0


def test_invalid_json_names_the_file(build, course: Path, capsys) -> None:
    """Issue 12: invalid JSON did not say which file."""
    (course / "solutions" / "01_x.ipynb").write_text('{"cells": [')
    assert _run(build, course, "--check") == 2
    assert "solutions/01_x.ipynb: not a readable notebook" in capsys.readouterr().err


def _jupyterlab_autosave(path: Path) -> None:
    """Do to ``path`` what JupyterLab's autosave does to a notebook that was only opened."""
    data = json.loads(path.read_text())
    data["metadata"]["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    data["metadata"]["language_info"] = {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": "3.11.9",
    }
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def test_opening_a_notebook_in_jupyterlab_is_not_a_change(build, course: Path) -> None:
    """Issue 12: autosave rewrote the kernelspec and language_info; --check then failed the suite."""
    _run(build, course)
    for folder in ("solutions", "notebooks"):
        _jupyterlab_autosave(course / folder / "01_x.ipynb")
    assert _run(build, course, "--check") == 0 and build.stale(course) == {}
    assert _run(build, course) == 0  # and nothing to write


def _fill_in(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "raise NotImplementedError()" in c.source)
    cell.source = cell.source.replace("raise NotImplementedError()", "return int(x > 0)")
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="ran\n")]
    nbformat.write(nb, path)


def test_a_student_notebook_with_work_in_it_is_never_overwritten(build, course: Path, capsys) -> None:
    """Issue 12: the builder silently overwrote a filled-in notebooks/*.ipynb."""
    _run(build, course)
    student = course / "notebooks" / "01_x.ipynb"
    _fill_in(student)
    work = student.read_text()
    solution = course / "solutions" / "01_x.ipynb"
    solution.write_text(solution.read_text().replace("import math", "import math, os"))  # the instructor edits
    assert _run(build, course) == 1
    err = capsys.readouterr().err
    assert "refusing to overwrite" in err and "notebooks/01_x.ipynb" in err and "--overwrite" in err
    assert student.read_text() == work
    assert _run(build, course, "--overwrite") == 0
    assert (course / "outputs" / "notebook-backups" / "01_x.ipynb").read_text() == work
    assert "import math, os" in student.read_text()


def test_a_student_notebook_that_was_only_run_is_rebuilt(build, course: Path) -> None:
    _run(build, course)
    student = course / "notebooks" / "01_x.ipynb"
    nb = nbformat.read(student, as_version=4)
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="ran\n")]
    nbformat.write(nb, student)
    solution = course / "solutions" / "01_x.ipynb"
    solution.write_text(solution.read_text().replace("import math", "import math, os"))
    assert _run(build, course) == 0 and "import math, os" in student.read_text()


def test_a_hand_edited_student_notebook_is_caught(build, course: Path) -> None:
    _run(build, course)
    student = course / "notebooks" / "01_x.ipynb"
    student.write_text(student.read_text().replace("raise NotImplementedError()", "return 42", 1))
    assert list(build.stale(course)) == [student]
    assert _run(build, course, "--check") == 1
