"""The course site, the slide decks and RISE: slide metadata from structure, and the built outputs in a real browser.

The first tests need no browser: slide types from a notebook's structure (tools/slides.py), the
static view of an executed notebook (tools/execute.py).

The browser tests build a small site, notebook 01 in both editions (executed by tools/execute.py,
reused from build/executed/ when nothing changed), serve it on 127.0.0.1 and open
every page and deck in headless Chromium (Debian's /usr/bin/chromium, driven by the PyPI playwright
package): no request may leave 127.0.0.1 (such requests are also blocked), no internal link may be
broken, every figure must load, Korean pages must hold Korean text, and every slide of the decks
must fit 1280×720. The last test starts one JupyterLab for both editions of notebook 01, measures
every screen of each in RISE against 1280×720 (with NanumGothic as a system font, as a Korean reader
has one), steps through slides and runs a cell on a slide. Screenshots go to outputs/screenshots/site/.

Where playwright, Chromium, npm's packages or jupyterlab-rise are missing the browser tests skip,
except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import urldefrag, urlparse

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_decks  # noqa: E402
import build_site  # noqa: E402
import execute  # noqa: E402
import slides  # noqa: E402
import static_assets  # noqa: E402
from browser_lab import CHROMIUM, headless_chromium  # noqa: E402
from serve import serve  # noqa: E402

SHOTS = ROOT / "outputs" / "screenshots" / "site"
NOTEBOOK = "01_perceptron"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LOCAL = re.compile(r"^(https?://127\.0\.0\.1[:/]|data:|blob:|about:)")
SECONDS = 1000


# ------------------------------------------------------------------------------ slides from structure


def _notebook() -> nbformat.NotebookNode:
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    return nbformat.v4.new_notebook(
        cells=[
            md(
                "# 01 · Title\n\n[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://x)\n\nIntro.",
                id="t",
            ),
            code(slides.SETUP_FIRST_LINE + "\nimport sys", id="colab-setup"),
            code("import helpers\nhelpers.set_seed(0)", id="setup"),
            md("## 1. First\n\nShort idea.", id="s1"),
            code("x = 1\nprint(x)", id="c1"),
            md("It prints 1.", id="m1"),
            code("fig, ax = plt.subplots()\n" + "ax.plot([1, 2])\n" * 12 + "plt.show()", id="c2"),
            md("### Exercise 1 · Do it", id="e1"),
            md("Text.", id="t1"),
            code("print(source_of_something)", id="c3", metadata={"scrolled": True}),
            md("## 2. Second\n\nMore.", id="s2"),
            md("## Summary\n\n- one", id="sum"),
        ]
    )


def test_slide_types_follow_the_structure() -> None:
    nb = slides.add_slideshow(_notebook())
    kinds = {c.id: c.metadata.slideshow.slide_type for c in nb.cells}
    assert kinds == {
        "t": "slide",
        "colab-setup": "skip",
        "setup": "skip",
        "s1": "slide",
        "c1": "fragment",
        "m1": "fragment",
        "c2": "subslide",
        "e1": "subslide",
        "t1": "fragment",
        "c3": "subslide",  # a long listing in a scrolling box: it cannot share a screen
        "s2": "slide",
        "sum": "slide",
    }
    assert nb.metadata.rise["theme"] == "white" and nb.metadata.rise["scroll"] is True
    assert slides.counts(nb) == (4, 7)


def test_add_slideshow_is_idempotent_and_changes_nothing_else() -> None:
    before = _notebook()
    once = slides.add_slideshow(nbformat.from_dict(before))
    twice = slides.add_slideshow(nbformat.from_dict(once))
    assert once == twice
    for old, new in zip(before.cells, once.cells):
        assert (old.id, old.source, old.cell_type) == (new.id, new.source, new.cell_type)
        assert {k: v for k, v in new.metadata.items() if k != "slideshow"} == old.metadata


@pytest.mark.parametrize("edition", list(execute.EDITIONS))
def test_every_solution_gets_a_slide_per_section(edition: str) -> None:
    paths = execute.sources(edition)
    if not paths:
        pytest.skip(f"no {edition} solutions yet ({execute.EDITIONS[edition]}/)")
    for path in paths:
        nb = slides.add_slideshow(nbformat.read(path, as_version=4))
        kinds = [c.metadata.slideshow.slide_type for c in nb.cells]
        assert kinds[0] == "slide", path.name
        sections = [
            i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and re.search(r"^## ", c.source, re.M)
        ]
        assert sections and all(kinds[i] == "slide" for i in sections), path.name
        code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        assert all(kinds[i] == "skip" for i in code if i < sections[0]), f"{path.name}: setup cells are not skipped"
        assert all(kinds[i] != "skip" for i in code if i > sections[0]), f"{path.name}: a lesson cell is skipped"
        assert not slides.heading_problems(nb, path.name)


def test_a_heading_must_open_its_cell() -> None:
    nb = _notebook()
    assert slides.heading_problems(nb) == []
    nb.cells[-2].source = "Text.\n\n```\n## a comment in a code block\n```\n\n### 2. Second\n\nMore."
    (problem,) = slides.heading_problems(nb, "01_x.ipynb")
    assert problem.startswith("01_x.ipynb, cell 10 (s2), line 7: the heading `### 2. Second`")


def test_estimates_follow_the_slides_type() -> None:
    """Prose wraps by width (Hangul twice as wide); a long cell or one that draws takes more of the screen."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    short, long_ = slides.estimate_height(md("a " * 40)), slides.estimate_height(md("a " * 200))
    assert long_ > short and slides.estimate_height(md("한 " * 100)) > slides.estimate_height(md("a " * 100))
    assert slides.estimate_height(code("x = 1\n" * 30)) < 30 * slides.estimate_height(code("x = 1"))
    assert slides.estimate_height(code("plt.plot(x)")) > slides.estimate_height(code("print(x)")) > 0


