"""Static slide decks of the executed solutions: ``python tools/build_decks.py [--edition en ko] [--measure] [names]``.

For every executed notebook (tools/execute.py runs what is missing or stale) it writes
``build/decks/<edition>/NN_name.html``: ``nbconvert --to slides`` with the course's template
(site/nbconvert/course_slides), slides from the notebook's structure (tools/slides.py), outputs
and figures included, explorers shown by their static figure. reveal.js, MathJax and the fonts are
copied to ``build/decks/assets/`` and loaded from there: opening a deck fetches nothing from another
host. Serve the folder over HTTP (browsers refuse fonts from file:// pages), e.g.
``python -m http.server -d build/decks``.

``--measure`` opens each deck in headless Chromium at 1280×720 and lists every slide taller than
720 px after the deck has shrunk its figures (it shrinks a figure to at most 55 % of its size).
``--rise`` also measures the live slides: it starts JupyterLab (tests/browser_lab.py) on a copy of the
executed notebooks, with their outputs and ``solutions/rise.css``, opens each in RISE at 1280×720 and
lists every screen taller than RISE allows before it makes the screen scroll (95 % of 720 px).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import execute  # noqa: E402
import slides  # noqa: E402
import static_assets  # noqa: E402

ROOT = execute.ROOT
DECKS = execute.BUILD / "decks"
TEMPLATES = ROOT / "site" / "nbconvert"
DECK_FILES = ROOT / "site" / "deck"
WIDTH, HEIGHT = 1280, 720


def title(nb: nbformat.NotebookNode) -> str:
    """Return the notebook's title: its first '# ' heading without the '#'."""
    for cell in nb.cells:
        for line in cell.source.splitlines():
            if cell.cell_type == "markdown" and line.startswith("# "):
                return line[2:].strip()
    return "Slides"


def deck_notebook(nb: nbformat.NotebookNode, edition: str) -> nbformat.NotebookNode:
    """Return the notebook a deck shows: the static view, cut at every section, with its slide types."""
    nb = slides.add_slideshow(execute.static_view(nb, edition), static=True)
    nb.metadata["title"] = title(nb)
    return nb


def korean_css(text: str, assets: Path) -> None:
    """Write ``assets/korean.woff`` (the font cut to ``text``'s characters) and ``assets/korean.css``.

    Every deck uses it: the English prose glosses terms in Korean too. A Korean font of the reader's
    system comes first; the served one is the fallback (only for Hangul)."""
    static_assets.korean_font(text, assets / "korean.woff")
    family = f'"{static_assets.KOREAN_FAMILY}"'
    (assets / "korean.css").write_text(
        static_assets.font_face("korean.woff")
        + f":root {{ --jp-content-font-family: {family}, system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, "
        + f"sans-serif; --jp-code-font-family: {family}, Menlo, Consolas, 'DejaVu Sans Mono', monospace; }}\n"
        + f".reveal, .reveal h1, .reveal h2, .reveal h3 {{ font-family: {family}, 'Source Sans Pro', Helvetica, "
        + "sans-serif; }\n"
        # nbconvert's reveal CSS sets code and outputs to plain `monospace`, which has no Hangul
        + ".reveal pre, .reveal code, div.output_area pre { font-family: var(--jp-code-font-family); }\n"
    )


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """Return every character a reader may see in ``nb``: markdown, code and text outputs."""
    parts = []
    for cell in nb.cells:
        parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts.append(output.get("text", "") if isinstance(output.get("text", ""), str) else "")
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def lab_css() -> str:
    """Return the notebook styles nbconvert's reveal template inlines in every deck, as one stylesheet."""
    from jupyter_core.paths import jupyter_path

    for base in jupyter_path("nbconvert", "templates"):
        lab, reveal = Path(base) / "lab" / "static", Path(base) / "reveal" / "static"
        if (lab / "index.css").exists() and (reveal / "custom_reveal.css").exists():
            parts = [lab / "index.css", lab / "theme-light.css", reveal / "custom_reveal.css"]
            return "\n".join(p.read_text() for p in parts) + (
                "\na.anchor-link { display: none; }\n.highlight { margin: 0.4em; }\n.jp-Notebook { padding: 0; }\n"
            )
    raise RuntimeError("nbconvert's lab and reveal templates are missing: pip install nbconvert")


