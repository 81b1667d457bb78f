"""The items' derived-data seals in a package: what the PDF shows of each item is what was sealed at import.

Rule: for each item the manifest carries two SHA-256 values: the seal its custody events
last recorded over its parsed content, times and facts (`item_added`, then `item_parsed` /
`item_reparsed`), and the same digest as the
export found them in the vault. They must be equal; a difference means the vault's derived data
was changed after import, so what the dossier shows of that item cannot be relied on (its
original file is checked apart from this). Items imported before seals existed carry no recorded
value and are named as a notice, not a failure.
"""

from __future__ import annotations

from evidence_kit.verify.package_check import PackageCheck
from evidence_kit.verify.package_format import MANIFEST_NAME
from evidence_kit.verify.package_manifest import Manifest
from evidence_kit.verify.package_report import CheckStatus


def check_seals(check: PackageCheck, manifest: Manifest) -> None:
    unsealed = 0
    matching = 0
    for seal in manifest.seals:
        if seal.recorded is None:
            unsealed += 1
        elif seal.recorded != seal.found:
            check.add(
                seal.file,
                CheckStatus.MISMATCH,
                "derived_seal_broken",
                "Item {number}: its parsed content, times or facts were changed after it was imported "
                "(sealed {recorded}, found {found}); what the dossier shows of it cannot be relied on.",
                number=seal.number,
                recorded=seal.recorded,
                found=seal.found,
            )
        else:
            matching += 1
    if matching:
        check.add(
            MANIFEST_NAME,
            CheckStatus.OK,
            "derived_seals_ok",
            "The parsed content, times and facts of {count} items match the seals recorded when they "
            "were imported.",
            count=matching,
        )
    if unsealed:
        check.add(
            MANIFEST_NAME,
            CheckStatus.NOTICE,
            "derived_unsealed",
            "{count} items were imported by a version of Evidence Kit that did not yet seal parsed "
            "content; only their original files can be checked.",
            count=unsealed,
        )