def test_static_view_has_no_widgets_setup_or_plumbing() -> None:
    nb = _notebook()
    nb.metadata["widgets"] = {"state": {}}
    explorer = nbformat.v4.new_code_cell(
        "# NBVAL_IGNORE_OUTPUT\nexplorer = perceptron_explorer('AND')\nexplorer", id="x"
    )
    explorer.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": "1"}, "text/plain": "VBox()"}
        )
    ]
    solved = nbformat.v4.new_code_cell(
        "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n"
        "print(f())\n### BEGIN HIDDEN TESTS\nassert f() == 1\n### END HIDDEN TESTS",
        id="s",
    )
    nb.cells += [explorer, solved]
    view = execute.static_view(nb, "ko")
    assert "widgets" not in view.metadata
    assert [c.id for c in view.cells if c.cell_type == "code"] == ["setup", "c1", "c2", "c3", "x", "s"]
    by_id = {c.id: c for c in view.cells}
    assert by_id["x"].outputs == [] and by_id["x"].source == "explorer = perceptron_explorer('AND')\nexplorer"
    assert by_id["s"].source == "def f():\n    return 1\nprint(f())"
    assert "colab-badge.svg" not in by_id["t"].source and "[Colab에서 열기](https://x)" in by_id["t"].source


def test_fingerprint_follows_the_notebook_and_the_helpers(tmp_path: Path) -> None:
    (tmp_path / "helpers").mkdir()
    (tmp_path / "helpers" / "a.py").write_text("x = 1\n")
    notebook = tmp_path / "01_x.ipynb"
    nbformat.write(_notebook(), notebook)
    first = execute.fingerprint(notebook, "en", tmp_path)
    assert execute.fingerprint(notebook, "ko", tmp_path) != first
    (tmp_path / "helpers" / "a.py").write_text("x = 2\n")
    assert execute.fingerprint(notebook, "en", tmp_path) != first


# ------------------------------------------------------------------------------------- the browser


