"""A deterministic set of news feeds that changes between polls.

Feed `i` at round `r` is a pure function of (seed, i, r) and the day: round 0 is the first poll;
before each later round a fixed share of the feeds (10% by default, drawn from the
seed) gains `new_per_change` items at the top, and the oldest fall off, so every feed
always carries `items_per_feed` items. RSS 2.0 and Atom are mixed, summaries are HTML,
and a few stories are carried by several feeds under the same link (wire copy).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import lru_cache
from xml.sax.saxutils import escape

from bench.newstext import NewsText, news_item

# Items are dated from two days before today (UTC): fresh, as a morning's feeds are,
# since an app may rightly drop or demote items weeks old.
BASE_DAYS_BACK = 2
ITEM_SPACING = timedelta(minutes=41)
WIRE_SHARE = 0.03
ATOM_SHARE = 0.35
_OUTLETS = ("Gazette", "Tribune", "Herald", "Courier", "Observer", "Post", "Chronicle", "Journal",
            "Dispatch", "Examiner", "Le Devoir du Nord", "La Presse de l'Ouest")


@dataclass(frozen=True)
class Item:
    k: int
    guid: str
    link: str
    published: datetime
    author: str
    news: NewsText


class FeedSet:
    """`feeds` feeds of `items_per_feed` items each, from `seed`."""

    def __init__(self, feeds: int, seed: int = 1, *, items_per_feed: int = 50,
                 changed_share: float = 0.10, new_per_change: int = 5, base: datetime | None = None) -> None:
        today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        self.base = base or today - timedelta(days=BASE_DAYS_BACK)
        self.feeds = feeds
        self.seed = seed
        self.items_per_feed = items_per_feed
        self.changed_share = changed_share
        self.new_per_change = new_per_change
        self._offset = lru_cache(maxsize=None)(self._offset_uncached)

    # --- what changes when ------------------------------------------------------------

    def changed_in_round(self, r: int) -> frozenset[int]:
        """Feeds that gained items just before round `r` (none before round 0)."""
        if r <= 0:
            return frozenset()
        rng = random.Random(f"{self.seed}:round:{r}")
        count = max(1, round(self.feeds * self.changed_share))
        return frozenset(rng.sample(range(self.feeds), count))

    def _offset_uncached(self, i: int, r: int) -> int:
        if r <= 0:
            return 0
        return self._offset(i, r - 1) + (self.new_per_change if i in self.changed_in_round(r) else 0)

    def last_changed(self, i: int, r: int) -> datetime:
        """When feed `i` last changed, as of round `r`: its Last-Modified."""
        newest = self._offset(i, r) + self.items_per_feed - 1
        return self._published(i, newest).replace(microsecond=0)

    # --- what a feed holds ------------------------------------------------------------

    def kind(self, i: int) -> str:
        return "atom" if random.Random(f"{self.seed}:kind:{i}").random() < ATOM_SHARE else "rss"

    def path(self, i: int) -> str:
        return f"/feeds/{i}.{'atom' if self.kind(i) == 'atom' else 'rss'}"

    def title(self, i: int) -> str:
        rng = random.Random(f"{self.seed}:title:{i}")
        return f"{rng.choice(_OUTLETS)} {i} — {rng.choice(('Top stories', 'World', 'Business', 'Canada'))}"

    def site(self, i: int) -> str:
        return f"https://news{i}.example.com"

    def _published(self, i: int, k: int) -> datetime:
        jitter = random.Random(f"{self.seed}:jitter:{i}").randrange(3600)
        return self.base + ITEM_SPACING * k + timedelta(seconds=jitter)

    def item(self, i: int, k: int) -> Item:
        """Item number `k` of feed `i` (0 is the oldest ever)."""
        rng = random.Random(f"{self.seed}:item:{i}:{k}")
        if rng.random() < WIRE_SHARE:
            wire = rng.randrange(max(1, self.feeds * self.items_per_feed // 60))
            link = f"https://wire.example.com/story/{self.seed}-{wire}"
            news = news_item(random.Random(f"{self.seed}:wire:{wire}"), link)
        else:
            link = f"{self.site(i)}/{k // 1000}/{k % 1000}-story"
            news = news_item(rng, link)
        author = rng.choice(("Staff", "Reuters", "The Canadian Press", "AFP", "J. Tremblay", "L. Chen"))
        return Item(k, f"{self.site(i)}/item/{k}", link, self._published(i, k), author, news)

    def items(self, i: int, r: int) -> list[Item]:
        """What feed `i` shows at round `r`, newest first."""
        start = self._offset(i, r)
        return [self.item(i, k) for k in reversed(range(start, start + self.items_per_feed))]

    def body(self, i: int, r: int) -> bytes:
        items = self.items(i, r)
        doc = _atom(self, i, items) if self.kind(i) == "atom" else _rss(self, i, items)
        return doc.encode("utf-8")

    def etag(self, i: int, r: int) -> str:
        digest = hashlib.sha1(f"{self.seed}:{i}:{self._offset(i, r)}".encode()).hexdigest()
        return f'"{digest[:20]}"'


def _rss(fs: FeedSet, i: int, items: list[Item]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
        f"<title>{escape(fs.title(i))}</title><link>{fs.site(i)}/</link>",
        f"<description>News from {escape(fs.title(i))}</description><language>en-ca</language>",
        f"<lastBuildDate>{format_datetime(items[0].published)}</lastBuildDate><ttl>15</ttl>",
    ]
    for item in items:
        permalink = item.k % 3 != 0
        guid = item.link if permalink else item.guid
        description = (
            f"<![CDATA[{item.news.summary_html}]]>" if item.k % 2 else escape(item.news.summary_html)
        )
        out.append(
            f"<item><title>{escape(item.news.title)}</title><link>{escape(item.link)}</link>"
            f'<guid isPermaLink="{"true" if permalink else "false"}">{escape(guid)}</guid>'
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            f"<dc:creator>{escape(item.author)}</dc:creator>"
            f"<category>{escape(item.news.category)}</category>"
            f"<description>{description}</description></item>"
        )
    out.append("</channel></rss>\n")
    return "\n".join(out)


def _atom(fs: FeedSet, i: int, items: list[Item]) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"<title>{escape(fs.title(i))}</title><id>tag:news{i}.example.com,2026:feed</id>",
        f'<link rel="alternate" href="{fs.site(i)}/"/><link rel="self" href="{fs.site(i)}{fs.path(i)}"/>',
        f"<updated>{items[0].published.isoformat()}</updated>",
    ]
    for item in items:
        lang = f' xml:lang="{item.news.lang}"' if item.news.lang != "en" else ""
        out.append(
            f"<entry{lang}><title>{escape(item.news.title)}</title>"
            f'<id>{escape(item.guid)}</id><link rel="alternate" href="{escape(item.link)}"/>'
            f"<published>{item.published.isoformat()}</published>"
            f"<updated>{item.published.isoformat()}</updated>"
            f"<author><name>{escape(item.author)}</name></author>"
            f'<category term="{escape(item.news.category)}"/>'
            f'<summary type="html">{escape(item.news.summary_html)}</summary></entry>'
        )
    out.append("</feed>\n")
    return "\n".join(out)
