"""Render the main window on a demo database, for looking at the layout and for the README.

    QT_QPA_PLATFORM=offscreen python -m tests.gui.screenshots --out docs/screenshot.png --size 1280x800

`--scheme dark` draws it as a desktop in its dark colour scheme would (ui.theme's palette).

The database is built under a temporary folder from real headlines of the period (the
labelled set in ../shared/data/labels, where present) and from stories written for the
demo in the same vein: several outlets per story, in English, French and Chinese, and a
few moves against the baseline. Nothing here is part of the product.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime(2026, 2, 16, 10, 0, tzinfo=UTC)
LABELS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "labels" / "dev-2024-2026.jsonl"
T, V, H, E = "tariffs", "visit", "human_rights", "election_interference"

# key, issues, [(ISO time, outlet, lang, title)]
STORIES: list[tuple[str, tuple[str, ...], list[tuple[str, str, str, str]]]] = [
    (
        "ev-deal",
        (T, V),
        [
            (
                "2026-01-16T07:10",
                "The Globe and Mail",
                "en",
                "Canada and China strike deal cutting tariffs on canola and EVs",
            ),
            (
                "2026-01-16T08:02",
                "Reuters",
                "en",
                "China to cut canola seed tariff to about 15% under deal with Canada",
            ),
            (
                "2026-01-16T09:30",
                "Radio-Canada",
                "fr",
                "Le Canada et la Chine concluent une entente sur le canola et les véhicules électriques",
            ),
            ("2026-01-16T10:05", "新华网", "zh", "中加达成经贸协议 中方下调油菜籽关税"),
            (
                "2026-01-16T13:40",
                "CBC News",
                "en",
                "What Canada's deal with China means for canola farmers and EV buyers",
            ),
        ],
    ),
    (
        "arrival",
        (V,),
        [
            (
                "2026-01-14T02:15",
                "People's Daily Online",
                "en",
                "Canadian PM arrives in Beijing for official visit",
            ),
            (
                "2026-01-14T03:00",
                "CBC News",
                "en",
                "Carney lands in Beijing, first visit by a Canadian PM since 2017",
            ),
            ("2026-01-14T04:20", "新华社", "zh", "加拿大总理卡尼抵达北京 开始对中国进行正式访问"),
            ("2026-01-14T06:45", "La Presse", "fr", "Mark Carney est arrivé à Pékin"),
        ],
    ),
    (
        "xi-meets",
        (V,),
        [
            ("2026-01-15T09:00", "Reuters", "en", "Xi tells Carney relations have turned a corner"),
            ("2026-01-15T09:40", "新华网", "zh", "习近平会见加拿大总理卡尼"),
            (
                "2026-01-15T11:15",
                "The Globe and Mail",
                "en",
                "Carney and Xi pledge 'new chapter' after talks in Beijing",
            ),
        ],
    ),
    (
        "seafood",
        (T,),
        [
            (
                "2026-01-17T08:30",
                "CBC News",
                "en",
                "China lifts tariffs on Canadian lobster and peas as part of trade deal",
            ),
            ("2026-01-17T10:10", "中国新闻网", "zh", "中方取消对加拿大龙虾和豌豆加征的关税"),
        ],
    ),
    (
        "steel",
        (T,),
        [
            (
                "2026-01-17T15:00",
                "The Globe and Mail",
                "en",
                "Ottawa keeps 25% surtax on Chinese steel despite China deal",
            ),
            (
                "2026-01-18T12:30",
                "The Canadian Press",
                "en",
                "Steelworkers welcome decision to keep China steel surtax",
            ),
        ],
    ),
    (
        "trump",
        (T,),
        [
            (
                "2026-01-24T14:00",
                "CTV News",
                "en",
                "Trump says Canada's China deal will cost it 100% tariffs",
            ),
            (
                "2026-01-24T16:20",
                "Le Devoir",
                "fr",
                "Trump menace le Canada de droits de douane de 100 % à cause de son accord avec la Chine",
            ),
            (
                "2026-01-25T08:00",
                "CBC News",
                "en",
                "Ottawa says it will not be pressured over China trade deal",
            ),
        ],
    ),
    (
        "visa-free",
        (V,),
        [
            (
                "2026-01-20T09:00",
                "South China Morning Post",
                "en",
                "China adds Canada to its visa-free entry list",
            ),
            ("2026-01-20T11:30", "環球時報", "zh", "中方对加拿大持普通护照人员实施免签政策"),
        ],
    ),
    (
        "lai",
        (H,),
        [
            (
                "2026-02-09T08:00",
                "CBC News",
                "en",
                "Canada 'deeply disappointed' by 20-year sentence for Jimmy Lai",
            ),
            ("2026-02-09T09:30", "明報", "zh", "黎智英被判監20年 加拿大表示失望"),
            (
                "2026-02-09T12:00",
                "Radio-Canada",
                "fr",
                "Ottawa déplore la peine de 20 ans infligée à Jimmy Lai",
            ),
        ],
    ),
    (
        "munich",
        (V,),
        [
            (
                "2026-02-14T17:00",
                "Global News",
                "en",
                "Anand meets Wang Yi on the sidelines of the Munich Security Conference",
            ),
            ("2026-02-14T18:10", "新华网", "zh", "王毅会见加拿大外长阿南德"),
        ],
    ),
    (
        "canola-ruling",
        (T,),
        [
            (
                "2026-02-10T06:00",
                "The Western Producer",
                "en",
                "China says anti-dumping ruling on Canadian canola will be fair",
            ),
        ],
    ),
    (
        "ev-permits",
        (T,),
        [
            (
                "2026-02-12T15:00",
                "The Globe and Mail",
                "en",
                "Import permits for Chinese EVs open March 1, Ottawa says",
            ),
            (
                "2026-02-13T09:00",
                "Automotive News Canada",
                "en",
                "Dealers line up for first Chinese EV import permits",
            ),
        ],
    ),
    (
        "uyghur",
        (H,),
        [
            (
                "2026-01-22T13:00",
                "The Globe and Mail",
                "en",
                "Rights groups urge Ottawa to press Beijing on Uyghur forced labour",
            ),
        ],
    ),
    (
        "hk-bounties",
        (H,),
        [
            (
                "2026-02-03T10:00",
                "Hong Kong Free Press",
                "en",
                "Hong Kong police issue new bounties on overseas activists, two in Canada",
            ),
            (
                "2026-02-03T14:00",
                "CBC News",
                "en",
                "Toronto activist targeted by Hong Kong bounty says he fears for family",
            ),
        ],
    ),
    (
        "interference-report",
        (E,),
        [
            (
                "2026-01-28T15:00",
                "CBC News",
                "en",
                "Task force found no foreign interference that changed 2025 election results",
            ),
            (
                "2026-01-28T17:30",
                "La Presse",
                "fr",
                "Élections 2025 : aucune ingérence n'a changé les résultats, conclut un groupe de travail",
            ),
        ],
    ),
    (
        "diaspora",
        (E, H),
        [
            (
                "2026-02-05T12:00",
                "The Hill Times",
                "en",
                "MPs question CSIS on Beijing's pressure on the Chinese-Canadian diaspora",
            ),
        ],
    ),
    (
        "registry",
        (E,),
        [
            (
                "2026-02-11T09:00",
                "CTV News",
                "en",
                "Foreign influence registry to start in June, minister says",
            ),
            (
                "2026-02-11T11:00",
                "Radio-Canada",
                "fr",
                "Le registre d'influence étrangère entrera en vigueur en juin",
            ),
        ],
    ),
    (
        "agri-exports",
        (T,),
        [
            ("2026-02-16T07:30", "Reuters", "en", "Canadian canola exports to China jump after tariff cut"),
            ("2026-02-16T08:15", "The Western Producer", "en", "Canola crushers see China orders return"),
            ("2026-02-16T09:00", "財新網", "zh", "关税下调后 加拿大油菜籽对华出口大增"),
        ],
    ),
    (
        "ambassador",
        (V,),
        [
            (
                "2026-02-16T06:00",
                "The Canadian Press",
                "en",
                "China names new ambassador to Canada ahead of trade talks",
            ),
        ],
    ),
]

# key of a story, index of its item: its summary, where the title alone is not all it says
SUMMARIES = {
    ("agri-exports", 0): "Canadian canola exports to China rose sharply in the first weeks of February after "
    "Beijing cut its tariff on Canadian canola seed to about 15% from more than 70%, trade data showed. "
    "Crushers in Saskatchewan and Alberta said Chinese buyers had returned for new-crop seed.",
}
def _labelled() -> list[tuple[str, tuple[str, ...], list[tuple[str, str, str, str]]]]:
    """Headlines of the labelled set dated after the baseline, each a story of its own."""
    if not LABELS.is_file():
        return []
    out = []
    for n, line in enumerate(LABELS.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        day = row.get("date") or ""
        if not row.get("relevant") or not row.get("issues") or day < "2026-01-12":
            continue
        when = f"{day}-05" if len(day) == 7 else day
        out.append(
            (
                f"label-{n}",
                tuple(row["issues"]),
                [(f"{when}T{8 + n % 9:02d}:00", row["outlet"], row["lang"], row["title"])],
            )
        )
    return out


def build(db_path: Path) -> None:
    """The demo database, as polls would have left it: every item judged, tagged and read
    for moves by the app's own rules, then put in stories by its own clustering (the keys
    in STORIES only group the demo's writing; they decide nothing)."""
    from db import open_store
    from db.records import FeedOutcome, IncomingItem
    from monitor.moves import baseline_detector, to_store_moves
    from monitor.retag import tagger_for
    from monitor.seed import seed
    from monitor.stories.assign import recluster
    from monitor.tagging import to_store_tags

    store = open_store(db_path)
    seed(store, NOW - timedelta(days=40))
    for feed in store.feeds.list():
        store.feeds.remove(feed.id)
    tagger, detector = tagger_for(store), baseline_detector()
    feeds: dict[str, int] = {}
    for key, _issues, items in STORIES + _labelled():
        for number, (when, outlet, lang, title) in enumerate(items):
            if outlet not in feeds:
                slug = hashlib.sha1(outlet.encode()).hexdigest()[:8]
                feeds[outlet] = store.feeds.add(f"https://feeds.example/{slug}.xml", title=outlet).id
            published = datetime.fromisoformat(when).replace(tzinfo=UTC)
            guid = hashlib.sha1(f"{key}{number}{title}".encode()).hexdigest()
            text = SUMMARIES.get((key, number), title + ".")
            verdict = tagger.classify(title, text, lang)
            moves = detector.detect(title, text, lang, published) if verdict.relevant else []
            item = IncomingItem(
                guid=guid,
                url=f"https://news.example/{guid[:10]}",
                title=title,
                summary_html=f"<p>{text}</p>",
                text=text,
                author=None,
                published=published,
                content_hash=guid,
                relevant=verdict.relevant,
                lang=lang,
                tags=to_store_tags(verdict.tags),
                moves=to_store_moves(moves),
            )
            outcome = FeedOutcome(status="ok", attempted_at=published, next_poll_at=NOW)
            (article,) = store.ingest.store_feed(feeds[outlet], outcome, [item], published).new_ids
            if published < NOW - timedelta(days=6):
                store.articles.set_read([article], True, NOW)
    recluster(store, lang="en")
    store.close()


