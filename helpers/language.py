"""The language of everything the helpers say or draw: English by default, Korean with ``set_language('ko')``.

Every sentence a student reads (checker verdicts and hints, status lines, figure labels) goes
through :func:`t`, whose first argument is the English text, a ``str.format`` template. The
Korean catalog (``helpers/ko.py``) maps each English template to its Korean one; a test fails
when one is missing. The environment variable ``COURSE_LANG=ko`` also switches the language.

>>> set_language('ko'); t('stuck ({n} networks)', n=3)  # doctest: +SKIP
'갇힌 신경망 (3개)'
"""

from __future__ import annotations

import importlib.util
import logging
import os
import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager

LANGUAGES = ("en", "ko")
_language = "en"
#: The Korean font, from the PyPI package koreanize-matplotlib (only its font file is used).
KOREAN_FONT = "NanumGothic"


def set_language(code: str) -> str:
    """Use ``code`` ('en' or 'ko') for every message and figure from now on; return it."""
    global _language
    code = str(code).strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {code!r}")
    _language = code
    if code == "ko":
        use_korean_font()
    return code


def language() -> str:
    """Return the current language code, 'en' or 'ko'."""
    return _language


def t(english: str, **fields: object) -> str:
    """Return ``english`` in the current language, with ``fields`` filled in (``str.format``)."""
    template = english
    if _language == "ko":
        from .ko import KOREAN

        template = KOREAN.get(english, english)
    return template.format(**fields) if fields else template


def korean_font_file() -> Path | None:
    """Return the path of NanumGothic.ttf shipped by the koreanize-matplotlib package, or None if absent."""
    spec = importlib.util.find_spec("koreanize_matplotlib")  # found, not imported: we need only its font
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "fonts" / "NanumGothic.ttf"
    return path if path.exists() else None


def use_korean_font() -> None:
    """Let matplotlib draw Hangul: register NanumGothic as the fallback font after DejaVu Sans."""
    path = korean_font_file()
    if path is None:
        raise RuntimeError("no Korean font: install the course's requirements (pip install koreanize-matplotlib)")
    if KOREAN_FONT not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    # Glyph by glyph: DejaVu Sans (matplotlib's own font: Latin, Greek, − ≈ → ∂) first, NanumGothic for Hangul.
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", KOREAN_FONT]


class _MissingGlyph(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if "substituting with a dummy symbol" in record.getMessage():
            raise RuntimeError(f"a figure label has a character its font cannot draw: {record.getMessage()}")
        return True


def fail_on_missing_glyphs() -> None:
    """Turn a character that a figure cannot draw (an empty box) into an error: the test suite's setting."""
    warnings.filterwarnings("error", message=r"Glyph \d+ .*missing from font")
    logging.getLogger("matplotlib.mathtext").addFilter(_MissingGlyph())  # Hangul inside $…$ math


if os.environ.get("COURSE_EXPECT"):  # set by the test suite (conftest.py) for every notebook it runs
    fail_on_missing_glyphs()
if os.environ.get("COURSE_LANG"):
    set_language(os.environ["COURSE_LANG"])
