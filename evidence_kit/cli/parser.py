"""The argument parser of `evidence-kit`: every command, option and `--help` text.

The commands themselves live in the `*_commands.py` module of their group; each subcommand
points at its function with `set_defaults(func=...)`.
"""

from __future__ import annotations

import argparse
from datetime import date

from evidence_kit import __version__
from evidence_kit.cli.backup_commands import cmd_backup
from evidence_kit.cli.case_commands import cmd_categories, cmd_categorise
from evidence_kit.cli.chat_commands import cmd_chats
from evidence_kit.cli.common import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE, ENV_RECOVERY_CODE
from evidence_kit.cli.demo_commands import cmd_demo
from evidence_kit.cli.evidence_commands import (
    cmd_add,
    cmd_extract,
    cmd_list,
    cmd_log,
    cmd_messages,
    cmd_withhold,
)
from evidence_kit.cli.export_commands import cmd_export
from evidence_kit.cli.gaps_commands import cmd_gaps
from evidence_kit.cli.incident_commands import VaultCommand, add_incident_commands
from evidence_kit.cli.notice_commands import add_notice_commands
from evidence_kit.cli.people_commands import add_people_commands
from evidence_kit.cli.reparse_commands import cmd_reparse
from evidence_kit.cli.similar_commands import cmd_similar
from evidence_kit.cli.timestamp_commands import cmd_timestamp
from evidence_kit.cli.vault_commands import (
    cmd_cleanup,
    cmd_init,
    cmd_leftovers,
    cmd_passwd,
    cmd_recover,
    cmd_recovery_code,
)
from evidence_kit.cli.verify_commands import cmd_verify, cmd_verify_package
from evidence_kit.i18n import _, fmt
from evidence_kit.importers import registry


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(fmt("not a date (YYYY-MM-DD): {text}", {"text": text})) from exc


