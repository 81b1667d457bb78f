"""The words of VERIFY.txt and of the verify-package report, in English and Dutch.

Rule: VERIFY.txt is written for a sceptical reader with standard tools and no Evidence Kit:
every command in it is one that works as printed when run in the package folder, and the text
says honestly what the checks prove (the files have not changed since they were stored) and
what they do not (that the content is true, or who made the self-made keys). Sentences are
templates with {placeholders}, never concatenated; the English text of a report message is
the key of its Dutch translation (as in i18n.py).
"""

# ruff: noqa: E501
# (Sentences and shell one-liners are kept whole: a command split over two lines would not run.)

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evidence_kit.timestamping.subjects import TokenSubject

LANGUAGES = ("en", "nl")
NEWLINE = "\r\n"  # VERIFY.txt is read in Windows Notepad as often as in a terminal


@dataclass(frozen=True)
class TokenCommand:
    """How VERIFY.txt tells a reader to check one token with openssl (the writer fills it in)."""

    token_file: str
    subject: str  # a TokenSubject value
    data_file: str | None  # the original the token stamps directly, if any
    stamped_sha256: str
    item_files: tuple[str, ...]  # the originals a Merkle root covers
    verify_command: str
    show_command: str
    has_ca_file: bool


@dataclass(frozen=True)
class WithheldFile:
    """A withheld item as VERIFY.txt names it: its (would-be) package path, hash, and whether it is there."""

    file: str
    sha256: str
    in_package: bool


@dataclass(frozen=True)
class VerifyTxtTexts:
    body: str
    pdf_certificate: str
    no_pdf_certificate: str
    stamp_intro: str
    stamp_entry: str
    stamp_no_ca: str
    stamp_merkle: str
    no_tokens: str
    subject_item: str
    subject_custody: str
    subject_merkle: str
    withheld_left_out: str = ""
    withheld_included: str = ""


_EN_BODY = """\
EVIDENCE KIT - HOW TO VERIFY THIS PACKAGE
==========================================

Dossier:      {dossier_id}
Exported:     {export_time_utc} (UTC)
Program:      Evidence Kit {tool_version}

WHAT THE CHECKS BELOW PROVE
These checks show that the files in this package are exactly the files that were stored in
the evidence vault, unchanged since they were stored (and, where a time-stamp token is
included, since the time the time-stamp authority signed). They do not prove that what the
files show is true, nor who made them.

WHAT IS IN THIS PACKAGE
  dossier.pdf     The dossier, digitally signed. manifest.json is attached inside it.
  originals/      The {original_count} original file(s), byte for byte as stored in the vault.
  manifest.json   Every file with its SHA-256 hash, size and times (signed).
  manifest.sig    The Ed25519 signature of manifest.json.
  public_key.pem  The public key that checks manifest.sig.
  SHA256SUMS      The SHA-256 hash of every file in originals/ (the same list is also in
                  originals/SHA256SUMS, for checking from inside that folder).
  timestamps/     RFC 3161 time-stamp tokens and the time-stamp authority's certificates (if any).
  custody_log.jsonl  The vault's custody log, one signed event a line (see step 7).
  VERIFY.txt      This text.
{withheld}
Run every command below in a terminal opened in this folder (the folder that holds
manifest.json).

1. ALL CHECKS AT ONCE (with Evidence Kit installed)
     evidence-kit verify-package .
   It names every file that is missing, changed or unexpected. It exits with 0 when all is
   intact, 1 when anything is wrong, and 3 when all is intact but a time-stamp authority's
   root certificate came only with this package: compare its fingerprint with the root the
   authority publishes, then run it again with --trust-ca ROOT.pem.

2. CHECK EVERY ORIGINAL FILE
   Linux:
     sha256sum -c SHA256SUMS
   macOS:
     shasum -a 256 -c SHA256SUMS
   Every line must end in "OK".

   Windows, Command Prompt, one file at a time:
     certutil -hashfile {example_file_windows} SHA256
   Compare the hash it prints with the line for that file in SHA256SUMS (upper or lower case
   does not matter).

   Windows, PowerShell, all files at once:
     Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object {{ $h, $f = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -eq $h) {{ "OK      $f" }} else {{ "FAILED  $f" }} }}
   Every line must start with "OK".

3. CHECK THAT THE PDF BELONGS TO THIS PACKAGE
   The footer of every page of dossier.pdf shows the SHA-256 hash of manifest.json.
   Compute it and compare:
     sha256sum manifest.json                    (Linux; on macOS: shasum -a 256 manifest.json)
     certutil -hashfile manifest.json SHA256    (Windows)
   Then check that every hash in SHA256SUMS is also the one listed for that file in
   manifest.json (Evidence Kit does this in step 1).

4. CHECK THE SIGNATURE OF manifest.json (OpenSSL 3.0 or newer)
     openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile manifest.sig
   It must print "Signature Verified Successfully".
   The SHA-256 fingerprint of public_key.pem is
     {public_key_sha256}
   (compute it with: openssl pkey -pubin -in public_key.pem -outform DER | sha256sum).
   It is the evidence vault's own key. Compare it with the key of the vault, if you can
   obtain it from the person who kept the vault.

5. CHECK THE SIGNATURE OF dossier.pdf
   Open dossier.pdf in a PDF reader that shows signatures (for example Adobe Acrobat Reader),
   or run:
     pdfsig dossier.pdf
   It must say "Signature is Valid" and "Total document signed". The certificate was made by
   the vault itself; no public authority vouches for it, so a reader will call the signer
   "unknown" or "not trusted". That is expected and is not an error: the signature shows that
   the PDF has not been changed since it was signed.
{pdf_certificate}
   The manifest attached inside the PDF can be saved beside this folder and compared with
   manifest.json (cmp prints nothing when they are identical):
     pdfdetach -savefile manifest.json -o ../attached-manifest.json dossier.pdf
     cmp ../attached-manifest.json manifest.json

6. CHECK THE TIME-STAMP TOKENS (RFC 3161)
{tokens}

7. CHECK THE CUSTODY LOG (Python 3; on Windows type py instead of python3)
   custody_log.jsonl holds every event of the vault's custody log up to the export. Each
   event's hash is SHA-256(previous hash || event), so this command walks the chain:
     python3 -c "import json,hashlib,functools;print(functools.reduce(lambda p,e:e['hash'] if e['prev_hash']==p and (e['body'] is None or hashlib.sha256(bytes.fromhex(p)+e['body'].encode()).hexdigest()==e['hash']) else exit('BROKEN at event %d'%e['seq']),map(json.loads,open('custody_log.jsonl',encoding='utf-8')),'0'*64))"
   It must print the last hash, and that must be the custody log head in manifest.json
   ("custody_log_head") and on the cover of the PDF. Because the manifest is signed, a chain
   that ends at that head is the log as it was at export. It prints "BROKEN at event N" when
   an event was changed, removed, inserted or moved. Events about items that are not in this
   package carry no content ("body": null); their place in the chain is still checked.
   Evidence Kit (step 1) also checks each event's Ed25519 signature with public_key.pem.
"""

