"""Execute the solution notebooks of each edition: ``python tools/execute.py [--edition en ko] [names]``.

Writes ``build/executed/<edition>/NN_name.ipynb`` (git-ignored): the solution with every output,
run top to bottom as the suite runs it (``COURSE_EXPECT=done``, so a checker that is not ✅ fails the
run; ``COURSE_LANG=<edition>``; the kernel imports this checkout's ``helpers``). The course site
(tools/build_site.py) and the slide decks (tools/build_decks.py) both read these files.

Editions: ``en`` is ``solutions/*.ipynb``; ``ko`` is ``solutions/ko/*.ipynb`` and is built only
when that folder has notebooks. A notebook is executed again only when its source or a file of
``helpers/`` changed since its last run (the fingerprint is stored in the executed notebook's
metadata); ``--force`` runs it anyway.

:func:`static_view` turns an executed notebook into what a page or a deck shows, where no kernel
runs: no live widgets (an explorer's static companion figure follows it), no Colab setup cell,
and the Colab badge as a plain text link (no image fetched from Google).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
EXECUTED = BUILD / "executed"
#: edition → folder of its solution notebooks, relative to the repository root.
EDITIONS = {"en": "solutions", "ko": "solutions/ko"}
NOTEBOOK = re.compile(r"^\d\d_\w+\.ipynb$")
SETUP_FIRST_LINE = "# Colab only: install the course's helpers package (this cell does nothing elsewhere)."
BADGE = re.compile(r"\[!\[[^\]]*\]\(https://colab\.research\.google\.com/assets/colab-badge\.svg\)\]\(([^)]+)\)")
BADGE_TEXT = {"en": "Open in Colab", "ko": "Colab에서 열기"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
EXPLORER_CALL = re.compile(r"\b\w+_explorer\s*\(")
PLUMBING = re.compile(r"^\s*(# NBVAL_\w+|### (BEGIN|END) SOLUTION)\s*$")
HIDDEN = re.compile(r"^\s*### BEGIN HIDDEN TESTS\s*$.*?^\s*### END HIDDEN TESTS\s*$\n?", re.M | re.S)


def sources(edition: str, root: Path = ROOT) -> list[Path]:
    """Return the solution notebooks of ``edition`` ('en' or 'ko') in course order (empty if it has none)."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {tuple(EDITIONS)}, got {edition!r}")
    folder = root / EDITIONS[edition]
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK.match(p.name)) if folder.is_dir() else []


def editions(root: Path = ROOT) -> list[str]:
    """Return the editions that have notebooks, English first."""
    return [e for e in EDITIONS if sources(e, root)]


