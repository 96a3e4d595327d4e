"""The course site: ``python tools/build_site.py [--edition en ko] [--no-decks] [names]``.

One command builds ``build/site/``, a static site of the executed course that GitHub Pages (or any
static host) can serve as it is:

- ``en/`` and ``ko/`` (when the Korean solutions exist): Sphinx + myst-nb + sphinx-book-theme, one
  page per notebook in course order, every output and figure, math (MathJax 3, served locally), a
  language switch to the same page in the other edition, the Korean font served locally;
- ``decks/``: the static slide decks of tools/build_decks.py, linked from each page;
- ``index.html``: picks the edition (the browser's language, English otherwise), ``.nojekyll``.

Notebooks are executed by tools/execute.py first (only those whose source or helpers changed).
Sphinx executes nothing. Nothing a page loads comes from another host. Read it over HTTP:
``python tools/serve.py build/site``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_decks  # noqa: E402
import execute  # noqa: E402
import static_assets  # noqa: E402

ROOT = execute.ROOT
SITE = execute.BUILD / "site"
SOURCES = execute.BUILD / "site-src"
CONF = ROOT / "site" / "sphinx"
EDITION_NAMES = {"en": "English", "ko": "한국어"}
TEXT = {
    "en": {
        "title": "Neural networks, from the perceptron to PyTorch",
        "intro": "The executed course: every notebook with its outputs and figures, to read on any screen. "
        "To run the code and move the sliders, open a notebook in Jupyter, Colab or Binder "
        "(see the repository's README).",
        "notebook": "notebook",
        "slides": "Slides",
        "what": "slides for the lecture",
    },
    "ko": {
        "title": "신경망: 퍼셉트론에서 PyTorch까지",
        "intro": "실행 결과가 담긴 강의 노트입니다. 모든 notebook의 출력과 그림을 어떤 화면에서든 읽을 수 있습니다. "
        "코드를 실행하고 slider를 움직이려면 Jupyter, Colab 또는 Binder에서 notebook을 여세요 "
        "(저장소의 README 참고).",
        "notebook": "notebook",
        "slides": "슬라이드",
        "what": "강의용 슬라이드",
    },
}


def notebook_title(nb: nbformat.NotebookNode) -> str:
    """Return the notebook's '# ' title."""
    return build_decks.title(nb)


def index_page(edition: str, notebooks: list[tuple[str, str]], decks: bool) -> str:
    """Return the MyST index page of an edition: title, intro, the notebooks (and decks) in order, the toctree."""
    text = TEXT.get(edition, TEXT["en"])
    rows = [f"# {text['title']}", "", text["intro"], ""]
    for name, title in notebooks:
        slides = f' · <a href="../decks/{edition}/{name}.html">{text["slides"]}</a>' if decks else ""
        rows.append(f"- [{title}]({name}.ipynb){slides}")
    rows += ["", "```{toctree}", ":hidden:", "", *[name for name, _ in notebooks], "```", ""]
    return "\n".join(rows)


def write_sources(executed: dict[str, list[Path]], sources: Path, decks: bool) -> dict[str, list[str]]:
    """Write each edition's Sphinx sources (static notebooks, index.md, static files); return its page names."""
    if sources.exists():
        shutil.rmtree(sources)
    pages: dict[str, list[str]] = {}
    korean_text = []
    for edition, paths in executed.items():
        folder = sources / edition
        folder.mkdir(parents=True)
        listing = []
        for path in paths:
            nb = execute.static_view(nbformat.read(path, as_version=4), edition)
            nb.metadata.pop("course_build", None)
            nbformat.write(nb, folder / path.name)
            listing.append((path.stem, notebook_title(nb)))
            korean_text.append(build_decks.notebook_text(nb))
        (folder / "index.md").write_text(index_page(edition, listing, decks))
        korean_text.append(json.dumps(TEXT, ensure_ascii=False) + "".join(EDITION_NAMES.values()))
        pages[edition] = ["index", *[name for name, _ in listing]]
    static = sources / "_static"
    static_assets.copy_mathjax(static / "mathjax")
    for name in os.listdir(CONF / "_static"):
        shutil.copy2(CONF / "_static" / name, static / name)
    static_assets.korean_font("".join(korean_text), static / "korean.woff")
    family = f'"{static_assets.KOREAN_FAMILY}"'
    (static / "korean.css").write_text(
        static_assets.font_face("korean.woff")
        + f"html {{ --pst-font-family-base: {family}, var(--pst-font-family-base-system); "
        + f"--pst-font-family-heading: {family}, var(--pst-font-family-base-system); "
        + f"--pst-font-family-monospace: {family}, var(--pst-font-family-monospace-system); }}\n"
    )
    return pages


