"""Every sentence the helpers show has its Korean; Korean figures draw every character (no empty boxes)."""

from __future__ import annotations

import ast
import re
import string
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest

import helpers
from helpers import language
from helpers.ko import KOREAN
from helpers.language import set_language, t

HELPERS = Path(helpers.__file__).resolve().parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def templates() -> dict[str, str]:
    """Return every English template the helpers pass to ``t()``, mapped to where it is (file:line)."""
    found = {}
    for path in sorted(HELPERS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args:
                first = node.args[0]
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: t() needs a string literal, the catalog's key"
                )
                found.setdefault(first.value, f"{path.name}:{node.lineno}")
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_helpers_show_sentences_through_t() -> None:
    assert len(templates()) > 100


def test_t_speaks_the_language_set_and_english_by_default() -> None:
    try:
        assert t("stuck ({n} networks)", n=3) == "stuck (3 networks)"
        set_language("ko")
        assert t("stuck ({n} networks)", n=3) == "갇힌 신경망 (3개)"
        assert t("a sentence with no Korean") == "a sentence with no Korean"  # English until it has one
    finally:
        set_language("en")
    assert t("mean cost") == "mean cost"


def test_every_english_template_has_a_korean_one_with_the_same_fields() -> None:
    missing = [f"{where}: {english!r}" for english, where in templates().items() if english not in KOREAN]
    assert not missing, "no Korean in helpers/ko.py for:\n" + "\n".join(missing)
    differ = [
        f"{english!r} → {KOREAN[english]!r}" for english in templates() if fields(english) != fields(KOREAN[english])
    ]
    assert not differ, "the Korean must keep exactly the English {fields}:\n" + "\n".join(differ)


def test_no_korean_entry_is_left_over_and_each_is_korean() -> None:
    unused = sorted(set(KOREAN) - set(templates()))
    assert not unused, f"helpers/ko.py translates templates no helper uses any more: {unused}"
    not_korean = [k for k, v in KOREAN.items() if re.search(r"[A-Za-z]{3}", k) and not HANGUL.search(v)]
    assert not not_korean, f"these Korean templates hold no Hangul: {not_korean}"


def test_korean_never_mixes_hangul_with_math_that_matplotlib_would_draw_as_boxes() -> None:
    mixed = [v for v in KOREAN.values() if HANGUL.search(v) and "$" in v]
    assert not mixed, f"matplotlib cannot draw Hangul inside a label holding $…$: {mixed}"


def test_korean_text_draws_without_a_missing_glyph() -> None:
    before = matplotlib.rcParams["font.family"]
    try:
        helpers.set_language("ko")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            figure, ax = plt.subplots()
            ax.set(title="경사 하강법: cost − 최솟값 ≈ 0", xlabel="학습률 α", ylabel="$\\hat y$")
            ax.plot([0, 1], label="모델 → ∂cost/∂a")
            ax.legend()
            figure.canvas.draw()
            plt.close(figure)
        assert language.t("{n}", n=3) == "3"
    finally:
        helpers.set_language("en")
        matplotlib.rcParams["font.family"] = before


def test_an_unknown_language_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        helpers.set_language("fr")
