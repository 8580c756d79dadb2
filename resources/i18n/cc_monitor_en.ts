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
        <source>%n feed(s)</source>
        <translation>
            <numerusform>%n feed</numerusform>
            <numerusform>%n feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n new item</numerusform>
            <numerusform>%n new items</numerusform>
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
