"""A digest as plain data: what moved on each tracked issue over a period, read from the store.

A digest leads with the moves against the baseline reported in the period, then the
stories of each issue: a story (items that report one happening) is listed once, under
the first of its issues in the digest, with its items, its outlets and its moves; the
other sections it belongs to point to it.

Building reads the store and nothing else; the renderers (monitor.digest.render) only
format what is built here, so every format says the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from db import ArticleQuery, Store
from db.records import Article, ArticleRow, BaselineFact, StoredMove, Story, Tag, TrackedIssue
from monitor import __version__
from monitor.digest.escape import safe_url
from monitor.digest.lang import Words
from monitor.digest.text import clean_text, cut_words, summarize
from monitor.figures import figure_line
from monitor.localized import localize_facts, localize_issues, say
from monitor.messages import message
from monitor.stories.rank import rank_key

TITLE = "Canada–China Monitor digest"
_PAGE = 1000
# Feeds may send anything: a title or feed name of a megabyte would swamp every format.
TITLE_LIMIT = 400
NAME_LIMIT = 200


class DigestError(ValueError):
    """A digest that cannot be made as asked (an empty period, no PDF renderer, ...)."""


@dataclass(frozen=True)
class DigestItem:
    article_id: int
    date: datetime
    source: str
    title: str
    url: str | None  # an http(s) link, or None: anything else is never made a link
    matched_terms: tuple[str, ...]  # why it was tagged with the section's issue
    tagged_by_hand: bool
    summary: str
    also_in: tuple[str, ...]  # other feeds that carried the same article
    read: bool
    starred: bool


@dataclass(frozen=True)
class DigestMove:
    """A baseline figure or state that an item of the period reports otherwise."""

    fact: str
    fact_statement: str  # the whole fact
    figure: str | None  # the figure's label; None when a state moved
    baseline: str
    reported: str
    words: str  # the item's own words that say so
    article_id: int
    date: datetime
    source: str
    title: str
    url: str | None


@dataclass(frozen=True)
class DigestStory:
    """One happening: the items of the period that report it, whichever outlets carried them."""

    id: int | None  # None for an item not yet put in a story
    headline: str
    headline_reason: str
    first_seen: datetime
    first_outlet: str
    outlets: tuple[str, ...]
    issues: tuple[str, ...]
    items: tuple[DigestItem, ...]  # oldest first
    moves: tuple[DigestMove, ...]


@dataclass(frozen=True)
class StoryPointer:
    """A story of this issue that the digest lists under another issue's section."""

    id: int | None
    headline: str
    section: str  # the name of the section that lists it


@dataclass(frozen=True)
class BaselineNote:
    """One baseline fact of an issue, whole, with its figures said as a person says them."""

    id: str
    statement: str
    when: str | None
    figures: tuple[str, ...]


@dataclass(frozen=True)
class IssueSection:
    slug: str
    name: str
    count: int  # items that match the digest's filters; `items` may hold fewer in a preview
    period_total: int  # every item on the issue in the period, whatever the filters
    previous_total: int  # the same over the previous period of the same length
    baseline: tuple[BaselineNote, ...]
    items: tuple[DigestItem, ...]
    stories: tuple[DigestStory, ...] = ()  # the stories first listed here, ranked
    elsewhere: tuple[StoryPointer, ...] = ()  # this issue's stories listed under another section

    @property
    def change(self) -> int:
        return self.period_total - self.previous_total


@dataclass(frozen=True)
class DigestFeed:
    title: str
    url: str
    enabled: bool
    items: int  # items on the storyline it carried in the period, shared ones included


@dataclass(frozen=True)
class Digest:
    title: str
    since: datetime
    until: datetime
    generated_at: datetime
    unread_only: bool
    starred_only: bool
    rules_version: str
    app_version: str
    sections: tuple[IssueSection, ...]
    feeds: tuple[DigestFeed, ...]
    moves: tuple[DigestMove, ...] = ()  # reported in the period, newest first
    lang: str = "en"  # "en" or "fr": the words, dates and numbers of every format (JSON keys stay English)

    @property
    def story_count(self) -> int:
        return sum(len(s.stories) for s in self.sections)

    @property
    def move_groups(self) -> tuple[tuple[DigestMove, ...], ...]:
        """The moves, one group per change reported (the same fact, figure and values), with
        every report of it, newest first: six outlets saying the visit took place are one move."""
        groups: dict[tuple[str, str | None, str, str], list[DigestMove]] = {}
        for move in self.moves:
            groups.setdefault((move.fact, move.figure, move.baseline, move.reported), []).append(move)
        return tuple(tuple(g) for g in groups.values())

    @property
    def span(self) -> timedelta:
        return self.until - self.since

    @property
    def previous_since(self) -> datetime:
        return self.since - self.span

    @property
    def article_count(self) -> int:
        """Distinct articles: one tagged with two issues counts once."""
        return len({item.article_id for s in self.sections for item in s.items})


