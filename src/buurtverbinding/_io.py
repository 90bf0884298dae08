"""Writing files safely: the package's one atomic writer.

Every file the package writes (the compiled catalogue, generated site pages, exports and the
``assess`` report) goes through :func:`write_atomic`: the bytes go to a temporary file beside
the target and are moved into place in one step, so a reader never sees half a file and an
interrupted write leaves the old file as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["TargetExistsError", "write_atomic", "write_if_changed"]


class TargetExistsError(FileExistsError):
    """The target appeared while we wrote, and replacing it was not allowed."""


def write_atomic(path: str | Path, data: bytes, *, replace: bool = True, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` in one step.

    ``replace=False`` refuses (with :class:`TargetExistsError`) to replace a file that exists when
    the move happens, so a file that appeared in the meantime is never silently overwritten.
    ``mode`` defaults to what the user's umask allows for a new file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)  # mkstemp makes 0600 files
        if replace:
            os.replace(temp, path)
            return
        try:
            os.link(temp, path)  # fails if the target exists
        except FileExistsError:
            raise TargetExistsError(f"'{path}' already exists; use --force to replace it") from None
        except OSError:  # a file system without hard links
            if path.exists():
                raise TargetExistsError(f"'{path}' already exists; use --force to replace it") from None
            os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def write_if_changed(path: str | Path, data: bytes) -> bool:
    """Atomically replace ``path`` with ``data`` unless it already holds exactly those bytes
    (so unchanged generated files keep their time stamps). Returns whether it wrote."""
    path = Path(path)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data, mode=0o644)
    return True
