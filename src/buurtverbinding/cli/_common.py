"""What every command shares: the exit codes and the usage error."""

from __future__ import annotations

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
"""0: done; 1: something was found wrong or not found; 2: a usage error (a bad argument)."""


class UsageError(Exception):
    """A bad argument: printed as one line, exit code 2."""
