"""The `evidence-kit` command line: a thin face over `vault.py`, like the GUI.

Rules: every sentence goes through `i18n._`; errors are one translated sentence on stderr
and exit code 2, never a traceback; `verify` and `verify-package` exit 1 when they find
damage. Passphrases come from a TTY prompt, or for scripts from `--passphrase-file` or the
EVIDENCE_KIT_PASSPHRASE environment variable; they are never accepted as a plain argument
(it would end up in shell history and the process list).

Exit codes: 0 success, 1 verification found problems or some files were not added,
2 error (wrong passphrase, vault in use, not a vault, damaged, disk full, bad usage),
130 interrupted.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from evidence_kit import __version__
from evidence_kit.domain import AddResult, CustodyEntry, ItemSummary, Timestamp, VerifyReport
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, detect_language, error_text, fmt, get_language, set_language
from evidence_kit.importers import registry
from evidence_kit.importers.batch import add_paths
from evidence_kit.resources import demo_dir
from evidence_kit.settings import Settings, SettingsError, load_settings, trusted_tsa_roots
from evidence_kit.storage.conversation_json import conversation_from_json, message_json
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.derived_kinds import DERIVED_CONVERSATION
from evidence_kit.storage.keys import KdfParams
from evidence_kit.timestamping import NoTsaAnsweredError, TsaConfig
from evidence_kit.timestamping.queue import SUBJECT_CUSTODY_HEAD, StampReport, most_specific
from evidence_kit.vault import Vault, display_path

ENV_PASSPHRASE = "EVIDENCE_KIT_PASSPHRASE"  # noqa: S105 (a name, not a secret)
ENV_NEW_PASSPHRASE = "EVIDENCE_KIT_NEW_PASSPHRASE"  # noqa: S105 (a name, not a secret)
ENV_RECOVERY_CODE = "EVIDENCE_KIT_RECOVERY_CODE"
DEMO_PASSPHRASE = "demo passphrase, not secret"  # noqa: S105 (a name, not a secret)


class UsageError(EvidenceKitError):
    template = "{detail}"


def _out(text: str = "") -> None:
    print(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _read_secret_file(path: str) -> str:
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            detail=fmt("Could not read {path}: {detail}", {"path": path, "detail": exc.strerror or str(exc)})
        ) from exc
    return content.splitlines()[0] if content else ""


def _secret(file: str | None, env: str, prompt: str, *, confirm: bool = False) -> str:
    """A secret from a file, the environment, or the terminal, in that order."""
    if file:
        return _read_secret_file(file)
    if env in os.environ:
        return os.environ[env]
    if not sys.stdin.isatty():
        raise UsageError(
            detail=fmt(
                "No passphrase given: type it at a terminal, or use a file or the "
                "{env} environment variable.",
                {"env": env},
            )
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Type it again: ")) != first:
        raise UsageError(detail=_("The two entries are not the same."))
    return first


def _kdf(args: argparse.Namespace) -> KdfParams | None:
    if getattr(args, "insecure_fast_kdf", False):
        _err(_("WARNING: --insecure-fast-kdf makes the passphrase easy to guess. Use it for tests only."))
        return KdfParams.insecure_fast()
    return None


def _open(args: argparse.Namespace) -> Vault:
    passphrase = _secret(args.passphrase_file, ENV_PASSPHRASE, _("Passphrase: "))
    return Vault.open(args.vault, passphrase)


def _time_text(stamp: Timestamp) -> str:
    if stamp.utc is not None:
        return stamp.utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return stamp.local.strftime("%Y-%m-%dT%H:%M:%S") if stamp.local else ""


def _stamp_json(stamp: Timestamp) -> dict[str, Any]:
    return {
        "source": str(stamp.source),
        "utc": stamp.utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if stamp.utc else None,
        "local": stamp.local.isoformat() if stamp.local else None,
        "offset_minutes": stamp.offset_minutes,
        "assumption": stamp.assumption,
    }


def item_json(item: ItemSummary) -> dict[str, Any]:
    return {
        "id": item.id,
        "uuid": item.uuid,
        "kind": str(item.kind),
        "sha256": item.sha256,
        "size": item.size,
        "original_name": item.original_name,
        "original_path": item.original_path,
        "media_type": item.media_type,
        "importer": f"{item.importer}/{item.importer_version}",
        "note": item.note,
        "category": item.category,
        "parent_id": item.parent_id,
        "imported_at_utc": _stamp_json(item.imported_at)["utc"],
        "imported_at_offset_minutes": item.imported_at.offset_minutes,
        "times": [_stamp_json(t) for t in item.times],
    }


def _print_items(items: Sequence[ItemSummary]) -> None:
    if not items:
        _out(_("The vault holds no items yet."))
        return
    header = (_("ID"), _("Kind"), _("Size"), _("Imported (UTC)"), _("SHA-256"), _("Name"))
    _out(f"{header[0]:<3} {header[1]:<6} {header[2]:>11} {header[3]:<21} {header[4]:<64}  {header[5]}")
    for item in items:
        _out(
            f"{item.id:<3} {_(str(item.kind)):<6} {item.size:>11,} {_time_text(item.imported_at):<21} "
            f"{item.sha256}  {item.original_name}"
        )


def _print_report(report: VerifyReport) -> None:
    if report.ok:
        _out(
            fmt(
                "Vault intact: {items} items ({bytes} bytes) re-hashed and matching, {events} custody events "
                "verified. Log head: {head}",
                {
                    "items": str(report.items_checked),
                    "bytes": f"{report.bytes_checked:,}",
                    "events": str(report.events_checked),
                    "head": report.head_hash,
                },
            )
        )
        return
    _out(fmt("Vault NOT intact: {count} problems found.", {"count": str(len(report.problems))}))
    for problem in report.problems:
        _out("  - " + fmt(problem.template, problem.params))


# ----------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = _secret(args.passphrase_file, ENV_PASSPHRASE, _("New passphrase: "), confirm=True)
    vault, code = Vault.create(args.vault, passphrase, case_title=args.title or "", kdf=_kdf(args))
    with vault:
        _out(fmt("Vault created: {path}", {"path": display_path(vault.path)}))
        _out(
            _(
                "Recovery code (shown only now; write it down and keep it somewhere safe, away from this "
                "computer):"
            )
        )
        _out(f"    {code}")
        _out(_("With this code you can set a new passphrase if you forget yours."))
    return 0


def _report_line(result: AddResult) -> str:
    if result.error is not None:
        return fmt(
            "{path}: NOT added: {reason}",
            {"path": result.path, "reason": fmt(result.error, result.error_params)},
        )
    parts = [fmt("recognised as {format}", {"format": _(result.recognised_as or "file")})]
    if result.message_count is not None:
        parts.append(fmt("{count} messages", {"count": str(result.message_count)}))
    if len(result.items) > 1:
        parts.append(fmt("{count} attached files stored", {"count": str(len(result.items) - 1)}))
    return f"{result.path}: " + ", ".join(parts)


def print_import_report(results: Sequence[AddResult]) -> None:
    """The import report: per file what it was recognised as, how much was kept, every warning."""
    _err(_("Import report:"))
    for result in results:
        _err("  " + _report_line(result))
        for warning in result.warnings:
            _err("    - " + fmt(warning.message, warning.params))


def cmd_add(args: argparse.Namespace) -> int:
    failed = 0
    results = []
    with _open(args) as vault:
        for result in add_paths(vault, args.paths, note=args.note or "", forced_format=args.format):
            results.append(result)
            if result.error is not None:
                failed += 1
                continue
            for item in result.items:
                _out(f"{item.id}\t{item.sha256}\t{item.original_path}")
        stamp_quietly(vault)
    print_import_report(results)
    if failed:
        _err(fmt("{count} files could not be added; all other files were stored.", {"count": str(failed)}))
        return 1
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        items = vault.items()
    if args.json:
        _out(json.dumps([item_json(i) for i in items], ensure_ascii=False, indent=2))
    else:
        _print_items(items)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        stamp_quietly(vault)
        item = vault.extract(args.item_id, args.out_path)
    _out(
        fmt(
            "Item {id} written to {path} (SHA-256 {sha256}, checked).",
            {"id": str(item.id), "path": args.out_path, "sha256": item.sha256},
        )
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        stamp_quietly(vault)
        report = vault.verify(tsa_roots=trusted_tsa_roots(_settings_or_none()))
    _print_report(report)
    return 0 if report.ok else 1


def _entry_json(entry: CustodyEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "type": entry.event_type,
        "at_utc": entry.at_utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "offset_minutes": entry.offset_minutes,
        "actor": entry.actor,
        "item_id": entry.item_id,
        "data": dict(entry.data),
        "hash": entry.hash,
    }


def cmd_log(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        entries = vault.custody_log()
    if args.json:
        _out(json.dumps([_entry_json(e) for e in entries], ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        item = fmt(" item {id}", {"id": str(entry.item_id)}) if entry.item_id is not None else ""
        _out(
            f"{entry.seq:>5}  {entry.at_utc.strftime('%Y-%m-%d %H:%M:%S')}Z  {_(entry.event_type)}{item}  "
            f"{entry.hash}"
        )
    return 0


def _new_passphrase(args: argparse.Namespace) -> str:
    return _secret(args.new_passphrase_file, ENV_NEW_PASSPHRASE, _("New passphrase: "), confirm=True)


def cmd_passwd(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        stamp_quietly(vault)
        vault.change_passphrase(_new_passphrase(args), kdf=_kdf(args))
    _out(_("Passphrase changed. The recovery code stays valid."))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    code = _secret(args.recovery_code_file, ENV_RECOVERY_CODE, _("Recovery code: "))
    with Vault.open(args.vault, recovery_code=code) as vault:
        stamp_quietly(vault)
        vault.change_passphrase(_new_passphrase(args), kdf=_kdf(args), event_type=EventType.RECOVERED)
    _out(_("New passphrase set with the recovery code."))
    return 0


def cmd_messages(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        vault.item(args.item_id)
        data = vault.derived(args.item_id, DERIVED_CONVERSATION)
    if data is None:
        raise UsageError(
            detail=fmt(
                "Item {id} holds no messages (it is not a chat, SMS or e-mail export).",
                {"id": str(args.item_id)},
            )
        )
    conversation, links, _missing = conversation_from_json(data)
    if args.json:
        _out(
            json.dumps([message_json(m, links) for m in conversation.messages], ensure_ascii=False, indent=2)
        )
        return 0
    for message in conversation.messages:
        when = message.sent_at.isoformat(sep=" ") if message.sent_at else "?"
        who = message.sender or _("(system)")
        flags = [
            _(name) for name in ("deleted", "edited", "media_omitted", "forwarded") if getattr(message, name)
        ]
        suffix = f"  [{', '.join(flags)}]" if flags else ""
        attachment = f"  <{message.attachment}>" if message.attachment else ""
        _out(f"{when}  {who}: {message.text}{attachment}{suffix}")
    return 0


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
    with _open(args) as vault:
        result = export_dossier(
            vault,
            args.out_dir,
            lang=lang,
            item_ids=args.items,
            date_from=args.date_from,
            date_to=args.date_to,
            withhold=args.withhold or [],
            compiler=args.compiler or "",
            case_title=args.title,
            make_zip=args.zip,
            timestamp_url=_pdf_timestamp_url(),
        )
        stamp_quietly(vault)
    _out(
        fmt(
            "Dossier {id} written to {path} ({count} items). Manifest SHA-256: {sha256}",
            {
                "id": result.dossier_id,
                "path": display_path(result.folder),
                "count": str(len(result.item_ids)),
                "sha256": result.manifest_sha256,
            },
        )
    )
    if result.zip_path is not None:
        _out(fmt("Also as one file: {path}", {"path": display_path(result.zip_path)}))
    if not result.signed.timestamped:
        _out(_("The PDF is signed without a trusted time-stamp (no time-stamp authority was used)."))
    return 0


def cmd_verify_package(args: argparse.Namespace) -> int:
    from evidence_kit.verify.package import format_report, verify_package

    report = verify_package(Path(args.path))
    _out(format_report(report, get_language()))
    return 0 if report.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    keep = args.vault is not None
    folder = (
        Path(args.vault) if keep else Path(tempfile.mkdtemp(prefix="evidence-kit-demo-")) / "demo.ekvault"
    )
    try:
        vault, _code = Vault.create(folder, DEMO_PASSPHRASE, case_title=_("Demo case (fictional)"))
        with vault:
            _out(
                fmt(
                    "Demo vault created at {path} from the fictional files in {source}.",
                    {"path": display_path(folder), "source": display_path(demo_dir())},
                )
            )
            for result in add_paths(vault, [demo_dir()], note=_("Fictional demo file")):
                if result.error is not None:
                    _err(fmt(result.error, result.error_params))
            _out()
            _print_items(vault.items())
            _out()
            _print_report(vault.verify())
        if keep:
            _out(
                fmt(
                    "The demo vault stays at {path}; its passphrase is: {passphrase}",
                    {"path": display_path(folder), "passphrase": DEMO_PASSPHRASE},
                )
            )
    finally:
        if not keep:
            shutil.rmtree(folder.parent, ignore_errors=True)
    return 0


# ----------------------------------------------------------------- trusted timestamps

AUTO_STAMP_TIMEOUT_S = 5.0  # commands that stamp on the side wait at most this long per TSA


def _settings_or_none() -> Settings | None:
    try:
        return load_settings()
    except SettingsError:
        return None


def _postponed(error: EvidenceKitError) -> None:
    _err(fmt("Time-stamping postponed, will retry later: {reason}", {"reason": error_text(error)}))


def _stamp_summary(report: StampReport) -> None:
    """One line for what a run stamped and one for why the rest waits (on stderr: a side effect)."""
    item_tokens = [t for t in report.tokens if t.subject != SUBJECT_CUSTODY_HEAD]
    if report.items:
        _err(
            fmt(
                "{count} items time-stamped by {tsa}.",
                {"count": str(len(report.items)), "tsa": item_tokens[0].tsa_config_name},
            )
        )
    elif report.tokens:
        _err(fmt("Custody log time-stamped by {tsa}.", {"tsa": report.tokens[0].tsa_config_name}))
    for error in report.errors:
        _postponed(most_specific(error))


def stamp_quietly(vault: Vault) -> StampReport | None:
    """Stamp what waits, with the settings' TSAs and a short timeout; never fails the command.

    Called after `add` and `export` and when a modifying command opens a vault. Prints nothing
    when nothing waits or timestamping is off in the settings (the work then stays queued).
    """
    try:
        tsas = load_settings().tsa_configs(timeout=AUTO_STAMP_TIMEOUT_S)
        if not tsas:
            return None
        report = vault.stamp_pending(tsas)
    except EvidenceKitError as exc:  # unreadable settings, or the vault could not store a token
        if isinstance(exc, SettingsError) or vault.is_open:
            _postponed(exc)
        return None
    _stamp_summary(report)
    return report


def _id_ranges(ids: Sequence[int]) -> str:
    """1, 2, 3, 7 -> "1-3, 7": item numbers as data, not a sentence."""
    parts: list[str] = []
    ordered = sorted(set(ids))
    start = previous = ordered[0] if ordered else 0
    for value in [*ordered[1:], None]:
        if value is not None and value == previous + 1:
            previous = value
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if value is not None:
            start = previous = value
    return ", ".join(parts)


def _utc_text(moment: Any) -> str:
    return str(moment.strftime("%Y-%m-%d %H:%M:%S UTC"))


def _tsas_from_args(args: argparse.Namespace) -> tuple[TsaConfig, ...]:
    if args.tsa is None:
        if args.tsa_ca:
            raise UsageError(detail=_("--tsa-ca needs --tsa."))
        return load_settings().tsa_configs()
    roots: bytes | None = None
    if args.tsa_ca:
        try:
            roots = Path(args.tsa_ca).read_bytes()
        except OSError as exc:
            raise UsageError(
                detail=fmt(
                    "Could not read {path}: {detail}",
                    {"path": args.tsa_ca, "detail": exc.strerror or str(exc)},
                )
            ) from exc
    settings = _settings_or_none() or Settings()
    return (TsaConfig(name=args.tsa, url=args.tsa, roots_pem=roots, timeout=settings.tsa_timeout_s),)


def cmd_timestamp(args: argparse.Namespace) -> int:
    tsas = _tsas_from_args(args)
    with _open(args) as vault:
        waiting = len(vault.pending_timestamps())
        if not waiting:
            _out(_("Nothing is waiting for a time-stamp."))
            return 0
        if not tsas:
            _out(
                fmt(
                    "Timestamping is off in the settings, so nothing was sent; {count} still waiting. "
                    "Use --tsa URL to ask a time-stamp authority now.",
                    {"count": str(waiting)},
                )
            )
            return 1
        report = vault.stamp_pending(tsas)
    covered = dict(report.token_items)
    for token in report.tokens:
        values = {"tsa": token.tsa_config_name, "time": _utc_text(token.gen_time)}
        if token.subject == SUBJECT_CUSTODY_HEAD:
            values["seq"] = str(token.head_seq)
            _out(fmt("Custody log up to event {seq} time-stamped by {tsa} at {time}.", values))
        else:
            values["ids"] = _id_ranges(covered.get(token.id, ()))
            _out(fmt("Items {ids} time-stamped by {tsa} at {time}.", values))
    for error in report.errors:
        reason = error_text(most_specific(error))
        _out(fmt("Time-stamping postponed, will retry later: {reason}", {"reason": reason}))
        if isinstance(error, NoTsaAnsweredError) and len(error.failures) > 1:
            for failure in error.failures:
                _out("  - " + error_text(failure))
    if report.remaining:
        _out(fmt("{count} still waiting for a time-stamp.", {"count": str(report.remaining)}))
    return 0 if report.ok else 1


# ----------------------------------------------------------------- parser


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

    def vault_command(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
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
    add.set_defaults(func=cmd_add)

    lst = vault_command("list", _("list the items in the vault"))
    lst.add_argument("--json", action="store_true", help=_("print JSON"))
    lst.set_defaults(func=cmd_list)

    extract = vault_command("extract", _("write an item's original, byte-identical, to a file"))
    extract.add_argument("item_id", type=int, metavar="ITEM_ID")
    extract.add_argument("out_path", metavar="OUT_PATH")
    extract.set_defaults(func=cmd_extract)

    vault_command("verify", _("check every stored byte and the custody log")).set_defaults(func=cmd_verify)

    log = vault_command("log", _("show the custody log"))
    log.add_argument("--json", action="store_true", help=_("print JSON"))
    log.set_defaults(func=cmd_log)

    passwd = vault_command("passwd", _("change the passphrase (the data is not re-encrypted)"))
    new_passphrase(passwd)
    fast_kdf(passwd)
    passwd.set_defaults(func=cmd_passwd)

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

    messages = vault_command("messages", _("show the messages parsed from a chat, SMS or e-mail item"))
    messages.add_argument("item_id", type=int, metavar="ITEM_ID")
    messages.add_argument("--json", action="store_true", help=_("print JSON"))
    messages.set_defaults(func=cmd_messages)

    export = vault_command("export", _("write a dossier: signed PDF, originals, manifest, checksums"))
    export.add_argument("out_dir", metavar="OUT_DIR", help=_("a new folder for the dossier"))
    export.add_argument(
        "--lang",
        dest="dossier_lang",
        choices=("nl", "en"),
        help=_("language of the dossier (default: the system's)"),
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
        help=_("trust the --tsa authority through the root certificate(s) in this PEM file"),
    )
    timestamp.set_defaults(func=cmd_timestamp)

    verify_pkg = sub.add_parser(
        "verify-package", help=_("check a received dossier package (no vault needed)")
    )
    verify_pkg.add_argument("path", metavar="PATH", help=_("the package folder or .zip"))
    verify_pkg.set_defaults(func=cmd_verify_package)

    demo = sub.add_parser("demo", help=_("build a vault from the fictional demo case and verify it"))
    demo.add_argument(
        "--vault", metavar="PATH", help=_("keep the demo vault at PATH (default: a temporary folder)")
    )
    demo.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> NoReturn:
    set_language(detect_language())
    raw = list(sys.argv[1:] if argv is None else argv)
    # Only a --lang before the command sets the language of messages (export has its own --lang).
    index = 0
    while index < len(raw) and raw[index].startswith("-"):
        if raw[index] == "--lang" and index + 1 < len(raw):
            set_language(raw[index + 1])
            index += 1
        index += 1
    parser = build_parser()
    args = parser.parse_args(raw)
    try:
        code = int(args.func(args))
    except EvidenceKitError as exc:
        _err(error_text(exc))
        code = 2
    except KeyboardInterrupt:
        _err(_("Interrupted; every item stored so far is complete."))
        code = 130
    except OSError as exc:
        _err(fmt("{path}: {detail}", {"path": str(exc.filename or ""), "detail": exc.strerror or str(exc)}))
        code = 2
    except MemoryError:
        _err(_("Out of memory; every item stored so far is complete."))
        code = 2
    sys.exit(code)


if __name__ == "__main__":
    main()
