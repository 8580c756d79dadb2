"""The store: schema, migrations and every SQL statement of the app.

Writes that are plain table operations go through sqlite-utils' table API, on the
store's own connection and inside its `BEGIN IMMEDIATE` transactions (`Store.write_tables`):
adding, editing and removing feeds, settings, saved searches, tracked issues and their
rules, and the baseline facts (which is all that seeding writes). Hand-written SQL stays
where one statement does what sqlite-utils would need several for, on the paths a poll or
the article list runs thousands of times: ingest (one transaction per feed, lookups by guid
and URL), feed leases and poll outcomes (one `UPDATE ... RETURNING` or `executemany` per
batch), the reader's read/starred/tag state, the article queries and pruning, stories and
moves (written for every batch of a poll's items, each story's dates and counts refreshed
by one statement), and the schema itself with its FTS5 triggers. sqlite-utils reads
`sqlite_master` and the table's columns before each operation: a setting written through
it costs about 0.5 ms against 0.03 ms for the statement alone, nothing for an edit, too
much per stored item.
"""

from db.errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseFault,
    DiskFullError,
    DuplicateFeedError,
    NotFoundError,
    NotOurDatabaseError,
    ReadOnlyDatabaseError,
    SchemaTooNewError,
    StoreError,
    fault,
)
from db.query import ArticleQuery
from db.store import Patience, Store, open_store

__all__ = [
    "ArticleQuery",
    "DatabaseBusyError",
    "DatabaseCorruptError",
    "DatabaseFault",
    "DiskFullError",
    "DuplicateFeedError",
    "NotFoundError",
    "NotOurDatabaseError",
    "Patience",
    "ReadOnlyDatabaseError",
    "SchemaTooNewError",
    "Store",
    "StoreError",
    "fault",
    "open_store",
]
