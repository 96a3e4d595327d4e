"""Build the student notebooks from the solutions: ``python tools/build_notebooks.py``.

For every ``solutions/*.ipynb`` it
1. normalises the solution: no outputs, the Colab badge under the title pointing at the
   notebook's own path, and the Colab setup cell right after the title cell;
2. writes ``notebooks/<same name>``: the same, with every block between ``### BEGIN SOLUTION``
   and ``### END SOLUTION`` (inside a function body) replaced by a ``# YOUR CODE HERE`` /
   ``raise NotImplementedError()`` stub, and every block between ``### BEGIN HIDDEN TESTS`` and
   ``### END HIDDEN TESTS`` (instructor asserts, anywhere in a code cell) removed.

Markers are spelled exactly; a near miss (``## begin solution``) is an error, and so is a
``# NBVAL_…`` comment (use the cell tags ``nbval-ignore-output``, ``nbval-skip``: students never see them).
It never overwrites a student notebook someone has edited (it records a fingerprint of what it
wrote in the notebook's metadata): it stops and names the files; ``--overwrite`` replaces them
after copying each to ``outputs/notebook-backups/``. Metadata that Jupyter rewrites when it merely
opens a notebook (kernelspec, language_info) does not count as a change.

The Korean edition comes from the same solutions and the catalog in ``translations/ko/`` (see
tools/editions.py): ``solutions/ko/<same name>`` and ``notebooks/ko/<same name>``, the same code with
the prose, comments and strings in Korean. Every solution gets slideshow metadata (tools/slides.py)
for RISE and the static decks, and ``solutions/rise.css`` (RISE's style) is copied to
``solutions/ko/``. A markdown cell with a heading below its first line is an error (in either
edition): a heading starts a cell, so that each section and exercise starts a slide.

The repository URL and the release are read from one place, pyproject.toml (``[project.urls] Repository`` and
``version``): the badge, the glossary link and the Colab setup cell all point at the release tag ``v<version>``, so
that a notebook opened in Colab installs the helpers it was written for.
``--check`` writes nothing and exits 1 if any file would change.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import shutil
import sys
import tomllib
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is not a package
import editions  # noqa: E402
from slides import add_slideshow, heading_problems  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = {"en": "", "ko": "ko/"}  # edition → its subfolder of solutions/ and notebooks/
GLOSSARY = "[용어집 (glossary)]({url}/blob/{ref}/GLOSSARY.md)"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
MARKERS = {
    BEGIN: ("begin", "solution"),
    END: ("end", "solution"),
    BEGIN_HIDDEN: ("begin", "hidden tests"),
    END_HIDDEN: ("end", "hidden tests"),
}
NEAR_MISS = re.compile(r"#.*\b(begin|end)\W*(solution|hidden\W*tests?)", re.IGNORECASE)
NBVAL_COMMENT = re.compile(r"^\s*#\s*nbval", re.IGNORECASE)
STUB = ("# YOUR CODE HERE", "raise NotImplementedError()")
SETUP_FIRST_LINE = "# Colab only: install the course's helpers package (this cell does nothing elsewhere)."
BADGE_MARK = "colab-badge.svg"
VOLATILE = ("kernelspec", "language_info", "widgets")  # notebook metadata Jupyter rewrites on its own
RISE_CSS = "rise.css"  # the slides' style (solutions/rise.css), copied next to every edition's solutions


class MarkerError(ValueError):
    """A marker is misspelled, unbalanced, nested or misplaced (a solution outside a function body)."""


class BuildError(ValueError):
    """A notebook cannot be read, or the command names a notebook that does not exist."""


def _project(root: Path) -> dict:
    return tomllib.loads((root / "pyproject.toml").read_text())["project"]


def repository_url(root: Path = ROOT) -> str:
    """Return the repository URL from pyproject.toml, without a trailing slash or .git."""
    return _project(root)["urls"]["Repository"].rstrip("/").removesuffix(".git")


def release_tag(root: Path = ROOT) -> str:
    """Return the git tag of the release the notebooks belong to: 'v' + pyproject's version, e.g. 'v0.1.0'."""
    return "v" + _project(root)["version"]