def build_digest(
    store: Store,
    since: datetime,
    until: datetime | None = None,
    issues: Sequence[str] | None = None,
    unread: bool = False,
    starred: bool = False,
    *,
    now: datetime,
    lang: str = "en",
) -> Digest:
    """The digest of `since`..`until` (until defaults to now) for the chosen issues (default all),
    in `lang` ("en" or "fr": the shipped issues' names, the baseline and the moves' words too).

    An unknown issue slug raises db.NotFoundError before anything is read.
    """
    words = Words(lang)  # an unknown language is refused before anything is read
    until = until or now
    if since >= until:
        raise DigestError(message("empty_period"))
    with store.read():
        chosen = localize_issues(_chosen_issues(store, issues), lang)
        builder = _SectionBuilder(store, since, until, unread, starred, lang)
        sections = _with_stories([builder.section(issue) for issue in chosen], builder)
        moves = builder.moves()
        feeds = _feeds(store, since, until)
        rules_version = store.issues.rules_version()
    return Digest(
        title=words.t(TITLE),
        since=since,
        until=until,
        generated_at=now,
        unread_only=unread,
        starred_only=starred,
        rules_version=rules_version,
        app_version=__version__,
        sections=sections,
        feeds=feeds,
        moves=moves,
        lang=lang,
    )


def preview(digest: Digest, per_issue: int) -> Digest:
    """The same digest with at most `per_issue` items and stories in each section (counts unchanged)."""
    return replace(
        digest,
        sections=tuple(
            replace(s, items=s.items[:per_issue], stories=s.stories[:per_issue]) for s in digest.sections
        ),
    )


def _with_stories(sections: list[IssueSection], builder: _SectionBuilder) -> tuple[IssueSection, ...]:
    """Each section's stories: a story is listed once, under the first section it belongs to,
    with its items from every section; the later sections point to it."""
    per_section = [builder.stories(section) for section in sections]
    whole: dict[int, DigestStory] = {}
    for stories in per_section:
        for story in stories:
            if story.id is not None:
                whole[story.id] = _joined(whole[story.id], story) if story.id in whole else story
    listed_in: dict[int, str] = {}
    done: list[IssueSection] = []
    for section, stories in zip(sections, per_section, strict=True):
        kept, elsewhere = [], []
        for story in stories:
            if story.id is None:
                kept.append(story)
            elif story.id in listed_in:
                elsewhere.append(StoryPointer(story.id, story.headline, listed_in[story.id]))
            else:
                listed_in[story.id] = section.name
                kept.append(whole[story.id])
        done.append(replace(section, stories=tuple(kept), elsewhere=tuple(elsewhere)))
    return tuple(done)


def _joined(first: DigestStory, more: DigestStory) -> DigestStory:
    """One story's items and moves as two sections found them, each once, oldest first."""
    items = {i.article_id: i for i in (*first.items, *more.items)}
    moves = {(m.article_id, m.fact, m.figure, m.reported): m for m in (*first.moves, *more.moves)}
    return replace(
        first, items=tuple(sorted(items.values(), key=lambda i: (i.date, i.article_id))),
        moves=tuple(moves.values()),
    )


def _chosen_issues(store: Store, slugs: Sequence[str] | None) -> list[TrackedIssue]:
    tracked = store.issues.list()
    if not slugs:
        return tracked
    wanted = set(slugs)
    for slug in slugs:
        store.issues.get(slug)  # raises NotFoundError naming the known slugs
    return [issue for issue in tracked if issue.slug in wanted]


