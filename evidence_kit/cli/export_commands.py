"""The `export` command: a dossier (signed PDF, originals, manifest, checksums) from a vault.

Only this command loads the PDF and signing libraries (imported inside `cmd_export`), so the
other commands start without them.
"""

from __future__ import annotations

import argparse

from evidence_kit.cli.common import out, printable
from evidence_kit.cli.session import AUTO_STAMP_TIMEOUT_S, open_vault, stamp_quietly
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, detect_language, fmt, nfmt
from evidence_kit.settings import load_settings
from evidence_kit.vault import display_path


def _pdf_timestamp_url() -> str | None:
    """The first configured time-stamp authority, for the PDF signature (None when timestamping is off)."""
    try:
        tsas = load_settings().tsa_configs(timeout=AUTO_STAMP_TIMEOUT_S)
    except EvidenceKitError:
        return None
    return tsas[0].url if tsas else None


def cmd_export(args: argparse.Namespace) -> int:
    # Imported here: the PDF and signing libraries take a third of a second to load, which
    # every other command (add, list, ...) need not pay.
    from evidence_kit.dossier.export import export_dossier
    from evidence_kit.dossier.model import Language

    lang: Language = "nl" if (args.dossier_lang or detect_language()) == "nl" else "en"
    with open_vault(args) as vault:
        result = export_dossier(
            vault,
            args.out_dir,
            lang=lang,
            item_ids=args.items,
            date_from=args.date_from,
            date_to=args.date_to,
            withhold=args.withhold or [],
            withhold_marked=args.withhold_marked,
            include_withheld=args.include_withheld,
            compiler=args.compiler or "",
            case_title=args.title,
            make_zip=args.zip,
            timestamp_url=_pdf_timestamp_url(),
            with_gaps=args.gaps,
        )
        withheld_any = bool(args.withhold) or (
            args.withhold_marked and any(vault.item(item_id).withheld for item_id in result.item_ids)
        )
        stamp_quietly(vault)
    out(
        nfmt(
            "Dossier {id} written to {path} ({count} item). Manifest SHA-256: {sha256}",
            "Dossier {id} written to {path} ({count} items). Manifest SHA-256: {sha256}",
            len(result.item_ids),
            {
                "id": result.dossier_id,
                "path": printable(display_path(result.folder)),
                "sha256": result.manifest_sha256,
            },
        )
    )
    if withheld_any and not args.include_withheld:
        out(
            _(
                "The originals of the withheld items are not in the package; the manifest keeps their "
                "hash and the reason. Use --include-withheld to put them in."
            )
        )
    if result.zip_path is not None:
        out(fmt("Also as one file: {path}", {"path": printable(display_path(result.zip_path))}))
    if not result.signed.timestamped:
        out(_("The PDF is signed without a trusted time-stamp (no time-stamp authority was used)."))
    return 0
