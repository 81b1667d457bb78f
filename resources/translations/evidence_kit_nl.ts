<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
    <context>
        <name>OffencesTab</name>
        <message>
            <source>Saved, and recorded in the custody log.</source>
            <translation>Opgeslagen en vastgelegd in het bewaarlogboek.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Bezig met opslaan…</translation>
        </message>
        <message>
            <source>Not saved yet.</source>
            <translation>Nog niet opgeslagen.</translation>
        </message>
        <message>
            <source>Save cate&amp;gories</source>
            <translation>Cate&amp;gorieën opslaan</translation>
        </message>
        <message>
            <source>Which forms of online violence this item shows. This is information to help the conversation with the police, not legal advice.</source>
            <translation>Welke vormen van online geweld dit item laat zien. Dit is informatie om het gesprek met de politie voor te bereiden, geen juridisch advies.</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="279" />
            <source>About Evidence Kit</source>
            <translation>Over Bewijskluis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="282" />
            <source>Evidence Kit</source>
            <translation>Bewijskluis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="291" />
            <source>Keeps the proof of online violence: byte-exact, encrypted, with a verifiable chain of custody.</source>
            <translation>Bewaart het bewijs van online geweld: byte voor byte, versleuteld, met een controleerbare bewaarketen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="294" />
            <source>Licence: GNU General Public License, version 3 or later.</source>
            <translation>Licentie: GNU General Public License, versie 3 of later.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="295" />
            <source>Built with Qt {qt} and PySide6 {pyside} (LGPL v3), Python {python}.</source>
            <translation>Gemaakt met Qt {qt} en PySide6 {pyside} (LGPL v3), Python {python}.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="57" />
            <source>free for any use</source>
            <translation>vrij te gebruiken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="304" />
            <source>Libraries, fonts and their licences</source>
            <translation>Bibliotheken, lettertypen en hun licenties</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="321" />
            <source>Libraries</source>
            <translation>Bibliotheken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="322" />
            <source>Fonts (shown in the window and embedded in the dossier PDF)</source>
            <translation>Lettertypen (in het venster, en ingebed in de pdf van het dossier)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="328" />
            <source>The licence texts of the fonts travel with them (resources/fonts). Qt and PySide6 are used under the LGPL; their source is at qt.io.</source>
            <translation>De licentieteksten reizen met de lettertypen mee (resources/fonts). Qt en PySide6 worden gebruikt onder de LGPL; hun broncode staat op qt.io.</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <location filename="../../evidence_kit/ui/controller.py" line="91" />
            <source>Notes</source>
            <translation>Notities</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/controller.py" line="92" />
            <source>Evidence Kit</source>
            <translation>Bewijskluis</translation>
        </message>
    </context>
    <context>
        <name>AppWindow</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/main_window.py" line="245" />
            <source>%n item(s) waiting for a trusted time-stamp</source>
            <translation>
                <numerusform>%n item wacht op een betrouwbaar tijdstempel</numerusform>
                <numerusform>%n items wachten op een betrouwbaar tijdstempel</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="247" />
            <source>Time-stamps up to date</source>
            <translation>Tijdstempels zijn bijgewerkt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="251" />
            <source>No time-stamp authority could be reached just now; Evidence Kit tries again by itself. Only the items' SHA-256 hashes are sent, never their content.</source>
            <translation>Er was zojuist geen tijdstempelinstantie bereikbaar; Bewijskluis probeert het later vanzelf opnieuw. Alleen de SHA-256-hashes van de items worden verstuurd, nooit hun inhoud.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="256" />
            <source>Only the items' SHA-256 hashes are sent to the time-stamp authority, never their content.</source>
            <translation>Alleen de SHA-256-hashes van de items gaan naar de tijdstempelinstantie, nooit hun inhoud.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/main_window.py" line="265" />
            <source>%n item(s) received a trusted time-stamp.</source>
            <translation>
                <numerusform>%n item heeft een betrouwbaar tijdstempel gekregen.</numerusform>
                <numerusform>%n items hebben een betrouwbaar tijdstempel gekregen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="99" />
            <source>&amp;New vault…</source>
            <translation>&amp;Nieuwe kluis…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="100" />
            <source>&amp;Open vault…</source>
            <translation>Kluis &amp;openen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="101" />
            <source>Open the &amp;demo case</source>
            <translation>&amp;Demozaak openen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="102" />
            <source>&amp;Lock</source>
            <translation>&amp;Vergrendelen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="103" />
            <source>Lock the vault (Ctrl+L)</source>
            <translation>De kluis vergrendelen (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="104" />
            <source>&amp;Check the vault…</source>
            <translation>Kluis &amp;controleren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="108" />
            <source>&amp;Quit</source>
            <translation>&amp;Afsluiten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="109" />
            <source>&amp;Add files…</source>
            <translation>Bestanden &amp;toevoegen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="110" />
            <source>Add files or export zips (Ctrl+I); you can also drag them here</source>
            <translation>Bestanden of export-zips toevoegen (Ctrl+I); u kunt ze ook hierheen slepen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="111" />
            <source>Add a &amp;folder…</source>
            <translation>Een &amp;map toevoegen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="113" />
            <source>&amp;Paste screenshot or files</source>
            <translation>Schermafbeelding of bestanden &amp;plakken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="115" />
            <source>Store the picture or files on the clipboard (Ctrl+V)</source>
            <translation>De afbeelding of bestanden op het klembord bewaren (Ctrl+V)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="117" />
            <source>Save a &amp;copy of the original…</source>
            <translation>Een &amp;kopie van het origineel opslaan…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="119" />
            <source>&amp;Search</source>
            <translation>&amp;Zoeken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="120" />
            <source>&amp;Back to the list</source>
            <translation>Terug naar de &amp;lijst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="122" />
            <source>&amp;Export dossier…</source>
            <translation>Dossier &amp;exporteren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="124" />
            <source>Make a dossier for the police or a lawyer (Ctrl+E)</source>
            <translation>Een dossier maken voor de politie of een advocaat (Ctrl+E)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="125" />
            <source>Custody &amp;log…</source>
            <translation>&amp;Bewaarlogboek…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="126" />
            <source>Everything that happened to the evidence, in order</source>
            <translation>Alles wat er met het bewijs is gebeurd, op volgorde</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="127" />
            <source>Check a &amp;received dossier…</source>
            <translation>Een &amp;ontvangen dossier controleren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="128" />
            <source>&amp;Settings…</source>
            <translation>&amp;Instellingen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="129" />
            <location filename="../../evidence_kit/ui/main_window.py" line="175" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="130" />
            <source>&amp;About Evidence Kit</source>
            <translation>&amp;Over Bewijskluis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="131" />
            <location filename="../../evidence_kit/ui/main_window.py" line="200" />
            <location filename="../../evidence_kit/ui/widgets/dialog_quick_exit.py" line="44" />
            <source>Quick exit</source>
            <translation>Snel weg</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="135" />
            <location filename="../../evidence_kit/ui/widgets/dialog_quick_exit.py" line="49" />
            <source>Hide this window at once and lock the vault (Ctrl+Shift+Q, or press Esc twice)</source>
            <translation>Dit venster meteen verbergen en de kluis vergrendelen (Ctrl+Shift+Q, of twee keer Esc)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="142" />
            <source>&amp;Vault</source>
            <translation>&amp;Kluis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="153" />
            <source>&amp;Evidence</source>
            <translation>&amp;Bewijs</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="171" />
            <source>&amp;Case</source>
            <translation>&amp;Zaak</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="172" />
            <source>&amp;Tools</source>
            <translation>&amp;Extra</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="180" />
            <source>Main toolbar</source>
            <translation>Hoofdwerkbalk</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="322" />
            <source>The vault was locked because the computer was not used for a while.</source>
            <translation>De kluis is vergrendeld omdat de computer een tijd niet is gebruikt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="324" />
            <source>The vault was locked because the computer went to sleep or the screen locked.</source>
            <translation>De kluis is vergrendeld omdat de computer in slaapstand ging of het scherm werd vergrendeld.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="328" />
            <source>The vault is locked.</source>
            <translation>De kluis is vergrendeld.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="360" />
            <source>Choose the vault folder</source>
            <translation>Kies de map van de kluis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="381" />
            <source>Building the demo case…</source>
            <translation>De demozaak wordt gemaakt…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="382" />
            <source>Demo case (fictional)</source>
            <translation>Demozaak (verzonnen)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="383" />
            <source>Fictional demo file</source>
            <translation>Verzonnen demobestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="395" />
            <source>Demo case</source>
            <translation>Demozaak</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="402" />
            <source>Add files to the vault</source>
            <translation>Bestanden aan de kluis toevoegen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="409" />
            <source>Add a folder to the vault</source>
            <translation>Een map aan de kluis toevoegen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="422" />
            <source>Choose an item first.</source>
            <translation>Kies eerst een item.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="105" />
            <source>Change &amp;passphrase…</source>
            <translation>&amp;Wachtwoordzin wijzigen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="106" />
            <source>&amp;Back up…</source>
            <translation>&amp;Reservekopie maken…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/main_window.py" line="107" />
            <source>Make a checked copy of the vault, for example on a USB stick</source>
            <translation>Maak een gecontroleerde kopie van de kluis, bijvoorbeeld op een USB-stick</translation>
        </message>
    </context>
    <context>
        <name>Backup</name>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="36" />
            <source>Backup {stamp}</source>
            <translation>Reservekopie {stamp}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="49" />
            <source>Choose where to put the backup (for example a USB stick)</source>
            <translation>Kies waar de reservekopie moet komen (bijvoorbeeld een USB-stick)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="56" />
            <source>Making a backup</source>
            <translation>Reservekopie maken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="69" />
            <source>Checking the copy…</source>
            <translation>De kopie wordt gecontroleerd…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="82" />
            <source>Backup made</source>
            <translation>Reservekopie gemaakt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="89" />
            <source>The backup is made and checked: {items} items, every byte and the custody log. It opens with the same passphrase and recovery code as this vault. Keep it away from this computer.</source>
            <translation>De reservekopie is gemaakt en gecontroleerd: {items} items, elke byte en het bewaarlogboek. Hij gaat open met dezelfde wachtwoordzin en herstelcode als deze kluis. Bewaar hem niet op deze computer.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="101" />
            <source>The backup was cancelled; nothing was left in the chosen folder.</source>
            <translation>Het maken van de reservekopie is afgebroken; er is niets achtergebleven in de gekozen map.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="109" />
            <source>Backup not made</source>
            <translation>Geen reservekopie gemaakt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="59" />
            <source>Stopping… nothing will be left in the chosen folder.</source>
            <translation>Bezig met stoppen… er blijft niets achter in de gekozen map.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/backup.py" line="73" />
            <source>Items checked: {done} of {total}</source>
            <translation>Items gecontroleerd: {done} van {total}</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="40" />
            <source>&amp;Incidents…</source>
            <translation>&amp;Incidenten…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="43" />
            <source>The incident log: what happened, when, and the evidence (Ctrl+J)</source>
            <translation>Het logboek van incidenten: wat er gebeurde, wanneer, en het bewijs (Ctrl+J)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="45" />
            <source>What is &amp;missing…</source>
            <translation>Wat &amp;ontbreekt er…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="46" />
            <source>&amp;Timeline…</source>
            <translation>&amp;Tijdlijn…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="47" />
            <source>&amp;People…</source>
            <translation>&amp;Personen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="48" />
            <source>&amp;Notice to a platform about this item…</source>
            <translation>&amp;Melding aan een platform over dit item…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="50" />
            <source>Draft a notice asking the platform to remove the content this item shows</source>
            <translation>Stel een melding op die het platform vraagt de inhoud te verwijderen die dit item laat zien</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="66" />
            <source>Hints about what a reader of the dossier will miss</source>
            <translation>Tips over wat een lezer van het dossier zal missen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/case_actions.py" line="113" />
            <source>Choose an item first.</source>
            <translation>Kies eerst een item.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/case_actions.py" line="166" />
            <source>%n hint(s): what is missing</source>
            <translation>
                <numerusform>%n tip: wat ontbreekt er</numerusform>
                <numerusform>%n tips: wat ontbreekt er</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseWindow</name>
        <message>
            <location filename="../../evidence_kit/ui/views/case_window.py" line="43" />
            <source>Case work</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/case_window.py" line="53" />
            <source>&amp;Incidents</source>
            <translation>&amp;Incidenten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/case_window.py" line="54" />
            <source>What is &amp;missing</source>
            <translation>Wat &amp;ontbreekt er</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/case_window.py" line="55" />
            <source>&amp;Timeline</source>
            <translation>&amp;Tijdlijn</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/case_window.py" line="56" />
            <source>&amp;People</source>
            <translation>&amp;Personen</translation>
        </message>
    </context>
    <context>
        <name>CategoryList</name>
        <message>
            <location filename="../../evidence_kit/ui/widgets/case_fields.py" line="75" />
            <source>Offence categories</source>
            <translation>Soorten strafbare feiten</translation>
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="50" />
            <source>Change the passphrase</source>
            <translation>De wachtwoordzin wijzigen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="85" />
            <source>Current passphrase</source>
            <translation>Huidige wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="86" />
            <source>C&amp;urrent passphrase:</source>
            <translation>&amp;Huidige wachtwoordzin:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="101" />
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="170" />
            <source>Changing the passphrase…</source>
            <translation>De wachtwoordzin wordt gewijzigd…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="118" />
            <source>&amp;Change passphrase</source>
            <translation>Wachtwoordzin &amp;wijzigen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="131" />
            <source>Type the passphrase you use now.</source>
            <translation>Typ de wachtwoordzin die u nu gebruikt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="136" />
            <source>The new passphrase is the same as the current one.</source>
            <translation>De nieuwe wachtwoordzin is dezelfde als de huidige.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="206" />
            <source>That is not the passphrase this vault has now. Check Caps Lock and try again. Nothing was changed.</source>
            <translation>Dat is niet de wachtwoordzin die deze kluis nu heeft. Controleer Caps Lock en probeer het opnieuw. Er is niets gewijzigd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="238" />
            <source>The passphrase was changed.</source>
            <translation>De wachtwoordzin is gewijzigd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="227" />
            <source>The passphrase was changed</source>
            <translation>De wachtwoordzin is gewijzigd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="71" />
            <source>A new passphrase changes only the lock on the key that opens the vault; the evidence in it stays exactly as it is, and your recovery code stays valid.

What it does not do: an old copy of the key file (keys.json, for example in a backup or on a lost USB stick) still opens the vault with the old passphrase. If someone may know your old passphrase or have a copy of the vault folder, also replace the key: the vault is re-encrypted under a new key, every old copy of the key file and your old recovery code stop working, and you get a new recovery code.</source>
            <translation>Een nieuwe wachtwoordzin verandert alleen het slot op de sleutel die de kluis opent; het bewijs erin blijft precies zoals het is, en uw herstelcode blijft geldig.

Wat het niet doet: een oude kopie van het sleutelbestand (keys.json, bijvoorbeeld in een reservekopie of op een verloren USB-stick) opent de kluis nog steeds met de oude wachtwoordzin. Kan iemand uw oude wachtwoordzin kennen of een kopie van de kluismap hebben, vervang dan ook de sleutel: de kluis wordt opnieuw versleuteld met een nieuwe sleutel, elke oude kopie van het sleutelbestand en uw oude herstelcode werken niet meer, en u krijgt een nieuwe herstelcode.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="90" />
            <source>Also &amp;replace the key (re-encrypts the vault; you get a new recovery code)</source>
            <translation>Ook de sleutel &amp;vervangen (versleutelt de kluis opnieuw; u krijgt een nieuwe herstelcode)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="109" />
            <source>New reco&amp;very code…</source>
            <translation>Nieuwe her&amp;stelcode…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="113" />
            <source>Make a new recovery code; the old one stops working with the key file in this folder (an old copy of the key file still opens with it, unless you also replace the key)</source>
            <translation>Een nieuwe herstelcode maken; de oude werkt niet meer met het sleutelbestand in deze map (een oude kopie van het sleutelbestand opent er nog wel mee, tenzij u ook de sleutel vervangt)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="168" />
            <source>Re-encrypting the vault under a new key…</source>
            <translation>De kluis wordt opnieuw versleuteld met een nieuwe sleutel…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="190" />
            <source>Making a new recovery code…</source>
            <translation>Een nieuwe herstelcode wordt gemaakt…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="218" />
            <source>The key was replaced</source>
            <translation>De sleutel is vervangen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="221" />
            <source>The vault is re-encrypted under a new key. From now on, unlock it with the new passphrase. Old copies of the key file and your old recovery code no longer open it. The change is written in the custody log.

This is your new recovery code:</source>
            <translation>De kluis is opnieuw versleuteld met een nieuwe sleutel. Ontgrendel hem voortaan met de nieuwe wachtwoordzin. Oude kopieën van het sleutelbestand en uw oude herstelcode openen hem niet meer. De wijziging staat in het bewaarlogboek.

Dit is uw nieuwe herstelcode:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="230" />
            <source>From now on, unlock this vault with the new passphrase. Your recovery code stays valid. The change is written in the custody log.

An old copy of the key file still opens the vault with the old passphrase; to end that, change the passphrase again with “Also replace the key”.</source>
            <translation>Ontgrendel deze kluis voortaan met de nieuwe wachtwoordzin. Uw herstelcode blijft geldig. De wijziging staat in het bewaarlogboek.

Een oude kopie van het sleutelbestand opent de kluis nog steeds met de oude wachtwoordzin; wijzig de wachtwoordzin opnieuw met “Ook de sleutel vervangen” om dat te beëindigen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="238" />
            <source>The key was replaced.</source>
            <translation>De sleutel is vervangen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="245" />
            <source>Your new recovery code</source>
            <translation>Uw nieuwe herstelcode</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="248" />
            <source>The old recovery code no longer works with the key file in this folder. An old copy of the key file still opens the vault with the old code; to end that, change the passphrase with “Also replace the key”. The change is written in the custody log.

This is your new recovery code:</source>
            <translation>De oude herstelcode werkt niet meer met het sleutelbestand in deze map. Een oude kopie van het sleutelbestand opent de kluis nog steeds met de oude code; wijzig de wachtwoordzin met “Ook de sleutel vervangen” om dat te beëindigen. De wijziging staat in het bewaarlogboek.

Dit is uw nieuwe herstelcode:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="255" />
            <source>A new recovery code was made.</source>
            <translation>Er is een nieuwe herstelcode gemaakt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="273" />
            <source>New recovery code</source>
            <translation>Nieuwe herstelcode</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="277" />
            <source>It is shown only now and cannot be copied. Write it down and keep it somewhere safe, away from this computer and out of reach of the person you are collecting evidence about.</source>
            <translation>Hij wordt alleen nu getoond en kan niet worden gekopieerd. Schrijf hem op en bewaar hem op een veilige plek, weg van deze computer en buiten bereik van de persoon over wie u bewijs verzamelt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/change_passphrase.py" line="285" />
            <source>I have written down the new recovery code</source>
            <translation>Ik heb de nieuwe herstelcode opgeschreven</translation>
        </message>
    </context>
    <context>
        <name>ChatList</name>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="40" />
            <source>Chats in this export</source>
            <translation>Gesprekken in deze export</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="43" />
            <source>Chat</source>
            <translation>Gesprek</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="44" />
            <source>Messages</source>
            <translation>Berichten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="45" />
            <source>First message</source>
            <translation>Eerste bericht</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="46" />
            <source>Last message</source>
            <translation>Laatste bericht</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="47" />
            <source>Item number</source>
            <translation>Itemnummer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="57" />
            <source>&amp;Open chat</source>
            <translation>Gesprek &amp;openen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="59" />
            <source>Tick a&amp;ll</source>
            <translation>A&amp;lles aanvinken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="61" />
            <source>&amp;Export the ticked chats…</source>
            <translation>Aangevinkte gesprekken &amp;exporteren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="89" />
            <source>(no title)</source>
            <translation>(zonder titel)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="78" />
            <source>This export holds %n chat(s), each stored as an item of its own and read from the one stored original. Double-click a chat to open it; tick chats to put them in a dossier.</source>
            <translation>
                <numerusform>Deze export bevat %n gesprek, bewaard als een eigen item en gelezen uit het ene bewaarde origineel. Dubbelklik op een gesprek om het te openen; vink gesprekken aan om ze in een dossier op te nemen.</numerusform>
                <numerusform>Deze export bevat %n gesprekken, elk bewaard als een eigen item en gelezen uit het ene bewaarde origineel. Dubbelklik op een gesprek om het te openen; vink gesprekken aan om ze in een dossier op te nemen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="90" />
            <source>Conversation</source>
            <translation>Gesprek</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="152" />
            <source>About the times: {assumption}</source>
            <translation>Over de tijden: {assumption}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="184" />
            <source>(unknown sender)</source>
            <translation>(onbekende afzender)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="224" />
            <source>me</source>
            <translation>ik</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="224" />
            <source>me ({id})</source>
            <translation>ik ({id})</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="232" />
            <source>{name} ({number})</source>
            <translation>{name} ({number})</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="236" />
            <source>a withheld number</source>
            <translation>een afgeschermd nummer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="238" />
            <source>a payphone</source>
            <translation>een telefooncel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="240" />
            <source>an unknown number</source>
            <translation>een onbekend nummer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="242" />
            <source>Incoming call from {party}, duration {duration}</source>
            <translation>Inkomend gesprek van {party}, duur {duration}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="243" />
            <source>Outgoing call to {party}, duration {duration}</source>
            <translation>Uitgaand gesprek naar {party}, duur {duration}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="244" />
            <source>Missed call from {party}</source>
            <translation>Gemiste oproep van {party}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="245" />
            <source>Voicemail from {party}, duration {duration}</source>
            <translation>Voicemail van {party}, duur {duration}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="246" />
            <source>Rejected call from {party}</source>
            <translation>Geweigerde oproep van {party}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="247" />
            <source>Blocked call from {party}</source>
            <translation>Geblokkeerde oproep van {party}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="249" />
            <source>Call from {party}, answered on another device, duration {duration}</source>
            <translation>Oproep van {party}, beantwoord op een ander apparaat, duur {duration}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="252" />
            <source>Call of an unknown type, {party}, duration {duration}</source>
            <translation>Oproep van onbekend type, {party}, duur {duration}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="190" />
            <source>edited</source>
            <translation>bewerkt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="192" />
            <source>forwarded</source>
            <translation>doorgestuurd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="196" />
            <source>This message was deleted.</source>
            <translation>Dit bericht is verwijderd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="200" />
            <source>A photo, video or file was not included in the export.</source>
            <translation>Een foto, video of bestand zat niet in de export.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="261" />
            <source>Attachment {name} (not in the export)</source>
            <translation>Bijlage {name} (niet in de export)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="263" />
            <source>Attachment {name}: open it</source>
            <translation>Bijlage {name}: openen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/message_views.py" line="164" />
            <source>Show more messages (%n not shown yet)</source>
            <translation>
                <numerusform>Meer berichten tonen (%n nog niet getoond)</numerusform>
                <numerusform>Meer berichten tonen (%n nog niet getoond)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CrashGuard</name>
        <message>
            <location filename="../../evidence_kit/ui/crash_guard.py" line="82" />
            <source>Something went wrong inside Evidence Kit ({detail}). What is stored in your vault is safe: every import, note and export is saved whole or not at all. If it happens again, close the program and open it again.</source>
            <translation>Er ging iets mis in Bewijskluis ({detail}). Wat in je kluis is opgeslagen, is veilig: elke import, notitie en export wordt helemaal of helemaal niet bewaard. Gebeurt het weer, sluit het programma dan en open het opnieuw.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/crash_guard.py" line="96" />
            <source>Something went wrong</source>
            <translation>Er ging iets mis</translation>
        </message>
    </context>
    <context>
        <name>CreateVaultDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="45" />
            <source>Create a new vault</source>
            <translation>Een nieuwe kluis maken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="61" />
            <source>A vault holds the evidence of one case. Everything in it is encrypted with your passphrase. Choose a passphrase that others cannot guess; without it (or the recovery code) nobody can open the vault, not even us.</source>
            <translation>Een kluis bevat het bewijs van één zaak. Alles erin is versleuteld met uw wachtwoordzin. Kies een wachtwoordzin die anderen niet kunnen raden; zonder die zin (of de herstelcode) kan niemand de kluis openen, ook wij niet.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="71" />
            <source>For example: Messages from my ex, 2026</source>
            <translation>Bijvoorbeeld: Berichten van mijn ex, 2026</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="72" />
            <source>Case name</source>
            <translation>Naam van de zaak</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="73" />
            <source>Case &amp;name:</source>
            <translation>&amp;Naam van de zaak:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="75" />
            <source>Where to save the vault</source>
            <translation>Waar de kluis wordt opgeslagen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="77" />
            <source>&amp;Browse…</source>
            <translation>&amp;Bladeren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="82" />
            <source>Save in:</source>
            <translation>Opslaan in:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="84" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="85" />
            <source>&amp;Passphrase:</source>
            <translation>&amp;Wachtwoordzin:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="89" />
            <source>Passphrase again</source>
            <translation>Wachtwoordzin nogmaals</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="90" />
            <source>&amp;Again:</source>
            <translation>Nog&amp;maals:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="99" />
            <source>&amp;Create vault</source>
            <translation>Kluis &amp;maken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="112" />
            <source>Notes</source>
            <translation>Notities</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="122" />
            <source>Choose the folder to save the vault in</source>
            <translation>Kies de map waarin de kluis komt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="129" />
            <source>Give the case a name (only you will see it; it is stored encrypted).</source>
            <translation>Geef de zaak een naam (alleen u ziet die; hij wordt versleuteld bewaard).</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="132" />
            <source>Choose where to save the vault.</source>
            <translation>Kies waar de kluis moet komen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="134" />
            <source>That place is already in use; choose a new folder name.</source>
            <translation>Die plek is al in gebruik; kies een nieuwe mapnaam.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="136" />
            <source>The passphrase needs at least {minimum} characters.</source>
            <translation>De wachtwoordzin moet minstens {minimum} tekens hebben.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="140" />
            <source>The two passphrases are not the same.</source>
            <translation>De twee wachtwoordzinnen zijn niet gelijk.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="154" />
            <source>Creating the vault…</source>
            <translation>De kluis wordt gemaakt…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="182" />
            <source>Your recovery code</source>
            <translation>Uw herstelcode</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="190" />
            <source>If you forget your passphrase, this code is the only way back into the vault. It is shown only now. Write it down or print it, and keep it somewhere safe, away from this computer and out of reach of the person you are collecting evidence about.</source>
            <translation>Als u uw wachtwoordzin vergeet, is deze code de enige weg terug in de kluis. Hij wordt alleen nu getoond. Schrijf hem op of druk hem af, en bewaar hem op een veilige plek, weg van deze computer en buiten bereik van de persoon over wie u bewijs verzamelt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="207" />
            <source>Recovery code</source>
            <translation>Herstelcode</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="211" />
            <source>&amp;Print…</source>
            <translation>&amp;Afdrukken…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="213" />
            <source>Save as &amp;file…</source>
            <translation>Opslaan als &amp;bestand…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="219" />
            <source>I have written down, printed or saved the recovery code</source>
            <translation>Ik heb de herstelcode opgeschreven, afgedrukt of opgeslagen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="223" />
            <source>&amp;Open the vault</source>
            <translation>De kluis &amp;openen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="233" />
            <source>Evidence Kit recovery code</source>
            <translation>Herstelcode van Bewijskluis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="234" />
            <source>Keep this paper somewhere safe. With this code you can set a new passphrase.</source>
            <translation>Bewaar dit papier op een veilige plek. Met deze code kunt u een nieuwe wachtwoordzin instellen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="250" />
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="259" />
            <source>Save the recovery code</source>
            <translation>De herstelcode opslaan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="252" />
            <source>Anyone who finds this file can open the vault with it. Save it on a USB stick or another place that only you can reach, not on this computer. Continue?</source>
            <translation>Iedereen die dit bestand vindt, kan er de kluis mee openen. Sla het op een USB-stick op of op een andere plek waar alleen u bij kunt, niet op deze computer. Doorgaan?</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="259" />
            <source>recovery code.txt</source>
            <translation>herstelcode.txt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="259" />
            <source>Text (*.txt)</source>
            <translation>Tekst (*.txt)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="269" />
            <source>Not saved</source>
            <translation>Niet opgeslagen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/create_vault.py" line="270" />
            <source>Could not save the file: {reason}</source>
            <translation>Het bestand kon niet worden opgeslagen: {reason}</translation>
        </message>
    </context>
    <context>
        <name>CustodyLogDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="140" />
            <source>Custody log</source>
            <translation>Bewaarlogboek</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="145" />
            <source>Every event is linked to the one before it by its hash and signed with the vault's key, so a change to any earlier event is detected.</source>
            <translation>Elke gebeurtenis is met haar hash verbonden aan de vorige en ondertekend met de sleutel van de kluis, zodat een wijziging van een eerdere gebeurtenis wordt ontdekt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="154" />
            <source>Filter</source>
            <translation>Filteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="155" />
            <source>Filter the log</source>
            <translation>Het logboek filteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="158" />
            <source>Kind of event</source>
            <translation>Soort gebeurtenis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="159" />
            <source>All events</source>
            <translation>Alle gebeurtenissen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="160" />
            <source>&amp;Verify chain</source>
            <translation>Keten &amp;controleren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="170" />
            <source>Custody events</source>
            <translation>Gebeurtenissen in het bewaarlogboek</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="212" />
            <source>Checking…</source>
            <translation>Bezig met controleren…</translation>
        </message>
    </context>
    <context>
        <name>CustodyModel</name>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="71" />
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="72" />
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="73" />
            <source>What</source>
            <translation>Wat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="74" />
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="75" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/custody_view.py" line="76" />
            <source>Hash</source>
            <translation>Hash</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="38" />
            <source>Already in the vault</source>
            <translation>Staat al in de kluis</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="44" />
            <source>%n file(s) you added are already in the vault, with exactly the same content. Nothing is lost: the earlier item keeps it.</source>
            <translation>
                <numerusform>%n bestand dat je toevoegde staat al in de kluis, met precies dezelfde inhoud. Er gaat niets verloren: het eerdere item bewaart het.</numerusform>
                <numerusform>%n bestanden die je toevoegde staan al in de kluis, met precies dezelfde inhoud. Er gaat niets verloren: het eerdere item bewaart ze.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="54" />
            <source>Files already in the vault</source>
            <translation>Bestanden die al in de kluis staan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="56" />
            <source>File</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="56" />
            <source>Already in the vault as</source>
            <translation>Staat al in de kluis als</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="64" />
            <source>item {id}</source>
            <translation>item {id}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="66" />
            <source>item {id} ({name})</source>
            <translation>item {id} ({name})</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="74" />
            <source>Add anyway stores another copy as a new item that says which item it repeats; that can matter when the same proof reached you from two places. Skip leaves these files out.</source>
            <translation>Toch toevoegen bewaart nog een kopie als nieuw item dat vermeldt welk item het herhaalt; dat kan ertoe doen als hetzelfde bewijs je via twee wegen bereikte. Overslaan laat deze bestanden weg.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="84" />
            <source>Add anyway</source>
            <translation>Toch toevoegen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="87" />
            <source>Skip</source>
            <translation>Overslaan</translation>
        </message>
    </context>
    <context>
        <name>EmailView</name>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="277" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="311" />
            <source>Attachment {name}</source>
            <translation>Bijlage {name}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/message_views.py" line="332" />
            <source>Technical headers (where the message came from)</source>
            <translation>Technische kopregels (waar het bericht vandaan kwam)</translation>
        </message>
    </context>
    <context>
        <name>EmptyVault</name>
        <message>
            <location filename="../../evidence_kit/ui/views/empty_vault.py" line="33" />
            <source>This vault is still empty</source>
            <translation>Deze kluis is nog leeg</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/empty_vault.py" line="41" />
            <source>Drag screenshots, files, folders or chat exports onto this window, click “Add files…”, or paste a screenshot with Ctrl+V. Every file is kept exactly as it is.</source>
            <translation>Sleep schermafbeeldingen, bestanden, mappen of chatexports naar dit venster, klik op “Bestanden toevoegen…”, of plak een schermafbeelding met Ctrl+V. Elk bestand wordt precies bewaard zoals het is.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/empty_vault.py" line="48" />
            <source>How do I get my chats out of an app?</source>
            <translation>Hoe haal ik mijn chats uit een app?</translation>
        </message>
    </context>
    <context>
        <name>EvidenceList</name>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="66" />
            <source>Search names, notes and messages (Ctrl+F)</source>
            <translation>Zoek in namen, notities en berichten (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="67" />
            <source>Search</source>
            <translation>Zoeken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="71" />
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="72" />
            <source>All kinds</source>
            <translation>Alle soorten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="77" />
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="80" />
            <source>Category</source>
            <translation>Categorie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="85" />
            <source>Only dates from</source>
            <translation>Alleen datums van</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="89" />
            <source>From date</source>
            <translation>Vanaf datum</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="93" />
            <source>To date</source>
            <translation>Tot en met datum</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="99" />
            <source>to</source>
            <translation>tot en met</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="110" />
            <source>Evidence</source>
            <translation>Bewijs</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="164" />
            <source>All platforms</source>
            <translation>Alle platforms</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="167" />
            <source>All categories</source>
            <translation>Alle categorieën</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="170" />
            <source>No category</source>
            <translation>Geen categorie</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="230" />
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="232" />
            <source>{shown} of %n item(s)</source>
            <translation>
                <numerusform>{shown} van %n item</numerusform>
                <numerusform>{shown} van %n items</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="263" />
            <source>Mark sensitive…</source>
            <translation>Als gevoelig markeren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="262" />
            <source>Open</source>
            <translation>Openen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/evidence_list.py" line="263" />
            <source>Remove the sensitive mark</source>
            <translation>Markering ‘gevoelig’ weghalen</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="80" />
            <source>Export a dossier</source>
            <translation>Een dossier exporteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="85" />
            <source>The dossier is a folder with a signed PDF, the original files, and what anyone needs to check that nothing was changed. Give it to the police or your lawyer on a USB stick.</source>
            <translation>Het dossier is een map met een ondertekende pdf, de originele bestanden, en alles wat nodig is om te controleren dat er niets is veranderd. Geef het op een USB-stick aan de politie of uw advocaat.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="93" />
            <source>Which items</source>
            <translation>Welke items</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="102" />
            <source>Items from a &amp;period:</source>
            <translation>Items uit een &amp;periode:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="103" />
            <source>Items of one &amp;category:</source>
            <translation>Items van één &amp;categorie:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="119" />
            <source>From date</source>
            <translation>Vanaf datum</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="119" />
            <source>To date</source>
            <translation>Tot en met datum</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="129" />
            <source>Category</source>
            <translation>Categorie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="137" />
            <source>Intimate images: do not show in the PDF</source>
            <translation>Intieme beelden: niet tonen in de pdf</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="141" />
            <source>Tick images that must not be printed in the dossier. Their hash and details are still listed; their original files are left out of the package, and the police can ask you for them through the proper channel.</source>
            <translation>Vink beelden aan die niet in het dossier mogen worden afgedrukt. Hun hash en gegevens worden wel vermeld; hun originele bestanden blijven buiten het pakket, en de politie kan ze via de daarvoor bestemde weg bij u opvragen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="179" />
            <source>Also put the originals of these images in the package (not recommended)</source>
            <translation>Ook de originelen van deze beelden in het pakket opnemen (niet aanbevolen)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="150" />
            <source>Images to withhold</source>
            <translation>Beelden die worden achtergehouden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="190" />
            <source>&amp;Language of the dossier:</source>
            <translation>&amp;Taal van het dossier:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="193" />
            <source>Case &amp;title:</source>
            <translation>&amp;Titel van de zaak:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="195" />
            <source>Your name, or leave empty</source>
            <translation>Uw naam, of laat leeg</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="196" />
            <source>Compiled &amp;by:</source>
            <translation>Samengesteld &amp;door:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="199" />
            <source>Dossier {date}</source>
            <translation>Dossier {date}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="201" />
            <source>B&amp;rowse…</source>
            <translation>B&amp;laderen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="205" />
            <source>Save in:</source>
            <translation>Opslaan in:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="207" />
            <source>Also make one .zip file (easy to send or copy)</source>
            <translation>Ook één .zip-bestand maken (makkelijk te versturen of te kopiëren)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="206" />
            <source>Add the known gaps: what the checklist finds missing (honesty strengthens a dossier)</source>
            <translation>De bekende hiaten toevoegen: wat de controlelijst mist (eerlijkheid versterkt een dossier)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="216" />
            <source>&amp;Export</source>
            <translation>&amp;Exporteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="227" />
            <source>Where should the dossier go?</source>
            <translation>Waar moet het dossier komen?</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="274" />
            <source>Choose where the dossier should go.</source>
            <translation>Kies waar het dossier moet komen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="278" />
            <source>{name} already exists; choose a new name.</source>
            <translation>{name} bestaat al; kies een nieuwe naam.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="282" />
            <source>No items are chosen.</source>
            <translation>Er zijn geen items gekozen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="288" />
            <source>Writing the dossier</source>
            <translation>Het dossier wordt geschreven</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="98" />
            <source>&amp;All items of the case (%n)</source>
            <translation>
                <numerusform>&amp;Alle items van de zaak (%n)</numerusform>
                <numerusform>&amp;Alle items van de zaak (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="100" />
            <source>Only the &amp;selected item(s) (%n)</source>
            <translation>
                <numerusform>Alleen het &amp;geselecteerde item (%n)</numerusform>
                <numerusform>Alleen de &amp;geselecteerde items (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="171" />
            <source>%n item(s) you marked sensitive are ticked already.</source>
            <translation>
                <numerusform>%n item dat u als gevoelig markeerde is al aangevinkt.</numerusform>
                <numerusform>%n items die u als gevoelig markeerde zijn al aangevinkt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="161" />
            <source>marked sensitive: {reason}</source>
            <translation>gemarkeerd als gevoelig: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ExportDoneDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="327" />
            <source>Dossier ready</source>
            <translation>Dossier klaar</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="331" />
            <source>The dossier {id} is ready, with %n item(s).</source>
            <translation>
                <numerusform>Het dossier {id} is klaar, met %n item.</numerusform>
                <numerusform>Het dossier {id} is klaar, met %n items.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="334" />
            <source>Folder: {path}</source>
            <translation>Map: {path}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="335" />
            <source>Fingerprint of the manifest (SHA-256): {sha256}</source>
            <translation>Vingerafdruk van het manifest (SHA-256): {sha256}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="338" />
            <source>Also as one file: {path}</source>
            <translation>Ook als één bestand: {path}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="346" />
            <source>Tell the police the dossier number and the fingerprint above: with them they can check that the dossier is the one you made. Help (F1) explains each file.</source>
            <translation>Geef de politie het dossiernummer en de vingerafdruk hierboven: daarmee kunnen zij controleren dat het dossier het uwe is. Help (F1) legt elk bestand uit.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="354" />
            <source>&amp;Show in folder</source>
            <translation>&amp;Tonen in map</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="32" />
            <source>Search result in this item</source>
            <translation>Zoekresultaat in dit item</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="33" />
            <source>&amp;Previous</source>
            <translation>&amp;Vorige</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="34" />
            <source>Previous match (Shift+F3)</source>
            <translation>Vorige vondst (Shift+F3)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="35" />
            <source>Ne&amp;xt</source>
            <translation>Vo&amp;lgende</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="36" />
            <source>Next match (F3)</source>
            <translation>Volgende vondst (F3)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="37" />
            <source>Stop highlighting</source>
            <translation>Markering uitzetten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="78" />
            <source>“{words}” is not in the text shown here.</source>
            <translation>“{words}” staat niet in de tekst die hier getoond wordt.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="109" />
            <source>Match {number} of %n for “{words}”</source>
            <translation>
                <numerusform>Vondst {number} van %n voor “{words}”</numerusform>
                <numerusform>Vondst {number} van %n voor “{words}”</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GapsView</name>
        <message>
            <location filename="../../evidence_kit/ui/views/gaps_view.py" line="33" />
            <source>Hints, not judgements: what a reader of the dossier will miss, and what you can still add. The evidence itself is never changed. Double-click a hint to go to it.</source>
            <translation>Tips, geen oordelen: wat een lezer van het dossier zal missen, en wat u nog kunt aanvullen. Het bewijs zelf wordt nooit veranderd. Dubbelklik op een tip om erheen te gaan.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/gaps_view.py" line="44" />
            <source>What is missing</source>
            <translation>Wat ontbreekt er</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/gaps_view.py" line="51" />
            <source>&amp;Look again</source>
            <translation>Opnieuw &amp;kijken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/gaps_view.py" line="56" />
            <source>Looking…</source>
            <translation>Bezig met kijken…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/gaps_view.py" line="66" />
            <source>%n hint(s).</source>
            <translation>
                <numerusform>%n tip.</numerusform>
                <numerusform>%n tips.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/gaps_view.py" line="69" />
            <source>Nothing obvious is missing: every item and incident has what these checks look for.</source>
            <translation>Er ontbreekt niets duidelijks: elk item en incident heeft wat deze controles zoeken.</translation>
        </message>
    </context>
    <context>
        <name>Guides</name>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="77" />
            <source>WhatsApp on an Android phone</source>
            <translation>WhatsApp op een Android-telefoon</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="78" />
            <source>Android phone</source>
            <translation>Android-telefoon</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="128" />
            <source>WhatsApp on an iPhone</source>
            <translation>WhatsApp op een iPhone</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="129" />
            <source>iPhone</source>
            <translation>iPhone</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="163" />
            <source>Telegram</source>
            <translation>Telegram</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="164" />
            <source>Telegram Desktop on a computer</source>
            <translation>Telegram Desktop op een computer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="207" />
            <source>Instagram messages</source>
            <translation>Instagram-berichten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="208" />
            <source>the Instagram app or instagram.com</source>
            <translation>de Instagram-app of instagram.com</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="263" />
            <source>Facebook Messenger</source>
            <translation>Facebook Messenger</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="264" />
            <source>the Facebook app or facebook.com</source>
            <translation>de Facebook-app of facebook.com</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="313" />
            <source>Text messages (SMS) on Android</source>
            <translation>Sms-berichten op Android</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="314" />
            <source>the app SMS Backup &amp; Restore</source>
            <translation>de app SMS Backup &amp; Restore</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="360" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="361" />
            <source>your e-mail program or webmail</source>
            <translation>uw e-mailprogramma of webmail</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="404" />
            <source>Discord</source>
            <translation>Discord</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="405" />
            <source>DiscordChatExporter on a computer</source>
            <translation>DiscordChatExporter op een computer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="450" />
            <source>A good screenshot</source>
            <translation>Een goede schermafbeelding</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="451" />
            <source>any phone or computer</source>
            <translation>elke telefoon of computer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="80" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="131" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="166" />
            <source>the chat</source>
            <translation>de chat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="82" />
            <source>More</source>
            <translation>Meer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="83" />
            <source>Export chat</source>
            <translation>Chat exporteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="84" />
            <source>Include media</source>
            <translation>Media toevoegen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="87" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="137" />
            <source>Open the chat you want to keep.</source>
            <translation>Open de chat die u wilt bewaren.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="89" />
            <source>Tap ⋮ (the three dots at the top right), then “More”, then “Export chat”.</source>
            <translation>Tik op ⋮ (de drie puntjes rechtsboven), dan op “Meer” en dan op “Chat exporteren”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="94" />
            <source>Choose “Include media” to keep the photos, videos and voice messages with the chat (you get a .zip file), or “Without media” for the text only (a .txt file). With media is the better evidence.</source>
            <translation>Kies “Media toevoegen” om de foto’s, video’s en spraakberichten bij de chat te houden (u krijgt een .zip-bestand), of “Zonder media” voor alleen de tekst (een .txt-bestand). Met media is het betere bewijs.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="102" />
            <source>Save the export where this computer can reach it: “Save to Files” or Google Drive, or e-mail it to yourself. Then copy the file to this computer.</source>
            <translation>Bewaar de export waar deze computer erbij kan: “Opslaan in Bestanden” of Google Drive, of mail hem naar uzelf. Zet het bestand daarna op deze computer.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="109" />
            <source>Drag the .zip or .txt file onto this window, or click “Add files…”. Do not unpack the zip: Evidence Kit keeps it whole and links each photo to its message.</source>
            <translation>Sleep het .zip- of .txt-bestand naar dit venster, of klik op “Bestanden toevoegen…”. Pak de zip niet uit: Bewijskluis bewaart hem in zijn geheel en koppelt elke foto aan zijn bericht.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="118" />
            <source>A very long chat may be exported without its oldest media. Keep the phone and its chat too until the case is closed.</source>
            <translation>Van een heel lange chat kan de oudste media ontbreken. Bewaar ook de telefoon en de chat zelf tot de zaak is afgesloten.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="132" />
            <source>contact or group name</source>
            <translation>naam van contact of groep</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="133" />
            <source>Export Chat</source>
            <translation>Exporteer chat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="134" />
            <source>Attach Media</source>
            <translation>Voeg media toe</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="138" />
            <source>Tap the name of the contact or group at the top of the chat.</source>
            <translation>Tik bovenaan de chat op de naam van het contact of de groep.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="139" />
            <source>Scroll down and tap “Export Chat”.</source>
            <translation>Scrol omlaag en tik op “Exporteer chat”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="141" />
            <source>Choose “Attach Media” to keep the photos, videos and voice messages (best), or “Without Media” for the text only. Either way you get a .zip file.</source>
            <translation>Kies “Voeg media toe” om de foto’s, video’s en spraakberichten te bewaren (het beste), of “Zonder media” voor alleen de tekst. U krijgt in beide gevallen een .zip-bestand.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="148" />
            <source>Choose “Save to Files”, or AirDrop or e-mail the .zip to yourself, and copy it to this computer.</source>
            <translation>Kies “Bewaar in Bestanden”, of stuur de .zip met AirDrop of per mail naar uzelf, en zet hem op deze computer.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="155" />
            <source>Drag the .zip onto this window, or click “Add files…”. Do not unpack it.</source>
            <translation>Sleep de .zip naar dit venster, of klik op “Bestanden toevoegen…”. Pak hem niet uit.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="168" />
            <source>Export chat history</source>
            <translation>Chatgeschiedenis exporteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="169" />
            <source>Machine-readable JSON</source>
            <translation>Machineleesbare JSON</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="170" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="411" />
            <source>Export</source>
            <translation>Exporteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="174" />
            <source>Install Telegram Desktop from desktop.telegram.org on a computer and log in. The phone apps and the small “Telegram for macOS” app cannot export a chat.</source>
            <translation>Installeer Telegram Desktop van desktop.telegram.org op een computer en log in. De telefoon-apps en de kleine app “Telegram for macOS” kunnen geen chat exporteren.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="181" />
            <source>Open the chat, click ⋮ (top right) and choose “Export chat history”.</source>
            <translation>Open de chat, klik op ⋮ (rechtsboven) en kies “Chatgeschiedenis exporteren”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="186" />
            <source>Tick photos, videos, voice messages and files to keep them, and raise the size limit.</source>
            <translation>Vink foto’s, video’s, spraakberichten en bestanden aan om ze te bewaren, en zet de groottegrens hoger.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="192" />
            <source>Set “Format” to “Machine-readable JSON” and the period to the whole chat.</source>
            <translation>Zet “Formaat” op “Machineleesbare JSON” en de periode op de hele chat.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="197" />
            <source>Click “Export”. Telegram makes a folder with result.json and the media beside it. Drag that whole folder onto this window.</source>
            <translation>Klik op “Exporteren”. Telegram maakt een map met result.json en de media ernaast. Sleep die hele map naar dit venster.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="210" />
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="211" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="267" />
            <source>Accounts Center</source>
            <translation>Accountcentrum</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="212" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="268" />
            <source>Your information and permissions</source>
            <translation>Je gegevens en rechten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="213" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="269" />
            <source>Download your information</source>
            <translation>Je gegevens downloaden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="214" />
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="270" />
            <source>Messages, JSON</source>
            <translation>Berichten, JSON</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="218" />
            <source>Go to your profile, open the menu (☰) and “Settings”, then “Accounts Center”.</source>
            <translation>Ga naar uw profiel, open het menu (☰) en “Instellingen”, en dan “Accountcentrum”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="224" />
            <source>Choose “Your information and permissions”, then “Download your information”, then “Download or transfer information”, and pick your Instagram account.</source>
            <translation>Kies “Je gegevens en rechten”, dan “Je gegevens downloaden”, dan “Gegevens downloaden of overzetten”, en kies uw Instagram-account. (De namen van de menu’s kunnen per versie iets verschillen.)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="231" />
            <source>Choose “Some of your information” and tick only “Messages”, then “Download to device”.</source>
            <translation>Kies “Een deel van je gegevens” en vink alleen “Berichten” aan, en dan “Downloaden naar apparaat”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="237" />
            <source>Set the date range to “All time”, the format to “JSON” and the media quality to “High”, and click “Create files”.</source>
            <translation>Zet de periode op “Altijd”, de indeling op “JSON” en de mediakwaliteit op “Hoog”, en klik op “Bestanden maken”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="244" />
            <source>Meta sends an e-mail when the files are ready (within about two days). Download the .zip within four days and add it here as it is.</source>
            <translation>Meta stuurt een e-mail als de bestanden klaar zijn (binnen ongeveer twee dagen). Download de .zip binnen vier dagen en voeg hem hier toe zoals hij is.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="253" />
            <source>Disappearing messages and some end-to-end encrypted chats are not in the download: take screenshots of those as well.</source>
            <translation>Verdwijnende berichten en sommige end-to-end versleutelde chats zitten niet in de download: maak daar ook schermafbeeldingen van.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="266" />
            <source>Settings &amp; privacy</source>
            <translation>Instellingen &amp; privacy</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="274" />
            <source>Open the menu, “Settings &amp; privacy”, “Settings”, then “Accounts Center”.</source>
            <translation>Open het menu, “Instellingen &amp; privacy”, “Instellingen”, en dan “Accountcentrum”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="280" />
            <source>Choose “Your information and permissions”, then “Download your information”, and pick your Facebook account.</source>
            <translation>Kies “Je gegevens en rechten”, dan “Je gegevens downloaden”, en kies uw Facebook-account.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="287" />
            <source>Choose “Some of your information”, tick only “Messages”, set the date range to “All time” and the format to “JSON”, and create the files.</source>
            <translation>Kies “Een deel van je gegevens”, vink alleen “Berichten” aan, zet de periode op “Altijd” en de indeling op “JSON”, en maak de bestanden.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="294" />
            <source>When Meta's e-mail arrives, download the .zip (or every part of it) and add it here without unpacking it.</source>
            <translation>Als de e-mail van Meta komt, download dan de .zip (of elk deel ervan) en voeg hem hier toe zonder hem uit te pakken.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="303" />
            <source>The HTML format works too, but JSON keeps every time exactly. Messages the other person removed are not in the download: take screenshots while you still can.</source>
            <translation>De HTML-indeling werkt ook, maar JSON bewaart elke tijd precies. Berichten die de ander heeft verwijderd, zitten niet in de download: maak schermafbeeldingen zolang het nog kan.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="316" />
            <source>SMS Backup &amp; Restore</source>
            <translation>SMS Backup &amp; Restore</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="317" />
            <source>Back up now</source>
            <translation>Back up now (nu back-uppen)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="318" />
            <source>Messages and calls</source>
            <translation>Berichten en oproepen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="319" />
            <source>Local or Google Drive</source>
            <translation>Telefoon of Google Drive</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="323" />
            <source>Install “SMS Backup &amp; Restore” by SyncTech from the Google Play Store.</source>
            <translation>Installeer “SMS Backup &amp; Restore” van SyncTech uit de Google Play Store.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="328" />
            <source>Open it and start a backup (“Back up now” or “Set up a backup”). Choose “Messages”, and “Call logs” if calls matter too; keep MMS pictures included.</source>
            <translation>Open de app en start een back-up (“Back up now” of “Set up a backup”). Kies “Messages” (berichten), en ook “Call logs” (oproepen) als gesprekken ertoe doen; laat MMS-afbeeldingen meenemen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="335" />
            <source>Let it save on the phone or on Google Drive. You get an XML file for the messages (sms-….xml) and one for the calls (calls-….xml).</source>
            <translation>Laat de back-up opslaan op de telefoon of op Google Drive. U krijgt een XML-bestand met de berichten (sms-….xml) en een met de oproepen (calls-….xml).</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="342" />
            <source>Copy both files to this computer and add them. Do not open and save them first.</source>
            <translation>Zet beide bestanden op deze computer en voeg ze toe. Open en bewaar ze niet eerst.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="350" />
            <source>An iPhone has no such export: take screenshots of the messages, with the number and the date visible.</source>
            <translation>Een iPhone heeft zo’n export niet: maak schermafbeeldingen van de berichten, met het nummer en de datum in beeld.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="363" />
            <source>the message</source>
            <translation>het bericht</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="364" />
            <source>Save as / Download message</source>
            <translation>Opslaan als / Bericht downloaden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="365" />
            <source>.eml file</source>
            <translation>.eml-bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="369" />
            <source>Thunderbird: open the message and choose “File”, “Save As”, “File”; keep the .eml ending.</source>
            <translation>Thunderbird: open het bericht en kies “Bestand”, “Opslaan als”, “Bestand”; houd de extensie .eml.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="376" />
            <source>Gmail in a browser: open the message, click ⋮ (More) and “Download message”; it is saved as an .eml file.</source>
            <translation>Gmail in een browser: open het bericht, klik op ⋮ (Meer) en “Bericht downloaden”; het wordt bewaard als .eml-bestand.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="383" />
            <source>Many messages at once: Google Takeout (takeout.google.com, select only “Mail”) gives an .mbox file; Thunderbird keeps each folder as an mbox file, which the add-on “ImportExportTools NG” can export.</source>
            <translation>Veel berichten tegelijk: Google Takeout (takeout.google.com, kies alleen “Mail”) geeft een .mbox-bestand; Thunderbird bewaart elke map als mbox-bestand, dat de add-on “ImportExportTools NG” kan exporteren.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="390" />
            <source>Add the .eml or .mbox files here.</source>
            <translation>Voeg de .eml- of .mbox-bestanden hier toe.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="394" />
            <source>Do not forward the e-mail to yourself: a forwarded message loses the original headers that show where it came from.</source>
            <translation>Stuur de e-mail niet door naar uzelf: een doorgestuurd bericht verliest de oorspronkelijke kopregels die laten zien waar het vandaan kwam.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="407" />
            <source>DiscordChatExporter</source>
            <translation>DiscordChatExporter</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="408" />
            <source>channel or direct message</source>
            <translation>kanaal of privébericht</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="409" />
            <source>Format: JSON</source>
            <translation>Indeling: JSON</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="410" />
            <source>Download media</source>
            <translation>Media downloaden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="415" />
            <source>Discord cannot export one conversation itself; its data package (“Request all of my data”) holds only your own messages.</source>
            <translation>Discord kan zelf geen los gesprek exporteren; het gegevenspakket (“Al mijn gegevens aanvragen”) bevat alleen uw eigen berichten.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="422" />
            <source>The free program DiscordChatExporter (github.com/Tyrrrz/DiscordChatExporter) exports a channel or direct message with both sides. Choose the export format “JSON”.</source>
            <translation>Het gratis programma DiscordChatExporter (github.com/Tyrrrz/DiscordChatExporter) exporteert een kanaal of privégesprek met beide kanten. Kies als exportformaat “JSON”.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="429" />
            <source>Switch on downloading the media (“Download assets”): Discord's links to attachments stop working after a while.</source>
            <translation>Zet het downloaden van de media aan (“Download assets”): de links van Discord naar bijlagen werken na een tijd niet meer.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="435" />
            <source>Add the .json file, with its media folder beside it, here.</source>
            <translation>Voeg het .json-bestand, met de mediamap ernaast, hier toe.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="439" />
            <source>The program needs your Discord login token, which opens your whole account. Use it only yourself, on your own computer; Discord's terms do not allow it, so if that worries you, take screenshots with the message links instead.</source>
            <translation>Het programma heeft uw Discord-inlogtoken nodig, en dat geeft toegang tot uw hele account. Gebruik het alleen zelf, op uw eigen computer; de voorwaarden van Discord staan het niet toe, dus maak liever schermafbeeldingen met de links naar de berichten als u daarover twijfelt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="453" />
            <source>web address (URL)</source>
            <translation>webadres (URL)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="454" />
            <source>name and number or user name</source>
            <translation>naam en nummer of gebruikersnaam</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="455" />
            <source>date and time</source>
            <translation>datum en tijd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="456" />
            <source>the whole message</source>
            <translation>het hele bericht</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="460" />
            <source>Make sure the picture shows who sent it (the name and the phone number or user name, not only a nickname), the date and time, the whole message, and on a website the web address (URL).</source>
            <translation>Zorg dat op de afbeelding staat wie het stuurde (de naam en het telefoonnummer of de gebruikersnaam, niet alleen een bijnaam), de datum en tijd, het hele bericht, en op een website het webadres (URL).</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="468" />
            <source>Open the sender's profile and take a screenshot of that too: the user name and profile picture help the police find the account.</source>
            <translation>Open ook het profiel van de afzender en maak daar een schermafbeelding van: de gebruikersnaam en profielfoto helpen de politie het account te vinden.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="475" />
            <source>Android: power and volume-down together. iPhone: side button and volume-up. Windows: Windows+Shift+S. Mac: Shift+Command+4. Linux: Print Screen.</source>
            <translation>Android: aan/uit-knop en volume-omlaag tegelijk. iPhone: zijknop en volume-omhoog. Windows: Windows+Shift+S. Mac: Shift+Command+4. Linux: Print Screen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="482" />
            <source>For a long conversation take several screenshots that overlap a little, in order.</source>
            <translation>Maak bij een lang gesprek meerdere schermafbeeldingen die elkaar een beetje overlappen, op volgorde.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="488" />
            <source>Where the app tells the sender about screenshots (Snapchat), photograph the screen with a second phone.</source>
            <translation>Als de app de afzender laat weten dat u een schermafbeelding maakt (Snapchat), fotografeer het scherm dan met een tweede telefoon.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="495" />
            <source>Add the original picture here, uncut and unedited (or paste it with Ctrl+V), and write in the note what it shows and when you received it.</source>
            <translation>Voeg de originele afbeelding hier toe, niet bijgesneden en niet bewerkt (of plak hem met Ctrl+V), en schrijf in de notitie wat erop staat en wanneer u het ontving.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="504" />
            <source>Save the evidence before you block or report the account or delete anything: a removed account or message takes the proof with it. Then report and block.</source>
            <translation>Bewaar het bewijs voordat u het account blokkeert of meldt of iets verwijdert: een verwijderd account of bericht neemt het bewijs mee. Meld en blokkeer daarna.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="511" />
            <source>The police ask for dates and exact times, web and e-mail addresses, user names, chat logs, text messages and screenshots. You can report a threat at 0900-8844 or online at politie.nl; call 112 when you are in danger.</source>
            <translation>De politie vraagt om data en precieze tijden, web- en e-mailadressen, gebruikersnamen, chatgesprekken, sms-berichten en schermafbeeldingen. U kunt bedreiging melden via 0900-8844 of online op politie.nl; bel 112 als u in gevaar bent.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="519" />
            <source>Keep the evidence even if you do not want to report now. Victim Support Netherlands (Slachtofferhulp Nederland) helps with reporting and with what it does to you; for intimate images and online sexual abuse, Helpwanted.nl helps to have them removed.</source>
            <translation>Bewaar het bewijs, ook als u nu nog geen aangifte wilt doen. Slachtofferhulp Nederland helpt bij de aangifte en bij wat het met u doet; bij intieme beelden en online seksueel misbruik helpt Helpwanted.nl om ze verwijderd te krijgen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/guide_texts.py" line="527" />
            <source>Do not send intimate images to other people to show them; keep them here. In the dossier you can withhold them, so that only their fingerprint is shown.</source>
            <translation>Stuur intieme beelden niet door naar anderen om ze te laten zien; bewaar ze hier. In het dossier kunt u ze achterhouden, zodat alleen hun vingerafdruk te zien is.</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="84" />
            <location filename="../../evidence_kit/ui/views/help.py" line="90" />
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="147" />
            <source>Keeping evidence</source>
            <translation>Bewijs bewaren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="150" />
            <source>Drag screenshots, photos, chat exports (.zip or .txt), e-mails (.eml) and other files onto the window, or use “Add files…”. Press Ctrl+V to store a screenshot straight from the clipboard. Every file is stored exactly as it is, with its SHA-256 fingerprint and the time it was stored.</source>
            <translation>Sleep schermafbeeldingen, foto’s, chatexports (.zip of .txt), e-mails (.eml) en andere bestanden naar het venster, of gebruik “Bestanden toevoegen…”. Druk op Ctrl+V om een schermafbeelding direct van het klembord te bewaren. Elk bestand wordt precies bewaard zoals het is, met zijn SHA-256-vingerafdruk en het moment waarop het is opgeslagen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="156" />
            <source>Signal has no official way to export a chat. Take screenshots of the messages (with the date visible) and add them; add the phone's own backup only if you know how it was made.</source>
            <translation>Signal heeft geen officiële manier om een chat te exporteren. Maak schermafbeeldingen van de berichten (met de datum zichtbaar) en voeg die toe; voeg de eigen back-up van de telefoon alleen toe als u weet hoe die is gemaakt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="161" />
            <source>Write a note with each item: what happened, who it came from, why it matters. Every change of a note is recorded.</source>
            <translation>Schrijf bij elk item een notitie: wat er gebeurde, van wie het kwam, waarom het ertoe doet. Elke wijziging van een notitie wordt vastgelegd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="167" />
            <source>Case work</source>
            <translation>Zaak</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="170" />
            <source>Case → Incidents (Ctrl+J) keeps the incident log: for each incident when it happened, what happened, the exact web addresses, who did it, what it did to you, and the evidence items that show it. A change never overwrites: every version is kept, and History shows each one with its SHA-256 fingerprint.</source>
            <translation>Zaak → Incidenten (Ctrl+J) houdt het logboek van incidenten bij: per incident wanneer het gebeurde, wat er gebeurde, de precieze webadressen, wie het deed, wat het met u deed, en de bewijsitems die het laten zien. Een wijziging overschrijft nooit: elke versie blijft bewaard, en Geschiedenis toont elke versie met haar SHA-256-vingerafdruk.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="176" />
            <source>“What is missing” gives hints, never judgements: a screenshot without its web address, a name without a number, an item that does not say when it happened. The timeline puts incidents and items in order; the people register lists every name, number and account of the other party and where each appears.</source>
            <translation>“Wat ontbreekt er” geeft tips, nooit oordelen: een schermafbeelding zonder webadres, een naam zonder nummer, een item dat niet zegt wanneer het gebeurde. De tijdlijn zet incidenten en items op volgorde; het personenregister noemt elke naam, elk nummer en elk account van de andere partij en waar die voorkomen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="182" />
            <source>From an incident, “Notice to a platform” drafts the request to remove illegal content (EU Digital Services Act, Article 16). Copy it into an e-mail or the platform's form, and record when you sent it and what came of it. The offence categories are information for the conversation with the police, not legal advice.</source>
            <translation>Vanuit een incident stelt “Melding aan een platform” het verzoek op om illegale inhoud te verwijderen (EU-verordening digitale diensten, artikel 16). Kopieer het in een e-mail of het formulier van het platform, en leg vast wanneer u het verstuurde en wat ermee gebeurde. De soorten strafbare feiten zijn informatie voor het gesprek met de politie, geen juridisch advies.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="190" />
            <source>Staying safe</source>
            <translation>Veilig blijven</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="193" />
            <source>“Quick exit” (the red button, Ctrl+Shift+Q, or Esc twice) hides the window at once and locks the vault. The vault also locks by itself when the computer is not used for a few minutes (see Settings).</source>
            <translation>“Snel weg” (de rode knop, Ctrl+Shift+Q, of twee keer Esc) verbergt het venster meteen en vergrendelt de kluis. De kluis vergrendelt ook vanzelf als de computer een paar minuten niet wordt gebruikt (zie Instellingen).</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="198" />
            <source>The title bar never shows your case. In Settings you can give the program a neutral name. Nothing from the vault is written to disk outside the vault, unless you save a copy or export a dossier yourself.</source>
            <translation>De titelbalk toont nooit uw zaak. In Instellingen kunt u het programma een neutrale naam geven. Niets uit de kluis wordt buiten de kluis op schijf gezet, tenzij u zelf een kopie opslaat of een dossier exporteert.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="205" />
            <source>The dossier: what each file is for</source>
            <translation>Het dossier: waar elk bestand voor is</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="208" />
            <source>dossier.pdf — the readable report: every item with its times, notes and fingerprint, and the custody log. It is digitally signed.</source>
            <translation>dossier.pdf — het leesbare verslag: elk item met zijn tijden, notities en vingerafdruk, en het bewaarlogboek. Het is digitaal ondertekend.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="212" />
            <source>originals/ — the files exactly as they were stored; their fingerprints are in the PDF and in the manifest.</source>
            <translation>originals/ — de bestanden precies zoals ze zijn bewaard; hun vingerafdrukken staan in de pdf en in het manifest.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="216" />
            <source>manifest.json — the list of every file in the dossier with its SHA-256 fingerprint; manifest.sig and public_key.pem let anyone check that the list was not changed.</source>
            <translation>manifest.json — de lijst van alle bestanden in het dossier met hun SHA-256-vingerafdruk; met manifest.sig en public_key.pem kan iedereen controleren dat de lijst niet is veranderd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="220" />
            <source>SHA256SUMS — the same fingerprints in the format of the common sha256sum tool.</source>
            <translation>SHA256SUMS — dezelfde vingerafdrukken in het formaat van het gangbare programma sha256sum.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="222" />
            <source>VERIFY.txt — step-by-step instructions for checking the dossier without this program.</source>
            <translation>VERIFY.txt — stap-voor-stapinstructies om het dossier zonder dit programma te controleren.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="226" />
            <source>timestamps/ — trusted time-stamps, where they could be obtained: an independent authority confirms that the fingerprints existed at that time.</source>
            <translation>timestamps/ — betrouwbare tijdstempels, waar die konden worden verkregen: een onafhankelijke instantie bevestigt dat de vingerafdrukken op dat moment bestonden.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="232" />
            <source>What to tell the police</source>
            <translation>Wat u de politie vertelt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="235" />
            <source>Give them the dossier folder (or its .zip) on a USB stick, and tell them the dossier number and the manifest fingerprint shown when it was made. They can check the package with this program (“Check a dossier you received”) or with VERIFY.txt.</source>
            <translation>Geef hun de dossiermap (of de .zip) op een USB-stick, en noem het dossiernummer en de vingerafdruk van het manifest die werden getoond toen het dossier werd gemaakt. Zij kunnen het pakket controleren met dit programma (“Een ontvangen dossier controleren”) of met VERIFY.txt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="240" />
            <source>Be clear about what the fingerprints prove: that the files have not changed since you stored them. They do not prove who sent a message or that its content is true; the times shown in chats are the phone's own, as shown.</source>
            <translation>Wees duidelijk over wat de vingerafdrukken bewijzen: dat de bestanden niet zijn veranderd sinds u ze bewaarde. Ze bewijzen niet wie een bericht stuurde of dat de inhoud waar is; de tijden in chats zijn die van de telefoon zelf, zoals getoond.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="244" />
            <source>Keep the vault itself: the investigators may ask for the originals again.</source>
            <translation>Bewaar de kluis zelf: de onderzoekers kunnen opnieuw om de originelen vragen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="263" />
            <source>Next or previous field or button</source>
            <translation>Volgend of vorig veld of knop</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="264" />
            <source>Alt + the underlined letter</source>
            <translation>Alt + de onderstreepte letter</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="264" />
            <source>That menu, tab or button</source>
            <translation>Dat menu, tabblad of die knop</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="265" />
            <source>Quick exit</source>
            <translation>Snel weg</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="266" />
            <source>Show or hide a passphrase while you type it</source>
            <translation>Een wachtwoordzin tonen of verbergen terwijl je die typt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="267" />
            <source>Open the chosen item in the list</source>
            <translation>Het gekozen item in de lijst openen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="272" />
            <source>Working with the keyboard</source>
            <translation>Werken met het toetsenbord</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="119" />
            <source>← All help</source>
            <translation>← Alle hulp</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="122" />
            <source>Where: {place}</source>
            <translation>Waar: {place}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="135" />
            <source>Getting your evidence out of an app: step by step</source>
            <translation>Uw bewijs uit een app halen: stap voor stap</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/help.py" line="138" />
            <source>How to make, in each app, the export that Evidence Kit reads, and how to take a screenshot the police can use.</source>
            <translation>Hoe u in elke app de export maakt die Bewijskluis leest, en hoe u een schermafbeelding maakt waar de politie iets mee kan.</translation>
        </message>
    </context>
    <context>
        <name>ImageViewer</name>
        <message>
            <location filename="../../evidence_kit/ui/views/image_viewer.py" line="51" />
            <source>&amp;Fit</source>
            <translation>&amp;Passend</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/image_viewer.py" line="52" />
            <source>Fit the picture in the window</source>
            <translation>De afbeelding passend in het venster tonen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/image_viewer.py" line="54" />
            <source>&amp;100 %</source>
            <translation>&amp;100 %</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/image_viewer.py" line="55" />
            <source>Show the picture at its real size (Ctrl+0)</source>
            <translation>De afbeelding op ware grootte tonen (Ctrl+0)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/image_viewer.py" line="57" />
            <source>Zoom &amp;in</source>
            <translation>&amp;Inzoomen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/image_viewer.py" line="59" />
            <source>Zoom &amp;out</source>
            <translation>&amp;Uitzoomen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/image_viewer.py" line="70" />
            <source>Picture</source>
            <translation>Afbeelding</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="41" />
            <source>Import report</source>
            <translation>Importverslag</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="50" />
            <source>%n file(s) added.</source>
            <translation>
                <numerusform>%n bestand toegevoegd.</numerusform>
                <numerusform>%n bestanden toegevoegd.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="52" />
            <source>%n file(s) could NOT be added (see below).</source>
            <translation>
                <numerusform>%n bestand kon NIET worden toegevoegd (zie hieronder).</numerusform>
                <numerusform>%n bestanden konden NIET worden toegevoegd (zie hieronder).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="56" />
            <source>%n link(s) or special file(s) inside the folders skipped; nothing was read from them (see below).</source>
            <translation>
                <numerusform>%n link of speciaal bestand in de mappen overgeslagen; daaruit is niets gelezen (zie hieronder).</numerusform>
                <numerusform>%n links of speciale bestanden in de mappen overgeslagen; daaruit is niets gelezen (zie hieronder).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="63" />
            <source>%n file(s) already in the vault skipped (see below).</source>
            <translation>
                <numerusform>%n bestand dat al in de kluis stond overgeslagen (zie hieronder).</numerusform>
                <numerusform>%n bestanden die al in de kluis stonden overgeslagen (zie hieronder).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="66" />
            <source>%n file(s) already in the vault added again as new item(s).</source>
            <translation>
                <numerusform>%n bestand dat al in de kluis stond opnieuw toegevoegd als nieuw item.</numerusform>
                <numerusform>%n bestanden die al in de kluis stonden opnieuw toegevoegd als nieuwe items.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="70" />
            <source>%n file(s) with warnings: read them before you rely on the item.</source>
            <translation>
                <numerusform>%n bestand met waarschuwingen: lees ze voordat u op het item vertrouwt.</numerusform>
                <numerusform>%n bestanden met waarschuwingen: lees ze voordat u op de items vertrouwt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="76" />
            <source>Cancelled: %n file(s) were not added. Everything added before is complete.</source>
            <translation>
                <numerusform>Geannuleerd: %n bestand is niet toegevoegd. Alles wat eerder is toegevoegd, is compleet.</numerusform>
                <numerusform>Geannuleerd: %n bestanden zijn niet toegevoegd. Alles wat eerder is toegevoegd, is compleet.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="85" />
            <source>Result for each file</source>
            <translation>Resultaat per bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="87" />
            <source>File</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="87" />
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="99" />
            <source>(%n more file(s))</source>
            <translation>
                <numerusform>(nog %n bestand)</numerusform>
                <numerusform>(nog %n bestanden)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="99" />
            <source>not added (cancelled)</source>
            <translation>niet toegevoegd (geannuleerd)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="146" />
            <source>NOT added: {reason}</source>
            <translation>NIET toegevoegd: {reason}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="142" />
            <source>skipped: already in the vault as item {id}</source>
            <translation>overgeslagen: staat al in de kluis als item {id}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="144" />
            <source>skipped: {reason}</source>
            <translation>overgeslagen: {reason}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="149" />
            <source>added, recognised as {format}</source>
            <translation>toegevoegd, herkend als {format}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="154" />
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n bericht</numerusform>
                <numerusform>%n berichten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="159" />
            <source>%n attached file(s) stored</source>
            <translation>
                <numerusform>%n bijgevoegd bestand bewaard</numerusform>
                <numerusform>%n bijgevoegde bestanden bewaard</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="157" />
            <source>%n chat(s), each its own item</source>
            <translation>
                <numerusform>%n gesprek, een eigen item</numerusform>
                <numerusform>%n gesprekken, elk een eigen item</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="106" />
            <source>How to make the exports Evidence Kit reads</source>
            <translation>Zo maakt u de exports die Bewijskluis leest</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/import_report.py" line="174" />
            <source>Details (technical)</source>
            <translation>Details (technisch)</translation>
        </message>
    </context>
    <context>
        <name>IncidentEditor</name>
        <message>
            <source>a few words to find it by, such as: Address posted on Instagram</source>
            <translation>een paar woorden om het terug te vinden, bijvoorbeeld: Adres gepost op Instagram</translation>
        </message>
        <message>
            <source>Tit&amp;le:</source>
            <translation>Tite&amp;l:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="74" />
            <source>Edit incident</source>
            <translation>Incident wijzigen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="74" />
            <source>New incident</source>
            <translation>Nieuw incident</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="96" />
            <source>&amp;Save</source>
            <translation>&amp;Opslaan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="98" />
            <source>&amp;History…</source>
            <translation>&amp;Geschiedenis…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="99" />
            <source>&amp;Notice to a platform…</source>
            <translation>&amp;Melding aan een platform…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="123" />
            <source>What happened, in your own words</source>
            <translation>Wat er gebeurde, in uw eigen woorden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="127" />
            <source>a date, or a date and time: {example}</source>
            <translation>een datum, of een datum en tijd: {example}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="124" />
            <source>Wha&amp;t happened:</source>
            <translation>&amp;Wat er gebeurde:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="129" />
            <source>&amp;When (from):</source>
            <translation>Wa&amp;nneer (vanaf):</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="131" />
            <source>optional: only when it went on for a while</source>
            <translation>niet verplicht: alleen als het een tijd doorging</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="132" />
            <source>&amp;Until (optional):</source>
            <translation>&amp;Tot (niet verplicht):</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="135" />
            <source>Leave "Until" empty for one moment. A time without a date is not enough; a date alone is fine. Times are as you give them: only a trusted time-stamp proves a time.</source>
            <translation>Laat "Tot" leeg voor één moment. Een tijd zonder datum is niet genoeg; alleen een datum is goed. Tijden zijn zoals u ze opgeeft: alleen een betrouwbaar tijdstempel bewijst een tijd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="144" />
            <source>WhatsApp, Instagram, …</source>
            <translation>WhatsApp, Instagram, …</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="145" />
            <source>&amp;Platform:</source>
            <translation>&amp;Platform:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="147" />
            <source>the exact web addresses, one per line</source>
            <translation>de precieze webadressen, één per regel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="148" />
            <source>Web &amp;addresses:</source>
            <translation>Web&amp;adressen:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="150" />
            <source>where, when it happened offline</source>
            <translation>waar, als het offline gebeurde</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="151" />
            <source>Pla&amp;ce:</source>
            <translation>Plaat&amp;s:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="153" />
            <source>the other person: a name, number or account, one per line</source>
            <translation>de ander: een naam, nummer of account, één per regel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="154" />
            <source>Wh&amp;o:</source>
            <translation>W&amp;ie:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="167" />
            <source>Witn&amp;esses:</source>
            <translation>Getuig&amp;en:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="172" />
            <source>Steps ta&amp;ken:</source>
            <translation>Stappen ge&amp;zet:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="155" />
            <source>What happened</source>
            <translation>Wat er gebeurde</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="163" />
            <source>What it did to you (fear, sleep, work, money)</source>
            <translation>Wat het met u deed (angst, slaap, werk, geld)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="164" />
            <source>&amp;Impact:</source>
            <translation>Gevo&amp;lgen:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="166" />
            <source>someone who saw it, one per line</source>
            <translation>iemand die het zag, één per regel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="170" />
            <source>blocked, reported to the platform, told someone; one per line</source>
            <translation>geblokkeerd, gemeld bij het platform, iemand verteld; één per regel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="173" />
            <source>Impact and steps</source>
            <translation>Gevolgen en stappen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="180" />
            <source>Which forms of online violence this is. This is information to help the conversation with the police, not legal advice.</source>
            <translation>Welke vormen van online geweld dit zijn. Dit is informatie als hulp bij het gesprek met de politie, geen juridisch advies.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="190" />
            <source>Categories</source>
            <translation>Categorieën</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="195" />
            <source>Tick the evidence items that show this incident.</source>
            <translation>Vink de bewijsitems aan die dit incident laten zien.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="199" />
            <source>Filter the items</source>
            <translation>Items filteren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="204" />
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="217" />
            <source>Evidence items</source>
            <translation>Bewijsitems</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="210" />
            <source>Tick the %n item(s) selected in the evidence list</source>
            <translation>
                <numerusform>Het %n item aanvinken dat in de bewijslijst is gekozen</numerusform>
                <numerusform>De %n items aanvinken die in de bewijslijst zijn gekozen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="283" />
            <source>What is missing:</source>
            <translation>Wat ontbreekt er:</translation>
        </message>
    </context>
    <context>
        <name>IncidentFieldsView</name>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="61" />
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="61" />
            <source>time not given</source>
            <translation>tijd niet opgegeven</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="62" />
            <source>What happened</source>
            <translation>Wat er gebeurde</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="63" />
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="64" />
            <source>Web addresses</source>
            <translation>Webadressen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="65" />
            <source>Place</source>
            <translation>Plaats</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="66" />
            <source>Who</source>
            <translation>Wie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="67" />
            <source>Impact</source>
            <translation>Gevolgen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="68" />
            <source>Witnesses</source>
            <translation>Getuigen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="69" />
            <source>Steps taken</source>
            <translation>Stappen gezet</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="70" />
            <source>Evidence items</source>
            <translation>Bewijsitems</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="71" />
            <source>Categories</source>
            <translation>Categorieën</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="73" />
            <source>Incident {id}, version {version}, recorded {at} UTC</source>
            <translation>Incident {id}, versie {version}, vastgelegd {at} UTC</translation>
        </message>
    </context>
    <context>
        <name>IncidentHistoryDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="94" />
            <source>History of incident {id}</source>
            <translation>Geschiedenis van incident {id}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="100" />
            <source>Every version is kept, sealed with its SHA-256 in the custody log. Choose a version to read what it said.</source>
            <translation>Elke versie blijft bewaard, verzegeld met haar SHA-256 in het bewaarlogboek. Kies een versie om te lezen wat erin stond.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="110" />
            <source>Version</source>
            <translation>Versie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="110" />
            <source>Recorded (UTC)</source>
            <translation>Vastgelegd (UTC)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="110" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_history.py" line="117" />
            <source>Versions</source>
            <translation>Versies</translation>
        </message>
    </context>
    <context>
        <name>IncidentLog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="78" />
            <source>Write down each incident: when, what happened, who, the impact, and the evidence that shows it. Every change is kept as a new version.</source>
            <translation>Leg elk incident vast: wanneer, wat er gebeurde, wie, de gevolgen, en het bewijs dat het laat zien. Elke wijziging wordt bewaard als een nieuwe versie.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="86" />
            <source>&amp;New incident…</source>
            <translation>&amp;Nieuw incident…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="87" />
            <source>&amp;Edit…</source>
            <translation>&amp;Wijzigen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="88" />
            <source>&amp;History…</source>
            <translation>&amp;Geschiedenis…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="89" />
            <source>N&amp;otice to a platform…</source>
            <translation>&amp;Melding aan een platform…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="103" />
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="104" />
            <source>What happened</source>
            <translation>Wat er gebeurde</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="105" />
            <source>Categories</source>
            <translation>Categorieën</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="106" />
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="107" />
            <source>Hints</source>
            <translation>Tips</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="115" />
            <source>Incidents</source>
            <translation>Incidenten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="122" />
            <source>Notices to platforms (double-click to record a step):</source>
            <translation>Meldingen aan platforms (dubbelklik om een stap vast te leggen):</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="127" />
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="127" />
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="127" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="127" />
            <source>Web addresses</source>
            <translation>Webadressen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="130" />
            <source>Notices to platforms</source>
            <translation>Meldingen aan platforms</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="169" />
            <source>time not given</source>
            <translation>tijd niet opgegeven</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="202" />
            <source>%n incident(s) written down.</source>
            <translation>
                <numerusform>%n incident vastgelegd.</numerusform>
                <numerusform>%n incidenten vastgelegd.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="261" />
            <source>Incident {id} saved as version {version}.</source>
            <translation>Incident {id} opgeslagen als versie {version}.</translation>
        </message>
    </context>
    <context>
        <name>ItemPage</name>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="75" />
            <source>All chats of th&amp;is export</source>
            <translation>Alle &amp;gesprekken van deze export</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="64" />
            <source>← &amp;Back to the list</source>
            <translation>← Terug naar de &amp;lijst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="65" />
            <source>Back to the list (Alt+Left)</source>
            <translation>Terug naar de lijst (Alt+Links)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="72" />
            <source>Save a &amp;copy of the original…</source>
            <translation>Een &amp;kopie van het origineel opslaan…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="105" />
            <source>Opening…</source>
            <translation>Bezig met openen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="114" />
            <source>Text of the file</source>
            <translation>Tekst van het bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="196" />
            <source>[Only the beginning of the file is shown here.]</source>
            <translation>[Hier wordt alleen het begin van het bestand getoond.]</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="202" />
            <source>This file cannot be shown here. It is stored exactly as it was; use “Save a copy of the original…” to open it in another program.</source>
            <translation>Dit bestand kan hier niet worden getoond. Het is precies bewaard zoals het was; gebruik “Een kopie van het origineel opslaan…” om het in een ander programma te openen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="228" />
            <source>What is missing:</source>
            <translation>Wat ontbreekt er:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="364" />
            <location filename="../../evidence_kit/ui/views/item_page.py" line="374" />
            <source>Save a copy of the original</source>
            <translation>Een kopie van het origineel opslaan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="366" />
            <source>The copy is NOT encrypted: anyone who can open the folder you choose can see it. The copy is byte-for-byte the stored original, and saving it is recorded in the custody log. Continue?</source>
            <translation>De kopie is NIET versleuteld: iedereen die de gekozen map kan openen, kan haar zien. De kopie is byte voor byte het bewaarde origineel, en het opslaan wordt vastgelegd in het bewaarlogboek. Doorgaan?</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="391" />
            <source>Not saved</source>
            <translation>Niet opgeslagen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="330" />
            <source>Dossiers will not show this item's content and leave its original out of the package; only its fingerprint (hash) is listed. Why, in a few words?</source>
            <translation>Dossiers tonen de inhoud van dit item niet en laten het origineel uit het pakket; alleen de vingerafdruk (hash) wordt vermeld. Waarom, in een paar woorden?</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="313" />
            <source>Dossiers will show this item again unless you tick it</source>
            <translation>Dossiers tonen dit item weer, tenzij u het aanvinkt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="333" />
            <source>intimate image</source>
            <translation>intiem beeld</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="304" />
            <source>Mark &amp;sensitive…</source>
            <translation>Als &amp;gevoelig markeren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="328" />
            <source>Mark sensitive</source>
            <translation>Als gevoelig markeren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="306" />
            <source>Mark this item sensitive (an intimate image): dossiers withhold it</source>
            <translation>Markeer dit item als gevoelig (een intiem beeld): dossiers schermen het af</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="312" />
            <source>Remove the &amp;sensitive mark</source>
            <translation>Markering &amp;gevoelig weghalen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="395" />
            <source>Saved a byte-exact copy as {name}.</source>
            <translation>Een byte-exacte kopie is opgeslagen als {name}.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/item_page.py" line="309" />
            <source>⊘ Sensitive: withheld from dossiers ({reason})</source>
            <translation>⊘ Gevoelig: afgeschermd in dossiers ({reason})</translation>
        </message>
    </context>
    <context>
        <name>ItemTableModel</name>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="191" />
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="192" />
            <source>Date (as shown)</source>
            <translation>Datum (zoals getoond)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="193" />
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="194" />
            <source>Sender</source>
            <translation>Afzender</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="195" />
            <source>Title or file name</source>
            <translation>Titel of bestandsnaam</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="196" />
            <source>Category</source>
            <translation>Categorie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="197" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="198" />
            <source>Trusted time</source>
            <translation>Betrouwbare tijd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="242" />
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="244" />
            <source>Waiting</source>
            <translation>Wacht</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="259" />
            <source>A trusted time-stamp authority has signed this item's hash.</source>
            <translation>Een betrouwbare tijdstempelinstantie heeft de hash van dit item ondertekend.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="260" />
            <source>Waiting for a time-stamp authority (no connection yet).</source>
            <translation>Wacht op een tijdstempelinstantie (nog geen verbinding).</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="261" />
            <source>No trusted time-stamp.</source>
            <translation>Geen betrouwbaar tijdstempel.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/models/item_table.py" line="253" />
            <source>Sensitive: withheld from dossiers ({reason})</source>
            <translation>Gevoelig: afgeschermd in dossiers ({reason})</translation>
        </message>
    </context>
    <context>
        <name>LeftoverPartialsDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/leftover_partials.py" line="35" />
            <source>Unfinished files found</source>
            <translation>Onvoltooide bestanden gevonden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftover_partials.py" line="40" />
            <source>An export or a copy of an item was stopped before it was finished, and left these unfinished files on this computer. They are incomplete and not encrypted. The vault itself is complete and not affected.</source>
            <translation>Een export of een kopie van een item werd gestopt voordat die klaar was, en liet deze onvoltooide bestanden achter op deze computer. Ze zijn onvolledig en niet versleuteld. De kluis zelf is volledig en niet geraakt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftover_partials.py" line="49" />
            <source>Unfinished files</source>
            <translation>Onvoltooide bestanden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftover_partials.py" line="51" />
            <source>Remove them now?</source>
            <translation>Nu verwijderen?</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftover_partials.py" line="55" />
            <source>Remove them</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftover_partials.py" line="57" />
            <source>Keep them for now</source>
            <translation>Voorlopig bewaren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftover_partials.py" line="76" />
            <source>These could not be removed; please remove them by hand.</source>
            <translation>Deze konden niet worden verwijderd; verwijder ze alstublieft zelf.</translation>
        </message>
    </context>
    <context>
        <name>LeftoversNotice</name>
        <message>
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="33" />
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="56" />
            <source>Left-over partial files</source>
            <translation>Achtergebleven half geschreven bestanden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="38" />
            <source>A key change that was interrupted has been completed.</source>
            <translation>Een sleutelwijziging die werd onderbroken, is afgemaakt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="41" />
            <source>A key change that was interrupted was undone; the vault is as it was before it.</source>
            <translation>Een sleutelwijziging die werd onderbroken, is teruggedraaid; de kluis is zoals hij daarvoor was.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="46" />
            <source>A write to this vault was interrupted (the program was stopped or the computer lost power) and left these partial files behind. They are not part of the vault and are never read, but a partial key file is one more copy of the vault's key. Remove them?</source>
            <translation>Het schrijven naar deze kluis werd onderbroken (het programma werd gestopt of de computer viel uit) en liet deze half geschreven bestanden achter. Ze horen niet bij de kluis en worden nooit gelezen, maar een half geschreven sleutelbestand is nog een kopie van de sleutel van de kluis. Verwijderen?</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="65" />
            <source>&amp;Remove them</source>
            <translation>&amp;Verwijderen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="68" />
            <source>&amp;Keep them</source>
            <translation>&amp;Laten staan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/leftovers_notice.py" line="89" />
            <source>Some files could not be removed: {files}</source>
            <translation>Sommige bestanden konden niet worden verwijderd: {files}</translation>
        </message>
    </context>
    <context>
        <name>NewPassphraseFields</name>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="130" />
            <source>New passphrase</source>
            <translation>Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="131" />
            <source>&amp;New passphrase:</source>
            <translation>&amp;Nieuwe wachtwoordzin:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="135" />
            <source>New passphrase again</source>
            <translation>Nieuwe wachtwoordzin nogmaals</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="136" />
            <source>&amp;Again:</source>
            <translation>Nog&amp;maals:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="150" />
            <source>The new passphrase needs at least {minimum} characters.</source>
            <translation>De nieuwe wachtwoordzin moet minstens {minimum} tekens hebben.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="154" />
            <source>The two new passphrases are not the same.</source>
            <translation>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</translation>
        </message>
    </context>
    <context>
        <name>NoticeDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="44" />
            <source>draft</source>
            <translation>concept</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="45" />
            <source>sent</source>
            <translation>verstuurd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="46" />
            <source>answered</source>
            <translation>beantwoord</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="47" />
            <source>content removed</source>
            <translation>inhoud verwijderd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="48" />
            <source>refused</source>
            <translation>geweigerd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="73" />
            <source>Notice to a platform</source>
            <translation>Melding aan een platform</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="110" />
            <source>&amp;Copy the text</source>
            <translation>Tekst &amp;kopiëren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="113" />
            <source>&amp;Save in the vault</source>
            <translation>In de kluis op&amp;slaan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="130" />
            <source>&amp;Platform:</source>
            <translation>&amp;Platform:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="132" />
            <source>the exact web addresses, one per line</source>
            <translation>de precieze webadressen, één per regel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="133" />
            <source>Web &amp;addresses:</source>
            <translation>Web&amp;adressen:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="137" />
            <source>&amp;Language of the notice:</source>
            <translation>&amp;Taal van de melding:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="140" />
            <source>Categories:</source>
            <translation>Categorieën:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="143" />
            <source>&amp;Why it is illegal (edit this):</source>
            <translation>&amp;Waarom het illegaal is (pas dit aan):</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="145" />
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="148" />
            <source>optional</source>
            <translation>niet verplicht</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="146" />
            <source>Your &amp;name:</source>
            <translation>Uw &amp;naam:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="149" />
            <source>Your &amp;e-mail:</source>
            <translation>Uw &amp;e-mailadres:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="151" />
            <source>Name and e-mail are optional; the notice then says you chose not to give them.</source>
            <translation>Naam en e-mailadres zijn niet verplicht; de melding zegt dan dat u ervoor koos ze niet te geven.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="171" />
            <source>The notice, as you send it (e-mail or the platform's form):</source>
            <translation>De melding, zoals u hem verstuurt (e-mail of het formulier van het platform):</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="184" />
            <source>Record a step:</source>
            <translation>Een stap vastleggen:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="188" />
            <source>Step</source>
            <translation>Stap</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="191" />
            <source>e.g. the platform's reference number</source>
            <translation>bijv. het kenmerk van het platform</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="193" />
            <source>&amp;Record</source>
            <translation>&amp;Vastleggen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="215" />
            <source>Not saved yet.</source>
            <translation>Nog niet opgeslagen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="218" />
            <source>Notice {id}, version {version}: {status}</source>
            <translation>Melding {id}, versie {version}: {status}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="263" />
            <source>The notice is on the clipboard. Paste it into an e-mail or the platform's form.</source>
            <translation>De melding staat op het klembord. Plak hem in een e-mail of in het formulier van het platform.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/notice_dialog.py" line="302" />
            <source>Saved in the vault as notice {id}, version {version}.</source>
            <translation>In de kluis opgeslagen als melding {id}, versie {version}.</translation>
        </message>
    </context>
    <context>
        <name>PassphraseEdit</name>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="58" />
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="74" />
            <source>Show</source>
            <translation>Tonen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="74" />
            <source>Hide</source>
            <translation>Verbergen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="60" />
            <source>Show or hide the passphrase (Ctrl+H)</source>
            <translation>De wachtwoordzin tonen of verbergen (Ctrl+H)</translation>
        </message>
    </context>
    <context>
        <name>PeopleView</name>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="143" />
            <source>The other party: everyone who did something to you, with every name, number and account they use. Evidence Kit finds where each of them appears in the evidence.</source>
            <translation>De andere partij: iedereen die u iets heeft aangedaan, met elke naam, elk nummer en elk account dat die persoon gebruikt. Bewijskluis zoekt waar ieder van hen in het bewijs voorkomt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="151" />
            <source>&amp;Add a person…</source>
            <translation>Persoon toe&amp;voegen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="152" />
            <source>&amp;Change…</source>
            <translation>&amp;Wijzigen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="163" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="164" />
            <source>Numbers and accounts</source>
            <translation>Nummers en accounts</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="165" />
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="166" />
            <source>Messages</source>
            <translation>Berichten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="167" />
            <source>First seen</source>
            <translation>Eerst gezien</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="168" />
            <source>Last seen</source>
            <translation>Laatst gezien</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="178" />
            <source>People register</source>
            <translation>Personenregister</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/people_view.py" line="211" />
            <source>%n person(s) in the register.</source>
            <translation>
                <numerusform>%n persoon in het register.</numerusform>
                <numerusform>%n personen in het register.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="48" />
            <source>Change a person</source>
            <translation>Persoon wijzigen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="48" />
            <source>Add a person</source>
            <translation>Persoon toevoegen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="54" />
            <source>Write down every name, number and account this person uses, one per line. A name alone cannot be traced; a number or account can.</source>
            <translation>Schrijf elke naam, elk nummer en elk account op dat deze persoon gebruikt, één per regel. Alleen een naam is niet na te trekken; een nummer of account wel.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="64" />
            <source>&amp;Names:</source>
            <translation>&amp;Namen:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="66" />
            <source>P&amp;hone numbers:</source>
            <translation>&amp;Telefoonnummers:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="69" />
            <source>&amp;Accounts:</source>
            <translation>&amp;Accounts:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="71" />
            <source>&amp;E-mail addresses:</source>
            <translation>&amp;E-mailadressen:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="73" />
            <source>&amp;Profile addresses:</source>
            <translation>&amp;Profieladressen:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="76" />
            <source>N&amp;ote:</source>
            <translation>Not&amp;itie:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/people_view.py" line="84" />
            <source>&amp;Save</source>
            <translation>&amp;Opslaan</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/progress.py" line="65" />
            <source>{done} of {total}</source>
            <translation>{done} van {total}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/progress.py" line="75" />
            <source>Stopping… every item finished so far stays in the vault.</source>
            <translation>Bezig met stoppen… elk item dat al klaar is, blijft in de kluis.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/progress.py" line="61" />
            <source>{done} of %n file(s)</source>
            <translation>
                <numerusform>{done} van %n bestand</numerusform>
                <numerusform>{done} van %n bestanden</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="70" />
            <source>Remember the last vaults opened here (anyone using this computer can then see their folder names)</source>
            <translation>De laatst geopende kluizen onthouden (iedereen die deze computer gebruikt, ziet dan hun mapnamen)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="101" />
            <source>&amp;Change…</source>
            <translation>&amp;Wijzigen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="102" />
            <source>Change the time-stamp authorities</source>
            <translation>De tijdstempeldiensten wijzigen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="136" />
            <source>None: items are not time-stamped.</source>
            <translation>Geen: stukken krijgen geen tijdstempel.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="41" />
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="46" />
            <source>Same as the system</source>
            <translation>Zoals het systeem</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="50" />
            <source>&amp;Language:</source>
            <translation>&amp;Taal:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="54" />
            <source>Never</source>
            <translation>Nooit</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="55" />
            <source> minutes</source>
            <translation> minuten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="57" />
            <source>Lock after minutes without use</source>
            <translation>Vergrendelen na zoveel minuten zonder gebruik</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="58" />
            <source>Lock the vault after &amp;no use for:</source>
            <translation>De kluis vergrendelen na &amp;geen gebruik gedurende:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="60" />
            <source>Show a neutral name in the title bar and task bar</source>
            <translation>Een neutrale naam tonen in de titelbalk en taakbalk</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="63" />
            <source>Notes</source>
            <translation>Notities</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="64" />
            <source>Neutral name</source>
            <translation>Neutrale naam</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="66" />
            <source>Neutral &amp;name:</source>
            <translation>Neutrale &amp;naam:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="79" />
            <source>Same as the program</source>
            <translation>Zoals het programma</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="85" />
            <source>&amp;Dossier language:</source>
            <translation>Taal van het &amp;dossier:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="88" />
            <source>Where dossiers go</source>
            <translation>Waar dossiers komen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="89" />
            <source>B&amp;rowse…</source>
            <translation>B&amp;laderen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="93" />
            <source>Dossiers go to:</source>
            <translation>Dossiers komen in:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="96" />
            <source>Ask a trusted time-stamp authority to confirm when items were stored (needs internet)</source>
            <translation>Een betrouwbare tijdstempelinstantie laten bevestigen wanneer items zijn bewaard (internet nodig)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="111" />
            <source>Authorities:</source>
            <translation>Instanties:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/settings_dialog.py" line="156" />
            <source>Where should dossiers go?</source>
            <translation>Waar moeten dossiers komen?</translation>
        </message>
    </context>
    <context>
        <name>SidePanel</name>
        <message>
            <source>&amp;Offences</source>
            <translation>&amp;Strafbare feiten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="59" />
            <source>About this item</source>
            <translation>Over dit item</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="63" />
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="106" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="67" />
            <source>&amp;Details</source>
            <translation>&amp;Details</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="71" />
            <source>Category:</source>
            <translation>Categorie:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="75" />
            <source>Category</source>
            <translation>Categorie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="79" />
            <source>Note (what happened, who, why it matters):</source>
            <translation>Notitie (wat er gebeurde, wie, waarom het ertoe doet):</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="83" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="89" />
            <source>&amp;Save note and category</source>
            <translation>Notitie en categorie op&amp;slaan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="96" />
            <source>Every change is recorded in the custody log, with the old and the new text.</source>
            <translation>Elke wijziging wordt vastgelegd in het bewaarlogboek, met de oude en de nieuwe tekst.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="101" />
            <source>&amp;Note and category</source>
            <translation>&amp;Notitie en categorie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="104" />
            <source>History of this item</source>
            <translation>Geschiedenis van dit item</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="106" />
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="106" />
            <source>What</source>
            <translation>Wat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="111" />
            <source>&amp;History</source>
            <translation>&amp;Geschiedenis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="158" />
            <source>Copy</source>
            <translation>Kopiëren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="159" />
            <source>Times, each with where it comes from</source>
            <translation>Tijden, elk met waar ze vandaan komen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="160" />
            <source>No trusted time-stamp yet.</source>
            <translation>Nog geen betrouwbaar tijdstempel.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="161" />
            <source>Camera data (EXIF)</source>
            <translation>Cameragegevens (EXIF)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="162" />
            <source>Web address</source>
            <translation>Webadres</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="163" />
            <source>Warnings from the import</source>
            <translation>Waarschuwingen bij het importeren</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="165" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="166" />
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="167" />
            <source>Date (as shown)</source>
            <translation>Datum (zoals getoond)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="168" />
            <source>Recognised as</source>
            <translation>Herkend als</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="169" />
            <source>Size</source>
            <translation>Grootte</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="170" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="173" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="177" />
            <source>Came from</source>
            <translation>Kwam van</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="178" />
            <source>Item number</source>
            <translation>Itemnummer</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="195" />
            <source>Part of</source>
            <translation>Onderdeel van</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="185" />
            <source>Chat read from the export</source>
            <translation>Gesprek gelezen uit de export</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="188" />
            <source>(item %1)</source>
            <translation>(item %1)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="191" />
            <source>The export's SHA-256</source>
            <translation>SHA-256 van de export</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="173" />
            <source>SHA-256 (of the reference)</source>
            <translation>SHA-256 (van de verwijzing)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="202" />
            <source>Pixels</source>
            <translation>Pixels</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="247" />
            <source>The SHA-256 proves the file has not changed since it was stored. It does not prove that what the file shows is true.</source>
            <translation>De SHA-256 bewijst dat het bestand niet is veranderd sinds het is bewaard. Hij bewijst niet dat wat het bestand toont waar is.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="286" />
            <source>Not saved yet.</source>
            <translation>Nog niet opgeslagen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="292" />
            <source>Saving…</source>
            <translation>Bezig met opslaan…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="299" />
            <source>Saved, and recorded in the custody log.</source>
            <translation>Opgeslagen, en vastgelegd in het bewaarlogboek.</translation>
        </message>
    </context>
    <context>
        <name>StrengthMeter</name>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="89" />
            <source>Passphrase strength</source>
            <translation>Sterkte van de wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="99" />
            <source>Too short or too common: use at least {minimum} characters.</source>
            <translation>Te kort of te gewoon: gebruik minstens {minimum} tekens.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="102" />
            <source>Weak: a few more words would make it much stronger.</source>
            <translation>Zwak: een paar woorden meer maken hem veel sterker.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="103" />
            <source>Fair: longer is better, for example four unrelated words.</source>
            <translation>Redelijk: langer is beter, bijvoorbeeld vier losse woorden.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="104" />
            <source>Good.</source>
            <translation>Goed.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="105" />
            <source>Strong.</source>
            <translation>Sterk.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/widgets/passphrase.py" line="109" />
            <source>Tip: four or five unrelated words are strong and easy to remember.</source>
            <translation>Tip: vier of vijf losse woorden zijn sterk en makkelijk te onthouden.</translation>
        </message>
    </context>
    <context>
        <name>Texts</name>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="20" />
            <source>File</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="21" />
            <source>Image</source>
            <translation>Afbeelding</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="22" />
            <source>Chat</source>
            <translation>Chat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="23" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="24" />
            <source>SMS</source>
            <translation>Sms</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="25" />
            <source>Call log</source>
            <translation>Gesprekkenlijst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="29" />
            <source>As shown in the content</source>
            <translation>Zoals getoond in de inhoud</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="30" />
            <source>File's own time (modified)</source>
            <translation>Eigen tijd van het bestand (gewijzigd)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="31" />
            <source>From the file name</source>
            <translation>Uit de bestandsnaam</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="32" />
            <source>Stored in the vault (this computer's clock)</source>
            <translation>Bewaard in de kluis (klok van deze computer)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="33" />
            <source>Trusted time-stamp</source>
            <translation>Betrouwbaar tijdstempel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="101" />
            <source>Camera data (EXIF): when the picture was taken</source>
            <translation>Cameragegevens (EXIF): wanneer de foto is gemaakt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="105" />
            <source>content</source>
            <translation>inhoud</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="106" />
            <source>file name</source>
            <translation>bestandsnaam</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="107" />
            <source>file date</source>
            <translation>bestandsdatum</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="108" />
            <source>stored</source>
            <translation>bewaard</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="109" />
            <source>trusted time-stamp</source>
            <translation>betrouwbaar tijdstempel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="111" />
            <source>EXIF</source>
            <translation>EXIF</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="37" />
            <source>Vault created</source>
            <translation>Kluis gemaakt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="38" />
            <source>Vault updated to a new format</source>
            <translation>Kluis bijgewerkt naar een nieuw formaat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="39" />
            <source>Item stored</source>
            <translation>Item bewaard</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="40" />
            <source>Content read from the stored original</source>
            <translation>Inhoud gelezen uit het bewaarde origineel</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="41" />
            <source>Content read again</source>
            <translation>Inhoud opnieuw gelezen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="42" />
            <source>Note changed</source>
            <translation>Notitie gewijzigd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="43" />
            <source>Category changed</source>
            <translation>Categorie gewijzigd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="46" />
            <source>Copy of the original saved</source>
            <translation>Kopie van het origineel opgeslagen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="47" />
            <source>Item viewed</source>
            <translation>Item bekeken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="48" />
            <source>Vault checked</source>
            <translation>Kluis gecontroleerd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="49" />
            <source>Passphrase changed</source>
            <translation>Wachtwoordzin gewijzigd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="50" />
            <source>New passphrase set with the recovery code</source>
            <translation>Nieuwe wachtwoordzin ingesteld met de herstelcode</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="53" />
            <source>Dossier exported</source>
            <translation>Dossier geëxporteerd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="54" />
            <source>Trusted time-stamp obtained</source>
            <translation>Betrouwbaar tijdstempel verkregen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="56" />
            <source>Time-stamp authority's root certificate added</source>
            <translation>Basiscertificaat van een tijdstempelautoriteit toegevoegd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="57" />
            <source>Incident written down</source>
            <translation>Incident vastgelegd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="58" />
            <source>Incident changed (earlier version kept)</source>
            <translation>Incident gewijzigd (eerdere versie bewaard)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="60" />
            <source>Notice to a platform drafted</source>
            <translation>Melding aan platform opgesteld</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="61" />
            <source>Notice to a platform updated (earlier version kept)</source>
            <translation>Melding aan platform bijgewerkt (eerdere versie bewaard)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="59" />
            <source>Person added to the people register</source>
            <translation>Persoon toegevoegd aan het personenregister</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="62" />
            <source>Person in the people register changed (earlier version kept)</source>
            <translation>Persoon in het personenregister gewijzigd (eerdere versie bewaard)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="68" />
            <source>image</source>
            <translation>afbeelding</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="69" />
            <source>file</source>
            <translation>bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="70" />
            <source>SMS backup</source>
            <translation>sms-back-up</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="71" />
            <source>call log backup</source>
            <translation>back-up van de gesprekkenlijst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="72" />
            <source>e-mail</source>
            <translation>e-mail</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="73" />
            <source>mailbox (mbox)</source>
            <translation>mailbox (mbox)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="74" />
            <source>WhatsApp chat</source>
            <translation>WhatsApp-chat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="75" />
            <source>Signal messages</source>
            <translation>Signal-berichten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="76" />
            <source>Telegram chat</source>
            <translation>Telegram-chat</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="77" />
            <source>Instagram messages</source>
            <translation>Instagram-berichten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="78" />
            <source>Facebook Messenger</source>
            <translation>Facebook Messenger</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="79" />
            <source>pasted picture</source>
            <translation>geplakte afbeelding</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="80" />
            <source>attached file</source>
            <translation>bijgevoegd bestand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="84" />
            <source>Something went wrong: {detail}</source>
            <translation>Er ging iets mis: {detail}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="39" />
            <source>Threat</source>
            <translation>Bedreiging</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="40" />
            <source>Harassment</source>
            <translation>Intimidatie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="41" />
            <source>Intimate image shared without consent</source>
            <translation>Intiem beeld gedeeld zonder toestemming</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="42" />
            <source>Stalking</source>
            <translation>Stalking</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="43" />
            <source>Insult</source>
            <translation>Belediging</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/side_panel.py" line="44" />
            <source>Other</source>
            <translation>Anders</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="51" />
            <source>Key replaced: the vault re-encrypted</source>
            <translation>Sleutel vervangen: de kluis opnieuw versleuteld</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="52" />
            <source>New recovery code made</source>
            <translation>Nieuwe herstelcode gemaakt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="55" />
            <source>Backup made</source>
            <translation>Reservekopie gemaakt</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="183" />
            <source>day/month/year</source>
            <translation>dag/maand/jaar</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="184" />
            <source>month/day/year</source>
            <translation>maand/dag/jaar</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="185" />
            <source>year/month/day</source>
            <translation>jaar/maand/dag</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="186" />
            <source>year/day/month</source>
            <translation>jaar/dag/maand</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="240" />
            <source>not recognised; stored exactly as it is</source>
            <translation>niet herkend; precies bewaard zoals het is</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="190" />
            <source>a kind of file this program does not recognise</source>
            <translation>een soort bestand dat dit programma niet herkent</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="191" />
            <source>a zip archive</source>
            <translation>een zip-archief</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="192" />
            <source>a PDF document</source>
            <translation>een pdf-document</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="193" />
            <source>JSON data</source>
            <translation>JSON-gegevens</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="194" />
            <location filename="../../evidence_kit/ui/texts.py" line="195" />
            <source>XML data</source>
            <translation>XML-gegevens</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="196" />
            <source>plain text</source>
            <translation>platte tekst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="197" />
            <source>a web page</source>
            <translation>een webpagina</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="198" />
            <source>an e-mail</source>
            <translation>een e-mail</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="199" />
            <source>a PNG picture</source>
            <translation>een PNG-afbeelding</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="200" />
            <source>a JPEG picture</source>
            <translation>een JPEG-afbeelding</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="44" />
            <source>Marked sensitive (withheld from dossiers)</source>
            <translation>Gemarkeerd als gevoelig (afgeschermd in dossiers)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="45" />
            <source>Sensitive mark removed</source>
            <translation>Markering ‘gevoelig’ weggehaald</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/texts.py" line="46" />
            <source>Offence categories changed</source>
            <translation>Categorieën strafbare feiten gewijzigd</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="223" />
            <source>Category:</source>
            <translation>Categorie:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="225" />
            <source>Show the category</source>
            <translation>Toon de categorie</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="227" />
            <source>Person:</source>
            <translation>Persoon:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="229" />
            <source>Show the person</source>
            <translation>Toon de persoon</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="233" />
            <source>&amp;Zoom in</source>
            <translation>In&amp;zoomen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="234" />
            <source>Zoom &amp;out</source>
            <translation>&amp;Uitzoomen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="235" />
            <source>&amp;Fit</source>
            <translation>Pa&amp;ssend</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="240" />
            <source>Timeline</source>
            <translation>Tijdlijn</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="264" />
            <source>All categories</source>
            <translation>Alle categorieën</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="268" />
            <source>Everyone</source>
            <translation>Iedereen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="291" />
            <source>%n incident(s)</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidenten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="293" />
            <source>%n item(s) shown.</source>
            <translation>
                <numerusform>%n item getoond.</numerusform>
                <numerusform>%n items getoond.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="297" />
            <source>%n item(s) state no time of their own (only when they were stored) and are not shown.</source>
            <translation>
                <numerusform>%n item noemt geen eigen tijd (alleen wanneer het werd opgeslagen) en wordt niet getoond.</numerusform>
                <numerusform>%n items noemen geen eigen tijd (alleen wanneer ze werden opgeslagen) en worden niet getoond.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TsaEditor</name>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="68" />
            <source>Time-stamp authorities</source>
            <translation>Tijdstempeldiensten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="77" />
            <source>The program asks these authorities, in this order, to sign the fingerprint (SHA-256) of each item. Only the fingerprint is sent, never the item itself.</source>
            <translation>Het programma vraagt deze diensten, in deze volgorde, de vingerafdruk (SHA-256) van elk stuk te ondertekenen. Alleen de vingerafdruk wordt verstuurd, nooit het stuk zelf.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="87" />
            <source>Authorities, in the order they are asked</source>
            <translation>Diensten, in de volgorde waarin ze gevraagd worden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="92" />
            <source>&amp;Add</source>
            <translation>&amp;Toevoegen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="93" />
            <source>&amp;Remove</source>
            <translation>&amp;Verwijderen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="94" />
            <source>Move &amp;up</source>
            <translation>Omh&amp;oog</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="95" />
            <source>Move &amp;down</source>
            <translation>Om&amp;laag</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="96" />
            <source>Restore &amp;defaults</source>
            <translation>&amp;Standaardlijst terugzetten</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="112" />
            <source>Name of the authority</source>
            <translation>Naam van de dienst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="114" />
            <source>&amp;Name:</source>
            <translation>&amp;Naam:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="117" />
            <source>Address of the authority</source>
            <translation>Adres van de dienst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="119" />
            <source>Add&amp;ress:</source>
            <translation>&amp;Adres:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="123" />
            <source>&amp;Certificate file…</source>
            <translation>&amp;Certificaatbestand…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="125" />
            <source>Use the &amp;standard store</source>
            <translation>&amp;Gewone certificatenlijst gebruiken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="130" />
            <source>Trusted root:</source>
            <translation>Vertrouwd basiscertificaat:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="134" />
            <source> seconds</source>
            <translation> seconden</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="136" />
            <source>Longest wait for one authority</source>
            <translation>Langste wachttijd per dienst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="137" />
            <source>&amp;Wait at most:</source>
            <translation>&amp;Hoogstens wachten:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="157" />
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="205" />
            <source>(no name)</source>
            <translation>(geen naam)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="187" />
            <source>The standard root store (Mozilla)</source>
            <translation>De gewone certificatenlijst (Mozilla)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="193" />
            <source>(unreadable)</source>
            <translation>(onleesbaar)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="194" />
            <source>Own certificate: {names}</source>
            <translation>Eigen certificaat: {names}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="209" />
            <source>New authority</source>
            <translation>Nieuwe dienst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="239" />
            <source>Root certificate of this authority</source>
            <translation>Basiscertificaat van deze dienst</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="241" />
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="256" />
            <source>The file {name} does not hold a certificate in PEM format.</source>
            <translation>Het bestand {name} bevat geen certificaat in PEM-formaat.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="274" />
            <source>Every authority needs a name.</source>
            <translation>Elke dienst heeft een naam nodig.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="276" />
            <source>The name {name} is used twice.</source>
            <translation>De naam {name} komt twee keer voor.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="280" />
            <source>The address of {name} must start with http:// or https:// and name a server.</source>
            <translation>Het adres van {name} moet beginnen met http:// of https:// en een server noemen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/tsa_editor.py" line="286" />
            <source>The root certificate of {name} cannot be read.</source>
            <translation>Het basiscertificaat van {name} is niet te lezen.</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="39" />
            <source>Unlock the vault</source>
            <translation>De kluis ontgrendelen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="42" />
            <source>Vault: {name}</source>
            <translation>Kluis: {name}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="52" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="53" />
            <source>&amp;Passphrase:</source>
            <translation>&amp;Wachtwoordzin:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="54" />
            <source>I forgot my passphrase: use the recovery code</source>
            <translation>Ik ben mijn wachtwoordzin vergeten: de herstelcode gebruiken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="64" />
            <source>Recovery code</source>
            <translation>Herstelcode</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="65" />
            <source>&amp;Recovery code:</source>
            <translation>&amp;Herstelcode:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="67" />
            <source>New passphrase</source>
            <translation>Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="68" />
            <source>&amp;New passphrase:</source>
            <translation>&amp;Nieuwe wachtwoordzin:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="72" />
            <source>New passphrase again</source>
            <translation>Nieuwe wachtwoordzin nogmaals</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="73" />
            <source>&amp;Again:</source>
            <translation>Nog&amp;maals:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="74" />
            <source>Use the passphrase instead</source>
            <translation>Toch de wachtwoordzin gebruiken</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="87" />
            <source>&amp;Unlock</source>
            <translation>&amp;Ontgrendelen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="109" />
            <source>The new passphrase needs at least {minimum} characters.</source>
            <translation>De nieuwe wachtwoordzin moet minstens {minimum} tekens hebben.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="115" />
            <source>The two new passphrases are not the same.</source>
            <translation>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="129" />
            <source>Unlocking…</source>
            <translation>Bezig met ontgrendelen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="138" />
            <source>That passphrase is not right for this vault. Check Caps Lock and try again.</source>
            <translation>Die wachtwoordzin hoort niet bij deze kluis. Controleer Caps Lock en probeer het opnieuw.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/unlock.py" line="143" />
            <source>That recovery code is not right for this vault.</source>
            <translation>Die herstelcode hoort niet bij deze kluis.</translation>
        </message>
    </context>
    <context>
        <name>Verify</name>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="57" />
            <source>The vault is intact: {items} items re-hashed and matching, {events} custody events checked.</source>
            <translation>De kluis is intact: {items} items opnieuw gehasht en gelijk, {events} gebeurtenissen in het bewaarlogboek gecontroleerd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="63" />
            <source>The vault is NOT intact. Problems found: {count}.</source>
            <translation>De kluis is NIET intact. Gevonden problemen: {count}.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="70" />
            <source>Items checked: {count}</source>
            <translation>Items gecontroleerd: {count}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="71" />
            <source>Bytes checked: {count}</source>
            <translation>Bytes gecontroleerd: {count}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="74" />
            <source>Custody events checked: {count}</source>
            <translation>Gebeurtenissen gecontroleerd: {count}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="77" />
            <source>Head of the custody log: {hash}</source>
            <translation>Laatste hash van het bewaarlogboek: {hash}</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="87" />
            <source>Checking the vault</source>
            <translation>De kluis wordt gecontroleerd</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="94" />
            <location filename="../../evidence_kit/ui/views/verify.py" line="102" />
            <source>Check of the vault</source>
            <translation>Controle van de kluis</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="126" />
            <source>Choose the dossier package (.zip) or its manifest.json</source>
            <translation>Kies het dossierpakket (.zip) of het bestand manifest.json ervan</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="128" />
            <source>Dossier packages (*.zip manifest.json);;All files (*)</source>
            <translation>Dossierpakketten (*.zip manifest.json);;Alle bestanden (*)</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="141" />
            <source>The package is complete and unchanged since it was exported.</source>
            <translation>Het pakket is compleet en onveranderd sinds het is geëxporteerd.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="145" />
            <source>The package is NOT as it was exported: read the findings below.</source>
            <translation>Het pakket is NIET zoals het is geëxporteerd: lees de bevindingen hieronder.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/verify.py" line="149" />
            <location filename="../../evidence_kit/ui/views/verify.py" line="160" />
            <source>Check of a dossier package</source>
            <translation>Controle van een dossierpakket</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="109" />
            <source>Recently opened on this computer:</source>
            <translation>Onlangs geopend op deze computer:</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="144" />
            <source>Open the vault {name}</source>
            <translation>De kluis {name} openen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="48" />
            <source>Unlock again…</source>
            <translation>Opnieuw ontgrendelen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="56" />
            <source>Keep the proof safe</source>
            <translation>Bewaar het bewijs veilig</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="65" />
            <source>Evidence Kit stores screenshots, chats, e-mails and other files exactly as they are, encrypted with your passphrase. It records when each item was stored, so you can later give the police or a lawyer a dossier they can check.</source>
            <translation>Bewijskluis bewaart schermafbeeldingen, chats, e-mails en andere bestanden precies zoals ze zijn, versleuteld met uw wachtwoordzin. Het legt vast wanneer elk item is bewaard, zodat u de politie of een advocaat later een dossier kunt geven dat zij kunnen controleren.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="76" />
            <source>Create a new vault…</source>
            <translation>Een nieuwe kluis maken…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="77" />
            <source>Start a new, empty vault for one case, protected by a passphrase you choose.</source>
            <translation>Begin een nieuwe, lege kluis voor één zaak, beveiligd met een wachtwoordzin die u kiest.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="82" />
            <source>Open a vault…</source>
            <translation>Een kluis openen…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="83" />
            <source>Open a vault you made before. You will need its passphrase or recovery code.</source>
            <translation>Open een kluis die u eerder maakte. U hebt de wachtwoordzin of de herstelcode nodig.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="88" />
            <source>Try the demo case</source>
            <translation>Probeer de demozaak</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="89" />
            <source>A made-up case with a chat, an e-mail and screenshots, to see how everything works.</source>
            <translation>Een verzonnen zaak met een chat, een e-mail en schermafbeeldingen, om te zien hoe alles werkt.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="96" />
            <source>Check a dossier you received…</source>
            <translation>Een ontvangen dossier controleren…</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/welcome.py" line="99" />
            <source>For the police or a lawyer: check that a dossier package is complete and unchanged.</source>
            <translation>Voor de politie of een advocaat: controleer of een dossierpakket compleet en onveranderd is.</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../../evidence_kit/ui/views/workspace.py" line="153" />
            <source>Adding evidence</source>
            <translation>Bewijs toevoegen</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/workspace.py" line="235" />
            <source>The clipboard holds no picture and no files to add.</source>
            <translation>Op het klembord staat geen afbeelding en geen bestand om toe te voegen.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/workspace.py" line="240" />
            <source>Pasted screenshot {time} UTC.png</source>
            <translation>Geplakte schermafbeelding {time} UTC.png</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/workspace.py" line="254" />
            <source>The picture from the clipboard was stored as {name}.</source>
            <translation>De afbeelding van het klembord is bewaard als {name}.</translation>
        </message>
        <message>
            <location filename="../../evidence_kit/ui/views/workspace.py" line="230" />
            <source>The clipboard holds text, not a picture or files. To keep a message as evidence, take a screenshot of it (with the sender and the date visible) and paste that.</source>
            <translation>Op het klembord staat tekst, geen afbeelding of bestand. Wilt u een bericht als bewijs bewaren, maak er dan een schermafbeelding van (met de afzender en de datum in beeld) en plak die.</translation>
        </message>
    </context>
</TS>