def _parse_ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(fmt("not a list of item numbers: {text}", {"text": text})) from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evidence-kit",
        description=_(
            "Evidence Kit: keep the proof of online violence, byte-exact, encrypted and verifiable."
        ),
    )
    parser.add_argument("--version", action="version", version=f"evidence-kit {__version__}")
    parser.add_argument(
        "--lang", choices=("en", "nl"), help=_("language of the messages (default: the system's)")
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))
    exit_codes = _(
        "exit codes:\n"
        "  0  intact\n"
        "  1  integrity failure: something stored was changed, lost or added unlogged, the\n"
        "     vault no longer extends the head given with --against, or (--reparse) stored\n"
        "     messages that this parser version does not make from the sealed original\n"
        "  2  usage error: bad arguments, a path that is not there, a FILE without a head\n"
        "  3  intact, but with warnings: e.g. a time-stamp whose authority's root nobody\n"
        "     vouched for (add it with timestamp --tsa-ca, or verify-package --trust-ca), or\n"
        "     (--reparse) an item a newer parser reads differently"
    )

    def vault_command(
        name: str, help_text: str, on: argparse._SubParsersAction[argparse.ArgumentParser] = sub
    ) -> argparse.ArgumentParser:
        command = on.add_parser(name, help=help_text, description=help_text)
        command.add_argument("vault", metavar="VAULT", help=_("the vault folder"))
        command.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help=fmt(
                "read the passphrase from the first line of FILE (or set {env})", {"env": ENV_PASSPHRASE}
            ),
        )
        return command

    def fast_kdf(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--insecure-fast-kdf",
            action="store_true",
            help=_("UNSAFE, for tests only: a key derivation so cheap the passphrase is easy to guess"),
        )

    def new_passphrase(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--new-passphrase-file",
            metavar="FILE",
            help=fmt("read the new passphrase from FILE (or set {env})", {"env": ENV_NEW_PASSPHRASE}),
        )

    init = vault_command("init", _("create a new, empty vault and print its recovery code once"))
    init.add_argument("--title", help=_("the case title (stored encrypted)"))
    fast_kdf(init)
    init.set_defaults(func=cmd_init)

    add = vault_command("add", _("add files and folders (recursively) to the vault"))
    add.add_argument("paths", nargs="+", metavar="PATH", help=_("files or folders to add"))
    add.add_argument("--note", help=_("a note to store with every added item"))
    add.add_argument(
        "--as",
        dest="format",
        choices=registry.formats(),
        metavar="FORMAT",
        help=fmt(
            "read every path as FORMAT instead of recognising it: {formats}",
            {"formats": ", ".join(registry.formats())},
        ),
    )
    add.add_argument(
        "--skip-duplicates",
        action="store_true",
        help=_(
            "leave out files whose bytes are already in the vault (same SHA-256) and name the item "
            "that holds them; without it they are stored again as new items that say so"
        ),
    )
    add.set_defaults(func=cmd_add)

    lst = vault_command("list", _("list the items in the vault"))
    lst.add_argument("--json", action="store_true", help=_("print JSON"))
    lst.set_defaults(func=cmd_list)

    extract = vault_command("extract", _("write an item's original, byte-identical, to a file"))
    extract.add_argument("item_id", type=int, metavar="ITEM_ID")
    extract.add_argument("out_path", metavar="OUT_PATH")
    extract.set_defaults(func=cmd_extract)

    withhold = vault_command(
        "withhold",
        _(
            "mark an item sensitive (an intimate image): every dossier withholds it unless told "
            "otherwise; logged"
        ),
    )
    withhold.add_argument("item_id", type=int, metavar="ITEM_ID")
    withhold.add_argument(
        "--reason", metavar="TEXT", help=_("why, in a few words (for example: intimate image)")
    )
    withhold.add_argument("--clear", action="store_true", help=_("take the mark off again (logged)"))
    withhold.set_defaults(func=cmd_withhold)

    verify = vault_command("verify", _("check every stored byte and the custody log"))
    verify.epilog = exit_codes
    verify.formatter_class = argparse.RawDescriptionHelpFormatter
    verify.add_argument(
        "--against",
        metavar="FILE",
        help=_(
            "also check that the vault still extends a custody log head recorded outside it: FILE is "
            "an earlier dossier package (folder or .zip), its manifest.json or dossier.pdf, or a text "
            "with the head as printed on a dossier's cover ('seq 42 · sha256 …')"
        ),
    )
    verify.add_argument(
        "--reparse",
        action="store_true",
        help=_(
            "also read every chat, e-mail and picture again from its sealed original and compare "
            "with what is stored (a difference under the same parser version is a failure)"
        ),
    )
    verify.set_defaults(func=cmd_verify)

    reparse = vault_command(
        "reparse", _("read items again from their sealed originals with this version's parsers (logged)")
    )
    reparse.add_argument("item_ids", nargs="*", type=int, metavar="ITEM_ID", help=_("items (default: all)"))
    reparse.add_argument("--reason", help=_("why, for the custody log"))
    reparse.set_defaults(func=cmd_reparse)

    backup = vault_command(
        "backup",
        _(
            "make a consistent, checked copy of the vault in a new folder (a folder copied while the "
            "vault is in use can be broken)"
        ),
    )
    backup.add_argument(
        "dest", metavar="DEST", help=_("a new or empty folder for the copy (for example on a USB stick)")
    )
    backup.set_defaults(func=cmd_backup)

    log = vault_command("log", _("show the custody log"))
    log.add_argument("--json", action="store_true", help=_("print JSON"))
    log.set_defaults(func=cmd_log)

    passwd = vault_command(
        "passwd",
        _(
            "change the passphrase; the data key stays the same, so an old copy of keys.json still "
            "opens the vault with the old passphrase (use --rotate-key to end that)"
        ),
    )
    new_passphrase(passwd)
    passwd.add_argument(
        "--rotate-key",
        action="store_true",
        help=_(
            "also re-encrypt the whole vault under a new data key and print a new recovery code: every "
            "old copy of keys.json and the old recovery code stop working (takes as long as copying the "
            "vault; safe to interrupt)"
        ),
    )
    fast_kdf(passwd)
    passwd.set_defaults(func=cmd_passwd)

    recovery_code = vault_command(
        "recovery-code",
        _(
            "make a new recovery code and print it once; the old code stops opening this keys.json "
            "(an old copy of keys.json still opens with it: use passwd --rotate-key to end that)"
        ),
    )
    fast_kdf(recovery_code)
    recovery_code.set_defaults(func=cmd_recovery_code)

    leftovers = sub.add_parser(
        "leftovers",
        help=_("list the left-over partial files an interrupted write left in a vault folder"),
    )
    leftovers.add_argument("vault", metavar="VAULT", help=_("the vault folder"))
    leftovers.add_argument("--remove", action="store_true", help=_("remove them (needs no passphrase)"))
    leftovers.set_defaults(func=cmd_leftovers)

    recover = sub.add_parser("recover", help=_("set a new passphrase with the recovery code"))
    recover.add_argument("vault", metavar="VAULT")
    recover.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        help=fmt("read the recovery code from FILE (or set {env})", {"env": ENV_RECOVERY_CODE}),
    )
    new_passphrase(recover)
    fast_kdf(recover)
    recover.set_defaults(func=cmd_recover)

    vault_command(
        "cleanup", _("remove the unfinished files an export or extract left when it was stopped")
    ).set_defaults(func=cmd_cleanup)

    messages = vault_command("messages", _("show the messages parsed from a chat, SMS or e-mail item"))
    messages.add_argument("item_id", type=int, metavar="ITEM_ID")
    messages.add_argument("--json", action="store_true", help=_("print JSON"))
    messages.set_defaults(func=cmd_messages)

    def group(name: str, help_text: str) -> VaultCommand:
        """A command with actions of its own (`incident add VAULT ...`): their factory."""
        parent = sub.add_parser(name, help=help_text, description=help_text)
        actions = parent.add_subparsers(dest=f"{name}_action", required=True, metavar=_("ACTION"))
        return lambda action, action_help: vault_command(action, action_help, actions)

    add_incident_commands(group("incident", _("the incident log: add, edit, list, show")))
    add_people_commands(group("person", _("the people register: add, edit, list")))
    add_notice_commands(vault_command)
    categorise = vault_command(
        "categorise", _("give an item its offence categories (see `evidence-kit categories`); logged")
    )
    categorise.add_argument("item_id", type=int, metavar="ITEM_ID")
    which = categorise.add_mutually_exclusive_group(required=True)
    which.add_argument("--category", metavar="ID", action="append", help=_("an offence category id (repeat)"))
    which.add_argument("--clear", action="store_true", help=_("take all its categories off"))
    categorise.set_defaults(func=cmd_categorise)

    gaps = vault_command(
        "gaps", _("what is missing: hints per item and incident (web address, number, date)")
    )
    gaps.add_argument("--json", action="store_true", help=_("print JSON"))
    gaps.set_defaults(func=cmd_gaps)

    chats = vault_command("chats", _("list the chats read from an export of several, each its own item"))
    chats.add_argument("item_id", type=int, metavar="ITEM_ID")
    chats.add_argument("--json", action="store_true", help=_("print JSON"))
    chats.set_defaults(func=cmd_chats)

    similar = vault_command(
        "similar", _("list the pictures that look like the same picture (re-posted, re-compressed, cropped)")
    )
    similar.add_argument(
        "item_id",
        type=int,
        nargs="?",
        metavar="ITEM_ID",
        help=_("only the pictures like this one, with their distance"),
    )
    similar.add_argument("--json", action="store_true", help=_("print JSON"))
    similar.add_argument(
        "--hashes",
        action="store_true",
        help=_("also print each picture's PDQ hash, which can be shared instead of the picture"),
    )
    similar.set_defaults(func=cmd_similar)

    export = vault_command("export", _("write a dossier: signed PDF, originals, manifest, checksums"))
    export.add_argument("out_dir", metavar="OUT_DIR", help=_("a new folder for the dossier"))
    export.add_argument(
        "--lang",
        dest="dossier_lang",
        choices=("nl", "en"),
        help=_("language of the dossier (default: the system's)"),
    )
    export.add_argument(
        "--gaps",
        action="store_true",
        help=_("add the known gaps: what the checklist finds missing (evidence-kit gaps)"),
    )
    export.add_argument("--items", type=_parse_ids, metavar="ID,...", help=_("only these items"))
    export.add_argument(
        "--from",
        dest="date_from",
        type=_parse_date,
        metavar="DATE",
        help=_("only items whose content date is on or after DATE (YYYY-MM-DD)"),
    )
    export.add_argument(
        "--to",
        dest="date_to",
        type=_parse_date,
        metavar="DATE",
        help=_("only items whose content date is on or before DATE (YYYY-MM-DD)"),
    )
    export.add_argument(
        "--withhold",
        type=_parse_ids,
        metavar="ID,...",
        help=_("items (intimate images) whose content the PDF must not show"),
    )
    export.add_argument(
        "--no-withhold-marked",
        dest="withhold_marked",
        action="store_false",
        help=_(
            "do not withhold the items marked sensitive (by default every selected item marked with "
            "the withhold command is withheld, as well as those named with --withhold)"
        ),
    )
    export.add_argument(
        "--include-withheld",
        action="store_true",
        help=_(
            "also put the originals of --withhold items in the package (by default they are left out; "
            "their hash and the reason stay in the manifest)"
        ),
    )
    export.add_argument("--compiler", help=_("who compiled the dossier (printed on the cover; may be empty)"))
    export.add_argument("--title", help=_("the case title on the cover (default: the vault's)"))
    export.add_argument("--zip", action="store_true", help=_("also write everything as one .zip file"))
    export.set_defaults(func=cmd_export)

    timestamp = vault_command(
        "timestamp",
        _("get trusted time-stamps for what waits (only SHA-256 values are sent, never content)"),
    )
    timestamp.add_argument(
        "--tsa",
        metavar="URL",
        help=_("ask only this time-stamp authority (default: the ones in the settings)"),
    )
    timestamp.add_argument(
        "--tsa-ca",
        metavar="FILE",
        help=_(
            "trust the --tsa authority through the root certificate(s) in FILE (PEM or DER); they are "
            "kept in the vault, logged, and trusted by later checks and time-stamps"
        ),
    )
    timestamp.set_defaults(func=cmd_timestamp)

    verify_pkg = sub.add_parser(
        "verify-package",
        help=_("check a received dossier package (no vault needed)"),
        description=_("check a received dossier package (no vault needed)"),
        epilog=exit_codes,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify_pkg.add_argument("path", metavar="PATH", help=_("the package folder or .zip"))
    verify_pkg.add_argument(
        "--trust-ca",
        metavar="FILE",
        action="append",
        help=_(
            "a time-stamp authority's root certificate (PEM or DER) that you trust, having compared it "
            "with what the authority publishes; may be given more than once"
        ),
    )
    verify_pkg.set_defaults(func=cmd_verify_package)

    demo = sub.add_parser("demo", help=_("build a vault from the fictional demo case and verify it"))
    demo.add_argument(
        "--vault", metavar="PATH", help=_("keep the demo vault at PATH (default: a temporary folder)")
    )
    demo.set_defaults(func=cmd_demo)

    categories_help = _(
        "list the offence categories: the forms of digital violence and the Dutch offences that may "
        "apply, each with its official source (information for the police, not legal advice)"
    )
    categories = sub.add_parser("categories", help=categories_help, description=categories_help)
    categories.add_argument(
        "--lang",
        dest="categories_lang",
        choices=("nl", "en"),
        help=_("language of the list (default: the system's)"),
    )
    categories.add_argument("--json", action="store_true", help=_("print JSON"))
    categories.set_defaults(func=cmd_categories)
    return parser
