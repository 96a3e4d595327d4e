"""Plumbing for tests/test_browser.py: a JupyterLab server on 127.0.0.1, and headless Chromium driving it.

``jupyter_lab(root, scratch)`` starts JupyterLab on a free local port with a random token and
yields ``(base_url, token)``; on exit it shuts the server and its kernels down (and kills whatever of
them is left). ``Lab`` wraps a Playwright page: open a notebook, run all cells, find a widget
slider by its label, read a status line, time a key press until the figure shows a new picture.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-extensions",
]

# JupyterLab user settings: every cell in the DOM (no virtual scrolling), no news pop-up, no autosave.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}


@contextlib.contextmanager
def headless_chromium(env: dict[str, str] | None = None) -> Iterator[object]:
    """Yield headless Chromium (the Debian build) under Playwright, with ``env`` added; close both afterwards."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        extra = {"env": {**os.environ, **env}} if env else {}
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=120_000, **extra
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


# In the page: note when a key is released, then resolve window.__newImage with the seconds until the
# image (an <img> whose src changes) shows a new picture, or with null after ``timeout`` ms.
_WATCH_IMAGE = """([img, timeout]) => {
  let released = null;
  document.addEventListener("keyup", () => { released = performance.now(); }, {capture: true, once: true});
  window.__newImage = new Promise(resolve => {
    const old = img.src, timer = setTimeout(() => resolve(null), timeout);
    img.addEventListener("load", function shown() {
      if (img.src === old || released === null) return;
      img.removeEventListener("load", shown);
      clearTimeout(timer);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve((performance.now() - released) / 1000)));
    });
  });
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _descendants(pid: int) -> list[int]:
    """Return the ids of every process below ``pid`` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie is as good as gone
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return False


def _request(url: str, token: str, method: str = "GET") -> bytes:
    req = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=5) as response:
        return response.read()