def copy_assets(assets: Path, korean_text: str) -> None:
    """Fill ``assets/``: reveal.js, MathJax, the notebook and deck styles, the deck's script, the Korean font."""
    static_assets.copy_reveal(assets / "reveal")
    (assets / "lab.css").write_text(lab_css())
    static_assets.copy_mathjax(assets / "mathjax")
    for name in ("deck.js", "deck.css"):
        shutil.copy2(DECK_FILES / name, assets / name)
    korean_css(korean_text or "한국어", assets)


def export(nb: nbformat.NotebookNode, edition: str, assets: str) -> str:
    """Return the deck's HTML; ``assets`` is the assets folder's URL relative to the deck."""
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(
        template_name="course_slides",
        extra_template_basedirs=[str(TEMPLATES)],
        reveal_url_prefix=f"{assets}/reveal",
        reveal_theme="white",
        reveal_width=str(WIDTH),
        reveal_height=str(HEIGHT),
        language_code=edition,
    )
    resources = {
        "course": {
            "assets": assets,
            "mathjax_config": static_assets.mathjax_config(),
            "reveal": {"width": WIDTH, "height": HEIGHT},
        }
    }
    html, _ = exporter.from_notebook_node(nb, resources=resources)
    css = f'<link rel="stylesheet" href="{assets}/korean.css">'
    return html.replace("</head>", css + "\n</head>", 1)


def build_decks(
    editions: list[str] | None = None,
    names: list[str] | None = None,
    out: Path = DECKS,
    executed: dict[str, list[Path]] | None = None,
    log=print,
) -> dict[str, list[Path]]:
    """Build a deck for every executed notebook (executing what is stale); return the deck paths by edition."""
    executed = executed or execute.execute_all(editions, names, log=log)
    notebooks = {
        e: [(p, deck_notebook(nbformat.read(p, as_version=4), e)) for p in paths] for e, paths in executed.items()
    }
    korean = "".join(notebook_text(nb) for items in notebooks.values() for _, nb in items)
    copy_assets(out / "assets", korean)
    written: dict[str, list[Path]] = {}
    for edition, items in notebooks.items():
        for path, nb in items:
            target = out / edition / path.with_suffix(".html").name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(export(nb, edition, "../assets"))
            counts = slides.counts(nb)
            nb.metadata["course_counts"] = counts
            log(
                f"{target.relative_to(out.parent) if out.parent in target.parents else target}: "
                f"{counts[0]} slides, {counts[1]} screens"
            )
            written.setdefault(edition, []).append(target)
    static_assets.refresh_korean_fonts(out)  # every character the decks show
    (out / "index.json").write_text(
        json.dumps(
            {
                e: [
                    {"deck": str(p.relative_to(out)), "slides": slides.counts(nb)[0], "screens": slides.counts(nb)[1]}
                    for p, (_, nb) in zip(written[e], notebooks[e])
                ]
                for e in written
            },
            indent=1,
        )
    )
    return written


def measure(decks: list[Path], root: Path, page=None) -> dict[str, list[dict]]:
    """Open each deck (served from ``root`` over local HTTP) at 1280×720; return its slides' measured heights."""
    from serve import serve  # tools/serve.py

    results: dict[str, list[dict]] = {}
    with serve(root) as base:
        own = page is None
        if own:
            from playwright.sync_api import sync_playwright

            playwright = sync_playwright().start()
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        try:
            for deck in decks:
                page.goto(f"{base}/{deck.relative_to(root).as_posix()}")
                page.wait_for_selector("html[data-deck-ready=true]", timeout=60_000)
                results[str(deck.relative_to(root))] = page.evaluate("courseDeck.measure()")
        finally:
            if own:
                browser.close()
                playwright.stop()
    return results


#: In a RISE page: every sub-slide's height, shown one at a time (reveal.js hides the far ones), once
#: every markdown cell is rendered. RISE makes a screen taller than 95 % of the frame scroll.
_RISE_SCREENS = """() => {
    const frame = document.querySelector('.reveal .slides');
    return Array.from(frame.querySelectorAll(':scope > section > section')).map((s, i) => {
        const p = s.parentElement, shown = [s.style.display, p.style.display];
        p.style.display = s.style.display = 'block';
        const height = s.scrollHeight;
        [s.style.display, p.style.display] = shown;
        return {screen: i, id: s.id, height: height, fits: height <= 0.95 * frame.offsetHeight,
                start: s.innerText.slice(0, 50).replace(/\\s+/g, ' ').trim()};
    }); }"""