def fingerprint(notebook: Path, edition: str, root: Path = ROOT) -> str:
    """Return a hash of what an execution depends on: the notebook, every helpers/*.py file, the edition."""
    digest = hashlib.sha256(edition.encode())
    for path in [notebook, *sorted((root / "helpers").glob("*.py"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def executed_path(notebook: Path, edition: str, out: Path = EXECUTED) -> Path:
    """Return where the executed copy of ``notebook`` goes: ``<out>/<edition>/<name>``."""
    return out / edition / notebook.name


def is_fresh(notebook: Path, edition: str, out: Path = EXECUTED, root: Path = ROOT) -> bool:
    """Return True when the executed copy exists and was made from the same notebook and helpers."""
    target = executed_path(notebook, edition, out)
    if not target.exists():
        return False
    meta = nbformat.read(target, as_version=4).metadata.get("course_build", {})
    return meta.get("fingerprint") == fingerprint(notebook, edition, root)


def execute(notebook: Path, edition: str, out: Path = EXECUTED, root: Path = ROOT, timeout: int = 900) -> Path:
    """Run ``notebook`` top to bottom in a fresh kernel (cwd: its folder); write and return the executed copy."""
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    saved = {k: os.environ.get(k) for k in ("COURSE_EXPECT", "COURSE_LANG", "PYTHONPATH", "MPLBACKEND")}
    os.environ.update(
        COURSE_EXPECT="done",
        COURSE_LANG=edition,
        PYTHONPATH=os.pathsep.join([str(root), *filter(None, [saved["PYTHONPATH"]])]),
    )
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend draws the figures
    start = time.monotonic()
    try:
        NotebookClient(
            nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}
        ).execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    nb.metadata["course_build"] = {
        "edition": edition,
        "source": str(notebook.relative_to(root)),
        "fingerprint": fingerprint(notebook, edition, root),
        "seconds": round(time.monotonic() - start, 1),
    }
    target = executed_path(notebook, edition, out)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


def ensure(
    notebook: Path, edition: str, out: Path = EXECUTED, root: Path = ROOT, force: bool = False, log=print
) -> Path:
    """Return the executed copy of ``notebook``, executing it unless a fresh one exists (or ``force``)."""
    target = executed_path(notebook, edition, out)
    if not force and is_fresh(notebook, edition, out, root):
        log(f"{edition}/{notebook.name}: unchanged, reused")
        return target
    start = time.monotonic()
    execute(notebook, edition, out, root)
    log(f"{edition}/{notebook.name}: executed in {time.monotonic() - start:.1f} s")
    return target


def execute_all(
    editions_: list[str] | None = None,
    names: list[str] | None = None,
    force: bool = False,
    out: Path = EXECUTED,
    root: Path = ROOT,
    log=print,
) -> dict[str, list[Path]]:
    """Execute (or reuse) every notebook of ``editions_`` (default: all that exist); return the executed paths."""
    done: dict[str, list[Path]] = {}
    for edition in editions_ or editions(root):
        for notebook in sources(edition, root):
            if names and notebook.stem not in names and notebook.stem[:2] not in names:
                continue
            done.setdefault(edition, []).append(ensure(notebook, edition, out, root, force, log))
    return done


# ------------------------------------------------------------------------------------ static view


def is_explorer(cell: nbformat.NotebookNode) -> bool:
    """Return True for a code cell that shows a live explorer (tagged 'explorer', or calls ``*_explorer(...)``)."""
    if cell.cell_type != "code":
        return False
    return "explorer" in cell.metadata.get("tags", []) or bool(EXPLORER_CALL.search(cell.source))


def reader_code(source: str) -> str:
    """Return ``source`` as a reader should see it: no hidden tests, no nbval comments, no solution markers."""
    lines = [line for line in HIDDEN.sub("", source).splitlines() if not PLUMBING.match(line)]
    return "\n".join(lines).rstrip()


def static_view(nb: nbformat.NotebookNode, edition: str = "en") -> nbformat.NotebookNode:
    """Return a copy of ``nb`` for a page or deck without a kernel: no widgets, no setup cell, a text Colab link,
    code without test plumbing (:func:`reader_code`).

    Widget outputs are dropped (their JavaScript would come from a CDN and needs a kernel); an
    explorer cell keeps its code, and the static figure after it is the picture.
    """
    nb = nbformat.from_dict(nb)  # deep copy
    nb.metadata.pop("widgets", None)
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code" and (cell.source.startswith(SETUP_FIRST_LINE) or cell.get("id") == "colab-setup"):
            continue
        if cell.cell_type == "code":
            cell.source = reader_code(cell.source)
            cell.outputs = [o for o in cell.outputs if WIDGET_VIEW not in o.get("data", {})]
            if is_explorer(cell):
                cell.outputs = [o for o in cell.outputs if o.get("output_type") == "stream"]
        elif cell.cell_type == "markdown":
            cell.source = BADGE.sub(
                lambda m: f"[{BADGE_TEXT.get(edition, BADGE_TEXT['en'])}]({m.group(1)})", cell.source
            )
        cells.append(cell)
    nb.cells = cells
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", nargs="+", choices=list(EDITIONS), help="default: every edition that exists")
    parser.add_argument("--force", action="store_true", help="execute even when nothing changed")
    parser.add_argument("names", nargs="*", help="only these notebooks, e.g. 01_perceptron or 01 (default: all)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    done = execute_all(args.edition, args.names, args.force)
    count = sum(len(v) for v in done.values())
    print(f"{count} notebook(s) in {EXECUTED.relative_to(ROOT)}/ ({time.monotonic() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
