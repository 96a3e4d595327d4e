"""The Korean edition is the English one with only prose, strings and comments translated — drift fails here."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402

ENGLISH_MD = (
    "## 2. The cost\n\nThe cost of $a = 17/28$ is 1.7857 after 10 000 steps:\n\n$$\\sum_i (\\hat y_i - y_i)^2$$"
)
KOREAN_MD = (
    "## 2. Cost (비용 함수)\n\n$a = 17/28$일 때 cost는 10 000번의 step 뒤에 1.7857입니다:"
    "\n\n$$\\sum_i (\\hat y_i - y_i)^2$$"
)
CODE = "# the cost of one line\nprint('cost after', n, 'steps:', cost(a, b))  # rounded\nlabels = {'fit': 1}"
STRINGS = """## 01
en: # the cost of one line
ko: # 직선 하나의 cost
en: 'cost after'
ko: 'cost:'
en: 'steps:'
ko: 'step 뒤:'
en: # rounded
ko: # 반올림
en: 'fit'
ko: 'fit'
"""


def notebook(markdown: str = ENGLISH_MD, code: str = CODE) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(markdown, id="md-1"), nbformat.v4.new_code_cell(code, id="code-1")]
    return nb


def catalog(korean: str = KOREAN_MD, recorded: str | None = None, strings: str = STRINGS) -> editions.Catalog:
    header = f"<!-- md-1 en:{recorded or editions.english_hash(ENGLISH_MD)} -->"
    return editions.Catalog(editions.read_markdown(f"{header}\n{korean}\n"), editions.read_strings(strings))


def test_a_complete_catalog_gives_the_korean_notebook_with_the_same_code() -> None:
    ko, problems = editions.translate(notebook(), catalog(), "01_test")
    assert problems == []
    assert ko.cells[0].source == KOREAN_MD
    assert ko.cells[1].source == (
        "# 직선 하나의 cost\nprint('cost:', n, 'step 뒤:', cost(a, b))  # 반올림\nlabels = {'fit': 1}"
    )


def test_an_english_cell_changed_after_its_translation_is_named_stale() -> None:
    changed = notebook(ENGLISH_MD.replace("The cost", "The total cost"))
    problems = editions.translate(changed, catalog(), "01_test")[1]
    assert len(problems) == 1 and "01_test, cell md-1: stale" in problems[0]


def test_a_cell_without_translation_and_an_entry_without_cell_are_named() -> None:
    nb = notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("## Summary", id="md-2"))
    problems = editions.translate(nb, catalog(), "01_test")[1]
    assert problems == ["01_test, cell md-2: no Korean translation"]
    nb.cells.pop()
    nb.cells[0].id = "md-renamed"
    problems = editions.translate(nb, catalog(), "01_test")[1]
    assert "cell md-renamed: no Korean translation" in problems[0] and "md-1 — no such markdown cell" in problems[1]


@pytest.mark.parametrize(
    "korean, expected",
    [
        (KOREAN_MD.replace("17/28", "17/27"), "formulas differ"),
        (KOREAN_MD.replace("\\hat y_i", "y_i"), "formulas differ"),
        (KOREAN_MD.replace("1.7857", "1.786"), "numbers differ"),
        (KOREAN_MD.replace("10 000", "1000"), "numbers differ"),
        (
            ENGLISH_MD,
            "not Korean",
        ),
    ],
)
def test_a_translation_may_not_change_a_formula_or_a_number_and_must_be_korean(korean: str, expected: str) -> None:
    problems = editions.translate(notebook(), catalog(korean), "01_test")[1]
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_changed_code_cell_or_a_string_entry_that_changes_code_is_refused() -> None:
    assert editions.same_code(CODE, CODE.replace("'steps:'", "'단계:'").replace("# rounded", "# 반올림"))
    assert not editions.same_code(CODE, CODE.replace("cost(a, b)", "cost(b, a)"))
    assert not editions.same_code("print(f'{a:.3f}')", "print(f'{b:.3f}')")  # an f-string's fields are code
    assert not editions.same_code("print(f'{a:.3f}')", "print(f'{a:.2f}')")
    assert editions.same_code("print(f'{a} of {b} steps')", "print(f'step {b}개 중 {a}개')")  # word order may change
    sneaky = STRINGS.replace("ko: 'cost:'", "ko: 'cost:', exit()")
    problems = editions.translate(notebook(), catalog(strings=sneaky), "01_test")[1]
    assert problems == ["01_test, cell code-1: the Korean code differs from the English beyond strings and comments"]


def test_every_comment_and_every_literal_with_a_word_needs_an_entry() -> None:
    problems = editions.translate(notebook(), catalog(strings=""), "01_test")[1]
    assert problems == [
        f"01_test, cell code-1: no Korean for {text}"
        for text in ("# the cost of one line", "'cost after'", "'steps:'", "# rounded", "'fit'")
    ]
    assert not any(editions.reads_as_text(s) for s in ("'$x_1$'", "f'{a:.2f}'", "'o-'", "'\\n'", "'w11'", "'3d'"))
    assert all(editions.reads_as_text(s) for s in ("'slow'", "f'{n} steps'", "'bias $b$'", "# x", "'upper right'"))


def test_a_korean_label_may_not_mix_hangul_and_math() -> None:
    strings = STRINGS.replace("ko: 'step 뒤:'", "ko: '$n$ step 뒤:'")
    problems = editions.translate(notebook(), catalog(strings=strings), "01_test")[1]
    assert problems == [
        "01_test, cell code-1: '$n$ step 뒤:' mixes Hangul with $…$ math, which matplotlib draws as empty boxes"
    ]


def test_an_entry_no_code_uses_is_stale() -> None:
    problems = editions.translate(notebook(), catalog(strings=STRINGS + "en: 'gone'\nko: '사라짐'\n"), "01_test")[1]
    assert problems == ["01_test.strings: 'gone' — appears in no code cell (stale entry)"]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("<!-- md-1 en:zz -->\nx", "a header reads"),
        ("stray\n<!-- md-1 en:0123abcd -->\nx", "before the first"),
        ("<!-- md-1 en:0123abcd -->\nx\n<!-- md-1 en:0123abcd -->\ny", "translated twice"),
    ],
)
def test_a_malformed_markdown_catalog_says_where(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        editions.read_markdown(text, "01_test.md")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("ko: 'x'\n", "expected an 'en: …' line"),
        ("en: 'x'\n", "no 'ko:' line"),
        ("en: 'x'\nko: 'y'\nen: 'x'\nko: 'z'\n", "translated twice"),
    ],
)
def test_a_malformed_strings_file_says_where(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        editions.read_strings(text, "01_test.strings")


def test_code_texts_finds_fstrings_and_comments_exactly() -> None:
    source = "x = f'{a!r:>{w}} and {b}'  # note\ny = ('one' 'two')"
    assert [t for _, _, t in editions.code_texts(source)] == ["f'{a!r:>{w}} and {b}'", "# note", "'one'", "'two'"]


# ---------------------------------------------------------------------------------------- the real catalog

SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_the_korean_catalog_translates_every_cell_and_changes_no_formula_number_or_code(solution: Path) -> None:
    catalog = editions.read_catalog(ROOT / "translations" / "ko", solution.stem)
    problems = editions.translate(nbformat.read(solution, as_version=4), catalog, solution.stem)[1]
    assert not problems, "fix translations/ko/ (python tools/editions.py check):\n" + "\n".join(problems)


def test_every_shared_korean_string_is_used() -> None:
    common = editions.read_catalog(ROOT / "translations" / "ko", "-").common
    used = {
        text
        for s in SOLUTIONS
        for c in nbformat.read(s, as_version=4).cells
        if c.cell_type == "code"
        for _, _, text in editions.code_texts(c.source)
    }
    assert not set(common) - used, f"common.strings entries no notebook uses: {sorted(set(common) - used)}"


@pytest.mark.parametrize("folder", ["solutions", "notebooks"])
def test_each_korean_notebook_has_the_english_code_and_cells(folder: str) -> None:
    english = sorted((ROOT / folder).glob("*.ipynb"))
    assert [p.name for p in english] == sorted(p.name for p in (ROOT / folder / "ko").glob("*.ipynb"))
    for path in english:
        en, ko = (nbformat.read(p, as_version=4) for p in (path, ROOT / folder / "ko" / path.name))
        assert [(c.cell_type, c.get("id")) for c in en.cells] == [(c.cell_type, c.get("id")) for c in ko.cells], path
        differ = [
            c.get("id")
            for c, k in zip(en.cells, ko.cells)
            if c.cell_type == "code" and not editions.same_code(c.source, k.source)
        ]
        assert not differ, f"{folder}/ko/{path.name}: code cells {differ} differ from the English beyond strings"
