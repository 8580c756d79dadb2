"""Feed sets shaped otherwise than bench.feedgen's: heavier generated feeds, and the real outlets' files.

Both have FeedSet's interface as bench.server uses it (`feeds`, `kind`, `path`, `body`,
`etag`, `last_changed`, `changed_in_round`), so the server serves any of them.

- `HeavyFeedSet`: a third of the feeds carry each item's full article (3-15 KB of HTML)
  in content:encoded (and 10 items, as such feeds often do); every item has media:content and a
  thumbnail, four to seven categories and dc:creator; Atom feeds carry the full text in
  <content type="html">. About 83 KB a feed on average.
- `RealReplay`: the real outlets' files (../shared/data/feeds) served at N URLs, copy `i`
  of file `i % files`. Each copy's items get their own links and guids (a prefix on every
  URL's host and on every guid/id), so nothing is shared between copies; item dates are
  moved to the two days before today, as a morning's feeds are, since the app drops
  unrelated items older than its retention. When a copy changes, its first five items
  get new links and guids: five new items at the top.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from bench.feedgen import FeedSet, Item

REAL_FEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "feeds"
FULL_TEXT_SHARE = 1 / 3
FULL_TEXT_ITEMS = 10
NEW_ON_CHANGE = 5


class HeavyFeedSet(FeedSet):
    """FeedSet's news, with full text, media and many categories (see the module docstring)."""

    def full_text(self, i: int) -> bool:
        return random.Random(f"{self.seed}:fulltext:{i}").random() < FULL_TEXT_SHARE

    def items(self, i: int, r: int) -> list[Item]:
        items = super().items(i, r)
        return items[:FULL_TEXT_ITEMS] if self.full_text(i) else items

    def body(self, i: int, r: int) -> bytes:
        items = self.items(i, r)
        doc = _heavy_atom(self, i, items) if self.kind(i) == "atom" else _heavy_rss(self, i, items)
        return doc.encode("utf-8")


def _article(rng: random.Random, item: Item) -> str:
    """3-15 KB of article HTML built from the item's own paragraphs."""
    size = rng.randint(3_000, 15_000)
    paragraphs = [p for p in item.news.text.split("\n\n") if p]
    parts = [f'<figure><img src="{item.link}/photo.jpg" alt="" width="1200"><figcaption>'
             f"{html.escape(item.news.title)}</figcaption></figure>"]
    total = 0
    n = 0
    while total < size:
        para = paragraphs[n % len(paragraphs)]
        chunk = (f'<p>{html.escape(para)} <a href="{item.link}/related/{n}">Related</a></p>' if n % 4 == 3
                 else f"<p>{html.escape(para)}</p>")
        if n % 6 == 5:
            chunk = f"<h2>{html.escape(para.split('.')[0])}</h2>" + chunk
        parts.append(chunk)
        total += len(chunk)
        n += 1
    return "".join(parts)


def _categories(rng: random.Random, item: Item) -> list[str]:
    pool = ("World", "Canada", "China", "Politics", "Business", "Trade", "Asia", "Economy", "Opinion",
            "Analysis", "Agriculture", "Technology", "Diplomacy", "Security")
    return [item.news.category, *rng.sample(pool, rng.randint(3, 6))]


def _heavy_rss(fs: HeavyFeedSet, i: int, items: list[Item]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
        f"<title>{escape(fs.title(i))}</title><link>{fs.site(i)}/</link>",
        f'<atom:link href="{fs.site(i)}{fs.path(i)}" rel="self" type="application/rss+xml"/>',
        f"<description>News from {escape(fs.title(i))}</description><language>en-ca</language>",
        f"<lastBuildDate>{format_datetime(items[0].published)}</lastBuildDate><ttl>15</ttl>",
        f"<image><url>{fs.site(i)}/logo.png</url><title>{escape(fs.title(i))}</title>"
        f"<link>{fs.site(i)}/</link></image>",
    ]
    full = fs.full_text(i)
    for item in items:
        rng = random.Random(f"{fs.seed}:heavy:{i}:{item.k}")
        permalink = item.k % 3 != 0
        guid = item.link if permalink else item.guid
        cats = "".join(f"<category>{escape(c)}</category>" for c in _categories(rng, item))
        content = f"<content:encoded><![CDATA[{_article(rng, item)}]]></content:encoded>" if full else ""
        out.append(
            f"<item><title>{escape(item.news.title)}</title><link>{escape(item.link)}</link>"
            f'<guid isPermaLink="{"true" if permalink else "false"}">{escape(guid)}</guid>'
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            f"<dc:creator>{escape(item.author)}</dc:creator>{cats}"
            f"<description><![CDATA[{item.news.summary_html}]]></description>{content}"
            f'<media:content url="{item.link}/photo.jpg" medium="image" width="1200" height="800">'
            f"<media:credit>{escape(item.author)}</media:credit></media:content>"
            f'<media:thumbnail url="{item.link}/thumb.jpg" width="240" height="160"/></item>'
        )
    out.append("</channel></rss>\n")
    return "\n".join(out)


