"""The store: schema, migrations and every SQL statement of the app."""

from db.errors import DuplicateFeedError, NotFoundError, SchemaTooNewError, StoreError
from db.query import ArticleQuery
from db.store import Store, open_store

__all__ = [
    "ArticleQuery",
    "DuplicateFeedError",
    "NotFoundError",
    "SchemaTooNewError",
    "Store",
    "StoreError",
    "open_store",
]
