"""Sphinx configuration of the course site, one build per edition (tools/build_site.py runs it).

tools/build_site.py writes each edition's sources (executed notebooks in their static form and an
index page) to build/site-src/<edition>/, sets ``language`` with ``-D`` and passes what else differs
between editions in the JSON file named by ``COURSE_SITE_SETTINGS``: ``html_title``,
``html_static_path`` and ``html_context`` (the edition, the other editions' pages for the language
switch, the slide decks). Nothing here loads anything from another host: MathJax and the
Korean font are copied next to the pages, widgets' JavaScript is never added, notebooks are not run.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

project = "Neural networks, from the perceptron to PyTorch"
REPOSITORY = (
    tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
    .rstrip("/")
    .removesuffix(".git")
)
extensions = ["myst_nb"]
language = "en"
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# Notebooks: already executed by tools/execute.py, shown as they are.
nb_execution_mode = "off"
nb_output_stderr = "remove"
nb_ipywidgets_js = {}  # no require.js or widget manager from a CDN; explorers show their static figure
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

# MathJax 3 from npm, copied into _static/mathjax/ by tools/build_site.py.
mathjax_path = "mathjax/tex-chtml-full.js"

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["course.css", "korean.css"]
html_favicon = "_static/favicon.svg"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_show_copyright = False
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "article_header_end": ["course-links.html", "article-header-buttons.html"],
    "secondary_sidebar_items": ["page-toc.html"],
    "footer_content_items": ["extra-footer.html"],
    "extra_footer": f'<a href="{REPOSITORY}">{REPOSITORY.split("://", 1)[1]}</a>',
}
html_sidebars = {"**": ["navbar-logo.html", "course-links.html", "sbt-sidebar-nav.html"]}
html_context = {
    "edition": "en",
    "editions": {"en": "English"},
    "pages": {},
    "decks": [],
    "labels": {},
    "default_mode": "light",
}
templates_path = ["_templates"]

if os.environ.get("COURSE_SITE_SETTINGS"):
    globals().update(json.loads(Path(os.environ["COURSE_SITE_SETTINGS"]).read_text(encoding="utf-8")))
