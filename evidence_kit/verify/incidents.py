"""The incident log checked against the signed custody log.

Rules this module keeps:
- Every stored version of an incident must hash (SHA-256 of its stored body) to the value its
  `incident_recorded` / `incident_edited` event recorded, and that event must name the same
  incident and version. The values are read from the chain-verified event bodies, never from
  the table alone, so a rewritten version (a key holder can drop the guard triggers) is found.
- Every version the log recorded must still be stored, and every stored version must have its
  event (only said when the log is whole: a cut log cannot vouch for what is missing).
- Like every check in `verify/`, this reports and never raises for damage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, select

from evidence_kit.domain import Problem
from evidence_kit.hashing import sha256_hex
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.models import IncidentVersion

_EVENTS = (EventType.INCIDENT_RECORDED, EventType.INCIDENT_EDITED)


def _problem(code: str, template: str, incident: int, version: int) -> Problem:
    params = (("incident", str(incident)), ("version", str(version)))
    return Problem(scope="database", code=code, template=template, params=params)


def recorded_versions(bodies: Iterable[Mapping[str, Any]]) -> dict[tuple[int, int], str]:
    """(incident, version) -> SHA-256, as the custody log recorded them."""
    found: dict[tuple[int, int], str] = {}
    for body in bodies:
        data = body.get("data")
        if body.get("type") not in _EVENTS or not isinstance(data, dict):
            continue
        incident, version, digest = data.get("incident"), data.get("version"), data.get("sha256")
        if isinstance(incident, int) and isinstance(version, int) and isinstance(digest, str):
            found[(incident, version)] = digest
    return found


def check_incidents(
    conn: Connection, bodies: Iterable[Mapping[str, Any]], *, log_whole: bool = True
) -> list[Problem]:
    recorded = recorded_versions(bodies)
    problems: list[Problem] = []
    stored: set[tuple[int, int]] = set()
    rows = conn.execute(
        select(
            IncidentVersion.incident_id, IncidentVersion.version, IncidentVersion.body, IncidentVersion.sha256
        )
    )
    for incident, version, body, digest in rows:
        key = (incident, version)
        stored.add(key)
        expected = recorded.get(key)
        if expected is None:
            if log_whole:
                problems.append(
                    _problem(
                        "incident_unlogged",
                        "Incident {incident}, version {version}, is not in the custody log.",
                        incident,
                        version,
                    )
                )
            continue
        if sha256_hex(body.encode("utf-8")) != expected or digest != expected:
            problems.append(
                _problem(
                    "incident_changed",
                    "Incident {incident}, version {version}, is not what the custody log recorded: "
                    "it was changed after it was written down.",
                    incident,
                    version,
                )
            )
    for incident, version in sorted(set(recorded) - stored):
        problems.append(
            _problem(
                "incident_missing",
                "Incident {incident}, version {version}, is recorded in the custody log but no longer "
                "stored.",
                incident,
                version,
            )
        )
    return problems
