"""Let a virtual environment use another environment's packages, as if pip had installed them there.

    <venv>/bin/python tests/borrow_site.py SITE_PACKAGES...

Writes a ``.pth`` file that adds each folder after the venv's own site-packages (like ``--system-site-packages``,
but from any environment, a venv too), and, for each console script of those packages that the venv lacks, the
script pip would have written, run by the venv's Python (so that ``jupyter lab`` there is the venv's). pip run
in the venv then finds the borrowed packages installed; what it installs itself goes in front of them.
"""

from __future__ import annotations

import site
import sys
import sysconfig
from importlib.metadata import entry_points
from pathlib import Path

folders = sys.argv[1:]
pth = Path(sysconfig.get_path("purelib")) / "_borrowed_site_packages.pth"
pth.write_text("".join(f"import site; site.addsitedir({folder!r})\n" for folder in folders))
for folder in folders:
    site.addsitedir(folder)
scripts = Path(sysconfig.get_path("scripts"))
for entry in entry_points(group="console_scripts"):
    script = scripts / entry.name
    if not script.exists():
        module, _, call = entry.value.partition(":")
        call = call.strip()
        script.write_text(
            f"#!{sys.executable}\nimport sys\nfrom {module} import {call.split('.')[0]}\nsys.exit({call}())\n"
        )
        script.chmod(0o755)
