"""The incident log and the people register checked against the signed custody log.

Rules this module keeps:
- Every stored version of an incident (or a person) must hash (SHA-256 of its stored body) to
  the value its `incident_recorded` / `incident_edited` (`person_recorded` / `person_edited`)
  event recorded, and that event must name the same record and version. The values are read
  from the chain-verified event bodies, never from the table alone, so a rewritten version (a
  key holder can drop the guard triggers) is found.
- Every version the log recorded must still be stored, and every stored version must have its
  event (only said when the log is whole: a cut log cannot vouch for what is missing).
- Like every check in `verify/`, this reports and never raises for damage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from evidence_kit.domain import Problem
from evidence_kit.hashing import sha256_hex
from evidence_kit.storage.versioned import KINDS, RecordKind, version_rows

_WORDS = {
    "incident": (
        "Incident {number}, version {version}, is not in the custody log.",
        "Incident {number}, version {version}, is not what the custody log recorded: it was changed "
        "after it was written down.",
        "Incident {number}, version {version}, is recorded in the custody log but no longer stored.",
    ),
    "person": (
        "Person {number} of the people register, version {version}, is not in the custody log.",
        "Person {number} of the people register, version {version}, is not what the custody log "
        "recorded: it was changed after it was written down.",
        "Person {number} of the people register, version {version}, is recorded in the custody log "
        "but no longer stored.",
    ),
    "notice": (
        "Notice {number} to a platform, version {version}, is not in the custody log.",
        "Notice {number} to a platform, version {version}, is not what the custody log recorded: it "
        "was changed after it was written down.",
        "Notice {number} to a platform, version {version}, is recorded in the custody log but no "
        "longer stored.",
    ),
}


def _problem(code: str, template: str, number: int, version: int) -> Problem:
    params = (("number", str(number)), ("version", str(version)))
    return Problem(scope="database", code=code, template=template, params=params)


def recorded_versions(bodies: Iterable[Mapping[str, Any]], kind: RecordKind) -> dict[tuple[int, int], str]:
    """(record, version) -> SHA-256, as the custody log recorded them."""
    found: dict[tuple[int, int], str] = {}
    for body in bodies:
        data = body.get("data")
        if body.get("type") not in (kind.recorded, kind.edited) or not isinstance(data, dict):
            continue
        number, version, digest = data.get(kind.key), data.get("version"), data.get("sha256")
        if isinstance(number, int) and isinstance(version, int) and isinstance(digest, str):
            found[(number, version)] = digest
    return found


def check_case_records(
    conn: Connection, bodies: Sequence[Mapping[str, Any]], *, log_whole: bool = True
) -> list[Problem]:
    problems: list[Problem] = []
    for kind in KINDS:
        problems += _check(conn, bodies, kind, log_whole)
    return problems


def _check(
    conn: Connection, bodies: Sequence[Mapping[str, Any]], kind: RecordKind, log_whole: bool
) -> list[Problem]:
    recorded = recorded_versions(bodies, kind)
    unlogged, changed, missing = _WORDS[kind.key]
    problems: list[Problem] = []
    stored: set[tuple[int, int]] = set()
    for row in version_rows(conn, kind):
        key = (getattr(row, kind.id_column), row.version)
        stored.add(key)
        expected = recorded.get(key)
        if expected is None:
            if log_whole:
                problems.append(_problem(f"{kind.key}_unlogged", unlogged, *key))
        elif sha256_hex(row.body.encode("utf-8")) != expected or row.sha256 != expected:
            problems.append(_problem(f"{kind.key}_changed", changed, *key))
    for key in sorted(set(recorded) - stored):
        problems.append(_problem(f"{kind.key}_missing", missing, *key))
    return problems
