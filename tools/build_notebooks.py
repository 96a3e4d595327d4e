"""Build the student notebooks from the solutions: ``python tools/build_notebooks.py``.

For every ``solutions/*.ipynb`` it
1. normalises the solution: no outputs, the Colab badge under the title pointing at the
   notebook's own path, and the Colab setup cell right after the title cell;
2. writes ``notebooks/<same name>``: the same, with every block between ``### BEGIN SOLUTION``
   and ``### END SOLUTION`` replaced by a ``# YOUR CODE HERE`` / ``raise NotImplementedError()`` stub.

The repository URL is read from one place, ``[project.urls] Repository`` in pyproject.toml.
``--check`` writes nothing and exits 1 if any file would change.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB = ("# YOUR CODE HERE", "raise NotImplementedError()")
SETUP_FIRST_LINE = "# Colab only: install the course's helpers package (this cell does nothing elsewhere)."
BADGE_MARK = "colab-badge.svg"


class MarkerError(ValueError):
    """A solution marker is unbalanced, nested or outside a function body."""


def repository_url(root: Path = ROOT) -> str:
    """Return the repository URL from pyproject.toml, without a trailing slash or .git."""
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    return project["urls"]["Repository"].rstrip("/").removesuffix(".git")


def colab_badge(url: str, path: str) -> str:
    """Return the markdown of an 'Open in Colab' badge for ``path`` (e.g. 'notebooks/01_perceptron.ipynb')."""
    github = url.split("://", 1)[1].removeprefix("github.com/")
    target = f"https://colab.research.google.com/github/{github}/blob/main/{path}"
    return f"[![Open In Colab](https://colab.research.google.com/assets/{BADGE_MARK})]({target})"


def setup_source(url: str) -> str:
    """Return the Colab setup cell: installs ``helpers`` from the repository, only inside Colab."""
    return "\n".join([
        SETUP_FIRST_LINE,
        "import sys",
        "if 'google.colab' in sys.modules:",
        "    import subprocess",
        f"    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', 'git+{url}.git'], check=True)",
    ])


def strip_solutions(source: str, where: str = "cell") -> str:
    """Return ``source`` with each marked solution block replaced by the stub at the block's indent."""
    out: list[str] = []
    indent: str | None = None
    for number, line in enumerate(source.splitlines(), 1):
        text = line.strip()
        if text == BEGIN:
            if indent is not None:
                raise MarkerError(f"{where}, line {number}: {BEGIN} inside another solution block")
            indent = line[: len(line) - len(line.lstrip())]
            if not indent:
                raise MarkerError(f"{where}, line {number}: a solution block must sit inside a function body "
                                  "(indented), so the unsolved notebook still runs top to bottom")
            out += [indent + stub for stub in STUB]
        elif text == END:
            if indent is None:
                raise MarkerError(f"{where}, line {number}: {END} without {BEGIN}")
            indent = None
        elif BEGIN in line or END in line:
            raise MarkerError(f"{where}, line {number}: a marker must stand alone on its line")
        elif indent is None:
            out.append(line)
    if indent is not None:
        raise MarkerError(f"{where}: {BEGIN} is never closed by {END}")
    return "\n".join(out)


def _with_header(nb: nbformat.NotebookNode, url: str, path: str) -> nbformat.NotebookNode:
    """Return ``nb`` with outputs cleared, the badge under the title and the setup cell second."""
    nb = nbformat.from_dict(nb)  # deep copy
    cells = [c for c in nb.cells if not (c.cell_type == "code" and c.source.startswith(SETUP_FIRST_LINE))]
    if not cells or cells[0].cell_type != "markdown" or not cells[0].source.startswith("# "):
        raise ValueError(f"{path}: the first cell must be markdown starting with the '# NN · Title' line")
    title, *rest = [line for line in cells[0].source.splitlines() if BADGE_MARK not in line]
    while rest and not rest[0].strip():
        rest.pop(0)
    cells[0].source = "\n".join([title, "", colab_badge(url, path)] + ([""] + rest if rest else []))
    setup = nbformat.v4.new_code_cell(setup_source(url), id="colab-setup")
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
    nb.cells = [cells[0], setup] + cells[1:]
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    return nb


def build(solution: Path, url: str) -> tuple[str, str]:
    """Return the normalised solution text and the student notebook text for one solution file."""
    nb = nbformat.read(solution, as_version=4)
    sol = _with_header(nb, url, f"solutions/{solution.name}")
    student = _with_header(nb, url, f"notebooks/{solution.name}")
    for index, cell in enumerate(student.cells):
        if cell.cell_type == "code":
            cell.source = strip_solutions(cell.source, f"{solution.name}, cell {index}")
        elif BEGIN in cell.source:
            raise MarkerError(f"{solution.name}, cell {index}: solution markers belong in code cells")
    return nbformat.writes(sol) + "\n", nbformat.writes(student) + "\n"


def plan(root: Path = ROOT, names: list[str] | None = None) -> dict[Path, str]:
    """Return every file the build writes (or only those of ``names``, e.g. '01_perceptron'), mapped to its content."""
    url, files = repository_url(root), {}
    for solution in sorted((root / "solutions").glob("*.ipynb")):
        if names and solution.stem not in names:
            continue
        files[solution], files[root / "notebooks" / solution.name] = build(solution, url)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    parser.add_argument("names", nargs="*", help="only these notebooks, e.g. 01_perceptron (default: all)")
    args = parser.parse_args(argv)
    files = plan(names=args.names)
    stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
    extra = [] if args.names else sorted(set((ROOT / "notebooks").glob("*.ipynb")) - set(files))
    for path in stale + extra:
        print(("stale: " if path in stale else "no solution for: ") + str(path.relative_to(ROOT)))
    if args.check:
        return 1 if stale or extra else 0
    (ROOT / "notebooks").mkdir(exist_ok=True)
    for path in stale:
        path.write_text(files[path])
    print(f"{len(files) // 2} solution(s) → notebooks/ ({len(stale)} file(s) written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