def _missing_browser() -> str | None:
    """Return why no browser can run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "the PyPI package 'playwright' is not installed (pip install -r requirements-dev.txt)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (Debian: apt-get install chromium)"
    return None


def _missing_site() -> str | None:
    """Return why the site cannot be built here, or None."""
    import shutil

    for package in ("mathjax", "reveal.js"):
        if not (ROOT / "node_modules" / package).exists() and not shutil.which("npm"):
            return f"node_modules/{package} is missing and there is no npm to install it (then: npm ci)"
    for module in ("sphinx", "myst_nb", "sphinx_book_theme"):
        if importlib.util.find_spec(module) is None:
            return f"the site's packages are missing (pip install -r requirements-dev.txt): no {module}"
    return None


def _skip_or_fail(reason: str | None) -> None:
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the site tests: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """Build the site (and decks) of notebook 01 in both editions into a temporary folder; return it and its summary."""
    _skip_or_fail(_missing_browser() or _missing_site())
    tmp = tmp_path_factory.mktemp("site")
    started = time.monotonic()
    executed = {e: [execute.ensure(ROOT / folder / f"{NOTEBOOK}.ipynb", e)] for e, folder in execute.EDITIONS.items()}
    built = time.monotonic()
    summary = build_site.build_site(out=tmp / "site", sources=tmp / "src", executed=executed, log=lambda *_: None)
    print(
        f"site of {NOTEBOOK} (en, ko): executing {built - started:.1f} s, building {time.monotonic() - built:.1f} s, "
        f"{summary['bytes'] / 1e6:.1f} MB"
    )
    assert not any(summary["warnings"].values()), summary["warnings"]
    return tmp / "site", summary


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Yield headless Chromium (the Debian build) under Playwright; close both afterwards.

    NanumGothic is one of its system fonts, as a reader's Korean font would be: RISE's slides are not
    served the course's font, and a machine without a Korean one draws boxes, narrower than Hangul."""
    _skip_or_fail(_missing_browser())
    fonts = static_assets.korean_fontconfig(tmp_path_factory.mktemp("fonts"))
    with headless_chromium(env=fonts) as chromium:
        yield chromium


class Visit:
    """A browser context that records every request and blocks (and records) any to another host."""

    def __init__(self, browser, width: int = 1280, height: int = 720) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(60 * SECONDS)
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.context.route(re.compile(r"^(?!(https?://127\.0\.0\.1[:/]|data:|blob:))"), self._block)
        self.context.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.context.on(
            "requestfailed",
            lambda r: None if r.url in self.foreign else self.failed.append(f"failed {r.url}: {r.failure}"),
        )
        self.page = self.context.new_page()

    def _block(self, route) -> None:
        self.foreign.append(route.request.url)
        route.abort()

    def close(self) -> None:
        self.context.close()


def _page_facts(page) -> dict:
    return page.evaluate("""() => ({
        lang: document.documentElement.lang,
        links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
        ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
        images: Array.from(document.querySelectorAll('img')).map(i => ({src: i.currentSrc || i.src,
            ok: i.complete && i.naturalWidth > 0, figure: !!i.closest('.cell_output')})),
        math: document.querySelectorAll('mjx-container').length,
        text: (document.querySelector('main') || document.body).innerText,
    })""")


