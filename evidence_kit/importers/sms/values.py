"""A record's attribute values as the app writes them: "null" for absent, numbers as text."""

from __future__ import annotations

_NULLS = frozenset({"", "null", "(Unknown)"})


def value_or_none(value: str | None) -> str | None:
    """The app writes "null" (and "(Unknown)" for contact names) where a value is absent."""
    if value is None or value.strip() in _NULLS:
        return None
    return value


def int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