_NL_BODY = """\
EVIDENCE KIT (BEWIJSKLUIS) - ZO CONTROLEERT U DIT PAKKET
=========================================================

Dossier:      {dossier_id}
Geëxporteerd: {export_time_utc} (UTC)
Programma:    Evidence Kit {tool_version}

WAT DE CONTROLES HIERONDER BEWIJZEN
Deze controles laten zien dat de bestanden in dit pakket precies de bestanden zijn die in de
bewijskluis zijn opgeslagen, ongewijzigd sinds ze zijn opgeslagen (en, waar een tijdstempel
is bijgevoegd, sinds het moment waarop de tijdstempelautoriteit tekende). Ze bewijzen niet
dat wat de bestanden laten zien waar is, en ook niet wie ze heeft gemaakt.

WAT ER IN DIT PAKKET ZIT
  dossier.pdf     Het dossier, digitaal ondertekend. manifest.json zit erin als bijlage.
  originals/      De {original_count} originele bestand(en), byte voor byte zoals opgeslagen in de kluis.
  manifest.json   Elk bestand met zijn SHA-256-hash, grootte en tijden (ondertekend).
  manifest.sig    De Ed25519-handtekening van manifest.json.
  public_key.pem  De publieke sleutel waarmee manifest.sig wordt gecontroleerd.
  SHA256SUMS      De SHA-256-hash van elk bestand in originals/ (dezelfde lijst staat ook in
                  originals/SHA256SUMS, om vanuit die map te controleren).
  timestamps/     RFC 3161-tijdstempels en de certificaten van de tijdstempelautoriteit (indien aanwezig).
  custody_log.jsonl  Het logboek van de bewaarketen, één ondertekende gebeurtenis per regel (zie stap 7).
  VERIFY.txt      Deze tekst.
{withheld}
Voer elke opdracht hieronder uit in een terminal die in deze map is geopend (de map waarin
manifest.json staat).

1. ALLE CONTROLES IN EEN KEER (als Evidence Kit is geïnstalleerd)
     evidence-kit verify-package .
   Het noemt elk bestand dat ontbreekt, is gewijzigd of er niet hoort. Het eindigt met code 0
   als alles intact is, 1 als er iets mis is, en 3 als alles intact is maar het basiscertificaat
   van een tijdstempelautoriteit alleen met dit pakket is meegekomen: vergelijk de vingerafdruk
   met wat de autoriteit publiceert en voer het dan opnieuw uit met --trust-ca ROOT.pem.

2. CONTROLEER ELK ORIGINEEL BESTAND
   Linux:
     sha256sum -c SHA256SUMS
   macOS:
     shasum -a 256 -c SHA256SUMS
   Elke regel moet eindigen op "OK".

   Windows, opdrachtprompt, per bestand:
     certutil -hashfile {example_file_windows} SHA256
   Vergelijk de hash die het toont met de regel voor dat bestand in SHA256SUMS (hoofd- of
   kleine letters maken niet uit).

   Windows, PowerShell, alle bestanden tegelijk:
     Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object {{ $h, $f = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -eq $h) {{ "OK      $f" }} else {{ "FAILED  $f" }} }}
   Elke regel moet beginnen met "OK".

3. CONTROLEER DAT DE PDF BIJ DIT PAKKET HOORT
   Onderaan elke pagina van dossier.pdf staat de SHA-256-hash van manifest.json.
   Bereken die en vergelijk:
     sha256sum manifest.json                    (Linux; op macOS: shasum -a 256 manifest.json)
     certutil -hashfile manifest.json SHA256    (Windows)
   Controleer daarna dat elke hash in SHA256SUMS dezelfde is als die voor dat bestand in
   manifest.json (Evidence Kit doet dit in stap 1).

4. CONTROLEER DE HANDTEKENING VAN manifest.json (OpenSSL 3.0 of nieuwer)
     openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile manifest.sig
   Het moet "Signature Verified Successfully" tonen.
   De SHA-256-vingerafdruk van public_key.pem is
     {public_key_sha256}
   (bereken hem met: openssl pkey -pubin -in public_key.pem -outform DER | sha256sum).
   Dit is de eigen sleutel van de bewijskluis. Vergelijk hem met de sleutel van de kluis, als
   u die kunt krijgen van degene die de kluis bijhield.

5. CONTROLEER DE HANDTEKENING VAN dossier.pdf
   Open dossier.pdf in een pdf-lezer die handtekeningen toont (bijvoorbeeld Adobe Acrobat
   Reader), of voer uit:
     pdfsig dossier.pdf
   Het moet "Signature is Valid" en "Total document signed" tonen. Het certificaat is door de
   kluis zelf gemaakt; geen publieke instantie staat ervoor in, dus een pdf-lezer noemt de
   ondertekenaar "onbekend" of "niet vertrouwd". Dat is te verwachten en geen fout: de
   handtekening laat zien dat de pdf niet is gewijzigd sinds hij werd ondertekend.
{pdf_certificate}
   Het manifest dat als bijlage in de pdf zit, kunt u naast deze map opslaan en vergelijken
   met manifest.json (cmp toont niets als ze gelijk zijn):
     pdfdetach -savefile manifest.json -o ../attached-manifest.json dossier.pdf
     cmp ../attached-manifest.json manifest.json

6. CONTROLEER DE TIJDSTEMPELS (RFC 3161)
{tokens}

7. CONTROLEER HET LOGBOEK VAN DE BEWAARKETEN (Python 3; typ op Windows py in plaats van python3)
   custody_log.jsonl bevat elke gebeurtenis van het logboek van de kluis tot en met de export.
   De hash van elke gebeurtenis is SHA-256(vorige hash || gebeurtenis); deze opdracht loopt
   de keten na:
     python3 -c "import json,hashlib,functools;print(functools.reduce(lambda p,e:e['hash'] if e['prev_hash']==p and (e['body'] is None or hashlib.sha256(bytes.fromhex(p)+e['body'].encode()).hexdigest()==e['hash']) else exit('BROKEN at event %d'%e['seq']),map(json.loads,open('custody_log.jsonl',encoding='utf-8')),'0'*64))"
   Het moet de laatste hash tonen, en die moet gelijk zijn aan de laatste hash van het logboek
   in manifest.json ("custody_log_head") en op het voorblad van de pdf. Omdat het manifest is
   ondertekend, is een keten die bij die hash eindigt het logboek zoals het bij de export was.
   Het toont "BROKEN at event N" (keten verbroken bij gebeurtenis N) als een gebeurtenis is
   gewijzigd, verwijderd, tussengevoegd of verplaatst. Gebeurtenissen over stukken die niet in
   dit pakket zitten, hebben geen inhoud ("body": null); hun plaats in de keten wordt wel
   gecontroleerd. Bewijskluis (stap 1) controleert ook de Ed25519-handtekening van elke
   gebeurtenis met public_key.pem.
"""

