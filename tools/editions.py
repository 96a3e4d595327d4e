"""The Korean edition of a solution notebook, made from the English one and a catalog.

The catalog of notebook ``NN_name`` lives in ``translations/ko/``:

- ``NN_name.md`` holds the Korean text of every markdown cell, one block per cell, each opened by a
  line naming the cell and the hash of the English text it translates::

      <!-- nb01-02 en:1a2b3c4d -->
      ## 1. Perceptron
      …

- ``NN_name.strings`` (and ``common.strings``, shared by all notebooks) hold, for code cells, the
  Korean for each comment and each string literal that reads as text (more than one word)::

      en: 'first epoch without a mistake:'
      ko: '실수가 없는 첫 epoch:'

Code is shared: a Korean code cell is its English cell with those literals and comments swapped,
so the two editions can differ in nothing else. :func:`problems` lists what a test must refuse:
untranslated or stale cells and strings, unused entries, and translations that change a formula,
a number, the code, or are not Korean.
"""

from __future__ import annotations

import ast
import hashlib
import io
import re
import tokenize
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

BADGE_MARK = "colab-badge.svg"
BUILDER_MARKERS = {"### BEGIN SOLUTION", "### END SOLUTION", "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"}
SETUP_ID = "colab-setup"  # the builder's Colab cell: the same in both editions, never translated
_HEADER = re.compile(r"^<!-- (\S+) en:([0-9a-f]{8}) -->$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)
_URL = re.compile(r"\]\([^)]*\)|https?://\S+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"(?<=\d)[ \u2009\u202f](?=\d{3}(?!\d))")
_WORD = re.compile(r"[A-Za-z]{2,}")
MIN_HANGUL_SHARE = 0.2  # Hangul / (Hangul + Latin letters) outside math and code; the lecture's prose: 0.3–0.9


def english_hash(source: str) -> str:
    """Return the 8-hex-digit hash that a translation of this English cell records."""
    return hashlib.sha256(_without_badge(source).encode()).hexdigest()[:8]


def _without_badge(source: str) -> str:
    lines = [line for line in source.splitlines() if BADGE_MARK not in line]
    return "\n".join(lines).strip()


# ---------------------------------------------------------------------------------------- catalog files


@dataclass
class Catalog:
    """One notebook's catalog: Korean markdown by cell id (with the English hash), Korean code texts."""

    markdown: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (English hash, Korean text)
    strings: dict[str, str] = field(default_factory=dict)  # English literal/comment → Korean
    common: dict[str, str] = field(default_factory=dict)  # the same, shared by every notebook


def read_markdown(text: str, where: str = "catalog") -> dict[str, tuple[str, str]]:
    """Return ``{cell id: (English hash, Korean markdown)}`` from a ``NN_name.md`` catalog's text."""
    blocks: dict[str, tuple[str, str]] = {}
    current: tuple[str, str] | None = None
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line.strip())
        if header:
            if current:
                blocks[current[0]] = (current[1], "\n".join(lines).strip())
            if header.group(1) in blocks:
                raise ValueError(f"{where}, line {number}: cell {header.group(1)} is translated twice")
            current, lines = (header.group(1), header.group(2)), []
        elif line.startswith("<!-- ") and " en:" in line:
            raise ValueError(f"{where}, line {number}: a header reads '<!-- CELL-ID en:8-HEX-DIGITS -->', got {line!r}")
        elif current:
            lines.append(line)
        elif line.strip():
            raise ValueError(f"{where}, line {number}: text before the first '<!-- CELL-ID en:HASH -->' header")
    if current:
        blocks[current[0]] = (current[1], "\n".join(lines).strip())
    return blocks


def read_strings(text: str, where: str = "strings") -> dict[str, str]:
    """Return ``{English: Korean}`` from a ``.strings`` file: ``en: …`` / ``ko: …`` line pairs, ``##`` notes."""
    pairs: dict[str, str] = {}
    english: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("##"):
            continue
        match = re.match(r"(en|ko):(?: (.*))?$", line)
        key, value = (match.group(1), match.group(2) or "") if match else (None, "")
        if key == "en" and english is None:
            english = value
        elif key == "ko" and english is not None:
            if english in pairs:
                raise ValueError(f"{where}, line {number}: {english} is translated twice")
            pairs[english], english = value, None
        else:
            raise ValueError(f"{where}, line {number}: expected an 'en: …' line then a 'ko: …' line, got {line!r}")
    if english is not None:
        raise ValueError(f"{where}: the last 'en:' line has no 'ko:' line")
    return pairs


def read_catalog(folder: Path, name: str) -> Catalog:
    """Return the catalog of notebook ``name`` (e.g. '01_perceptron') from ``folder``; missing files are empty."""

    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8") if path.exists() else ""

    md, strings, common = folder / f"{name}.md", folder / f"{name}.strings", folder / "common.strings"
    return Catalog(
        read_markdown(text(md), md.name),
        read_strings(text(strings), strings.name),
        read_strings(text(common), common.name),
    )


# ---------------------------------------------------------------------------------------- code cells


def code_texts(source: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, text)`` character spans of every comment and string literal in ``source``."""
    offsets = [0]
    for line in source.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))

    def where(row: int, col: int) -> int:
        return offsets[row - 1] + col

    spans, depth, start = [], 0, 0
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = tokenize.tok_name[token.type]
        if kind == "FSTRING_START":  # Python 3.12+: an f-string is many tokens
            depth += 1
            if depth == 1:
                start = where(*token.start)
        elif kind == "FSTRING_END":
            depth -= 1
            if depth == 0:
                spans.append((start, where(*token.end)))
        elif depth == 0 and token.type in (tokenize.STRING, tokenize.COMMENT):
            spans.append((where(*token.start), where(*token.end)))
    return [(a, b, source[a:b]) for a, b in spans]


def reads_as_text(literal: str) -> bool:
    """True for a comment, or a string literal with a word of 2+ letters outside {fields} and $math$.

    Such a literal needs a catalog entry; one that is code (a dict key, 'upper right') gets an entry
    that keeps it as it is.
    """
    if literal.startswith("#"):
        return literal.strip() not in BUILDER_MARKERS
    body = re.sub(r"\{[^{}]*\}", " ", re.sub(r"\$[^$]*\$", " ", literal))  # {fields} and $math$ are not words
    body = re.sub(r"^[rbfuRBFU]+(?=['\"])|\\[a-zA-Z]", " ", body)  # nor a prefix such as f, nor \n
    return bool(_WORD.search(body))


def translate_code(source: str, table: dict[str, str]) -> tuple[str, list[str]]:
    """Return ``source`` with each comment/literal in ``table`` swapped, and the texts needing one that had none."""
    out, last, missing = [], 0, []
    for start, end, text in code_texts(source):
        if table.get(text):  # an entry whose Korean is still empty counts as missing
            out += [source[last:start], table[text]]
            last = end
        elif reads_as_text(text):
            missing.append(text)
    return "".join(out) + source[last:], missing


class _BlankStrings(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.Constant("") if isinstance(node.value, str) else node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.JoinedStr:
        """An f-string keeps its {fields}, in any order (Korean word order differs); its text may change freely."""
        fields = [value for value in node.values if isinstance(value, ast.FormattedValue)]
        for formatted in fields:  # its expression may hold strings (blanked); its format spec ({x:.3f}) is kept
            formatted.value = self.visit(formatted.value)
        return ast.JoinedStr(sorted(fields, key=ast.dump))


def same_code(english: str, korean: str) -> bool:
    """True when the two cells' syntax trees are equal once every string is blanked (comments are not in the tree)."""
    try:
        trees = [ast.dump(_BlankStrings().visit(ast.parse(s))) for s in (english, korean)]
    except SyntaxError:
        return False
    return trees[0] == trees[1]


# ---------------------------------------------------------------------------------------- markdown cells


def formulas(markdown: str) -> Counter:
    """Return the multiset of LaTeX formulas (``$…$``, ``$$…$$``) in ``markdown``."""
    return Counter(re.sub(r"\s+", " ", m).strip() for m in _MATH.findall(markdown))


def numbers(markdown: str) -> Counter:
    """Return the multiset of numbers written outside formulas and link targets ("10 000" counts as 10000)."""
    text = _THOUSANDS.sub("", _URL.sub(" ", _MATH.sub(" ", markdown)))
    return Counter(n.replace(",", "") for n in _NUMBER.findall(text))


def hangul_share(markdown: str) -> float | None:
    """Return Hangul / (Hangul + Latin) letters outside formulas, code and links; None below 20 letters."""
    text = re.sub(r"```.*?```|`[^`]*`", " ", _URL.sub(" ", _MATH.sub(" ", markdown)), flags=re.S)
    hangul, latin = len(_HANGUL.findall(text)), len(_LATIN.findall(text))
    return None if hangul + latin < 20 else hangul / (hangul + latin)


def markdown_problems(english: str, korean: str) -> list[str]:
    """Return what a Korean markdown cell changed that it may not: a formula, a number; or that it is not Korean."""
    found = []
    en, ko = _without_badge(english), _without_badge(korean)
    if formulas(en) != formulas(ko):
        lost, added = formulas(en) - formulas(ko), formulas(ko) - formulas(en)
        found.append(f"formulas differ: English only {sorted(lost)}, Korean only {sorted(added)}")
    if numbers(en) != numbers(ko):
        lost, added = numbers(en) - numbers(ko), numbers(ko) - numbers(en)
        found.append(f"numbers differ: English only {sorted(lost)}, Korean only {sorted(added)}")
    share = hangul_share(ko)
    if share is not None and share < MIN_HANGUL_SHARE:
        found.append(
            f"not Korean: Hangul is {share:.0%} of its letters outside math and code (at least {MIN_HANGUL_SHARE:.0%})"
        )
    return found


# ---------------------------------------------------------------------------------------- a whole notebook


def translate(nb: nbformat.NotebookNode, catalog: Catalog, name: str) -> tuple[nbformat.NotebookNode, list[str]]:
    """Return the Korean notebook made from English ``nb`` and every problem found (none: a complete catalog)."""
    ko = nbformat.from_dict(nb)  # deep copy
    problems: list[str] = []
    table = {**catalog.common, **catalog.strings}
    used: set[str] = set()
    for cell in ko.cells:
        where = f"{name}, cell {cell.get('id')}"
        if cell.cell_type == "markdown":
            entry = catalog.markdown.get(cell.id)
            if entry is None:
                problems.append(f"{where}: no Korean translation")
                continue
            recorded, korean = entry
            if recorded != english_hash(cell.source):
                problems.append(
                    f"{where}: stale — the English text changed after it was translated "
                    f"(translation of en:{recorded}, the cell is now en:{english_hash(cell.source)})"
                )
            problems += [f"{where}: {p}" for p in markdown_problems(cell.source, korean)]
            cell.source = korean
        elif cell.cell_type == "code" and cell.get("id") != SETUP_ID:
            english = cell.source
            cell.source, missing = translate_code(english, table)
            used |= {text for _, _, text in code_texts(english) if text in table}
            problems += [f"{where}: no Korean for {text}" for text in missing]
            problems += [
                f"{where}: {table[text]} mixes Hangul with $…$ math, which matplotlib draws as empty boxes"
                for _, _, text in code_texts(english)
                if table.get(text) and _HANGUL.search(table[text]) and "$" in table[text]
            ]
            if not same_code(english, cell.source):
                problems.append(f"{where}: the Korean code differs from the English beyond strings and comments")
    ids = {cell.get("id") for cell in nb.cells if cell.cell_type == "markdown"}
    problems += [
        f"{name}: {cid} — two markdown cells share this id"
        for cid, n in Counter(c.get("id") for c in nb.cells if c.cell_type == "markdown").items()
        if n > 1
    ]
    problems += [
        f"{name}: translation of cell {cid} — no such markdown cell (stale entry)"
        for cid in sorted(set(catalog.markdown) - ids)
    ]
    problems += [
        f"{name}.strings: {text} — appears in no code cell (stale entry)"
        for text in sorted(set(catalog.strings) - used)
    ]
    return ko, problems


# ---------------------------------------------------------------------------------------- command line

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "translations" / "ko"


def scaffold(name: str, root: Path = ROOT) -> list[Path]:
    """Add to ``NN_name.md`` / ``.strings`` a block per cell or text not yet translated (English as placeholder)."""
    nb = nbformat.read(root / "solutions" / f"{name}.ipynb", as_version=4)
    folder = root / "translations" / "ko"
    folder.mkdir(parents=True, exist_ok=True)
    catalog = read_catalog(folder, name)
    md, strings = [], []
    known = {**catalog.common, **catalog.strings}
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.id not in catalog.markdown:
            md.append(f"<!-- {cell.id} en:{english_hash(cell.source)} -->\n{_without_badge(cell.source)}\n")
        elif cell.cell_type == "code" and cell.get("id") != SETUP_ID:
            for _, _, text in code_texts(cell.source):
                if reads_as_text(text) and text not in known and "\n" not in text:
                    known[text] = ""
                    strings.append(f"en: {text}\nko: \n")
    written = []
    for path, blocks in ((folder / f"{name}.md", md), (folder / f"{name}.strings", strings)):
        if blocks:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            path.write_text(
                old + ("\n" if old and not old.endswith("\n\n") else "") + "\n".join(blocks), encoding="utf-8"
            )
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Check or scaffold the Korean catalog (translations/ko/).")
    parser.add_argument("command", choices=["check", "scaffold"])
    parser.add_argument("names", nargs="*", help="notebooks, e.g. 01_perceptron (default: all)")
    args = parser.parse_args(argv)
    names = args.names or sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb"))
    if args.command == "scaffold":
        for name in names:
            for path in scaffold(name):
                print("added untranslated blocks to", path.relative_to(ROOT))
        return 0
    found = []
    for name in names:
        nb = nbformat.read(ROOT / "solutions" / f"{name}.ipynb", as_version=4)
        found += translate(nb, read_catalog(CATALOG, name), name)[1]
    print("\n".join(found) or "the Korean catalog is complete")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