def colab_badge(url: str, path: str, ref: str) -> str:
    """Return the markdown of an 'Open in Colab' badge for ``path`` (e.g. 'notebooks/01_x.ipynb') at ``ref``."""
    github = url.split("://", 1)[1].removeprefix("github.com/")
    target = f"https://colab.research.google.com/github/{github}/blob/{ref}/{path}"
    return f"[![Open In Colab](https://colab.research.google.com/assets/{BADGE_MARK})]({target})"


def setup_source(url: str, ref: str) -> str:
    """Return the Colab setup cell: installs ``helpers`` as of the release ``ref``, only inside Colab."""
    return "\n".join(
        [
            SETUP_FIRST_LINE,
            "import sys",
            "",
            'if "google.colab" in sys.modules:',
            "    import subprocess",
            "",
            f'    package = "git+{url}.git@{ref}"',
            '    subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)',
        ]
    )


def _function_lines(source: str, where: str) -> list[tuple[int, int]]:
    """Return (first, last) line of every function body in ``source`` (IPython magics ignored)."""
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise MarkerError(
            f"{where}: the cell does not parse ({error.msg}, line {error.lineno}), so its solution "
            "block cannot be checked"
        ) from None
    return [
        (node.body[0].lineno, node.end_lineno or node.body[-1].lineno)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]


def strip_solutions(source: str, where: str = "cell") -> str:
    """Return ``source`` with each solution block replaced by the stub at its indent, hidden tests removed."""
    lines, out, block, hidden = source.splitlines(), [], None, False
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if NBVAL_COMMENT.match(line):
            raise MarkerError(
                f"{where}, line {number}: `{text}`: use a cell tag instead (nbval-ignore-output, "
                "nbval-skip), which students never see"
            )
        if text not in MARKERS:
            if NEAR_MISS.search(line):
                raise MarkerError(
                    f"{where}, line {number}: `{text}` looks like a marker: write exactly `{BEGIN}`, "
                    f"`{END}`, `{BEGIN_HIDDEN}` or `{END_HIDDEN}`, alone on its line"
                )
            if block is None:
                out.append(line)
            continue
        verb, kind = MARKERS[text]
        if verb == "begin":
            if block is not None:
                raise MarkerError(
                    f"{where}, line {number}: {text} inside the {block[0]} block opened on line {block[1]}"
                )
            block, hidden = (kind, number), hidden or kind == "hidden tests"
            if kind == "solution":
                _require_function_body(lines, number, source, where)
                indent = line[: len(line) - len(line.lstrip())]
                out += [indent + stub for stub in STUB]
        elif block is None or block[0] != kind:
            raise MarkerError(
                f"{where}, line {number}: {text} without its BEGIN"
                + (f" (the {block[0]} block of line {block[1]} is open)" if block else "")
            )
        else:
            block = None
    if block is not None:
        raise MarkerError(f"{where}: the {block[0]} block of line {block[1]} is never closed")
    return "\n".join(out).rstrip() if hidden else "\n".join(out)


def _require_function_body(lines: list[str], begin: int, source: str, where: str) -> None:
    """Raise unless the code after the BEGIN SOLUTION on line ``begin`` sits inside a function body."""
    code = next(
        (
            n
            for n in range(begin + 1, len(lines) + 1)
            if lines[n - 1].strip() and not lines[n - 1].strip().startswith("#")
        ),
        begin,
    )
    if not any(first <= code <= last for first, last in _function_lines(source, where)):
        raise MarkerError(
            f"{where}, line {begin}: a solution block must sit inside a function body, so the "
            "unsolved notebook still runs top to bottom"
        )


def fingerprint(nb: nbformat.NotebookNode) -> str:
    """Return a short hash of the notebook's cell types and sources (what an edit changes; running it does not)."""
    cells = [[cell.cell_type, cell.source] for cell in nb.cells]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()[:16]


