"""Files the site and the decks serve themselves, so that opening them fetches nothing from another host.

- MathJax 3 and reveal.js 5 come from npm (``npm ci`` reads package.json / package-lock.json into
  ``node_modules/``, git-ignored); only the files a page loads are copied.
- The Korean font: NanumGothic (SIL Open Font License) from the PyPI package koreanize-matplotlib,
  a course dependency, cut down with fontTools (a matplotlib dependency) to the characters the
  Korean pages use, as a WOFF file with an ``@font-face`` rule. A reader's own Korean font comes
  first; this one is the fallback, so Korean reads on a machine without any.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
MATHJAX_FILES = ["es5/tex-chtml-full.js", "es5/output/chtml/fonts/woff-v2"]
REVEAL_FILES = [
    "dist/reveal.js",
    "dist/reveal.css",
    "dist/theme/white.css",
    "dist/theme/fonts/source-sans-pro",
    "plugin/notes/notes.js",
]
KOREAN_FAMILY = "Course Korean"
#: Korean fonts a reader's system may have: the served file is only the fallback.
KOREAN_LOCAL = [
    "Apple SD Gothic Neo",
    "AppleSDGothicNeo-Regular",
    "Malgun Gothic",
    "Noto Sans KR",
    "NotoSansKR-Regular",
    "Noto Sans CJK KR",
    "NotoSansCJKkr-Regular",
    "NanumGothic",
]


def npm_package(name: str) -> Path:
    """Return ``node_modules/<name>``, running ``npm ci`` first if it is missing (needs npm and its registry)."""
    path = NODE / name
    if not path.exists():
        if not shutil.which("npm"):
            raise RuntimeError(f"{path} is missing and npm is not installed: install Node.js, then run 'npm ci'")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    if not path.exists():
        raise RuntimeError(f"{path} is still missing after 'npm ci': check package.json")
    return path


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        shutil.copy2(source, target)


def copy_mathjax(target: Path) -> Path:
    """Copy MathJax 3 (TeX input, CommonHTML output, its fonts) to ``target``; return the script's path."""
    package = npm_package("mathjax")
    for name in MATHJAX_FILES:
        _copy(package / name, target / name.removeprefix("es5/"))
    return target / "tex-chtml-full.js"


def copy_reveal(target: Path) -> Path:
    """Copy reveal.js (script, styles, the white theme and its local fonts, the notes plugin) to ``target``."""
    package = npm_package("reveal.js")
    for name in REVEAL_FILES:
        _copy(package / name, target / name)
    return target


def mathjax_config() -> dict:
    """Return the decks' MathJax 3 configuration: $…$ and $$…$$ in prose (code and outputs are skipped)."""
    return {
        "tex": {
            "inlineMath": [["$", "$"], ["\\(", "\\)"]],
            "displayMath": [["$$", "$$"], ["\\[", "\\]"]],
            "processEscapes": True,
        }
    }


def korean_font(text: str, target: Path) -> Path:
    """Write NanumGothic cut down to the characters of ``text`` as ``target`` (.woff); return it."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # it lists the hinting tables it drops

    import helpers.language

    source = helpers.language.korean_font_file()
    if source is None:
        raise RuntimeError("no Korean font: pip install koreanize-matplotlib (a course requirement)")
    characters = sorted({c for c in text if ord(c) > 0x2FF} | {chr(c) for c in range(0x20, 0x7F)})
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(characters))
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
    return target


def refresh_korean_fonts(folder: Path) -> Path | None:
    """Cut the Korean font to the characters of every page and script under ``folder`` (a built site or decks),
    and write it over each ``korean.woff`` there; return one of them (None if there is none)."""
    targets = sorted(folder.rglob("korean.woff"))
    if not targets:
        return None
    text = "".join(
        p.read_text(errors="ignore")
        for pattern in ("*.html", "*.js", "*.json")
        for p in folder.rglob(pattern)
        if "mathjax" not in p.parts and "reveal" not in p.parts
    )
    korean_font(text, targets[0])
    for target in targets[1:]:
        shutil.copy2(targets[0], target)
    return targets[0]


def font_face(url: str) -> str:
    """Return the CSS ``@font-face`` rule of the Korean face: the reader's Korean font, else the file at ``url``.

    Its ``unicode-range`` holds Hangul only, so put the family FIRST in a font stack: Latin text keeps the
    stack's fonts. (Last in the stack, after a generic family, Chromium on a machine without a Korean
    font shows Hangul as boxes: it never re-shapes text after the web font arrives.)
    """
    sources = ", ".join(f'local("{name}")' for name in KOREAN_LOCAL)
    return (
        f'@font-face {{ font-family: "{KOREAN_FAMILY}"; src: {sources}, url("{url}") format("woff"); '
        "font-display: swap; unicode-range: U+1100-11FF, U+3000-303F, U+3130-318F, U+A960-A97F, "
        "U+AC00-D7A3, U+D7B0-D7FF, U+FF01-FF60; }\n"
    )


def korean_fontconfig(folder: Path) -> dict[str, str]:
    """Return the environment that lets a browser started with it find NanumGothic as a system font.

    For measuring Korean slides where they are not served the course's font (RISE, in JupyterLab): a
    reader's system has a Korean font, a bare test machine may have none and draw empty boxes, whose
    width is not Hangul's. Writes ``folder/fonts.conf`` (the system's configuration plus the font's folder).
    """
    import helpers.language

    source = helpers.language.korean_font_file()
    if source is None:
        raise RuntimeError("no Korean font: pip install koreanize-matplotlib (a course requirement)")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{Path(source).parent}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n"
    )
    return {"FONTCONFIG_FILE": str(config)}