def test_site_is_offline_complete_and_bilingual(site, browser) -> None:
    root, _ = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    expected_figures = sum(
        1
        for c in execute.static_view(
            nbformat.read(ROOT / "build" / "executed" / "en" / f"{NOTEBOOK}.ipynb", as_version=4)
        ).cells
        for o in c.get("outputs", [])
        if "image/png" in o.get("data", {})
    )
    visit = Visit(browser)
    with serve(root) as base:
        # index.html sends a reader to an edition unless the address has a fragment
        todo, seen, pages, broken = [f"{base}/index.html#editions", f"{base}/en/index.html"], set(), {}, []
        links: list[tuple[str, str]] = []
        while todo:
            url = todo.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = visit.page.goto(url)
            assert response and response.ok, f"{url}: {response and response.status}"
            if "/decks/" in url:
                visit.page.wait_for_selector("html[data-deck-ready=true]")
            else:
                visit.page.wait_for_load_state("networkidle")
            facts = pages[url] = _page_facts(visit.page)
            for link in facts["links"]:
                target, _ = urldefrag(link)
                if urlparse(link).netloc == urlparse(base).netloc:
                    links.append((url, link))
                    if target.endswith(".html") and target not in seen and "/_static/" not in target:
                        todo.append(target)
        for source, link in links:
            target, fragment = urldefrag(link)  # a fragment '#/2/1' is reveal.js's route to a slide, not an anchor
            path = root / urlparse(target).path.lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{source} → {link}")
            elif fragment and not fragment.startswith("/") and target in pages and fragment not in pages[target]["ids"]:
                broken.append(f"{source} → {link} (no such anchor)")
        for edition in ("en", "ko"):
            visit.page.goto(f"{base}/{edition}/{NOTEBOOK}.html")
            visit.page.wait_for_load_state("networkidle")
            visit.page.screenshot(path=SHOTS / f"site-{edition}-{NOTEBOOK}.png")
        visit.page.set_viewport_size({"width": 390, "height": 844})  # a phone
        visit.page.goto(f"{base}/ko/{NOTEBOOK}.html")
        visit.page.wait_for_load_state("networkidle")
        visit.page.screenshot(path=SHOTS / f"site-ko-{NOTEBOOK}-phone.png")
    visit.close()
    assert not visit.foreign, f"requests to other hosts: {sorted(set(visit.foreign))}"
    assert not visit.failed, f"failed requests: {visit.failed}"
    assert not broken, "broken internal links:\n" + "\n".join(broken)
    for url, facts in pages.items():
        assert all(i["ok"] for i in facts["images"]), (
            f"{url}: images not loaded: {[i['src'] for i in facts['images'] if not i['ok']]}"
        )
    for edition in ("en", "ko"):
        page = pages[f"{base}/{edition}/{NOTEBOOK}.html"]
        assert page["lang"] == edition
        assert sum(i["figure"] for i in page["images"]) == expected_figures > 0
        assert page["math"] > 10, f"{edition}: math was not typeset"
        other = "ko" if edition == "en" else "en"
        assert f"{base}/{other}/{NOTEBOOK}.html" in page["links"], f"{edition}: no language switch"
        assert f"{base}/decks/{edition}/{NOTEBOOK}.html" in page["links"], f"{edition}: no link to the slides"
    assert len(HANGUL.findall(pages[f"{base}/ko/{NOTEBOOK}.html"]["text"])) > 200, "the Korean page has no Korean text"
    assert len(HANGUL.findall(pages[f"{base}/ko/index.html"]["text"])) > 20
    assert {f"{base}/en/index.html", f"{base}/ko/index.html"} <= set(pages[f"{base}/index.html#editions"]["links"])
    print(f"{len(pages)} pages, {len(links)} internal links checked")


@pytest.mark.parametrize("edition", ["en", "ko"])
def test_deck_is_offline_and_every_slide_fits(site, browser, edition: str) -> None:
    root, summary = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit = Visit(browser, build_decks.WIDTH, build_decks.HEIGHT)
    with serve(root) as base:
        visit.page.goto(f"{base}/decks/{edition}/{NOTEBOOK}.html")
        visit.page.wait_for_selector("html[data-deck-ready=true]")
        rows = visit.page.evaluate("courseDeck.measure()")
        figure = next(
            r
            for r in rows
            if r["h"] > 0
            and visit.page.evaluate(
                f"Reveal.getSlide({r['h']}, {r['v']}).querySelectorAll('.jp-OutputArea-output img').length"
            )
            > 0
        )
        visit.page.evaluate(f"Reveal.slide({figure['h']}, {figure['v']}, 99)")
        visit.page.wait_for_timeout(300)
        visit.page.screenshot(path=SHOTS / f"deck-{edition}-{NOTEBOOK}-{figure['h']}.{figure['v']}.png")
        math = visit.page.evaluate("document.querySelectorAll('mjx-container').length")
        text = visit.page.evaluate("document.querySelector('.reveal').innerText")
    visit.close()
    assert not visit.foreign, f"requests to other hosts: {sorted(set(visit.foreign))}"
    assert not visit.failed, f"failed requests: {visit.failed}"
    too_tall = [r for r in rows if not r["fits"]]
    assert not too_tall, f"slides taller than {build_decks.HEIGHT} px: {too_tall}"
    assert len(rows) == summary["editions"][edition]["screens"], "the deck's screens differ from its metadata"
    assert math > 10
    assert edition == "en" or len(HANGUL.findall(text)) > 200


