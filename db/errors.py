"""The store's exception tree: callers catch `StoreError` and show its one-line message."""


class StoreError(Exception):
    """A problem the user can act on; the message is one line."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the app."""


class NotFoundError(StoreError):
    """No feed, article, issue or rule with that key."""


class DuplicateFeedError(StoreError):
    """A feed with that URL is already in the list."""