def _heavy_atom(fs: HeavyFeedSet, i: int, items: list[Item]) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en">',
        f"<title>{escape(fs.title(i))}</title><id>tag:news{i}.example.com,2026:feed</id>",
        f'<link rel="alternate" href="{fs.site(i)}/"/><link rel="self" href="{fs.site(i)}{fs.path(i)}"/>',
        f"<updated>{items[0].published.isoformat()}</updated>",
    ]
    full = fs.full_text(i)
    for item in items:
        rng = random.Random(f"{fs.seed}:heavy:{i}:{item.k}")
        lang = f' xml:lang="{item.news.lang}"' if item.news.lang != "en" else ""
        cats = "".join(f'<category term="{escape(c)}"/>' for c in _categories(rng, item))
        content = f'<content type="html">{escape(_article(rng, item))}</content>' if full else ""
        out.append(
            f"<entry{lang}><title>{escape(item.news.title)}</title>"
            f'<id>{escape(item.guid)}</id><link rel="alternate" href="{escape(item.link)}"/>'
            f"<published>{item.published.isoformat()}</published>"
            f"<updated>{item.published.isoformat()}</updated>"
            f"<author><name>{escape(item.author)}</name></author>{cats}"
            f'<summary type="html">{escape(item.news.summary_html)}</summary>{content}'
            f'<media:thumbnail url="{item.link}/thumb.jpg" width="240" height="160"/></entry>'
        )
    out.append("</feed>\n")
    return "\n".join(out)


# --- the real outlets' files, replayed -------------------------------------------------------

_ENTRY = re.compile(rb"<(item|entry)[\s>].*?</\1>", re.DOTALL)
_URL_HOST = re.compile(rb"(https?://)(?=[A-Za-z0-9])")
_GUID = re.compile(rb"(<(?:guid|id)(?:\s[^>]*)?>\s*(?:<!\[CDATA\[)?\s*)(?!https?://)(?=\S)")
_RFC822 = re.compile(
    rb"(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d\d(?::\d\d)?(?: [A-Za-z0-9+-]+)?"
)
_ISO = re.compile(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")


class RealReplay:
    """The real files at `feeds` URLs (see the module docstring)."""

    def __init__(self, feeds: int, seed: int = 1, *, source: Path = REAL_FEEDS,
                 changed_share: float = 0.10, base: datetime | None = None) -> None:
        self.files = sorted(p for p in source.iterdir() if p.suffix == ".xml")
        if not self.files:
            raise FileNotFoundError(f"no .xml feeds in {source}")
        self._raw = [p.read_bytes() for p in self.files]
        self.feeds = feeds
        self.seed = seed
        self.changed_share = changed_share
        self._dates = FeedSet(feeds, seed, base=base)  # for its dates and its changes
        self.changed_in_round = self._dates.changed_in_round

    def generation(self, i: int, r: int) -> int:
        """How many times copy `i` changed up to round `r`."""
        return sum(i in self.changed_in_round(k) for k in range(1, r + 1))

    def kind(self, i: int) -> str:
        return "xml"

    def path(self, i: int) -> str:
        return f"/feeds/{i}.xml"

    def body(self, i: int, r: int) -> bytes:
        raw = self._raw[i % len(self._raw)]
        gen = self.generation(i, r)
        count = 0

        def rewrite(match: re.Match[bytes]) -> bytes:
            nonlocal count
            k = count
            count += 1
            # the first items are new at each change (their own links, guids and dates); the
            # others keep their bytes, as a real feed's older items do
            new = gen if k < NEW_ON_CHANGE else 0
            tag = f"c{i}g{new}-".encode()
            entry = _URL_HOST.sub(rb"\1" + tag, match.group(0))
            entry = _GUID.sub(rb"\1" + tag, entry)
            when = self._dates._published(i, 60 - k + new * NEW_ON_CHANGE)
            entry = _RFC822.sub(format_datetime(when).encode(), entry)
            return _ISO.sub(when.isoformat().encode(), entry)

        return _ENTRY.sub(rewrite, raw)

    def etag(self, i: int, r: int) -> str:
        return f'"{hashlib.sha1(f"{self.seed}:{i}:{self.generation(i, r)}".encode()).hexdigest()[:20]}"'

    def last_changed(self, i: int, r: int) -> datetime:
        gen = self.generation(i, r)
        return (self._dates.base + timedelta(hours=1 + gen)).replace(microsecond=0)