def test_rise_presents_both_editions_with_live_code(browser, tmp_path: Path) -> None:
    """JupyterLab + RISE, one server for both editions: every screen of the executed notebook 01 fits 1280×720
    (RISE lets none scroll), in English and in Korean; step through slides; run a cell on a slide."""
    _skip_or_fail(
        None
        if importlib.util.find_spec("jupyterlab_rise")
        else "jupyterlab-rise is not installed (pip install -r requirements-dev.txt)"
    )
    from browser_lab import jupyter_lab  # tests/browser_lab.py: JupyterLab on 127.0.0.1, stopped with its kernels

    notebooks = {}
    for edition, folder in execute.EDITIONS.items():
        executed = execute.ensure(ROOT / folder / f"{NOTEBOOK}.ipynb", edition, log=lambda *_: None)
        nb = slides.add_slideshow(nbformat.read(executed, as_version=4))  # its saved outputs: the slides' real size
        (tmp_path / "root" / edition).mkdir(parents=True)
        nbformat.write(nb, tmp_path / "root" / edition / f"{NOTEBOOK}.ipynb")
        # RISE reads rise.css from the notebook's folder: the builder puts one next to each edition's solutions
        shutil.copy2(ROOT / folder / "rise.css", tmp_path / "root" / edition / "rise.css")
        notebooks[f"{edition}/{NOTEBOOK}.ipynb"] = nb
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit = Visit(browser, 1280, 720)
    try:
        with jupyter_lab(tmp_path / "root", tmp_path, env={"PYTHONPATH": str(ROOT)}) as (base, token):
            page = visit.page
            measured = build_decks.measure_rise(page, base, token, list(notebooks))
            for path, rows in measured.items():
                assert len(rows) == slides.counts(notebooks[path])[1], f"{path}: RISE's screens are not the metadata's"
            too_tall = {path: [r for r in rows if not r["fits"]] for path, rows in measured.items()}
            assert not any(too_tall.values()), f"RISE screens taller than {slides.FITS} px of 1280×720: {too_tall}"
            path = f"ko/{NOTEBOOK}.ipynb"  # the page shows the last one measured
            assert page.locator(".reveal .slides > section").count() == slides.counts(notebooks[path])[0]
            assert len(HANGUL.findall(page.locator(".reveal").inner_text())) > 200, "the Korean slides have no Korean"
            for _ in range(4):  # step past the title's screens to the first section
                page.keyboard.press("Space")
                page.wait_for_timeout(200)
                if page.locator(".reveal .slides > section.present h2").count():
                    break
            assert page.locator(".reveal .slides > section.present h2").count(), "Space did not reach section 1"
            page.keyboard.press("Space")  # its first code cell
            cell = page.locator(".reveal section.present section.present .jp-CodeCell").first
            cell.wait_for()
            prompt = cell.locator(".jp-InputPrompt")
            cell.locator(".jp-InputArea-editor").click()
            page.keyboard.press("Control+Enter")  # run it in the kernel, stay on the slide
            page.wait_for_function(
                "(node) => /\\[\\s*1\\s*\\]/.test(node.textContent)", arg=prompt.element_handle(), timeout=120 * SECONDS
            )  # the notebook's saved [3] becomes [1]: a fresh kernel ran it
            page.wait_for_timeout(300)
            page.screenshot(path=SHOTS / f"rise-ko-{NOTEBOOK}-ran-a-cell.png")
            assert "step(-0.5) = 0" in cell.locator(".jp-OutputArea-output").inner_text()
    finally:
        visit.close()
    # The notebook's Colab badge is an image from colab.research.google.com: JupyterLab shows it as it is.
    assert all("colab.research.google.com" in url for url in visit.foreign), sorted(set(visit.foreign))
    tallest = {path: max(r["height"] for r in rows) for path, rows in measured.items()}
    screens = {path: len(rows) for path, rows in measured.items()}
    print(f"RISE: {screens} screens, the tallest {tallest} of {slides.FITS} px")
