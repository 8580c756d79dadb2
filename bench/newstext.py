"""Realistic news items for the benchmarks: headlines, HTML summaries and their plain text.

Most items are ordinary news (markets, sport, weather, courts, technology); a few are
about Canada and China (tariffs, the leaders' visit, human rights, election
interference) in English or French; some are near misses (China without Canada,
Canada without China). Everything is a pure function of a `random.Random`.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

# Share of items on each Canada–China issue, then of near misses; the rest is ordinary news.
ISSUE_SHARES = {"tariffs": 0.025, "visit": 0.012, "human_rights": 0.012, "election_interference": 0.011}
NEAR_MISS_SHARE = 0.10
FRENCH_SHARE = 0.3

_SLOTS: dict[str, tuple[str, ...]] = {
    "product": ("canola", "canola oil", "canola meal", "steel", "aluminum", "electric vehicles", "pork",
                "peas", "seafood", "lobster", "softwood lumber", "critical minerals"),
    "produit": ("le canola", "l'huile de canola", "l'acier", "l'aluminium", "les véhicules électriques",
                "le porc", "les pois", "les fruits de mer", "le homard", "le bois d'œuvre"),
    "measure": ("anti-dumping duties", "a 100% surtax", "retaliatory tariffs", "a 25% levy",
                "countervailing duties", "import quotas", "a trade remedy probe"),
    "mesure": ("des droits antidumping", "une surtaxe de 100 %", "des tarifs de représailles",
               "une taxe de 25 %", "des droits compensateurs", "des quotas d'importation"),
    "cn_official": ("Xi Jinping", "Premier Li Qiang", "Foreign Minister Wang Yi",
                    "Commerce Minister Wang Wentao", "China's ambassador to Canada"),
    "ca_official": ("Prime Minister Mark Carney", "Foreign Affairs Minister Anita Anand",
                    "Trade Minister Maninder Sidhu", "Agriculture Minister Heath MacDonald",
                    "Public Safety Minister Gary Anandasangaree"),
    "ca_city": ("Ottawa", "Toronto", "Vancouver", "Montreal", "Regina", "Calgary", "Halifax", "Winnipeg"),
    "cn_city": ("Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Hong Kong", "Chongqing"),
    "world_city": ("London", "Berlin", "Lagos", "Mumbai", "São Paulo", "Sydney", "Nairobi", "Madrid",
                   "Chicago", "Seoul", "Warsaw", "Lima", "Cairo", "Jakarta", "Dublin"),
    "company": ("Nutrien", "Richardson International", "BYD", "Huawei", "Stellantis", "Shopify",
                "Tesla", "Volkswagen", "Samsung", "Airbus", "Siemens", "Glencore", "Unilever"),
    "team": ("the Maple Leafs", "Arsenal", "the Lakers", "Real Madrid", "the Blue Jays",
             "Manchester City", "the Yankees", "Bayern Munich", "the Oilers", "Boca Juniors"),
    "topic": ("housing", "inflation", "rail strikes", "hospital waiting lists", "school funding",
              "wildfire recovery", "transit fares", "pension reform", "drought", "bank rates"),
    "tech": ("a new chip", "an AI assistant", "a satellite network", "a battery plant",
             "a quantum computer", "a foldable phone", "a data centre", "an open-source model"),
    "rights_case": ("the detention of Uyghurs in Xinjiang", "a bounty on Hong Kong activists",
                    "the death sentence of a Canadian citizen", "the jailing of Jimmy Lai",
                    "forced labour in supply chains", "the treatment of Tibetan monks"),
    "interference": ("a foreign interference campaign", "covert police stations",
                     "a WeChat disinformation network", "intimidation of diaspora communities",
                     "donations routed through proxies", "pressure on a member of Parliament"),
    "number": ("2.3", "4.1", "7.5", "12", "18", "25", "40", "118.7", "300", "1,200"),
}

_TITLES: dict[str, tuple[str, ...]] = {
    "tariffs": (
        "China slaps {measure} on Canadian {product} as trade dispute deepens",
        "Canada weighs {measure} on Chinese {product}, {ca_official} says",
        "Canadian {product} exporters brace for Beijing's {measure}",
        "Ottawa and Beijing trade barbs over {product} tariffs at the WTO",
        "Prairie farmers say China's {measure} on {product} cost C${number} billion",
    ),
    "visit": (
        "{ca_official} meets {cn_official} in Beijing, first visit by a Canadian leader since 2017",
        "Carney and Xi agree to reset Canada–China ties on the sidelines of APEC",
        "{cn_official} hosts {ca_official} as Canada seeks to thaw relations",
        "What Canada wants from Carney's trip to China",
        "Canada and China sign {number} agreements during leaders' talks in Beijing",
    ),
    "human_rights": (
        "Canada raises {rights_case} with {cn_official}",
        "Ottawa condemns {rights_case}, summons China's envoy",
        "Rights groups urge {ca_official} to press Beijing on {rights_case}",
        "Canadian MPs call for sanctions over {rights_case}",
    ),
    "election_interference": (
        "Inquiry finds China behind {interference} in Canadian elections",
        "CSIS warns of {interference} targeting Chinese-Canadians in {ca_city}",
        "RCMP investigates {interference} linked to Beijing",
        "Hogue commission report details {interference} linked to China",
    ),
    "near_miss": (
        "China's exports jump {number}% as {company} ramps up output in {cn_city}",
        "Canada's jobless rate rises to {number}% as {topic} weighs on {ca_city}",
        "US and China resume tariff talks in {world_city}",
        "{cn_official} pledges support for private firms at a forum in {cn_city}",
        "{ca_official} announces C${number} billion for {topic}",
        "Bank of Canada holds rates at {number}% amid trade uncertainty",
    ),
    "general": (
        "{team} beat rivals in a dramatic late finish",
        "Storm leaves thousands without power in {world_city}",
        "{company} unveils {tech} in {world_city}",
        "City council in {world_city} votes on {topic}",
        "Court rules against {company} in long-running dispute",
        "Markets close higher as investors weigh {topic}",
        "{team} sign a new coach after a poor season",
        "Scientists in {world_city} report progress on {tech}",
        "Heatwave grips {world_city} as officials warn of {topic}",
        "{company} to cut {number} jobs in restructuring",
        "Protesters in {world_city} rally over {topic}",
        "Review: {tech} is better than it looks",
    ),
}

_TITRES: dict[str, tuple[str, ...]] = {
    "tariffs": (
        "Pékin impose {mesure} sur {produit} canadien",
        "Le Canada envisage {mesure} sur {produit} chinois",
        "Guerre commerciale : les exportateurs canadiens de canola inquiets face à la Chine",
    ),
    "visit": (
        "Mark Carney rencontre Xi Jinping à Pékin",
        "Visite de Carney en Chine : Ottawa veut relancer la relation avec Pékin",
        "Li Qiang reçoit le premier ministre canadien à Pékin",
    ),
    "human_rights": (
        "Droits de la personne : Ottawa dénonce le sort des Ouïghours en Chine",
        "Hong Kong : le Canada condamne les primes offertes contre des militants",
    ),
    "election_interference": (
        "Ingérence étrangère : la commission Hogue pointe la Chine",
        "Le SCRS met en garde contre l'ingérence chinoise au Canada",
        "Ingérence chinoise : des postes de police clandestins à Montréal",
    ),
}

_SENTENCES = (
    "Officials said the decision followed months of consultations with industry groups.",
    "The announcement came after a week of talks that both sides described as frank.",
    "Analysts expect the move to weigh on prices for the rest of the quarter.",
    "Critics said the plan did little to address the underlying problem.",
    "The ministry did not respond to a request for comment on Tuesday.",
    "Local residents described long queues and confusion at the scene.",
    "Figures released on Friday showed a sharper fall than economists had forecast.",
    "The company said it would appeal, calling the ruling deeply disappointing.",
    "Supporters gathered outside the building late into the evening.",
    "The report, seen by reporters before publication, runs to more than 200 pages.",
    "Opposition leaders demanded a full public accounting of the costs.",
    "Shares of the firm fell {number}% in early trading before recovering.",
    "Exporters in {ca_city} said orders had slowed since the spring.",
    "A spokesperson in {world_city} said talks would resume next month.",
    "The agreement still needs approval from lawmakers before it can take effect.",
    "Weather forecasters warned that conditions could worsen over the weekend.",
    "Hospitals in {world_city} postponed non-urgent surgery as a precaution.",
    "The coach praised the players for their resilience after a difficult start.",
    "Investors will watch next week's inflation data closely.",
    "Police said no one was seriously hurt and the road reopened by noon.",
)

_PHRASES = (
    "Les autorités ont précisé que la décision faisait suite à des mois de consultations.",
    "Les exportateurs de la Saskatchewan craignent des pertes importantes cette année.",
    "Le ministère n'a pas répondu aux demandes de commentaires mardi.",
    "Selon des analystes, la mesure pourrait peser sur les prix pendant plusieurs mois.",
    "L'opposition réclame une enquête publique complète sur cette affaire.",
    "Les discussions doivent reprendre le mois prochain à {ca_city}.",
)


@dataclass(frozen=True)
class NewsText:
    title: str
    summary_html: str
    text: str
    lang: str
    topic: str | None  # a tracked issue slug when the item is about Canada–China
    category: str


def _fill(rng: random.Random, template: str) -> str:
    return template.format_map({k: rng.choice(v) for k, v in _SLOTS.items() if "{" + k + "}" in template})


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    for slug, share in ISSUE_SHARES.items():
        if roll < share:
            return slug
        roll -= share
    return "near_miss" if roll < NEAR_MISS_SHARE else "general"


def news_item(rng: random.Random, link: str) -> NewsText:
    """One item; `link` is where its 'read more' anchor points."""
    kind = _kind(rng)
    french = kind in _TITRES and rng.random() < FRENCH_SHARE
    title = _fill(rng, rng.choice((_TITRES if french else _TITLES)[kind]))
    pool = _PHRASES if french else _SENTENCES
    sentences = [_fill(rng, s) for s in rng.sample(pool, min(len(pool), rng.randint(6, 9)))]
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    parts = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    if rng.random() < 0.5:
        word = rng.choice(title.split())
        parts.insert(1, f'<p><strong>{html.escape(word)}</strong> &mdash; <em>{html.escape(title)}</em></p>')
    if rng.random() < 0.3:
        parts.insert(0, f'<p><img src="{link}/lead.jpg" alt="{html.escape(title)}" width="640"></p>')
    if rng.random() < 0.2:
        parts.append('<img src="https://pixel.example/t.gif" width="1" height="1">')
    anchor = "Lire la suite" if french else "Read more"
    parts.append(f'<p><a href="{link}?utm_source=rss">{anchor}</a></p>')
    text = "\n\n".join(paragraphs)
    topic = kind if kind in ISSUE_SHARES else None
    category = {"general": rng.choice(("Sport", "World", "Business", "Tech", "Local")),
                "near_miss": "Business"}.get(kind, "Canada")
    return NewsText(title, "".join(parts), text, "fr" if french else "en", topic, category)
