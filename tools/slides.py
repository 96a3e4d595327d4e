"""Slideshow metadata from a notebook's structure, for RISE (live, in JupyterLab) and ``nbconvert --to slides``.

:func:`add_slideshow` sets every cell's ``metadata.slideshow.slide_type`` from the notebook's shape
(STYLE.md) alone, so the builder can apply it to the solutions of every edition and get the same
slides from the same structure:

- the title cell (``# NN · Title``) is a slide, and so is every markdown cell with a ``## `` heading
  (a numbered section, ``## Summary``, ``## Next``);
- a markdown cell that opens with a ``### `` heading (an exercise, a "try it") starts a sub-slide;
- the other cells of a section follow in reading order: each starts a sub-slide, unless it is short
  enough to join the one before it as a fragment (one more key press shows it on the same screen);
- the Colab setup cell and the setup cell before the first section are skipped (run them, or all
  cells, before starting the slideshow: a skipped cell is not run by RISE);
- the notebook's ``metadata.rise`` gives RISE a theme without web fonts and lets a tall slide scroll.

What is short enough is an estimate from the source, in pixels of a 1280×720 slide: the notebook has
no outputs when the builder runs, so a code cell that draws is assumed to fill most of the screen.
tools/build_decks.py measures the real slides (executed, rendered) against 720 px.
"""

from __future__ import annotations

import math
import re

import nbformat

SETUP_FIRST_LINE = "# Colab only: install the course's helpers package (this cell does nothing elsewhere)."
SLIDE_HEIGHT = 720
#: What a sub-slide may hold, by the estimate below, before the next cell starts a new one.
BUDGET = 560
RISE = {
    "theme": "white",
    "transition": "none",
    "scroll": True,
    "start_slideshow_at": "selected",
    "enable_chalkboard": False,
}

_SECTION = re.compile(r"^## ", re.M)
_SUBSECTION = re.compile(r"^### ")
_DRAWS = re.compile(r"\bplt\.|\bplot\w*\(|\bfig\b|\bax(es)?\b|\bshow_\w+\(|\b\w+_explorer\(|\bimshow\(|\bsubplots\(")
_EXPLORER = re.compile(r"\b\w+_explorer\s*\(")
_PRINTS = re.compile(r"\bprint\(|\bcheck_\w+\(|^\s*\w[\w.\[\]'\"]*\s*$", re.M)


def estimate_height(cell: nbformat.NotebookNode, static: bool = False) -> int:
    """Return a rough height in pixels of ``cell`` and its future output on a 1280×720 slide.

    ``static``: for a deck without a kernel, where an explorer (``*_explorer(...)``) shows no widget.
    """
    if cell.cell_type == "markdown":
        height, in_math = 0, False
        for line in cell.source.splitlines():
            text = line.strip()
            if in_math:
                in_math = not text.endswith("$$")
            elif text.startswith("$$"):
                height += 60
                in_math = not (len(text) > 2 and text.endswith("$$"))
            elif text.startswith("#"):
                height += 70
            elif not text:
                height += 12
            else:
                height += 34 * max(1, math.ceil(len(text) / 90))
        return height
    if cell.cell_type == "code":
        lines = len(cell.source.splitlines())
        if static and _EXPLORER.search(cell.source):
            return 26 * lines + 30
        output = 430 if _DRAWS.search(cell.source) else (110 if _PRINTS.search(cell.source) else 30)
        return 26 * lines + 30 + output
    return 0


def slide_types(nb: nbformat.NotebookNode, static: bool = False) -> list[str]:
    """Return each cell's slide type: 'slide', 'subslide', 'fragment' or 'skip' (see the module docstring)."""
    types: list[str] = []
    in_section, used = False, 0
    for index, cell in enumerate(nb.cells):
        source = cell.source.lstrip()
        if index == 0 and cell.cell_type == "markdown" and source.startswith("# "):
            kind = "slide"
        elif cell.cell_type == "code" and (source.startswith(SETUP_FIRST_LINE) or not in_section):
            kind = "skip"
        elif cell.cell_type == "markdown" and _SECTION.search(cell.source):
            kind, in_section = "slide", True
        elif cell.cell_type == "markdown" and _SUBSECTION.match(source):
            kind = "subslide"
        elif cell.cell_type == "raw":
            kind = "skip"
        else:
            height = estimate_height(cell, static)
            kind = "fragment" if types and types[-1] != "skip" and used + height <= BUDGET else "subslide"
        if kind in ("slide", "subslide"):
            used = estimate_height(cell, static)
        elif kind == "fragment":
            used += estimate_height(cell, static)
        types.append(kind)
    return types


def add_slideshow(nb: nbformat.NotebookNode, static: bool = False) -> nbformat.NotebookNode:
    """Return ``nb`` with every cell's slideshow type set from its structure and RISE's settings in its metadata.

    Idempotent; changes nothing else (cell ids, sources and other metadata stay as they are).
    ``static``: for a static deck, where an explorer cell shows no widget and takes little room.
    >>> nb = add_slideshow(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 01 · Perceptron")]))
    >>> nb.cells[0].metadata.slideshow.slide_type
    'slide'
    """
    for cell, kind in zip(nb.cells, slide_types(nb, static)):
        cell.metadata["slideshow"] = {"slide_type": kind}
    nb.metadata["rise"] = dict(RISE)
    return nb


def split_sections(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of ``nb`` where a markdown cell with a ``## `` heading below its first line is cut in two
    at the heading (the new cell's id is the old one + '-2'), so every section starts a slide."""
    nb = nbformat.from_dict(nb)
    cells = []
    for cell in nb.cells:
        lines = cell.source.splitlines()
        cut = next((i for i, line in enumerate(lines) if i and line.startswith("## ")), None)
        if cell.cell_type != "markdown" or cut is None:
            cells.append(cell)
            continue
        head, tail = nbformat.from_dict(cell), nbformat.from_dict(cell)
        head.source, tail.source = "\n".join(lines[:cut]).rstrip(), "\n".join(lines[cut:])
        if "id" in cell:
            tail.id = f"{cell.id}-2"
        cells += [head, *split_sections(nbformat.v4.new_notebook(cells=[tail])).cells]
    nb.cells = cells
    return nb


def counts(nb: nbformat.NotebookNode) -> tuple[int, int]:
    """Return ``(slides, screens)``: the horizontal slides, and the slides plus sub-slides (what a deck shows)."""
    kinds = [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells]
    return kinds.count("slide"), kinds.count("slide") + kinds.count("subslide")
