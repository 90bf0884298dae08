"""``buurtverbinding assess``: from checklist answers to a meeting report (placeholder)."""

from __future__ import annotations

import argparse
from typing import Any


def add_assess_parser(sub: Any) -> None:
    p = sub.add_parser("assess", help="answer the checklists and get a meeting report (not yet available)")
    p.set_defaults(run=_cmd_assess)


def _cmd_assess(args: argparse.Namespace) -> int:
    from .cli import UsageError

    raise UsageError("not yet available")
