"""Where notebooks write files (checkpoints, figures): a folder git ignores."""

from __future__ import annotations

from pathlib import Path, PurePath


def output_dir(subfolder: str = "") -> Path:
    """Return ``./outputs``, or its ``subfolder`` (e.g. 'figures'), made if missing; git ignores ``outputs/``."""
    if not isinstance(subfolder, str):
        raise TypeError(f"subfolder must be a folder name such as 'figures', got {type(subfolder).__name__}")
    part = PurePath(subfolder)
    if part.is_absolute() or part.anchor or ".." in part.parts:
        raise ValueError(
            f"subfolder must stay inside outputs/ (no '..', no absolute path), got {subfolder!r}: "
            "use a plain name such as 'figures'"
        )
    path = Path.cwd() / "outputs" / part
    if path.exists() and not path.is_dir():
        raise FileExistsError(f"{path} exists and is not a folder: rename or remove that file")
    path.mkdir(parents=True, exist_ok=True)
    return path