_TEXTS: dict[str, VerifyTxtTexts] = {
    "en": VerifyTxtTexts(
        body=_EN_BODY,
        pdf_certificate="   The SHA-256 fingerprint of the PDF's signing certificate, as recorded in the signed\n"
        "   manifest.json, is\n     {pdf_certificate_sha256}",
        no_pdf_certificate="   The signed manifest.json does not record the PDF's signing certificate.",
        stamp_intro='   For each token, the first command must print "Verification: OK"; the second shows\n'
        "   the time the time-stamp authority signed. Compare the authority's certificate (-CAfile)\n"
        "   with the one it publishes: the copy in this package proves nothing by itself.",
        stamp_entry="   {token_file}: stamps {description}\n     {verify_command}\n     {show_command}",
        stamp_no_ca="     The package does not hold this authority's root certificate: download it from the\n"
        "     authority and use it in place of TSA_ROOT_CERTIFICATE.pem.",
        stamp_merkle="     This token stamps a Merkle root over several items; manifest.json lists each item's\n"
        "     inclusion proof (timestamps -> inclusion_proofs). Start with h = SHA-256(0x00 || item's\n"
        '     SHA-256 as 32 bytes); for a step "left:X" take h = SHA-256(0x01 || X || h), for "right:X"\n'
        "     h = SHA-256(0x01 || h || X). The last h must be the stamped root.",
        no_tokens="   This package holds no time-stamp tokens.",
        subject_item="{file}",
        subject_custody="the custody log head {sha256}",
        subject_merkle="the Merkle root {sha256} of {items}",
        withheld_left_out="\nWITHHELD ORIGINAL, NOT IN THIS PACKAGE\n"
        "  {file}\n    SHA-256 {sha256}\n"
        "  Its content is not shown in the PDF (intimate or sensitive content) and, at the request of\n"
        "  the person who compiled the dossier, the original file was left out of this package. The\n"
        "  manifest keeps its hash, size and the reason; ask for the original through the proper\n"
        "  channel, and check it against this SHA-256.\n",
        withheld_included="\nWITHHELD FROM THE PDF, ORIGINAL IN THIS PACKAGE\n"
        "  {file}\n    SHA-256 {sha256}\n"
        "  Its content is not shown in the PDF (intimate or sensitive content); the original file is\n"
        "  in this package. Handle it with care.\n",
    ),
    "nl": VerifyTxtTexts(
        body=_NL_BODY,
        pdf_certificate="   De SHA-256-vingerafdruk van het ondertekeningscertificaat van de pdf, zoals vastgelegd\n"
        "   in het ondertekende manifest.json, is\n     {pdf_certificate_sha256}",
        no_pdf_certificate="   Het ondertekende manifest.json legt het ondertekeningscertificaat van de pdf niet vast.",
        stamp_intro='   Voor elke tijdstempel moet de eerste opdracht "Verification: OK" tonen; de tweede\n'
        "   toont het tijdstip waarop de tijdstempelautoriteit tekende. Vergelijk het certificaat van\n"
        "   de autoriteit (-CAfile) met het certificaat dat zij publiceert: de kopie in dit pakket\n"
        "   bewijst op zichzelf niets.",
        stamp_entry="   {token_file}: stempelt {description}\n     {verify_command}\n     {show_command}",
        stamp_no_ca="     Het pakket bevat het basiscertificaat van deze autoriteit niet: download het bij de\n"
        "     autoriteit en gebruik het in plaats van TSA_ROOT_CERTIFICATE.pem.",
        stamp_merkle="     Deze tijdstempel stempelt een Merkle-wortel over meerdere items; manifest.json geeft per\n"
        "     item het inclusiebewijs (timestamps -> inclusion_proofs). Begin met h = SHA-256(0x00 ||\n"
        '     SHA-256 van het item als 32 bytes); bij een stap "left:X" wordt h = SHA-256(0x01 || X || h),\n'
        '     bij "right:X" h = SHA-256(0x01 || h || X). De laatste h moet de gestempelde wortel zijn.',
        no_tokens="   Dit pakket bevat geen tijdstempels.",
        subject_item="{file}",
        subject_custody="de kop van het bewaarlogboek {sha256}",
        subject_merkle="de Merkle-wortel {sha256} van {items}",
        withheld_left_out="\nAFGESCHERMD ORIGINEEL, NIET IN DIT PAKKET\n"
        "  {file}\n    SHA-256 {sha256}\n"
        "  De inhoud staat niet in de pdf (intieme of gevoelige inhoud) en op verzoek van de\n"
        "  samensteller van het dossier is het originele bestand niet in dit pakket opgenomen. Het\n"
        "  manifest bewaart de hash, de grootte en de reden; vraag het origineel op via de daarvoor\n"
        "  bestemde weg en controleer het met deze SHA-256.\n",
        withheld_included="\nNIET AFGEBEELD IN DE PDF, ORIGINEEL WEL IN DIT PAKKET\n"
        "  {file}\n    SHA-256 {sha256}\n"
        "  De inhoud staat niet in de pdf (intieme of gevoelige inhoud); het originele bestand zit\n"
        "  wel in dit pakket. Ga er zorgvuldig mee om.\n",
    ),
}


