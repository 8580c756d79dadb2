<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Poll now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch every feed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export digest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Feeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit and check feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not about Canada–China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this item from the lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bout Canada–China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this item in the lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the item&apos;s web address on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Developments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tracked issues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove t&amp;ag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not about Canada–China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: words, &quot;phrases&quot;, AND / OR / NOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list the items judged not about Canada–China (greyed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>No web browser could be started: copy the link and paste it into one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also in: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tracked issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No baseline fact on this item&apos;s issues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BaselineDetail</name>
    <message>
        <source>Select a fact to read it in full here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 report since the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} reports since the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 baseline fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} baseline facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click, or the button above, lists the items on this issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} outlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click opens the story in Developments.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BaselinePanel</name>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no later item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 later item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} later items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved — 1 report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved — {} reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List later items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was true on {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Each issue shows how many items arrived since and its latest stories; a fact that later items report differently is marked “moved”, with those reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to list the items on this issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} outlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open the story in Developments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the fact says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported by {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: baseline {baseline}, reported {reported}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {} earlier reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List items on {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyDigest</name>
    <message>
        <source>Write a daily digest of the previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for daily digests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Developments</name>
    <message>
        <source>That story is older than the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unread} unread · {moved} with a move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged {} stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took the item out into a story of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since I last looked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories of the latest day first, then those carried by more outlets, then the latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> +{} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved: {baseline} → {reported}{more} ({what})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevelopmentsPanel</name>
    <message>
        <source>Mark story &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two or more stories that report one happening, then merge them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take out of this story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show stories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items yet. The app polls the feeds in the list; press F5 (Poll now) to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items yet, and no feeds to poll: add a feed or import an OPML file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds that failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or edit feeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import OPML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items appear here as soon as the first feed brings something about Canada–China. Meanwhile the Baseline tab shows what the app watches for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling the feeds for the first time: {done} of {total} feeds done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The poll is done and brought nothing about Canada–China yet; {failed} of {feeds} feeds failed (below). Check their addresses, or add other feeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The poll is done and brought nothing about Canada–China yet. The feeds are polled again on schedule; add more feeds to widen the net.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save digest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedManager</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPML (*.opml *.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export OPML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed address or web page, e.g. https://example.com/news</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll this feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected feeds in another category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import OPML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export OPML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} feeds selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the feed “{}” and the items only it carried?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {} feeds and the items only they carried?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {} feeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved {feeds} to {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category (leave empty for none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for feeds at {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up that address: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page offers several feeds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} feeds to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported 1 new feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {} new feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} already listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} skipped ({first})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between dates…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not polled (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as soon as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next poll: {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Highlight</name>
    <message>
        <source>tagged by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched the rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Next &amp;unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page down, then next unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus the next pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus the previous pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more unread items in this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Canada–China Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the saved search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} {version}
Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>{total} new: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PollLine</name>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 new item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} new items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 story grew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} stories grew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last poll {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next poll {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PollStatus</name>
    <message>
        <source>%v / %m feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling feeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling feeds… {} new</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Polling</name>
    <message>
        <source>Daily digest not written: {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Marked 1 item read (Edit › Undo mark all read restores it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked {} items read (Edit › Undo mark all read restores them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item unread again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} items unread again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as about Canada–China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as not about Canada–China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser could be started; Article › Copy link (L) copies {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Tracked issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me of new items on this issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and retag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore shipped rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back this issue&apos;s rules as the app ships them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “{}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore shipped rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This issue has no shipped rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the rules of {} in the editor with the shipped ones?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipped rules are in the editor: Save and retag to apply them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{}&apos; is not a colour (use #rrggbb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (first {} shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Among the {scanned} newest stored items, {gains} would gain the tag and {losses} would lose it{cut}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ would gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− would lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Retagging stored items in the background…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Retagged {total} items; {relevant} about Canada–China.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <source>Added per distinct term that hits; negative for distractors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many hits count (a title hit counts as the title weight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words within which a &apos;near&apos; or &apos;unless near&apos; group must hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One term per line, e.g. canola or &quot;canola seed&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms that void a hit where they overlap it, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups one of which must hit nearby: name, scope:name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups whose hit nearby voids this group&apos;s hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within (words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unless near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score an item needs to get the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a hit in the title counts; a hit in the summary counts 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups that must hit: one of a, b; and one of c, d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} terms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesText</name>
    <message>
        <source>not valid JSON: {message} (line {line}, column {column})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid TOML: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rules must be a table of settings ({…} in JSON)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>This desktop has no system tray, so closing the window quits the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me when new items arrive on tracked issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps the app in the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items judged not about Canada–China are forgotten after this long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll feeds every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep items not about Canada–China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All Canada–China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidebarMenu</name>
    <message>
        <source>Rename saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit feed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit feeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll all feeds now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nable feed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryTree</name>
    <message>
        <source>Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} outlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{headline}
{items} ({unread} unread), {outlets}; latest {latest}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Since the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week, Monday to Sunday (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(all issues: {})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} — hover over a bar for its count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bars stack the items on each issue; dashed lines mark the baseline&apos;s events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada–China Monitor: {} unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
