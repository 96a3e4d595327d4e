"""Where notebooks write files (checkpoints, figures): a folder git ignores."""

from __future__ import annotations

from pathlib import Path


def output_dir(name: str = "outputs") -> Path:
    """Return ``./outputs`` (created if missing); the repository's .gitignore ignores every ``outputs/``."""
    path = Path.cwd() / name
    path.mkdir(parents=True, exist_ok=True)
    return path
