<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_CA">
<context>
    <name>BaselineDetail</name>
    <message numerus="yes">
        <source>%n report(s) since the baseline</source>
        <translation>
            <numerusform>%n report since the baseline</numerusform>
            <numerusform>%n reports since the baseline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n baseline fact(s)</source>
        <translation>
            <numerusform>%n baseline fact</numerusform>
            <numerusform>%n baseline facts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n outlet</numerusform>
            <numerusform>%n outlets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BaselinePanel</name>
    <message numerus="yes">
        <source>%Ln later item(s)</source>
        <translation>
            <numerusform>%Ln later item</numerusform>
            <numerusform>%Ln later items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>moved — %n report(s)</source>
        <translation>
            <numerusform>moved — %n report</numerusform>
            <numerusform>moved — %n reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n outlet</numerusform>
            <numerusform>%n outlets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln earlier report(s)</source>
        <translation>
            <numerusform>… and %Ln earlier report</numerusform>
            <numerusform>… and %Ln earlier reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Developments</name>
    <message numerus="yes">
        <source>%n story(ies)</source>
        <translation>
            <numerusform>%n story</numerusform>
            <numerusform>%n stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a move</source>
        <translation>
            <numerusform>%n with a move</numerusform>
            <numerusform>%n with a move</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n story(ies)</source>
        <translation>
            <numerusform>Merged %n story</numerusform>
            <numerusform>Merged %n stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> +%n more</source>
        <translation>
            <numerusform> +%n more</numerusform>
            <numerusform> +%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedManager</name>
    <message numerus="yes">
        <source>%n feed(s) selected</source>
        <translation>
            <numerusform>%n feed selected</numerusform>
            <numerusform>%n feeds selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n feed(s) and the items only they carried?</source>
        <translation>
            <numerusform>Delete %n feed and the items only they carried?</numerusform>
            <numerusform>Delete %n feeds and the items only they carried?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n feed(s).</source>
        <translation>
            <numerusform>Deleted %n feed.</numerusform>
            <numerusform>Deleted %n feeds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n feed(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n feed to {path}.</numerusform>
            <numerusform>Exported %n feeds to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already listed</source>
        <translation>
            <numerusform>%n already listed</numerusform>
            <numerusform>%n already listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped ({first})</source>
        <translation>
            <numerusform>%n skipped ({first})</numerusform>
            <numerusform>%n skipped ({first})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s)</source>
        <translation>
            <numerusform>%n feed</numerusform>
            <numerusform>%n feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new feed(s)</source>
        <translation>
            <numerusform>Imported %n new feed</numerusform>
            <numerusform>Imported %n new feeds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PollLine</name>
    <message numerus="yes">
        <source>%Ln ok</source>
        <translation>
            <numerusform>%Ln ok</numerusform>
            <numerusform>%Ln ok</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln feed(s)</source>
        <translation>
            <numerusform>%Ln feed</numerusform>
            <numerusform>%Ln feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new item(s)</source>
        <translation>
            <numerusform>%Ln new item</numerusform>
            <numerusform>%Ln new items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n story(ies) grew</source>
        <translation>
            <numerusform>%n story grew</numerusform>
            <numerusform>%n stories grew</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PollStatus</name>
    <message numerus="yes">
        <source>Polling feeds… %Ln new</source>
        <translation>
            <numerusform>Polling feeds… %Ln new</numerusform>
            <numerusform>Polling feeds… %Ln new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message numerus="yes">
        <source>Marked %n item(s) read (Edit › Undo mark all read)</source>
        <translation>
            <numerusform>Marked %n item read (Edit › Undo mark all read)</numerusform>
            <numerusform>Marked %n items read (Edit › Undo mark all read)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) unread again</source>
        <translation>
            <numerusform>%n item unread again</numerusform>
            <numerusform>%n items unread again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message numerus="yes">
        <source> (first %n shown)</source>
        <translation>
            <numerusform> (first %n shown)</numerusform>
            <numerusform> (first %n shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message numerus="yes">
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n term</numerusform>
            <numerusform>%n terms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryTree</name>
    <message numerus="yes">
        <source>%n+ story(ies)</source>
        <translation>
            <numerusform>%n+ story</numerusform>
            <numerusform>%n+ stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n story(ies)</source>
        <translation>
            <numerusform>%n story</numerusform>
            <numerusform>%n stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln unread</numerusform>
            <numerusform>%Ln unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n outlet</numerusform>
            <numerusform>%n outlets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
</TS>