def _with_header(
    nb: nbformat.NotebookNode, url: str, ref: str, path: str, under_badge: str = ""
) -> nbformat.NotebookNode:
    """Return ``nb`` with outputs cleared, the badge (and ``under_badge``) under the title, the setup cell second."""
    nb = nbformat.from_dict(nb)  # deep copy
    cells = [c for c in nb.cells if not (c.cell_type == "code" and c.source.startswith(SETUP_FIRST_LINE))]
    if not cells or cells[0].cell_type != "markdown" or not cells[0].source.startswith("# "):
        raise BuildError(f"{path}: the first cell must be markdown starting with the '# NN · Title' line")
    title, *rest = [line for line in cells[0].source.splitlines() if BADGE_MARK not in line and line != under_badge]
    while rest and not rest[0].strip():
        rest.pop(0)
    header = [title, "", colab_badge(url, path, ref)] + ([under_badge] if under_badge else [])
    cells[0].source = "\n".join(header + ([""] + rest if rest else []))
    setup = nbformat.v4.new_code_cell(setup_source(url, ref), id="colab-setup")
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
    nb.cells = [cells[0], setup] + cells[1:]
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return nb


def read(path: Path) -> nbformat.NotebookNode:
    """Return the notebook at ``path``, or raise BuildError naming the file."""
    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:  # invalid JSON, not a notebook, unreadable
        raise BuildError(
            f"{path}: not a readable notebook ({type(error).__name__}: {error}); fix it, or restore it "
            f"with `git checkout -- {path}`"
        ) from None


def student_copy(nb: nbformat.NotebookNode, where: str) -> nbformat.NotebookNode:
    """Return the student notebook: solutions replaced by stubs, hidden tests removed, its fingerprint recorded."""
    cells = []
    for index, cell in enumerate(nb.cells):
        at = f"{where}, cell {index}"
        cell.metadata.pop("slideshow", None)  # slides are the instructor's (solutions/)
        if cell.cell_type != "code":
            if any(NEAR_MISS.search(line) or NBVAL_COMMENT.match(line) for line in cell.source.splitlines()):
                raise MarkerError(f"{at}: markers belong in code cells")
        elif cell.source.strip():
            cell.source = strip_solutions(cell.source, at)
            if not cell.source.strip():
                continue  # a cell of hidden tests only: the student copy has no such cell
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("rise", None)
    nb.metadata["course"] = {"built_from": where, "fingerprint": fingerprint(nb)}
    return nb


def build(solution: Path, url: str, ref: str, root: Path = ROOT) -> dict[str, str]:
    """Return ``{relative path: text}`` of the files made from one solution: solution and student copy per edition."""
    english, catalog = read(solution), root / "translations" / "ko"
    versions = [("en", english)]
    if (catalog / f"{solution.stem}.md").exists():  # a notebook gets its Korean edition once its catalog exists
        versions.append(
            ("ko", editions.translate(english, editions.read_catalog(catalog, solution.stem), solution.stem)[0])
        )
    files = {}
    for edition, nb in versions:
        folder, under_badge = EDITIONS[edition], GLOSSARY.format(url=url, ref=ref) if edition == "ko" else ""
        sol_path, student_path = f"solutions/{folder}{solution.name}", f"notebooks/{folder}{solution.name}"
        sol = add_slideshow(_with_header(nb, url, ref, sol_path, under_badge))
        problems = heading_problems(sol, sol_path)
        if problems:
            raise BuildError("\n".join(problems))
        student = student_copy(
            _with_header(nb, url, ref, student_path, under_badge), f"solutions/{folder}{solution.name}"
        )
        files[sol_path], files[student_path] = nbformat.writes(sol) + "\n", nbformat.writes(student) + "\n"
    return files


