"""The vault's incident log, people register and notices to platforms: write down, change, read,
and the history.

Rule: these are the `Vault` methods over `storage/incidents.py`, kept apart from `vault.py` so
each file stays readable. A write and its custody event share one transaction; nothing is ever
overwritten (an edit is a new version).
"""

from __future__ import annotations

from evidence_kit.storage import incidents, notices, people
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.db_errors import translate_db_errors as _translate_db_errors
from evidence_kit.storage.incidents import Incident, IncidentFields
from evidence_kit.storage.notices import Notice, NoticeFields
from evidence_kit.storage.people import Person, PersonFields


class VaultIncidents:
    """Mixed into `Vault`: the incident log."""

    _db: VaultDatabase

    @_translate_db_errors
    def record_incident(self, fields: IncidentFields) -> Incident:
        """Write a new incident down (version 1, sealed by an `incident_recorded` event)."""
        with self._db.write() as conn:
            return incidents.write_incident(self._db, conn, fields)

    @_translate_db_errors
    def edit_incident(self, incident_id: int, fields: IncidentFields) -> Incident:
        """Its next version (the earlier ones stay); the latest one when nothing changed."""
        with self._db.write() as conn:
            return incidents.write_incident(self._db, conn, fields, incident_id)

    @_translate_db_errors
    def incidents(self) -> list[Incident]:
        """The latest version of each incident, in the order they were written down."""
        with self._db.read() as conn:
            return incidents.read_incidents(conn)

    @_translate_db_errors
    def incident_history(self, incident_id: int) -> list[Incident]:
        """Every version of one incident, oldest first."""
        with self._db.read() as conn:
            return incidents.read_history(conn, incident_id)

    @_translate_db_errors
    def add_person(self, fields: PersonFields) -> Person:
        """Add someone to the people register (version 1, sealed by a `person_recorded` event)."""
        with self._db.write() as conn:
            return people.write_person(self._db, conn, fields)

    @_translate_db_errors
    def edit_person(self, person_id: int, fields: PersonFields) -> Person:
        """Their next version (the earlier ones stay); the latest one when nothing changed."""
        with self._db.write() as conn:
            return people.write_person(self._db, conn, fields, person_id)

    @_translate_db_errors
    def people(self) -> list[Person]:
        """The latest version of everyone in the register."""
        with self._db.read() as conn:
            return people.read_people(conn)

    @_translate_db_errors
    def person_history(self, person_id: int) -> list[Person]:
        with self._db.read() as conn:
            return people.read_person_history(conn, person_id)

    @_translate_db_errors
    def save_notice(self, fields: NoticeFields, notice_id: int | None = None) -> Notice:
        """A new notice to a platform, or its next version (changed, sent, answered, removed)."""
        with self._db.write() as conn:
            return notices.write_notice(self._db, conn, fields, notice_id)

    @_translate_db_errors
    def notices(self) -> list[Notice]:
        with self._db.read() as conn:
            return notices.read_notices(conn)

    @_translate_db_errors
    def notice_history(self, notice_id: int) -> list[Notice]:
        with self._db.read() as conn:
            return notices.read_notice_history(conn, notice_id)
