<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AppWindow</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/main_window.py" line="245" />
            <source>%n item(s) waiting for a trusted time-stamp</source>
            <translation>
                <numerusform>%n item waiting for a trusted time-stamp</numerusform>
                <numerusform>%n items waiting for a trusted time-stamp</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/main_window.py" line="265" />
            <source>%n item(s) received a trusted time-stamp.</source>
            <translation>
                <numerusform>%n item received a trusted time-stamp.</numerusform>
                <numerusform>%n items received a trusted time-stamp.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/case_actions.py" line="166" />
            <source>%n hint(s): what is missing</source>
            <translation>
                <numerusform>%n hint: what is missing</numerusform>
                <numerusform>%n hints: what is missing</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChatList</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/chat_list.py" line="78" />
            <source>This export holds %n chat(s), each stored as an item of its own and read from the one stored original. Double-click a chat to open it; tick chats to put them in a dossier.</source>
            <translation>
                <numerusform>This export holds %n chat, stored as an item of its own and read from the one stored original. Double-click the chat to open it; tick it to put it in a dossier.</numerusform>
                <numerusform>This export holds %n chats, each stored as an item of its own and read from the one stored original. Double-click a chat to open it; tick chats to put them in a dossier.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/message_views.py" line="164" />
            <source>Show more messages (%n not shown yet)</source>
            <translation>
                <numerusform>Show more messages (%n not shown yet)</numerusform>
                <numerusform>Show more messages (%n not shown yet)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/duplicates_dialog.py" line="44" />
            <source>%n file(s) you added are already in the vault, with exactly the same content. Nothing is lost: the earlier item keeps it.</source>
            <translation>
                <numerusform>%n file you added is already in the vault, with exactly the same content. Nothing is lost: the earlier item keeps it.</numerusform>
                <numerusform>%n files you added are already in the vault, with exactly the same content. Nothing is lost: the earlier item keeps them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EvidenceList</name>
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
                <numerusform>{shown} of %n item</numerusform>
                <numerusform>{shown} of %n items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="171" />
            <source>%n item(s) you marked sensitive are ticked already.</source>
            <translation>
                <numerusform>%n item you marked sensitive is ticked already.</numerusform>
                <numerusform>%n items you marked sensitive are ticked already.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="100" />
            <source>Only the &amp;selected item(s) (%n)</source>
            <translation>
                <numerusform>Only the &amp;selected item (%n)</numerusform>
                <numerusform>Only the &amp;selected items (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="98" />
            <source>&amp;All items of the case (%n)</source>
            <translation>
                <numerusform>&amp;All items of the case (%n)</numerusform>
                <numerusform>&amp;All items of the case (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDoneDialog</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/export_dialog.py" line="331" />
            <source>The dossier {id} is ready, with %n item(s).</source>
            <translation>
                <numerusform>The dossier {id} is ready, with %n item.</numerusform>
                <numerusform>The dossier {id} is ready, with %n items.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/find_bar.py" line="109" />
            <source>Match {number} of %n for “{words}”</source>
            <translation>
                <numerusform>Match {number} of %n for “{words}”</numerusform>
                <numerusform>Match {number} of %n for “{words}”</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GapsView</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/gaps_view.py" line="66" />
            <source>%n hint(s).</source>
            <translation>
                <numerusform>%n hint.</numerusform>
                <numerusform>%n hints.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="50" />
            <source>%n file(s) added.</source>
            <translation>
                <numerusform>%n file added.</numerusform>
                <numerusform>%n files added.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="52" />
            <source>%n file(s) could NOT be added (see below).</source>
            <translation>
                <numerusform>%n file could NOT be added (see below).</numerusform>
                <numerusform>%n files could NOT be added (see below).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="56" />
            <source>%n link(s) or special file(s) inside the folders skipped; nothing was read from them (see below).</source>
            <translation>
                <numerusform>%n link or special file inside the folders skipped; nothing was read from it (see below).</numerusform>
                <numerusform>%n links or special files inside the folders skipped; nothing was read from them (see below).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="63" />
            <source>%n file(s) already in the vault skipped (see below).</source>
            <translation>
                <numerusform>%n file already in the vault skipped (see below).</numerusform>
                <numerusform>%n files already in the vault skipped (see below).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="66" />
            <source>%n file(s) already in the vault added again as new item(s).</source>
            <translation>
                <numerusform>%n file already in the vault added again as a new item.</numerusform>
                <numerusform>%n files already in the vault added again as new items.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="70" />
            <source>%n file(s) with warnings: read them before you rely on the item.</source>
            <translation>
                <numerusform>%n file with warnings: read them before you rely on the item.</numerusform>
                <numerusform>%n files with warnings: read them before you rely on the item.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="76" />
            <source>Cancelled: %n file(s) were not added. Everything added before is complete.</source>
            <translation>
                <numerusform>Cancelled: %n file was not added. Everything added before is complete.</numerusform>
                <numerusform>Cancelled: %n files were not added. Everything added before is complete.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="99" />
            <source>(%n more file(s))</source>
            <translation>
                <numerusform>(%n more file)</numerusform>
                <numerusform>(%n more files)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="154" />
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n message</numerusform>
                <numerusform>%n messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="159" />
            <source>%n attached file(s) stored</source>
            <translation>
                <numerusform>%n attached file stored</numerusform>
                <numerusform>%n attached files stored</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/import_report.py" line="157" />
            <source>%n chat(s), each its own item</source>
            <translation>
                <numerusform>%n chat, its own item</numerusform>
                <numerusform>%n chats, each its own item</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IncidentEditor</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/incident_editor.py" line="210" />
            <source>Tick the %n item(s) selected in the evidence list</source>
            <translation>
                <numerusform>Tick the %n item selected in the evidence list</numerusform>
                <numerusform>Tick the %n items selected in the evidence list</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IncidentLog</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/incident_log.py" line="202" />
            <source>%n incident(s) written down.</source>
            <translation>
                <numerusform>%n incident written down.</numerusform>
                <numerusform>%n incidents written down.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeopleView</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/people_view.py" line="211" />
            <source>%n person(s) in the register.</source>
            <translation>
                <numerusform>%n person in the register.</numerusform>
                <numerusform>%n persons in the register.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/progress.py" line="61" />
            <source>{done} of %n file(s)</source>
            <translation>
                <numerusform>{done} of %n file</numerusform>
                <numerusform>{done} of %n files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="291" />
            <source>%n incident(s)</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="293" />
            <source>%n item(s) shown.</source>
            <translation>
                <numerusform>%n item shown.</numerusform>
                <numerusform>%n items shown.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../evidence_kit/ui/views/timeline_view.py" line="297" />
            <source>%n item(s) state no time of their own (only when they were stored) and are not shown.</source>
            <translation>
                <numerusform>%n item state no time of their own (only when they were stored) and are not shown.</numerusform>
                <numerusform>%n items state no time of their own (only when they were stored) and are not shown.</numerusform>
            </translation>
        </message>
    </context>
</TS>