def render(db_path: Path, out: Path, width: int, height: int, dark: bool = False, lang: str = "en") -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from db import open_store
    from ui.app import create_application, style_sheet
    from ui.context import AppContext
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner
    from ui.theme import apply_scheme

    app = create_application()
    apply_scheme(app, dark, style_sheet())
    install_translators(app, lang)
    store = open_store(db_path)
    settings = QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    context = AppContext(
        store, settings, runner=TaskRunner(), clock=lambda: NOW, poll_on_start=False, use_tray=False,
        language=lang,
    )
    window = MainWindow(context)
    window.resize(width, height)
    # the offscreen screen is small: give the sidebar the width a screen of this size would
    window.splitter.setSizes([min(270, width * 24 // 100), width - min(270, width * 24 // 100)])
    window.show()
    context.runner.wait(10_000)
    QApplication.processEvents()
    panel = window.developments
    model = panel.model
    # Open the story of the issue that most outlets carried, on its first item.
    tariffs = model.issue_index("tariffs")
    rows = [model.index(row, 0, tariffs) for row in range(model.rowCount(tariffs))]
    first = max(rows, key=lambda index: len(model.story_at(index).outlets))
    panel.tree.expand(first)
    panel.tree.setCurrentIndex(model.index(0, 0, first))
    panel.splitter.setSizes([height * 55 // 100, height * 45 // 100])
    panel.tree.scrollTo(model.index(0, 0))
    for _ in range(5):
        QApplication.processEvents()
    context.runner.wait(10_000)
    QApplication.processEvents()
    window.grab().save(str(out))
    if out.name.startswith("dev-"):
        window.tabs.setCurrentIndex(2)
        QApplication.processEvents()
        for tab, name in ((1, "articles"), (2, "baseline"), (3, "timeline")):
            window.tabs.setCurrentIndex(tab)
            context.runner.wait(10_000)
            QApplication.processEvents()
            window.grab().save(str(out.with_name(f"{out.stem}-{name}.png")))
    window.quit()
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--lang", choices=("en", "fr"), default="en")
    args = parser.parse_args(argv)
    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        print(f"--size must look like 1280x800, not {args.size!r}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "demo.db"
        build(db_path)
        render(db_path, args.out, width, height, dark=args.scheme == "dark", lang=args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
