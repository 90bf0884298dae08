"""The version of the open-data export formats (JSON, CSV, SQLite), declared once."""

EXPORT_FORMAT = "1.2.0"
"""SemVer: a change that can break a reader bumps the major number, a new optional field the minor."""