def plan(root: Path = ROOT, names: list[str] | None = None) -> dict[Path, str]:
    """Return every file the build writes (or only those of ``names``, e.g. '01_perceptron'), mapped to its content."""
    solutions = sorted((root / "solutions").glob("*.ipynb"))
    wanted = {Path(name).stem for name in names or []}
    unknown = wanted - {s.stem for s in solutions}
    if unknown:
        raise BuildError(
            f"no solution named {', '.join(sorted(unknown))}: choose from {', '.join(s.stem for s in solutions)}"
        )
    url, ref, files = repository_url(root), release_tag(root), {}
    for solution in solutions:
        if not wanted or solution.stem in wanted:
            files.update({root / path: text for path, text in build(solution, url, ref, root).items()})
    style = root / "solutions" / RISE_CSS
    if style.exists() and any(path.parent == root / "solutions" / "ko" for path in files):
        files[root / "solutions" / "ko" / RISE_CSS] = style.read_text()  # RISE reads it from the notebook's folder
    return files


def _comparable(nb: nbformat.NotebookNode) -> dict:
    """Return the notebook as a dict without what Jupyter rewrites when it only opens the file."""
    data = json.loads(json.dumps(nb))
    for key in VOLATILE:
        data.get("metadata", {}).pop(key, None)
    return data


def is_current(path: Path, text: str) -> bool:
    """True when the file at ``path`` already holds ``text``, up to what Jupyter rewrites when it opens a notebook."""
    if not path.exists():
        return False
    if path.read_text() == text:
        return True
    try:
        return _comparable(read(path)) == _comparable(nbformat.reads(text, as_version=4))
    except BuildError:
        return False


def stale(root: Path = ROOT, names: list[str] | None = None) -> dict[Path, str]:
    """Return the files the build would change, mapped to their new content."""
    return {path: text for path, text in plan(root, names).items() if not is_current(path, text)}


def edited(path: Path, text: str) -> bool:
    """True when the student notebook at ``path`` holds edits the builder did not make (it would lose them)."""
    if not path.exists():
        return False
    try:
        nb = read(path)
    except BuildError:
        return True  # unreadable: it may still hold someone's work
    recorded = nb.metadata.get("course", {}).get("fingerprint")
    if recorded:
        return recorded != fingerprint(nb)
    return fingerprint(nb) != fingerprint(nbformat.reads(text, as_version=4))


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace edited student notebooks (each is first copied to outputs/notebook-backups/)",
    )
    parser.add_argument("names", nargs="*", help="only these notebooks, e.g. 01_perceptron (default: all)")
    args = parser.parse_args(argv)
    try:
        changes = stale(root, args.names)
    except (BuildError, MarkerError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    made = {path.relative_to(root) for path in plan(root, args.names)}
    extra = (
        []
        if args.names
        else sorted(
            str(p.relative_to(root))
            for folder in ("notebooks", "notebooks/ko", "solutions/ko")
            for p in (root / folder).glob("*.ipynb")
            if p.relative_to(root) not in made
        )
    )
    for path in changes:
        print("stale: " + str(path.relative_to(root)))
    for name in extra:
        print(f"no solution for: {name}")
    if args.check:
        return 1 if changes or extra else 0
    student = [path for path in changes if path.relative_to(root).parts[0] == "notebooks"]
    kept = [path for path in student if edited(path, changes[path])]
    if kept and not args.overwrite:
        print(
            "refusing to overwrite student notebooks with edits the builder did not make: "
            + ", ".join(str(p.relative_to(root)) for p in kept)
            + ". Move them elsewhere to keep the work, or rerun with --overwrite (it copies each to "
            "outputs/notebook-backups/ first).",
            file=sys.stderr,
        )
        return 1
    for path in kept:
        backup = root / "outputs" / "notebook-backups" / path.relative_to(root / "notebooks")
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, backup)
        print(f"kept a copy of the edited {path.relative_to(root)} in {backup.relative_to(root)}")
    for path, text in changes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    problems = [
        p
        for s in sorted((root / "solutions").glob("*.ipynb"))
        if not args.names or s.stem in args.names
        if (root / "translations" / "ko" / f"{s.stem}.md").exists()
        for p in editions.translate(read(s), editions.read_catalog(root / "translations" / "ko", s.stem), s.stem)[1]
    ]
    print(f"{len(made)} file(s) made from solutions/ ({len(changes)} written)")
    if problems:
        print(
            f"the Korean catalog is not complete ({len(problems)} problems; `python tools/editions.py check` "
            "lists them): untranslated text stays English in the Korean notebooks"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