@contextlib.contextmanager
def jupyter_lab(
    root: Path,
    scratch: Path,
    env: dict[str, str] | None = None,
    start_timeout: float = 120,
    command: list[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """Run JupyterLab serving ``root``; yield ``(base_url, token)``; always stop it and its kernels.

    ``command`` starts JupyterLab (default: this Python's ``jupyter lab``); the server's options follow it.
    """
    port, token = _free_port(), secrets.token_hex(16)
    settings = scratch / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    for folder in ("config", "runtime", "workspaces"):
        (scratch / folder).mkdir(exist_ok=True)
    cmd = [
        *(command or [sys.executable, "-m", "jupyter", "lab"]),
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={scratch / 'workspaces'}",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    environ = (
        {k: v for k, v in os.environ.items() if k != "COURSE_EXPECT"}
        | {"JUPYTER_CONFIG_DIR": str(scratch / "config"), "JUPYTER_RUNTIME_DIR": str(scratch / "runtime")}
        | (env or {})
    )
    log = (scratch / "jupyter-lab.log").open("wb")
    server = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=environ, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {server.returncode}:\n{_tail(scratch)}")
            with contextlib.suppress(OSError):
                _request(f"{base}/api/status", token)
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"JupyterLab did not answer on {base} in {start_timeout:.0f} s:\n{_tail(scratch)}")
            time.sleep(0.5)
        yield base, token
    finally:
        _stop(server, base, token)
        log.close()


def _tail(scratch: Path, chars: int = 3000) -> str:
    return (scratch / "jupyter-lab.log").read_text(errors="replace")[-chars:]


def _stop(server: subprocess.Popen, base: str, token: str) -> None:
    """Shut the server down politely, then kill its process group and any kernel still running."""
    below = _descendants(server.pid)  # kernels run in sessions of their own: remember them now
    with contextlib.suppress(OSError):
        _request(f"{base}/api/shutdown", token, method="POST")  # also shuts every kernel down
    for sig, wait in ((None, 20), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if sig is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, sig)
        try:
            server.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    deadline = time.monotonic() + 10
    while (left := [pid for pid in below if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


class Lab:
    """A JupyterLab page in Playwright: open a notebook, run it, drive its widgets."""

    def __init__(self, page, base: str, token: str) -> None:  # page: playwright.sync_api.Page
        self.page, self.base, self.token = page, base, token

    def open(self, path: str, timeout: float = 120) -> None:
        """Open the notebook at ``path`` (relative to the server root) and wait for its kernel to be idle."""
        self.page.goto(f"{self.base}/lab/tree/{path}?token={self.token}", timeout=timeout * 1000)
        self.page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=timeout * 1000)
        self.wait_idle(timeout)

    def wait_idle(self, timeout: float) -> None:
        """Wait until the status bar says the kernel is idle."""
        self.page.locator(".jp-StatusBar-Widget").filter(has_text=re.compile(r"\| Idle")).first.wait_for(
            timeout=timeout * 1000
        )

    def _prompts(self) -> list[str]:
        return self.page.eval_on_selector_all(
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt",
            "nodes => nodes.map(n => n.textContent.trim())",
        )

    def run_all(self, timeout: float = 300, start_within: float = 30) -> list[str]:
        """Run all cells from the Run menu; wait until none is queued; return every code cell's prompt.

        On a loaded machine the kernel may still be starting when the menu is clicked, and the click is
        lost: if no cell has started after ``start_within`` seconds, the menu is clicked again.
        """
        deadline = time.monotonic() + timeout
        started = False
        while time.monotonic() < deadline:
            self.page.get_by_role("menuitem", name="Run", exact=True).click()
            self.page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).click()
            retry = time.monotonic() + start_within
            while time.monotonic() < min(deadline, retry) or started:
                prompts = self._prompts()
                busy = any("*" in p for p in prompts)
                started = started or busy or all(re.search(r"\d", p) for p in prompts)
                if started and not busy:
                    return prompts
                if time.monotonic() > deadline:
                    break
                time.sleep(0.5)
        raise TimeoutError(f"cells still running after {timeout:.0f} s: {self._prompts()}")

    def errors(self) -> list[str]:
        """Return the text of every error or stderr output in the notebook."""
        stderr = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        return self.page.eval_on_selector_all(
            f".jp-NotebookPanel:not(.lm-mod-hidden) {stderr}", "nodes => nodes.map(n => n.textContent)"
        )

    def slider(self, label: str):
        """Return the slider handle (focusable, keyboard-driven) of the widget slider labelled ``label``."""
        box = self.page.locator(".widget-slider").filter(
            has=self.page.locator(".widget-label", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
        )
        return box.locator(".noUi-handle").first

    def settled_src(self, image, quiet: float = 1.0, timeout: float = 60) -> str:
        """Wait until the kernel is idle and ``image``'s src has not changed for ``quiet`` s; return the src."""
        deadline = time.monotonic() + timeout
        self.wait_idle(timeout)
        src, since = image.get_attribute("src"), time.monotonic()
        while time.monotonic() - since < quiet:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the figure kept changing for {timeout:.0f} s")
            time.sleep(0.25)
            if (now := image.get_attribute("src")) != src:
                src, since = now, time.monotonic()
        return src

    def seconds_to_new_image(self, image, key: str, timeout: float = 60) -> float:
        """Press ``key`` (on the focused slider); return the seconds from release to ``image`` showing a new picture.

        The clock starts at the key's ``keyup`` and stops once the new picture has loaded and two frames
        have been painted after it.
        """
        self.page.evaluate(_WATCH_IMAGE, [image.element_handle(), timeout * 1000])
        self.page.keyboard.press(key)
        seconds = self.page.evaluate("window.__newImage")  # Playwright waits for the promise
        if seconds is None:
            raise TimeoutError(f"no new figure {timeout:.0f} s after pressing {key}")
        return seconds

    def text_matching(self, pattern: str):
        """Return the HTML widget whose text matches the regular expression ``pattern``."""
        return self.page.locator(".widget-html-content").filter(has_text=re.compile(pattern)).first
