"""The Developments tree: tracked issues, their stories, and each story's items.

Issues and stories come in one `Developments` record; a story's items are read from
the store only when the story is expanded (canFetchMore / fetchMore). A story with
several issues has a row under each of them.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from db import Store
from db.records import ArticleRow, StoredMove, Story, TrackedIssue
from ui.developments import RANKING, Developments, move_text, moves_badge
from ui.i18n import long_date, quoted, translate
from ui.icons import dot_icon
from ui.theme import readable_colour

COL_STORY, COL_MOVED, COL_OUTLETS, COL_FIRST_SEEN = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("StoryTree", "Story"),
    QT_TRANSLATE_NOOP("StoryTree", "Moved"),
    QT_TRANSLATE_NOOP("StoryTree", "Outlets"),
    QT_TRANSLATE_NOOP("StoryTree", "First seen"),
)
KIND_ROLE = Qt.ItemDataRole.UserRole + 40
STORY_ID_ROLE = Qt.ItemDataRole.UserRole + 41
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 42
SLUG_ROLE = Qt.ItemDataRole.UserRole + 43
MOVED_ROLE = Qt.ItemDataRole.UserRole + 44  # the badge text, for the delegate

Kind = Literal["issue", "story", "item"]
_Index = QModelIndex | QPersistentModelIndex
_DATE = "%d %b %Y %H:%M"
_DAY = "%d %b %Y"


class _Node:
    __slots__ = (
        "kind",
        "id",
        "parent",
        "row",
        "children",
        "issue",
        "story",
        "item",
        "moves",
        "fetched",
        "capped",
    )

    def __init__(self, kind: Kind, node_id: int, parent: _Node | None, row: int) -> None:
        self.kind = kind
        self.id = node_id
        self.parent = parent
        self.row = row
        self.children: list[_Node] = []
        self.issue: TrackedIssue | None = None
        self.story: Story | None = None
        self.item: ArticleRow | None = None
        self.moves: tuple[StoredMove, ...] = ()
        self.fetched = False
        self.capped = False


class StoryTreeModel(QAbstractItemModel):
    """Issue rows, story rows under them, item rows under each story (read on expansion)."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids = itertools.count(1)
        self._nodes: dict[int, _Node] = {}
        self._root = self._new("issue", None, 0)
        self._labels: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def _new(self, kind: Kind, parent: _Node | None, row: int) -> _Node:
        node = _Node(kind, next(self._ids), parent, row)
        self._nodes[node.id] = node
        return node

    # --- what to show ---------------------------------------------------------------------

    def set_developments(self, developments: Developments) -> None:
        self.beginResetModel()
        self._nodes = {}
        self._root = self._new("issue", None, 0)
        self._labels = dict(developments.fact_labels)
        for row, group in enumerate(developments.groups):
            heading = self._new("issue", self._root, row)
            heading.issue, heading.capped = group.issue, group.capped
            self._root.children.append(heading)
            for number, story in enumerate(group.stories):
                node = self._new("story", heading, number)
                node.story, node.moves = story, story.moves
                heading.children.append(node)
        self.endResetModel()

    def story_nodes(self, story_id: int) -> list[_Node]:
        return [n for n in self._nodes.values() if n.kind == "story" and n.story and n.story.id == story_id]

    def story_index(self, story_id: int, slug: str | None = None) -> QModelIndex:
        """The row of a story (under `slug`'s heading if given, else its first)."""
        for node in self.story_nodes(story_id):
            if slug is None or (node.parent and node.parent.issue and node.parent.issue.slug == slug):
                return self.createIndex(node.row, 0, node.id)
        return QModelIndex()

    def issue_index(self, slug: str) -> QModelIndex:
        for node in self._root.children:
            if node.issue and node.issue.slug == slug:
                return self.createIndex(node.row, 0, node.id)
        return QModelIndex()

    def node(self, index: _Index) -> _Node | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def story_at(self, index: _Index) -> Story | None:
        node = self.node(index)
        return node.story if node is not None and node.kind == "story" else None

    def stories_shown(self) -> list[Story]:
        """Every story in the tree once, in the order of first appearance."""
        seen: dict[int, Story] = {}
        for heading in self._root.children:
            for node in heading.children:
                if node.story is not None:
                    seen.setdefault(node.story.id, node.story)
        return list(seen.values())

    # --- the reader's state, changed in place --------------------------------------------

    def set_items_read(self, article_ids: set[int]) -> None:
        """Items now read: their rows and their stories' unread counts change without a reload."""
        for node in list(self._nodes.values()):
            if node.kind == "item" and node.item and node.item.id in article_ids and not node.item.read:
                node.item = replace(node.item, read=True)
                self._changed(node)
            if node.kind == "story" and node.story and article_ids & set(node.story.item_ids):
                left = self._unread_left(node, article_ids)
                if left != node.story.unread:
                    node.story = replace(node.story, unread=left)
                    self._changed(node)

    def _unread_left(self, node: _Node, read_now: set[int]) -> int:
        assert node.story is not None
        if node.fetched:
            return sum(1 for c in node.children if c.item and not c.item.read and c.item.id not in read_now)
        return max(0, node.story.unread - len(read_now & set(node.story.item_ids)))

    def _changed(self, node: _Node) -> None:
        self.dataChanged.emit(
            self.createIndex(node.row, 0, node.id), self.createIndex(node.row, len(HEADERS) - 1, node.id)
        )

    # --- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        owner = self._owner(parent)
        if owner is None or not (0 <= row < len(owner.children)) or not (0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row].id)

    def _owner(self, parent: _Index) -> _Node | None:
        return self._root if not parent.isValid() else self.node(parent)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self._owner(parent)
        return 0 if owner is None else len(owner.children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        owner = self._owner(parent)
        if owner is None or (parent.isValid() and parent.column() != 0):
            return False
        if owner.kind == "story":
            return not owner.fetched or bool(owner.children)
        return bool(owner.children)

    def canFetchMore(self, parent: _Index) -> bool:
        node = self.node(parent)
        return node is not None and node.kind == "story" and not node.fetched and parent.column() == 0

    def fetchMore(self, parent: _Index) -> None:
        node = self.node(parent)
        if node is None or node.kind != "story" or node.fetched or node.story is None:
            return
        node.fetched = True
        rows = self._store.stories.item_rows(node.story.id)
        if not rows:
            return
        moves: dict[int, list[StoredMove]] = {}
        for move in node.moves:
            moves.setdefault(move.article_id, []).append(move)
        self.beginInsertRows(self.createIndex(node.row, 0, node.id), 0, len(rows) - 1)
        for number, row in enumerate(rows):
            child = self._new("item", node, number)
            child.item, child.moves = row, tuple(moves.get(row.id, ()))
            node.children.append(child)
        self.endInsertRows()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemNeverHasChildren if node.kind == "item" else flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("StoryTree", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("Developments", RANKING) if section == COL_STORY else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(node, column)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self._unread(node) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_STORY and node.issue is not None:
            return dot_icon(node.issue.colour)
        if role == Qt.ItemDataRole.ForegroundRole and node.kind == "issue" and node.issue is not None:
            return readable_colour(node.issue.colour)
        if role == KIND_ROLE:
            return node.kind
        if role == STORY_ID_ROLE:
            return (
                node.story.id
                if node.story
                else (node.parent.story.id if node.parent and node.parent.story else None)
            )
        if role == ARTICLE_ID_ROLE:
            return node.item.id if node.item else None
        if role == SLUG_ROLE:
            return node.issue.slug if node.issue else None
        if role == MOVED_ROLE and column == COL_MOVED:
            return moves_badge(node.moves, self._labels) or None
        return None

    def _unread(self, node: _Node) -> bool:
        if node.kind == "issue":
            return True
        if node.kind == "story":
            return bool(node.story and node.story.unread)
        return bool(node.item and not node.item.read)

    def _display(self, node: _Node, column: int) -> str | None:
        if node.kind == "issue":
            return self._issue_display(node, column)
        if column == COL_MOVED:
            return moves_badge(node.moves, self._labels)
        if node.kind == "item" and node.item is not None:
            item = node.item
            return {
                COL_STORY: item.title or translate("StoryTree", "(untitled)"),
                COL_OUTLETS: item.feed_title,
                COL_FIRST_SEEN: long_date(item.date.astimezone(), _DATE),
            }.get(column)
        story = node.story
        assert story is not None
        if column == COL_STORY:
            return story.headline or translate("StoryTree", "(untitled)")
        if column == COL_OUTLETS:
            return f"{len(story.outlets)} · {', '.join(story.outlets)}"
        if column == COL_FIRST_SEEN:
            return f"{long_date(story.first_date.astimezone(), _DAY)} · {story.first_outlet}"
        return None

    def _issue_display(self, node: _Node, column: int) -> str | None:
        count = len(node.children)
        if column == COL_STORY and node.issue is not None:
            if node.capped:  # more stories than the tree holds: "at least count"
                stories = translate("StoryTree", "%n+ story(ies)", None, count)
            else:
                stories = translate("StoryTree", "%n story(ies)", None, count)
            return f"{node.issue.name} — {stories}"
        if column == COL_MOVED:
            moved = sum(1 for c in node.children if c.moves)
            return translate("StoryTree", "%n moved", None, moved) if moved else ""
        return ""

    def _tooltip(self, node: _Node, column: int) -> str | None:
        if node.kind == "issue":
            return translate("Developments", RANKING)
        if column == COL_MOVED and node.moves:
            lines = (f"{move_text(m.move, self._labels)} — {quoted(m.move.words)}" for m in node.moves)
            return "\n".join(lines)
        if node.kind == "item" and node.item is not None:
            return node.item.title
        story = node.story
        assert story is not None
        if column == COL_OUTLETS:
            return "\n".join(story.outlets)
        items = len(story.item_ids)
        count = translate("StoryTree", "%n item(s)", None, items)
        outlets = len(story.outlets)
        where = translate("StoryTree", "%n outlet(s)", None, outlets)
        unread = story.unread
        unread_text = translate("StoryTree", "%Ln unread", None, unread)
        text = translate("StoryTree", "{headline}\n{items} ({unread}), {outlets}; latest {latest}")
        return text.format(
            headline=story.headline, items=count, unread=unread_text, outlets=where,
            latest=long_date(story.last_date.astimezone(), _DATE),
        )