def texts_for(lang: str) -> VerifyTxtTexts:
    return _TEXTS.get(lang, _TEXTS["en"])


def describe_subject(texts: VerifyTxtTexts, command: TokenCommand) -> str:
    if command.data_file is not None:
        return texts.subject_item.format(file=command.data_file)
    if command.subject == TokenSubject.ITEM and command.item_files:  # its original is left out
        return texts.subject_item.format(file=command.item_files[0])
    if command.subject == TokenSubject.CUSTODY_HEAD:
        return texts.subject_custody.format(sha256=command.stamped_sha256)
    items = ", ".join(command.item_files)
    return texts.subject_merkle.format(sha256=command.stamped_sha256, items=items)


def render_verify_txt(
    lang: str,
    *,
    dossier_id: str,
    export_time_utc: str,
    tool_version: str,
    original_count: int,
    example_file: str,
    public_key_sha256: str,
    pdf_certificate_sha256: str | None,
    token_commands: Sequence[TokenCommand],
    withheld: Sequence[WithheldFile] = (),
) -> str:
    """The whole VERIFY.txt, with CRLF line ends."""
    texts = texts_for(lang)
    withheld_text = "".join(
        (texts.withheld_included if entry.in_package else texts.withheld_left_out).format(
            file=entry.file, sha256=entry.sha256
        )
        for entry in withheld
    )
    if pdf_certificate_sha256:
        pdf_certificate = texts.pdf_certificate.format(pdf_certificate_sha256=pdf_certificate_sha256)
    else:
        pdf_certificate = texts.no_pdf_certificate
    if token_commands:
        parts = [texts.stamp_intro]
        for command in token_commands:
            parts.append(
                texts.stamp_entry.format(
                    token_file=command.token_file,
                    description=describe_subject(texts, command),
                    verify_command=command.verify_command,
                    show_command=command.show_command,
                )
            )
            if command.subject == TokenSubject.MERKLE_ROOT:
                parts.append(texts.stamp_merkle)
            if not command.has_ca_file:
                parts.append(texts.stamp_no_ca)
        tokens = "\n".join(parts)
    else:
        tokens = texts.no_tokens
    text = texts.body.format(
        dossier_id=dossier_id,
        export_time_utc=export_time_utc,
        tool_version=tool_version,
        original_count=original_count,
        example_file_windows=example_file.replace("/", "\\"),
        public_key_sha256=public_key_sha256,
        pdf_certificate=pdf_certificate,
        tokens=tokens,
        withheld=withheld_text,
    )
    return text.replace("\r\n", "\n").replace("\n", NEWLINE)


