"""The names of the custody log's events, as the dossier's appendix prints them (`texts.py`).

Rule: one name per event type of `storage/custody.py`, in English and Dutch, with the same keys.
"""

from __future__ import annotations

EVENTS_EN: dict[str, str] = {
    "event.vault_created": "Vault created",
    "event.vault_migrated": "Vault upgraded",
    "event.item_added": "Item stored",
    "event.item_parsed": "Content read from the stored original",
    "event.item_reparsed": "Content read again",
    "event.note_changed": "Note changed",
    "event.category_changed": "Category changed",
    "event.item_withheld": "Marked sensitive (withheld from dossiers)",
    "event.withhold_cleared": "Sensitive mark removed",
    "event.item_extracted": "Original copied out",
    "event.item_viewed": "Item viewed in full",
    "event.verified": "Vault verified",
    "event.passphrase_changed": "Passphrase changed",
    "event.recovered_with_code": "Opened with the recovery code",
    "event.key_rotated": "Key replaced (vault re-encrypted)",
    "event.recovery_code_reissued": "New recovery code made",
    "event.exported": "Dossier exported",
    "event.timestamp_obtained": "Trusted timestamp obtained",
    "event.backup_made": "Backup made",
    "event.tsa_ca_added": "Timestamp authority root certificate added",
    "event.incident_recorded": "Incident written down",
    "event.incident_edited": "Incident changed (earlier version kept)",
    "event.person_recorded": "Person added to the people register",
    "event.person_edited": "Person in the people register changed (earlier version kept)",
    "event.notice_recorded": "Notice to a platform drafted",
    "event.notice_edited": "Notice to a platform updated (earlier version kept)",
}

EVENTS_NL: dict[str, str] = {
    "event.vault_created": "Kluis aangemaakt",
    "event.vault_migrated": "Kluis bijgewerkt",
    "event.item_added": "Stuk opgeslagen",
    "event.item_parsed": "Inhoud gelezen uit het opgeslagen origineel",
    "event.item_reparsed": "Inhoud opnieuw gelezen",
    "event.note_changed": "Notitie gewijzigd",
    "event.category_changed": "Categorie gewijzigd",
    "event.item_withheld": "Gemarkeerd als gevoelig (afgeschermd in dossiers)",
    "event.withhold_cleared": "Markering ‘gevoelig’ weggehaald",
    "event.item_extracted": "Origineel gekopieerd",
    "event.item_viewed": "Stuk volledig bekeken",
    "event.verified": "Kluis gecontroleerd",
    "event.passphrase_changed": "Wachtwoordzin gewijzigd",
    "event.recovered_with_code": "Geopend met de herstelcode",
    "event.key_rotated": "Sleutel vervangen (kluis opnieuw versleuteld)",
    "event.recovery_code_reissued": "Nieuwe herstelcode gemaakt",
    "event.exported": "Dossier ge\u00ebxporteerd",
    "event.timestamp_obtained": "Vertrouwd tijdstempel verkregen",
    "event.backup_made": "Reservekopie gemaakt",
    "event.tsa_ca_added": "Basiscertificaat van tijdstempelautoriteit toegevoegd",
    "event.incident_recorded": "Incident vastgelegd",
    "event.incident_edited": "Incident gewijzigd (eerdere versie bewaard)",
    "event.person_recorded": "Persoon toegevoegd aan het personenregister",
    "event.person_edited": "Persoon in het personenregister gewijzigd (eerdere versie bewaard)",
    "event.notice_recorded": "Melding aan platform opgesteld",
    "event.notice_edited": "Melding aan platform bijgewerkt (eerdere versie bewaard)",
}
