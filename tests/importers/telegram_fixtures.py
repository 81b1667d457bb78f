"""Shared data and helpers of the telegram tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).parent / "fixtures" / "telegram"
SINGLE = FIXTURES / "single"
ACCOUNT = FIXTURES / "account"
HTML = FIXTURES / "html"
NOT_INCLUDED = "File not included. Change data exporting settings to download."
PHOTO = "photos/photo_1@29-11-2026_10-16-30.jpg"
ANNA = {"sender": "Anna de Vries", "sender_id": "user4000000001"}
BRAM = {"sender": "Bram Jansen", "sender_id": "user4000000002"}
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def local(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second)


def utc(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=UTC)


def at(day: int, hour: int, minute: int, second: int = 0) -> dict[str, datetime]:
    """The export's wall time (+01:00) and its UTC time."""
    return {"sent_at": local(day, hour, minute, second), "sent_at_utc": utc(day, hour - 1, minute, second)}