# ----------------------------------------------------------------------------- the report

STATUS_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "ok": "OK",
        "mismatch": "CHANGED",
        "missing": "MISSING",
        "unexpected": "UNEXPECTED",
        "invalid": "INVALID",
        "notice": "NOTE",
        "warning": "TRUST?",
    },
    "nl": {
        "ok": "OK",
        "mismatch": "GEWIJZIGD",
        "missing": "ONTBREEKT",
        "unexpected": "ONVERWACHT",
        "invalid": "ONGELDIG",
        "notice": "LET OP",
        "warning": "VERTROUW?",
    },
}

# English report template -> Dutch. Every template verify.py uses must be here (a test checks).
REPORT_NL: dict[str, str] = {
    # derived-data seals
    "Item {number}: its parsed content, times or facts were changed after it was imported "
    "(sealed {recorded}, found {found}); what the dossier shows of it cannot be relied on.": "Bewijsstuk {number}: de uitgelezen inhoud, tijden of gegevens zijn na het importeren gewijzigd "
    "(verzegeld {recorded}, gevonden {found}); wat het dossier ervan toont, is niet betrouwbaar.",
    "The parsed content, times and facts of {count} items match the seals recorded when they "
    "were imported.": "De uitgelezen inhoud, tijden en gegevens van {count} bewijsstukken komen overeen met de zegels "
    "die bij het importeren zijn vastgelegd.",
    "{count} items were imported by a version of Evidence Kit that did not yet seal parsed "
    "content; only their original files can be checked.": "{count} bewijsstukken zijn geïmporteerd door een versie van Bewijskluis die uitgelezen inhoud "
    "nog niet verzegelde; alleen hun originele bestanden zijn te controleren.",
    # custody log
    "This package has no custody log file (it was made by an older version); the log is "
    "printed in appendix A of the PDF only.": "Dit pakket heeft geen bestand met het logboek van de bewaarketen (het is met een oudere "
    "versie gemaakt); het logboek staat alleen in bijlage A van de pdf.",
    "Line {line} of the custody log is not a custody event.": "Regel {line} van het logboek van de bewaarketen is geen gebeurtenis.",
    "Custody events {first} to {last} are missing from the log.": "Gebeurtenissen {first} tot en met {last} ontbreken in het logboek.",
    "Custody event {seq} is out of order.": "Gebeurtenis {seq} staat niet op volgorde.",
    "Custody event {seq} does not follow the event before it: an event was removed, "
    "inserted or moved.": "Gebeurtenis {seq} sluit niet aan op de gebeurtenis ervoor: er is een gebeurtenis verwijderd, "
    "tussengevoegd of verplaatst.",
    "Custody event {seq} was changed: its hash does not follow from its content.": "Gebeurtenis {seq} is gewijzigd: de hash volgt niet uit de inhoud.",
    "Custody event {seq} does not match its own content (number, type or vault).": "Gebeurtenis {seq} klopt niet met de eigen inhoud (nummer, soort of kluis).",
    "Custody event {seq} does not carry a valid signature of this vault.": "Gebeurtenis {seq} draagt geen geldige handtekening van deze kluis.",
    "The custody log ends at event {found}, not at the head the manifest records "
    "(event {expected}): events were removed from its end or added to it.": "Het logboek eindigt bij gebeurtenis {found}, niet bij de laatste gebeurtenis die het manifest "
    "vastlegt ({expected}): er zijn aan het eind gebeurtenissen verwijderd of toegevoegd.",
    "{count} more problems in the custody log.": "Nog {count} problemen in het logboek van de bewaarketen.",
    "The custody log's {count} events form an unbroken chain signed by the key in "
    "public_key.pem, ending at the head the manifest records ({private} of them concern items "
    "not in this package: their content is left out, their links and signatures were checked).": "De {count} gebeurtenissen van het logboek vormen een ononderbroken keten, ondertekend met de "
    "sleutel in public_key.pem, tot en met de laatste gebeurtenis die het manifest vastlegt ({private} "
    "ervan gaan over stukken die niet in dit pakket zitten: hun inhoud is weggelaten, hun schakels en "
    "handtekeningen zijn gecontroleerd).",
    "Package: {path}": "Pakket: {path}",
    "Dossier: {dossier_id}": "Dossier: {dossier_id}",
    "SHA-256 of manifest.json (shown in the PDF footer): {sha256}": "SHA-256 van manifest.json (staat onderaan de pdf): {sha256}",
    "All {count} checks passed.": "Alle {count} controles zijn geslaagd.",
    "All {count} checks passed, with {warnings} trust warnings: the files are as exported, but some rest on a "
    "certificate only the package vouches for.": "Alle {count} controles zijn geslaagd, met {warnings} waarschuwingen "
    "over vertrouwen: de bestanden zijn zoals ze zijn geëxporteerd, maar een deel steunt op een certificaat waar "
    "alleen het pakket voor instaat.",
    "{failed} of {count} checks failed: this package is not as it was exported.": "{failed} van de {count} controles zijn mislukt: dit pakket is niet meer zoals het werd geëxporteerd.",
    # files
    "{file} matches its SHA-256 and size in the manifest.": "{file} komt overeen met zijn SHA-256 en grootte in het manifest.",
    "{file} is missing.": "{file} ontbreekt.",
    "Item {number}: its original ({file}, SHA-256 {sha256}) was left out of this package on "
    "purpose (intimate or sensitive content); ask for it through the proper channel and check "
    "it against this SHA-256.": "Bewijsstuk {number}: het origineel ({file}, SHA-256 {sha256}) is met opzet niet in dit "
    "pakket opgenomen (intieme of gevoelige inhoud); vraag het op via de daarvoor bestemde weg en "
    "controleer het met deze SHA-256.",
    "{file} has been changed: its SHA-256 is {actual}, the manifest says {expected}.": "{file} is gewijzigd: de SHA-256 is {actual}, het manifest zegt {expected}.",
    "{file} has been changed: it is {actual} bytes, the manifest says {expected}.": "{file} is gewijzigd: het is {actual} bytes, het manifest zegt {expected}.",
    "{file} could not be read: {detail}": "{file} kon niet worden gelezen: {detail}",
    "{file} is not part of the exported package.": "{file} hoort niet bij het geëxporteerde pakket.",
    "{file} is a system file of the operating system; it was ignored.": "{file} is een systeembestand van het besturingssysteem; het is genegeerd.",
    "{file} has a name that is not allowed in a package: {detail}": "{file} heeft een naam die in een pakket niet is toegestaan: {detail}",
    # manifest and its signature
    "manifest.json is not a valid Evidence Kit manifest: {detail}": "manifest.json is geen geldig Evidence Kit-manifest: {detail}",
    "manifest.json is signed by the key in public_key.pem (SHA-256 {fingerprint}).": "manifest.json is ondertekend met de sleutel in public_key.pem (SHA-256 {fingerprint}).",
    "The signature in manifest.sig does not match manifest.json and public_key.pem: "
    "manifest.json or the key has been changed.": "De handtekening in manifest.sig past niet bij manifest.json en public_key.pem: "
    "manifest.json of de sleutel is gewijzigd.",
    "public_key.pem is not an Ed25519 public key: {detail}": "public_key.pem is geen publieke Ed25519-sleutel: {detail}",
    "public_key.pem is not the key recorded in manifest.json (SHA-256 {actual}, recorded {expected}).": "public_key.pem is niet de sleutel die in manifest.json staat (SHA-256 {actual}, vastgelegd {expected}).",
    "The key is the vault's own; compare its fingerprint with the vault's key if you can.": "De sleutel is die van de kluis zelf; vergelijk de vingerafdruk met de sleutel van de kluis als dat kan.",
    # SHA256SUMS
    "SHA256SUMS agrees with manifest.json.": "SHA256SUMS komt overeen met manifest.json.",
    "SHA256SUMS does not agree with manifest.json: {detail}": "SHA256SUMS komt niet overeen met manifest.json: {detail}",
    # PDF
    "dossier.pdf cannot be read as a PDF: {detail}": "dossier.pdf kan niet als pdf worden gelezen: {detail}",
    "dossier.pdf is not signed.": "dossier.pdf is niet ondertekend.",
    "dossier.pdf carries {count} signatures; Evidence Kit signs a dossier once.": "dossier.pdf draagt {count} handtekeningen; Evidence Kit ondertekent een dossier maar één keer.",
    "dossier.pdf has been changed after it was signed.": "dossier.pdf is gewijzigd nadat het werd ondertekend.",
    "dossier.pdf was extended after it was signed: the signature does not cover the whole file.": "dossier.pdf is aangevuld nadat het werd ondertekend: de handtekening dekt niet het hele bestand.",
    "dossier.pdf is signed and unchanged since signing; the signature covers the whole file.": "dossier.pdf is ondertekend en ongewijzigd sinds de ondertekening; de handtekening dekt het hele bestand.",
    "dossier.pdf is signed by a certificate other than the one recorded in manifest.json "
    "(SHA-256 {actual}, recorded {expected}).": "dossier.pdf is ondertekend met een ander certificaat dan in manifest.json staat "
    "(SHA-256 {actual}, vastgelegd {expected}).",
    "dossier.pdf is signed with the vault's own certificate ({signer}); no public authority vouches for it, "
    "so PDF readers call the signer unknown. This is expected.": "dossier.pdf is ondertekend met het eigen certificaat van de kluis ({signer}); geen publieke instantie "
    "staat ervoor in, dus pdf-lezers noemen de ondertekenaar onbekend. Dat is te verwachten.",
    "The signature of dossier.pdf carries a timestamp of {time} (UTC); it is intact.": "De handtekening van dossier.pdf draagt een tijdstempel van {time} (UTC); die is intact.",
    "The timestamp on the signature of dossier.pdf is damaged.": "De tijdstempel op de handtekening van dossier.pdf is beschadigd.",
    "The signature of dossier.pdf has no timestamp; its signing time is the computer's clock: {time} (UTC).": "De handtekening van dossier.pdf heeft geen tijdstempel; het tijdstip van ondertekening komt van de klok "
    "van de computer: {time} (UTC).",
    "The manifest attached to dossier.pdf is identical to manifest.json.": "Het manifest in de bijlage van dossier.pdf is gelijk aan manifest.json.",
    "The manifest attached to dossier.pdf differs from manifest.json.": "Het manifest in de bijlage van dossier.pdf verschilt van manifest.json.",
    "dossier.pdf has no manifest.json attached.": "dossier.pdf heeft geen manifest.json als bijlage.",
    # timestamps
    "{file}: a valid time-stamp token of {time} (UTC) for {subject}.": "{file}: een geldige tijdstempel van {time} (UTC) voor {subject}.",
    "{file}: a valid time-stamp token of {time} (UTC) for the custody log head {sha256}.": "{file}: een geldige tijdstempel van {time} (UTC) voor de kop van het bewaarlogboek {sha256}.",
    "{file}: a valid time-stamp token of {time} (UTC) for the Merkle root {sha256} of {items}.": "{file}: een geldige tijdstempel van {time} (UTC) voor de Merkle-wortel {sha256} van {items}.",
    "{file} is not a usable time-stamp token: {detail}": "{file} is geen bruikbare tijdstempel: {detail}",
    "{file} stamps {actual}, not {expected} as the manifest says.": "{file} stempelt {actual}, niet {expected} zoals het manifest zegt.",
    "{file}: no root certificate of the time-stamp authority is in the package or trusted by you, so only the "
    "stamped hash was checked, not the authority's signature. Pass the authority's root with --trust-ca to "
    "check it.": "{file}: er zit geen basiscertificaat van de tijdstempelautoriteit in het pakket en u vertrouwt er "
    "geen, dus alleen de gestempelde hash is gecontroleerd, niet de handtekening van de autoriteit. Geef het "
    "basiscertificaat van de autoriteit op met --trust-ca om die te controleren.",
    "{file}: the time-stamp authority's root certificate is one you gave with --trust-ca (SHA-256 {fingerprint}).": "{file}: het basiscertificaat van de tijdstempelautoriteit is er een dat u met --trust-ca hebt opgegeven "
    "(SHA-256 {fingerprint}).",
    "{file}: the time-stamp authority's root certificate ({subject}) is in Mozilla's root store, which this "
    "program ships.": "{file}: het basiscertificaat van de tijdstempelautoriteit ({subject}) staat in de "
    "basiscertificatenlijst van Mozilla, die dit programma meelevert.",
    "{file}: the time-stamp authority's root certificate (SHA-256 {fingerprint}) was added by the vault's keeper "
    "on {day}; only the package vouches for it. Compare the fingerprint with the root the authority publishes, "
    "then pass {root} with --trust-ca.": "{file}: het basiscertificaat van de tijdstempelautoriteit (SHA-256 {fingerprint}) is op {day} "
    "toegevoegd door wie de kluis beheert; alleen het pakket staat ervoor in. Vergelijk de vingerafdruk met het "
    "basiscertificaat dat de autoriteit publiceert en geef dan {root} op met --trust-ca.",
    "{file}: the time-stamp authority's root certificate (SHA-256 {fingerprint}) came with the package and "
    "nobody outside it vouches for it. Compare the fingerprint with the root the authority publishes, then pass "
    "{root} with --trust-ca.": "{file}: het basiscertificaat van de tijdstempelautoriteit (SHA-256 {fingerprint}) zat bij het "
    "pakket en niemand daarbuiten staat ervoor in. Vergelijk de vingerafdruk met het basiscertificaat dat de "
    "autoriteit publiceert en geef dan {root} op met --trust-ca.",
    "{file} does not hold the root certificate the manifest lists (SHA-256 {sha256}).": "{file} bevat niet het basiscertificaat dat het manifest noemt (SHA-256 {sha256}).",
    "{file}: the inclusion proof of item {item} does not lead to the stamped Merkle root {sha256}.": "{file}: het inclusiebewijs van item {item} leidt niet naar de gestempelde Merkle-wortel {sha256}.",
}


def translate(template: str, lang: str) -> str:
    """The template in `lang` (the English template when there is no translation)."""
    if lang == "nl":
        return REPORT_NL.get(template, template)
    return template
