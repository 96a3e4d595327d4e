"""Slideshow metadata from a notebook's structure, for RISE (live, in JupyterLab) and ``nbconvert --to slides``.

:func:`add_slideshow` sets every cell's ``metadata.slideshow.slide_type`` from the notebook's shape
(STYLE.md) alone, so the builder can apply it to the solutions of every edition and get the same
slides from the same structure:

- the title cell (``# NN · Title``) is a slide, and so is every markdown cell that opens with a ``## ``
  heading (a numbered section, ``## Summary``, ``## Next``);
- a markdown cell that opens with a ``### `` heading (an exercise, a "try it") starts a sub-slide;
- the other cells of a section follow in reading order: each starts a sub-slide, unless it is short
  enough to join the one before it as a fragment (one more key press shows it on the same screen);
  a cell that cannot share a screen always starts its own sub-slide;
- the Colab setup cell and the setup cell before the first section are skipped (run them, or all
  cells, before starting the slideshow: a skipped cell is not run by RISE);
- the notebook's ``metadata.rise`` gives RISE a theme without web fonts and lets a tall slide scroll.

A heading opens its cell: :func:`heading_problems` lists the markdown cells with a heading below their
first line (the builder refuses them), since a slide starts with a cell, never inside one.

What is short enough is an estimate from the source, in pixels of a 1280×720 screen with the type of
solutions/rise.css and site/deck/deck.css (prose 22 px, code 17 px, a figure at most 380 px and less
under a longer cell): the notebook has no outputs when the builder runs, so a code cell that draws is
assumed to show a figure of that size. The constants below were fitted to the heights measured in
RISE for the ten solution notebooks (mean error about 20 px). ``python tools/build_decks.py --measure``
measures the real slides of the decks, ``--rise`` those of RISE, against 720 px.
"""

from __future__ import annotations

import math
import re
import unicodedata

import nbformat

SETUP_FIRST_LINE = "# Colab only: install the course's helpers package (this cell does nothing elsewhere)."
SLIDE_HEIGHT = 720
#: RISE makes a sub-slide taller than 95 % of the screen scroll: what fits, when measured.
FITS = int(0.95 * SLIDE_HEIGHT)
#: What a sub-slide may hold, by the estimate below, before the next cell starts a new one.
BUDGET = 600
RISE = {
    "theme": "white",
    "transition": "none",
    "scroll": True,
    "start_slideshow_at": "selected",
    "enable_chalkboard": False,
}

#: Estimated heights (px) on a 1280×720 screen, fitted to RISE's measured cells (solutions/rise.css).
PROSE_LINE, PROSE_WIDTH = 32, 100  # a line of 22 px prose; its width in Latin characters (Hangul: 2 each)
PARAGRAPH_GAP, ITEM_GAP = 14, 6
HEADING = {1: 80, 2: 56, 3: 50}  # a heading of that level, one line (## wraps after 60 characters)
MATH, TABLE_ROW, FENCE_LINE = 80, 30, 22  # a display formula ($$ … $$), a table row, a line of a code block
CELL_PAD = 20  # a code cell's padding
TEXT_OUTPUT, TEXT_LINE = 25, 22  # printed output: its padding, each line
#: (lines of code, code's font size in px): a long cell gets a smaller font (solutions/rise.css) ...
CODE_FONT = ((36, 13), (29, 14))
#: ... and one that draws gets less room for its figure and a smaller font sooner: (lines, font, figure).
FIGURE_TIERS = ((19, 13, 240), (17, 14, 260), (15, 15, 270), (13, 16, 290), (11, 17, 320), (9, 17, 360))
FIGURE = 400  # a figure under a short code cell (380 px at most, and its margins)
SLIDERS = 150  # an explorer's sliders, above its figure
SCROLLED = 620  # an output in a scrolling box (cell metadata "scrolled": true)

_SECTION = re.compile(r"^## ")
_SUBSECTION = re.compile(r"^### ")
_HEADING = re.compile(r"^#{1,6} ")
_ITEM = re.compile(r"^\s*([-*+]|\d+\.)\s")
_DRAWS = re.compile(
    r"\bplt\.|(?<!def )\bplot\w*\(|\bfig\b|\bax(es)?\b|(?<!def )\bshow_\w+\(|\b\w+_explorer\(|\bimshow\(|\bsubplots\("
)
_EXPLORER = re.compile(r"\b\w+_explorer\s*\(")
_PRINTS = re.compile(r"\bprint\(|\bcheck_\w+\(")
_SHOWN = re.compile(r"^\w[\w.\[\]'\"]*\s*$")  # a last line that is a bare name: the notebook shows its value