def measure_rise(page, base: str, token: str, notebooks: list[str], timeout: float = 120) -> dict[str, list[dict]]:
    """Open each notebook (a path under the JupyterLab server's root) in RISE; return its screens' heights.

    Each screen: ``{screen, id, height, fits, start}`` (``id``: RISE's ``slide-H-V``; ``start``: its first
    words). ``page`` must be 1280×720 and ends on the last notebook; the notebooks' folders must hold
    ``rise.css``. The next notebook loads in a second tab of ``page``'s context while one is measured.
    """

    def url(path: str) -> str:
        return f"{base}/rise/{path}?token={token}"

    tabs = [page] + ([page.context.new_page()] if len(notebooks) > 1 else [])
    results = {}
    try:
        tabs[(len(notebooks) - 1) % len(tabs)].goto(url(notebooks[0]), wait_until="commit")
        for index, path in enumerate(notebooks):
            tab = tabs[(len(notebooks) - 1 - index) % len(tabs)]  # the last notebook in ``page``
            if index + 1 < len(notebooks):
                tabs[(len(notebooks) - 2 - index) % len(tabs)].goto(url(notebooks[index + 1]), wait_until="commit")
            tab.locator(".reveal .slides > section.present > section.present").wait_for(timeout=timeout * 1000)
            tab.wait_for_function(
                "document.querySelectorAll('.jp-MarkdownCell:not(.jp-mod-rendered)').length === 0",
                timeout=timeout * 1000,
            )
            typeset = -1  # MathJax typesets the rendered markdown a little later: wait until it stops
            for _ in range(30):
                count = tab.evaluate("document.querySelectorAll('mjx-container').length")
                if count == typeset:
                    break
                typeset = count
                tab.wait_for_timeout(300)
            results[path] = tab.evaluate(_RISE_SCREENS)
    finally:
        for tab in tabs[1:]:
            tab.close()
    return results


def rise_report(written: dict[str, list[Path]]) -> int:
    """Measure every executed notebook behind ``written``'s decks in RISE; print and return the too-tall count."""
    import tempfile

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from browser_lab import CHROMIUM_ARGS, jupyter_lab  # JupyterLab on 127.0.0.1, stopped with its kernels

    too_tall = 0
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        root, paths = Path(tmp) / "root", []
        for edition, decks in written.items():
            (root / edition).mkdir(parents=True)
            shutil.copy2(ROOT / "solutions" / "rise.css", root / edition / "rise.css")
            for deck in decks:
                executed = execute.executed_path(deck.with_suffix(".ipynb"), edition)
                nb = slides.add_slideshow(nbformat.read(executed, as_version=4))  # with its outputs
                nbformat.write(nb, root / edition / executed.name)
                paths.append(f"{edition}/{executed.name}")
        fonts = static_assets.korean_fontconfig(Path(tmp) / "fonts")  # Hangul as a reader's system draws it
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, env={**os.environ, **fonts}
        )
        page = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}).new_page()
        try:
            with jupyter_lab(root, Path(tmp), env={"PYTHONPATH": str(ROOT)}) as (base, token):
                for path, rows in measure_rise(page, base, token, paths).items():
                    bad = [r for r in rows if not r["fits"]]
                    too_tall += len(bad)
                    print(f"RISE {path}: {len(rows)} screens, {len(bad)} taller than {slides.FITS} px")
                    for r in bad:
                        print(f"    screen {r['screen']} ({r['id']}, '{r['start']}'): {r['height']} px")
        finally:
            browser.close()
    return too_tall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", nargs="+", choices=list(execute.EDITIONS), help="default: every edition")
    parser.add_argument("--measure", action="store_true", help="measure every slide in Chromium at 1280×720")
    parser.add_argument(
        "--rise", action="store_true", help="with --measure: also measure every screen in JupyterLab's RISE"
    )
    parser.add_argument("names", nargs="*", help="only these notebooks, e.g. 01_perceptron or 01 (default: all)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    written = build_decks(args.edition, args.names)
    print(f"{sum(map(len, written.values()))} deck(s) in {DECKS.relative_to(ROOT)}/ ({time.monotonic() - start:.0f} s)")
    if args.measure:
        too_tall = 0
        for deck, rows in measure([p for ps in written.values() for p in ps], DECKS).items():
            bad = [r for r in rows if not r["fits"]]
            too_tall += len(bad)
            print(f"{deck}: {len(rows)} screens, {len(bad)} taller than {HEIGHT} px")
            for r in bad:
                print(f"    slide {r['h']}.{r['v']} ({r['title'] or 'no heading'}): {r['height']} px")
        if args.rise:
            too_tall += rise_report(written)
        return 1 if too_tall else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