class _SectionBuilder:
    """Reads and prepares each article once, however many issues list it."""

    def __init__(
        self, store: Store, since: datetime, until: datetime, unread: bool, starred: bool, lang: str = "en"
    ) -> None:
        self._store = store
        self._lang = lang
        self._since, self._until = since, until
        self._unread, self._starred = unread, starred
        self._articles: dict[int, Article] = {}
        self._tags: dict[int, list[Tag]] = {}
        self._prepared: dict[int, DigestItem] = {}  # everything but the issue's own reasons
        self._facts = localize_facts(store.baseline.list(), lang)
        self._moves: dict[int, list[StoredMove]] = {}

    def section(self, issue: TrackedIssue) -> IssueSection:
        query = ArticleQuery(
            issue=issue.slug, since=self._since, until=self._until,
            unread=self._unread, starred=self._starred,
        )
        rows = self._rows(query)
        self._load(rows)
        items = tuple(self._item(row, issue.slug) for row in rows)
        span = self._until - self._since
        return IssueSection(
            slug=issue.slug,
            name=issue.name,
            count=len(items),
            period_total=self._count(issue.slug, self._since, self._until),
            previous_total=self._count(issue.slug, self._since - span, self._since),
            baseline=tuple(_note(f, self._lang) for f in self._facts if issue.slug in f.issues),
            items=items,
        )

    def stories(self, section: IssueSection) -> list[DigestStory]:
        """The section's items gathered into their stories, ranked; an item in no story stands alone."""
        ids = [i.article_id for i in section.items]
        by_story = self._store.stories.of_articles(ids)
        self._load_moves(ids)
        members: dict[int | None, list[DigestItem]] = {}
        alone: list[DigestStory] = []
        for item in reversed(section.items):  # oldest first
            story_id = by_story.get(item.article_id)
            if story_id is None:
                alone.append(self._story_of_one(item, section.slug))
            else:
                members.setdefault(story_id, []).append(item)
        stored = self._store.stories.get_many(list(members))
        # An item in no story yet stands alone, ranked as a story of one outlet would be.
        told = [self._story(s, members[s.id]) for s in stored]
        latest = {s.id: s.last_date for s in stored}
        return sorted(told + alone, reverse=True, key=lambda s: rank_key(
            latest.get(s.id) or s.items[-1].date, len(s.outlets)))

    def _story(self, story: Story, items: list[DigestItem]) -> DigestStory:
        return DigestStory(
            id=story.id,
            headline=cut_words(clean_text(story.headline), TITLE_LIMIT) or items[0].title,
            headline_reason=story.headline_reason,
            first_seen=story.first_date,
            first_outlet=_name(story.first_outlet),
            outlets=_distinct(_name(o) for o in story.outlets),
            issues=story.issues,
            items=tuple(items),
            moves=tuple(self._digest_move(m) for i in items for m in self._moves_of(i.article_id)),
        )

    def _story_of_one(self, item: DigestItem, slug: str) -> DigestStory:
        return DigestStory(
            id=None, headline=item.title, headline_reason="its only item", first_seen=item.date,
            first_outlet=item.source, outlets=(item.source, *item.also_in), issues=(slug,), items=(item,),
            moves=tuple(self._digest_move(m) for m in self._moves_of(item.article_id)),
        )

    def _load_moves(self, article_ids: list[int]) -> None:
        """The moves of the articles not read yet, in one query for the lot."""
        missing = [a for a in article_ids if a not in self._moves]
        self._moves.update(self._store.moves.of_articles(missing))
        for article_id in missing:
            self._moves.setdefault(article_id, [])

    def _moves_of(self, article_id: int) -> list[StoredMove]:
        return self._moves.get(article_id, [])

    def moves(self) -> tuple[DigestMove, ...]:
        """Moves reported by items of the period, newest first."""
        found = [m for m in self._store.moves.recent(self._since) if m.published < self._until]
        self._load_ids([m.article_id for m in found])
        return tuple(self._digest_move(m) for m in found)

    def _digest_move(self, stored: StoredMove) -> DigestMove:
        self._load_ids([stored.article_id])
        item = self._prepared[stored.article_id]
        fact = next((f for f in self._facts if f.id == stored.move.fact), None)
        move = stored.move
        return DigestMove(
            fact=move.fact, fact_statement=_note(fact).statement if fact else move.fact,
            figure=clean_text(say(move.figure, self._lang)) if move.figure else None,
            baseline=clean_text(say(move.baseline, self._lang)),
            reported=clean_text(say(move.reported, self._lang)),
            words=clean_text(move.words), article_id=stored.article_id,
            date=item.date, source=item.source, title=item.title, url=item.url,
        )

    def _load_ids(self, ids: list[int], own_feed: Mapping[int, str] | None = None) -> None:
        """Read and prepare the articles not read yet."""
        missing = [i for i in ids if i not in self._prepared]
        if not missing:
            return
        carriers = self._store.articles.feed_titles(missing)
        for article in self._store.articles.get_many(missing):
            self._articles[article.id] = article
            self._tags[article.id] = self._store.articles.tags(article.id)
            feeds = carriers.get(article.id) or [(own_feed or {}).get(article.id, "")]
            self._prepared[article.id] = _prepare(article, feeds, self._lang)

    def _count(self, slug: str, since: datetime, until: datetime) -> int:
        return self._store.articles.count(ArticleQuery(issue=slug, since=since, until=until))

    def _rows(self, query: ArticleQuery) -> list[ArticleRow]:
        rows: list[ArticleRow] = []
        while True:
            page = self._store.articles.rows(query, offset=len(rows), limit=_PAGE)
            rows.extend(page)
            if len(page) < _PAGE:
                return rows

    def _load(self, rows: list[ArticleRow]) -> None:
        self._load_ids([r.id for r in rows], {r.id: r.feed_title for r in rows})

    def _item(self, row: ArticleRow, slug: str) -> DigestItem:
        tag = next((t for t in self._tags[row.id] if t.issue == slug), None)
        return replace(
            self._prepared[row.id],
            matched_terms=_matched_words(self._articles[row.id], tag),
            tagged_by_hand=tag is not None and tag.source == "manual",
            read=row.read,
            starred=row.starred,
        )