def _width(text: str) -> int:
    """Return the width of ``text`` in Latin characters: a wide (Hangul, CJK) character counts 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _blocks(source: str) -> list[tuple[str, list[str]]]:
    """Return the markdown's blocks: ('p' | 'item' | 'table' | 'code' | 'math' | 'h1'…'h6', their lines)."""
    blocks: list[tuple[str, list[str]]] = []
    kind, lines, rows = "", [], source.splitlines()
    i = 0

    def flush() -> None:
        nonlocal kind, lines
        if kind:
            blocks.append((kind, lines))
        kind, lines = "", []

    while i < len(rows):
        line, text = rows[i], rows[i].strip()
        if text.startswith(("```", "$$")):
            flush()
            fence, j = text[:3] if text.startswith("```") else "$$", i
            closed = text.startswith("$$") and len(text) > 2 and text.endswith("$$")
            while not closed and j + 1 < len(rows):
                j += 1
                closed = rows[j].strip().startswith(fence) if fence == "```" else rows[j].strip().endswith("$$")
            if fence == "```":
                blocks.append(("code", rows[i + 1 : j]))
            else:
                blocks.append(("math", rows[i : j + 1]))
            i = j + 1
            continue
        if not text:
            flush()
        elif _HEADING.match(text):
            flush()
            blocks.append((f"h{len(text) - len(text.lstrip('#'))}", [text]))
        elif text.startswith("|"):
            if kind != "table":
                flush()
                kind = "table"
            lines.append(text)
        elif _ITEM.match(line):
            flush()
            kind, lines = "item", [text]
        else:
            kind = kind or "p"
            lines.append(text)
        i += 1
    flush()
    return blocks


def markdown_height(source: str) -> int:
    """Return the estimated height in pixels of a rendered markdown cell (prose wraps at PROSE_WIDTH)."""
    height = 0
    for kind, lines in _blocks(source):
        if kind == "code":
            height += FENCE_LINE * len(lines) + CELL_PAD
        elif kind == "math":
            height += MATH
        elif kind == "table":
            height += TABLE_ROW * sum(1 for row in lines if not set(row) <= set("|-: ")) + PARAGRAPH_GAP
        elif kind.startswith("h"):
            level = int(kind[1:])
            height += HEADING.get(level, HEADING[3]) * (math.ceil(_width(lines[0]) / 60) if level == 2 else 1)
        else:
            width = PROSE_WIDTH - (6 if kind == "item" else 0)
            height += PROSE_LINE * max(1, math.ceil(_width(" ".join(lines)) / width))
            height += ITEM_GAP if kind == "item" else PARAGRAPH_GAP
    return height


def estimate_height(cell: nbformat.NotebookNode, static: bool = False) -> int:
    """Return a rough height in pixels of ``cell`` and its future output on a 1280×720 slide.

    ``static``: for a deck without a kernel, where an explorer (``*_explorer(...)``) shows no widget.
    """
    if cell.cell_type == "markdown":
        return markdown_height(cell.source)
    if cell.cell_type != "code":
        return 0
    lines = len(cell.source.splitlines())
    font = next((px for at_least, px in CODE_FONT if lines >= at_least), 17)
    if cell.metadata.get("scrolled") is True:
        return _code(lines, font) + SCROLLED
    if _EXPLORER.search(cell.source):
        return _code(lines, font) + (0 if static else SLIDERS + FIGURE)
    if _DRAWS.search(cell.source):
        tier = next(((px, h) for at_least, px, h in FIGURE_TIERS if lines >= at_least), (17, FIGURE))
        return _code(lines, min(font, tier[0])) + tier[1] + _printed(cell.source, tier[0])
    return _code(lines, font) + _printed(cell.source, font)


def _printed(source: str, font: int) -> int:
    """Return the estimated height of the text a cell prints (a line per print, three in a loop), or 0."""
    lines, loops, count = [line for line in source.splitlines() if line.strip()], [], 0
    for number, line in enumerate(lines, 1):
        text = line.lstrip()
        indent = len(line) - len(text)
        while loops and indent <= loops[-1]:
            loops.pop()
        if _PRINTS.search(text) or (number == len(lines) and not indent and _SHOWN.match(text)):
            count += 3 if loops else 1
        if text.startswith(("for ", "while ")):
            loops.append(indent)
    return TEXT_OUTPUT + round(TEXT_LINE * font / 17) * count if count else 0


def _code(lines: int, font: int) -> int:
    """Return the height of ``lines`` lines of code at ``font`` px (line height 1.3) in a cell."""
    return round(lines * font * 1.3) + CELL_PAD


def heading_problems(nb: nbformat.NotebookNode, where: str = "notebook") -> list[str]:
    """Return one line per markdown cell with a heading below its first line (outside code blocks).

    A slide starts with a cell: a cell must open with its heading, so each ``##`` section and each
    ``###`` exercise starts a cell of its own.
    """
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        fenced, first = False, True
        for number, line in enumerate(cell.source.splitlines(), 1):
            if line.strip().startswith("```"):
                fenced = not fenced
            if fenced or not line.strip():
                continue
            if not first and _HEADING.match(line):
                found.append(
                    f"{where}, cell {index} ({cell.get('id', '?')}), line {number}: the heading "
                    f"`{line.strip()[:60]}` is not the cell's first line: split the cell there, so the "
                    "heading starts a cell (and a slide) of its own"
                )
            first = False
    return found


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
        elif cell.cell_type == "markdown" and _SECTION.match(source):
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


def counts(nb: nbformat.NotebookNode) -> tuple[int, int]:
    """Return ``(slides, screens)``: the horizontal slides, and the slides plus sub-slides (what a deck shows)."""
    kinds = [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells]
    return kinds.count("slide"), kinds.count("slide") + kinds.count("subslide")