def sphinx_build(edition: str, sources: Path, pages: dict[str, list[str]], decks: list[str]) -> subprocess.Popen:
    """Start Sphinx on one edition (a process of its own, so editions build side by side); return the process.

    The pages land in ``sources/_build/<edition>/html`` (myst-nb also writes ``jupyter_execute/`` beside it).
    """
    text = TEXT.get(edition, TEXT["en"])
    context = {
        "html_title": text["title"],
        "html_static_path": [str(sources / "_static")],
        "html_context": {
            "edition": edition,
            "editions": {e: EDITION_NAMES[e] for e in pages},
            "pages": pages,
            "decks": decks,
            "labels": {"slides": text["slides"]},
            "default_mode": "light",
        },
    }
    settings = sources / f"{edition}.json"
    settings.write_text(json.dumps(context, ensure_ascii=False))
    build = sources / "_build" / edition
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-E",
        "-c",
        str(CONF),
        "-D",
        f"language={edition}",
        "-d",
        str(build / "doctrees"),
        str(sources / edition),
        str(build / "html"),
    ]
    log = build / "sphinx.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        command,
        env=os.environ | {"COURSE_SITE_SETTINGS": str(settings), "NO_COLOR": "1"},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


ROOT_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="icon" href="data:,">
<script>
  // The reader's language picks the edition; the links below stay for everyone.
  var editions = {editions};
  var wanted = (navigator.language || "en").slice(0, 2);
  if (editions.indexOf(wanted) < 0) wanted = editions[0];
  if (!location.hash) location.replace(wanted + "/index.html");
</script></head>
<body><h1>{title}</h1><ul>{links}</ul></body></html>
"""


def build_site(
    editions: list[str] | None = None,
    names: list[str] | None = None,
    decks: bool = True,
    out: Path = SITE,
    sources: Path = SOURCES,
    executed: dict[str, list[Path]] | None = None,
    log=print,
) -> dict:
    """Build the whole site into ``out``; return a summary (pages and slides per edition, seconds, bytes).

    ``executed`` (edition → executed notebooks) skips tools/execute.py: the tests pass a few notebooks.
    """
    start = time.monotonic()
    executed = executed or execute.execute_all(editions, names, log=log)
    if not executed:
        raise RuntimeError("no solution notebooks found to build")
    executed_at = time.monotonic()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    deck_names = {e: [p.stem for p in ps] for e, ps in executed.items()} if decks else {}
    pages = write_sources(executed, sources, decks)
    running = {e: sphinx_build(e, sources, pages, deck_names.get(e, [])) for e in executed}
    if decks:  # while Sphinx runs
        build_decks.build_decks(executed=executed, out=out / "decks", log=log)
    warnings = {}
    for edition, process in running.items():
        process.wait()
        warnings[edition] = [
            line for line in (sources / "_build" / edition / "sphinx.log").read_text().splitlines() if line.strip()
        ]
        for line in warnings[edition]:
            log(f"sphinx ({edition}): {line}")
        if process.returncode:
            raise RuntimeError(f"Sphinx failed on the {edition} edition:\n" + "\n".join(warnings[edition][-20:]))
        shutil.move(sources / "_build" / edition / "html", out / edition)
        for source_map in (out / edition).rglob("*.map"):  # the theme's source maps: only for its developers
            source_map.unlink()
    links = "".join(f'<li><a href="{e}/index.html" lang="{e}">{EDITION_NAMES[e]}</a></li>' for e in executed)
    (out / "index.html").write_text(
        ROOT_INDEX.format(title=TEXT["en"]["title"], editions=json.dumps(list(executed)), links=links)
    )
    static_assets.refresh_korean_fonts(out)  # every character of the pages, Sphinx's Korean labels included
    (out / ".nojekyll").write_text("")  # GitHub Pages: serve _static/ and _images/ as they are
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    summary = {
        "editions": {e: {"pages": len(pages[e]), "notebooks": len(executed[e])} for e in executed},
        "execute_seconds": round(executed_at - start, 1),
        "build_seconds": round(time.monotonic() - executed_at, 1),
        "bytes": size,
        "warnings": warnings,
    }
    if decks:
        index = json.loads((out / "decks" / "index.json").read_text())
        for e, rows in index.items():
            summary["editions"][e]["slides"] = sum(r["slides"] for r in rows)
            summary["editions"][e]["screens"] = sum(r["screens"] for r in rows)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", nargs="+", choices=list(execute.EDITIONS), help="default: every edition")
    parser.add_argument("--no-decks", action="store_true", help="leave the slide decks out")
    parser.add_argument("names", nargs="*", help="only these notebooks, e.g. 01_perceptron or 01 (default: all)")
    args = parser.parse_args(argv)
    summary = build_site(args.edition, args.names, decks=not args.no_decks)
    for edition, counts in summary["editions"].items():
        print(f"{edition}: {counts}")
    print(
        f"build/site/: {summary['bytes'] / 1e6:.1f} MB; executing {summary['execute_seconds']} s, "
        f"building {summary['build_seconds']} s"
    )
    return 1 if any(summary["warnings"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