def _prepare(article: Article, feed_titles: list[str], lang: str = "en") -> DigestItem:
    """The parts of an item that do not depend on the issue it is listed under."""
    feeds = _distinct(_name(t) for t in feed_titles) or (Words(lang).t("(unnamed feed)"),)
    title = cut_words(clean_text(article.title), TITLE_LIMIT) or Words(lang).t("(untitled)")
    return DigestItem(
        article_id=article.id,
        date=article.date,
        source=feeds[0],
        title=title,
        url=safe_url(article.url),
        matched_terms=(),
        tagged_by_hand=False,
        summary=summarize(article.text, title=title),
        also_in=feeds[1:],
        read=False,
        starred=False,
    )


def _matched_words(article: Article, tag: Tag | None) -> tuple[str, ...]:
    """The words that matched, as the item spells them ("detained" for the rule term "detain*")."""
    if tag is None:
        return ()
    words = []
    for match in tag.matches:
        source = article.title if match.field == "title" else article.text
        inside = 0 <= match.start < match.end <= len(source)
        words.append(clean_text(source[match.start : match.end] if inside else match.term))
    return _distinct(words)


def _name(text: str) -> str:
    return cut_words(clean_text(text), NAME_LIMIT)


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    """Non-empty values in order, each once (ignoring case)."""
    seen: dict[str, str] = {}
    for value in values:
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return tuple(seen.values())


def _note(fact: BaselineFact, lang: str = "en") -> BaselineNote:
    """The whole fact: a baseline claim is one sentence or two, and half a claim misleads."""
    figures = tuple(clean_text(figure_line(f).replace(": ", Words(lang).colon, 1)) for f in fact.figures)
    when = clean_text(fact.date_label) or None
    return BaselineNote(id=fact.id, statement=clean_text(fact.statement), when=when, figures=figures)


def _feeds(store: Store, since: datetime, until: datetime) -> tuple[DigestFeed, ...]:
    """The feeds in the list, with how many items on the storyline each carried in the period;
    a disabled feed that carried nothing says nothing about the period and is left out."""
    feeds = (
        DigestFeed(
            title=_name(feed.display_title),
            url=cut_words(clean_text(feed.url), NAME_LIMIT),
            enabled=feed.enabled,
            items=store.articles.count(ArticleQuery(feed_id=feed.id, since=since, until=until)),
        )
        for feed in store.feeds.list()
    )
    return tuple(feed for feed in feeds if feed.enabled or feed.items)
