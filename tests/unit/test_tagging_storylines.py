"""The shipped rules on the storylines real headlines are phrased in (headlines written here
from the categories of misses seen on real ones; the measure is the labelled sets)."""

from __future__ import annotations

from datetime import UTC

import pytest

from monitor.tagging import Tagger


@pytest.fixture(scope="module")
def shipped() -> Tagger:
    return Tagger.from_resource()


@pytest.mark.parametrize(("title", "lang", "issues"), [
    ("Foreign interference commission finds some MPs were 'witting' participants", "en",
     {"election_interference"}),
    ("Rapport du CPSNR : des parlementaires auraient aidé sciemment des États étrangers", "fr",
     {"election_interference"}),
    ("Canada expels Chinese diplomat over intimidation of MP's family", "en",
     {"election_interference"}),
    ("康明凱與斯帕弗獲釋返國", "zh", {"human_rights"}),
    ("Libération des deux Michael : Ottawa salue la fin d'un long calvaire", "fr", {"human_rights"}),
    ("Le Canada suspend son traité d'extradition avec Hong Kong", "fr", {"human_rights"}),
    ("Trudeau et Xi ont un échange tendu en marge du G20 à Bali", "fr", {"visit"}),
    ("习近平会见加拿大总理卡尼 双方同意建立新型战略伙伴关系", "zh", {"visit"}),
    ("Carney et Xi annoncent un nouveau partenariat stratégique", "fr", {"visit"}),
    ("Ottawa impose une surtaxe de 100 % sur les véhicules électriques fabriqués en Chine", "fr",
     {"tariffs"}),
    ("Les VE chinois frappés d'une surtaxe de 100 % dès le 1er octobre", "fr", {"tariffs"}),
    ("商务部：我国决定对原产于加拿大的进口油菜籽进行反倾销立案调查", "zh", {"tariffs"}),
    # the Chinese short name of Canada; meetings (会面) and French exchanges
    ("加國宣布對中國產電動車徵收附加稅", "zh", {"tariffs"}),
    ("李強與卡尼在東盟峰會期間會面", "zh", {"visit"}),
    ("Joly et Wang Yi ont discuté en marge de l'ASEAN", "fr", {"visit"}),
    ("La ministre albertaine de l'Agriculture en mission en Chine", "fr", {"visit"}),
    ("Canada-China canola accord signed in Beijing by trade ministers", "en",
     {"tariffs", "visit"}),
    # the inquiries' findings and disloyal parliamentarians, without China named
    ("Interference inquiry hears Poilievre was not briefed on threats to MPs", "en",
     {"election_interference"}),
    ("Poilievre says no Conservative MPs are on the 'disloyal' list", "en",
     {"election_interference"}),
    ("Foreign interference in a few ridings did not change who governs, commissioner says",
     "en", {"election_interference"}),
    ("Ottawa dénonce la diplomatie des otages après la détention d'un autre Canadien", "fr",
     {"human_rights"}),
    # Xinjiang and Tibet beside Canada; repression on China's behalf
    ("Canada urged to act on Tibet as Dalai Lama succession nears", "en", {"human_rights"}),
    ("Man charged with helping China intimidate dissidents in Vancouver", "en",
     {"human_rights"}),
    ("Hongkongers in Canada seek asylum after national security arrests", "en",
     {"human_rights"}),
    # leaders and ministers stand for their countries; one in the other's capital is a trip
    ("Trudeau, Li Keqiang hold talks by phone on consular cases", "en", {"visit"}),
    ("习近平在G20峰会上当面批评特鲁多", "zh", {"visit"}),
    ("Joly en Chine pour relancer le dialogue", "fr", {"visit"}),
    ("Li Qiang in Ottawa for first visit by a Chinese premier since 2016", "en", {"visit"}),
    ("Xi urges Carney to open Canada's market wider", "en", {"visit"}),
    # trade without China named: canola under a measure, China's decision on goods, missions
    ("Canola farmers count losses as surtax drags on", "en", {"tariffs"}),
    ("Prairie grain growers brace for a long tariff fight with Beijing", "en", {"tariffs"}),
    ("Ottawa's tariff on Chinese EVs is costing canola growers, study says", "en", {"tariffs"}),
    ("Beef producers alarmed by the Chinese decision on Canadian imports", "en", {"tariffs"}),
    ("Mission économique de l'Ontario en Chine : le ministre rencontre des investisseurs", "fr",
     {"tariffs", "visit"}),
    ("萨省农业部长率团访华 推销油菜籽", "zh", {"tariffs", "visit"}),
    # interference without China named
    ("Special rapporteur Johnston quits amid criticism", "en", {"election_interference"}),
    ("Rapport sur les parlementaires déloyaux : Singh a lu la version non caviardée", "fr",
     {"election_interference"}),
    ("Don Valley North nomination race under scrutiny at interference inquiry", "en",
     {"election_interference"}),
    ("選舉安全專責小組：微信帳號針對候選人散播虛假信息", "zh", {"election_interference"}),
    # repression of people in Canada
    ("Chinese international students in Canada self-censor in class, report says", "en",
     {"human_rights"}),
    ("Ex-policier accusé d'avoir aidé Pékin à intimider une dissidente à Toronto", "fr",
     {"human_rights"}),
    # interference: French and Chinese phrasings, diplomats expelled, bots aimed at MPs
    ("Un député libéral quitte le caucus sur fond d'allégations d'ingérence chinoise", "fr",
     {"election_interference"}),
    ("Canada expels Chinese diplomat over interference", "en", {"election_interference"}),
    ("加拿大國會議員遭中共網軍抹黑", "zh", {"election_interference"}),
    ("垃圾偽裝行動針對加拿大議員", "zh", {"election_interference"}),
    ("Kenny Chiu says disinformation cost him his seat", "en", {"election_interference"}),
    # leaders at summits, ministers in the other capital, arrivals
    ("Foreign Minister Anand to visit Beijing next week for talks with Wang Yi", "en",
     {"visit"}),
    ("La ministre Joly s'entretient avec son homologue chinois Wang Yi", "fr", {"visit"}),
    ("Le premier ministre Carney arrive à Pékin", "fr", {"visit"}),
    ("Canada's environment minister Guilbeault meets China's Huang Runqiu in Montreal", "en",
     {"visit"}),
    # the detained Canadians in Chinese and French
    ("第二名加拿大人在华被拘", "zh", {"human_rights"}),
    ("Un deuxième Canadien détenu en Chine, confirme Ottawa", "fr", {"human_rights"}),
    ("Ottawa recalls ambassador after 'second Canadian' detained", "en", {"human_rights"}),
    # market access by other words: a vendor's 5G gear, a company told to go, a market opened
    ("Ottawa delays decision on Huawei 5G again", "en", {"tariffs"}),
    ("加拿大禁用华为5G设备 中方回应", "zh", {"tariffs"}),
    ("Chinese firm ordered to cease operations in Canada", "en", {"tariffs"}),
    ("Ottawa ouvre la porte aux voitures électriques chinoises", "fr", {"tariffs"}),
    ("Trump menace le Canada de droits de 100 % en cas d'accord avec la Chine", "fr",
     {"tariffs"}),
    # Hong Kong: paths to stay in Canada, protests and statements on its freedoms
    ("加拿大為香港居民推出新移民措施", "zh", {"human_rights"}),
    ("China rebukes Ottawa's statement on Hong Kong protests", "en", {"human_rights"}),
    # Parliament's motions on the rights file: MPs are Canada's unless another country's
    ("MPs pass motion to resettle Uyghurs fleeing Xinjiang", "en", {"human_rights"}),
    ("Les députés adoptent une motion sur le génocide des Ouïghours", "fr", {"human_rights"}),
    # Richmond, B.C.: its council's trade missions to its Chinese sister cities
    ("Richmond councillors lead trade delegation to sister city Xiamen", "en", {"tariffs"}),
    # an MP named as a target, by surname; a rights word in passing does not make it rights
    ("Chong says Ottawa never told him he was a target of Beijing", "en",
     {"election_interference"}),
    ("Kwan says CSIS briefed her on threats from Beijing", "en", {"election_interference"}),
    # a diplomat expelled over intimidation: interference, not rights
    ("Ottawa expulse un diplomate chinois accusé d'intimidation", "fr",
     {"election_interference"}),
    # the findings on parliamentarians and expulsions over interference, in Chinese
    ("國家安全委員會報告指部分議員知情協助外國政府", "zh", {"election_interference"}),
    ("中方宣布加拿大外交官为不受欢迎的人 回应加方以干预为由驱逐中国外交官", "zh",
     {"election_interference"}),
    # French "ingérence" alone; disinformation aimed at MPs; MPs leaving caucus; a diplomat
    # expelled over a targeted MP; rumours about candidates; covert funding
    ("Ingérence : Poilievre exige une enquête publique", "fr", {"election_interference"}),
    ("Campagne « Spamouflage » : des députés ciblés par de faux comptes", "fr",
     {"election_interference"}),
    ("Liberal MP leaves caucus amid allegations of ties to Beijing", "en",
     {"election_interference"}),
    ("Un diplomate chinois expulsé pour avoir ciblé Michael Chong", "fr",
     {"election_interference"}),
    ("候选人遭跨国镇压 加拿大情报局介入", "zh", {"human_rights", "election_interference"}),
    ("Des robots liés à Pékin ciblent le chef conservateur, selon Ottawa", "fr",
     {"election_interference"}),
    # Beijing's complaint for its companies; procurement; goods held at customs; a bidder
    ("中国外交部：加方泛化国家安全概念 打压中国企业", "zh", {"tariffs"}),
    ("外交部：加方应停止损害中方企业利益的错误做法", "zh", {"tariffs"}),
    ("Ottawa cancels contract with Hikvision for security cameras", "en", {"tariffs"}),
    ("Canadian pork shipments held up at Chinese customs", "en", {"tariffs"}),
    ("Ottawa rejects Chinese bidder for Vancouver port terminal", "en", {"tariffs"}),
    ("Surtaxe sur les VE chinois : Pékin riposte", "fr", {"tariffs"}),
    # Beijing's counter-sanctions; Canadians released; China's charges against Canadians
    ("外交部宣布对加拿大议员实施制裁", "zh", {"human_rights"}),
    ("Pékin sanctionne des organismes canadiens de défense des Ouïghours", "fr",
     {"human_rights"}),
    ("Canadian citizen released from detention in China after three years", "en",
     {"human_rights"}),
    ("Ottawa raises case of detained Canadian with Chinese counterpart", "en", {"human_rights"}),
    # the prime minister's China deal; joint statements named 中加
    ("Carney's China trade deal faces scrutiny from farmers", "en", {"tariffs", "visit"}),
    ("中加联合声明：同意恢复高层对话机制", "zh", {"visit"}),
    ("Energy minister Hodgson wraps up trip to Beijing", "en", {"visit"}),
    # relatives of an activist abroad questioned by the police
    ("Hong Kong activist in Canada says family questioned by police", "en", {"human_rights"}),
    # MPs targeted, and MPs who knowingly helped foreign governments
    ("Les députés ciblés par Pékin n'ont pas été avertis", "fr", {"election_interference"}),
    ("Singh says some MPs 'knowingly' helped foreign governments", "en",
     {"election_interference"}),
    # a ban lifted, in French with its ligature and in Chinese; a divestment ordered
    ("Pékin lève l'interdiction sur le bœuf canadien", "fr", {"tariffs"}),
    ("北京解除对加拿大牛肉的禁令", "zh", {"tariffs"}),
    ("加拿大以国家安全为由命令中企剥离锂矿股份", "zh", {"tariffs"}),
    ("Ottawa ordonne à trois entreprises chinoises de se départir de leurs actions", "fr",
     {"tariffs"}),
    # surcharges; measures named by the goods; duties lifted on goods; Canada's surtax unnamed
    ("Beijing firmly opposes Ottawa's surcharges on Chinese steel", "en", {"tariffs"}),
    ("Ottawa annonce de nouvelles mesures sur l'acier chinois", "fr", {"tariffs"}),
    ("25% surtax on Chinese aluminum takes effect Tuesday", "en", {"tariffs"}),
    ("Pékin lève ses droits sur le homard canadien", "fr", {"tariffs"}),
    ("中方对加拿大龙虾免征关税", "zh", {"tariffs"}),
    # the parliamentarians' committee by its Chinese name
    ("國會國家安全及情報議員委員會發表年度報告", "zh", {"election_interference"}),
    # the prime minister's deal with Beijing, even where a third country reacts; 中加 joint acts
    ("Trump warns Canada after Carney strikes deal with China", "en", {"visit"}),
    ("Carney conclut une entente avec Pékin sur le canola", "fr", {"tariffs", "visit"}),
    ("中加签署联合声明 建立战略伙伴关系", "zh", {"visit"}),
    # people pressured to return to China; families visited or threatened by the police
    ("Chinese police stations in Canada used to pressure dissidents to return home, report says",
     "en", {"human_rights"}),
    ("多伦多中国警察站被指施压华人回国", "zh", {"human_rights"}),
    ("Hong Kong activist in Toronto says police visited his parents after protest", "en",
     {"human_rights"}),
    ("Un militant ouïghour de Montréal dit que la police a menacé sa famille en Chine", "fr",
     {"human_rights"}),
    ("中国公安上门警告加拿大维权人士的家人", "zh", {"human_rights"}),
    # bots and smears aimed at a critic of the diaspora are harassment, not interference
    ("Bot network smears Vancouver commentator critical of Beijing, Ottawa says", "en",
     {"human_rights"}),
    ("Des robots liés à Pékin dénigrent un commentateur sino-canadien de Vancouver", "fr",
     {"human_rights"}),
    ("中共网军抹黑温哥华华裔评论员", "zh", {"human_rights"}),
    # the candidate with a bounty on him, beside the police: both; a bounty by other words
    ("Joe Tay suspends campaign after police warning", "en",
     {"human_rights", "election_interference"}),
    ("Joe Tay suspend sa campagne sur les conseils de la police", "fr",
     {"human_rights", "election_interference"}),
    ("郑敬基暂停竞选活动 警方提醒注意人身安全", "zh", {"human_rights", "election_interference"}),
    ("Hong Kong police offer reward for information leading to the arrest of Toronto activist",
     "en", {"human_rights"}),
    # interference raised with Beijing or denied by it, named alone
    ("Joly raised concerns about interference in her meeting with Wang Yi", "en",
     {"visit", "election_interference"}),
    ("Ottawa a soulevé la question de l'ingérence lors de la rencontre avec Wang Yi", "fr",
     {"visit", "election_interference"}),
    ("中国驻加拿大使馆驳斥所谓干预指控", "zh", {"election_interference"}),
    # the minister by his surname alone, where he acts as a person does
    ("Champagne travels to Beijing", "en", {"visit"}),
    ("Champagne se rend à Pékin", "fr", {"visit"}),
    # the Canadian side implied: « le premier ministre » in French, a minister's surname beside
    # a trip to China, China's ministers by their office, calls as engagement
    ("Le premier ministre s'entretient avec Li Qiang au téléphone", "fr", {"visit"}),
    ("Anand in Beijing to reset ties", "en", {"visit"}),
    ("Joly holds talks with Chinese foreign minister in Munich", "en", {"visit"}),
    ("Canada's Carney, China's Xi discuss trade in call", "en", {"visit", "tariffs"}),
    ("赵美兰与中国外长通电话", "zh", {"visit"}),
    # Canada's interference inquiry by what it hears; the MP of the 2023 affair in Chinese
    ("Ingérence étrangère : les courses à l'investiture sont vulnérables, entend la commission",
     "fr", {"election_interference"}),
    ("Nomination races open door to foreign meddling, inquiry hears", "en",
     {"election_interference"}),
    ("韓東宣布退出自由黨黨團", "zh", {"election_interference"}),
    # consular help to a citizen held in China; a company ordered dissolved or closed
    ("Ottawa offers consular assistance to Canadian detained in China", "en", {"human_rights"}),
    ("Ottawa ordonne la dissolution des activités canadiennes de Hikvision", "fr", {"tariffs"}),
    ("加拿大下令字節跳動關閉在加業務", "zh", {"tariffs"}),
])
def test_storyline_headlines_get_their_issues(shipped, title, lang, issues):
    verdict = shipped.classify(title, "", lang)
    assert verdict.relevant and {t.issue for t in verdict.tags} == issues


@pytest.mark.parametrize(("title", "summary"), [
    # Canada as one of a list of countries
    ("New tariffs on can-making metal imported from China, Germany and Canada", ""),
    ("California may ban snacks whose additives are banned in Canada, Japan, China and the EU", ""),
])
def test_canada_in_a_list_of_countries_is_not_a_relation(shipped, title, summary):
    assert not shipped.classify(title, summary, "en").relevant


def test_visa_free_entry_is_an_outcome_of_the_visit_only_in_the_weeks_after_it(shipped):
    from datetime import date

    title = "Canadians to get visa-free entry to China, Carney says"
    after = shipped.classify(title, "", "en", date(2026, 1, 20))
    assert after.relevant and {t.issue for t in after.tags} == {"visit"}
    assert "visit" not in {t.issue for t in shipped.classify(title, "", "en", date(2025, 6, 1)).tags}


@pytest.mark.parametrize(("title", "lang"), [
    ("China extends visa-free entry to Canadian travellers", "en"),
    ("Les Canadiens pourront se rendre en Chine sans visa", "fr"),
    ("中方宣布对加拿大持普通护照人员实施免签政策", "zh"),
])
def test_visa_free_entry_stated_without_a_leader_is_a_relation_but_not_the_visit(shipped, title, lang):
    from datetime import date

    verdict = shipped.classify(title, "", lang, date(2026, 1, 20))
    assert verdict.relevant and "visit" not in {t.issue for t in verdict.tags}


@pytest.mark.parametrize(("title", "issues"), [
    # an appeal to the prime minister about his trip reports the appeal, not the engagement
    ("Families urge Trudeau to raise detained Canadians' cases during China visit",
     {"human_rights"}),
    ("玉山江家人促特鲁多访华时提出其案件", {"human_rights"}),
    # a third country's threat over a deal with China is its measure
    ("U.S. threatens tariffs on Canada over its Beijing trade pact", {"tariffs"}),
])
def test_appeals_and_third_country_threats_are_not_the_visit(shipped, title, issues):
    verdict = shipped.classify(title, "")
    assert verdict.relevant and {t.issue for t in verdict.tags} == issues


@pytest.mark.parametrize("title", [
    "Richmond mayor leads trade mission to China",
    "Carney urges Canadians to buy local",
    "Carney in Washington for trade talks",
])
def test_a_mayor_s_mission_or_a_leader_elsewhere_is_not_the_visit(shipped, title):
    assert "visit" not in {t.issue for t in shipped.classify(title, "", "en").tags}


def test_a_trade_mission_to_another_country_is_not_the_visit(shipped):
    verdict = shipped.classify(
        "Alberta premier leads trade mission to India as she seeks markets beyond China", "", "en")
    assert "visit" not in {t.issue for t in verdict.tags}


@pytest.mark.parametrize("title", [
    "我方对加拿大涉华错误言行表示强烈不满",
    "Ottawa convoque l'ambassadeur de Chine",
])
def test_beijing_s_protests_and_a_summoned_envoy_are_canada_china(shipped, title):
    assert shipped.classify(title, "").relevant


@pytest.mark.parametrize(("title", "lang"), [
    # the Meng Wanzhou case by its prosecutors
    ("Prosecutors drop Meng Wanzhou case after she leaves Canada", "en"),
    ("Les procureurs américains abandonnent les accusations contre Meng Wanzhou", "fr"),
    ("美国检方撤销对孟晚舟的指控", "zh"),
    # a diplomatic boycott of the Games without the word: no officials sent
    ("Canada won't send officials to Beijing Olympics", "en"),
    ("Le Canada n'enverra aucun diplomate aux Jeux de Pékin", "fr"),
    ("加拿大不派官员出席北京冬奥会", "zh"),
    ("Canadian athletes arrive in Beijing as no officials will attend Games", "en"),
])
def test_cases_and_decisions_between_the_two_are_canada_china_without_an_issue(shipped, title, lang):
    verdict = shipped.classify(title, "", lang)
    assert verdict.relevant and not verdict.tags, [m.term for m in verdict.relevance_matches]


@pytest.mark.parametrize("title", [
    "Han Dong wins Don Valley North despite interference allegations",
    "Han Dong wins defamation case against Global News",
])
def test_the_mp_of_the_2023_affair_with_its_allegations_or_his_suit_is_interference(shipped, title):
    verdict = shipped.classify(title, "", "en")
    assert verdict.relevant and "election_interference" in {t.issue for t in verdict.tags}


def test_a_conviction_for_leaking_secrets_to_china_is_canada_china(shipped):
    verdict = shipped.classify("Ex-RCMP officer convicted of leaking secrets to China", "", "en")
    assert verdict.relevant and "human_rights" not in {t.issue for t in verdict.tags}


def test_a_state_that_will_not_be_intimidated_after_an_expulsion_is_no_interference(shipped):
    verdict = shipped.classify(
        "Trudeau says Canada won't be intimidated as Beijing expels a diplomat", "", "en")
    assert verdict.relevant and not verdict.tags


def test_an_arrest_by_canadian_police_is_not_a_rights_case(shipped):
    verdict = shipped.classify(
        "RCMP arrests Hydro-Québec employee accused of spying for China", "", "en")
    assert verdict.relevant and "human_rights" not in {t.issue for t in verdict.tags}


def test_huawei_cfo_before_a_court_is_the_meng_case_unnamed(shipped):
    verdict = shipped.classify("Huawei CFO's lawyers argue bail conditions are too strict", "", "en")
    assert verdict.relevant


def test_a_group_with_a_window_of_days_counts_only_for_items_published_in_it():
    from datetime import date, datetime

    tagger = Tagger.from_rules({
        "relevance": {"threshold": 1.0, "groups": [{"name": "c", "terms": ["canada"]}]},
        "issues": {"visit": {"threshold": 1.0, "groups": [
            {"name": "deals", "terms": ["deal"], "during": ["2026-01-13", "2026-01-20"]},
        ]}},
    })
    title = "Canada and China reach a deal on canola"
    in_window = tagger.classify(title, "", "en", datetime(2026, 1, 16, 9, tzinfo=UTC))
    assert [t.issue for t in in_window.tags] == ["visit"]
    assert tagger.classify(title, "", "en", date(2026, 3, 2)).tags == ()
    assert tagger.classify(title, "", "en").tags == ()  # no date: the window cannot be met


@pytest.mark.parametrize(("during", "message"), [
    (["2026-01-20", "2026-01-13"], "ends before it starts"),
    (["13 January"], "two dates"),
    ("2026-01-13", "list of two dates"),
])
def test_a_bad_window_of_days_is_a_rule_error(during, message):
    import copy

    from monitor.rules import RuleError, load_resource_rules, parse_rules, rules_from_resource

    rules = copy.deepcopy(rules_from_resource(load_resource_rules()))
    rules["issues"]["visit"]["groups"][0]["during"] = during
    with pytest.raises(RuleError, match=message):
        parse_rules(rules)


@pytest.mark.parametrize(("title", "summary", "issue"), [
    # a state that will not be intimidated is not a person repressed
    ("Canada will not be intimidated by China, foreign minister says", "", "human_rights"),
    # military aircraft harassed are no rights case
    ("Chinese jets harassed Canadian patrol aircraft over the East China Sea", "", "human_rights"),
    # Beijing sanctioning an MP in a rights dispute is not interference in Canada
    ("Beijing sanctions MP Michael Chong over Xinjiang statements", "", "election_interference"),
    # Hong Kong's government accusing others of meddling in its affairs
    ("港府：堅決反對加拿大外國干預香港事務", "", "election_interference"),
    # a security funding story about the stations, not repression
    ("Groups that hosted Chinese police stations got federal grants, records show", "",
     "human_rights"),
    # a targeted MP who criticised Beijing's crackdown: interference, not rights
    ("NDP MP Jenny Kwan told she is a target of Beijing",
     "Kwan, a critic of Beijing's crackdown in Hong Kong, was briefed by CSIS.", "human_rights"),
    # a vendor's phones are products; students' unions are not Canada's democracy
    ("Huawei unveils 5G phone at Toronto launch", "", "tariffs"),
    ("Tibetan student leader at U of T flooded with threats after student union election", "",
     "election_interference"),
    # the MP of the 2023 affair in court over a story: his file is interference
    ("Han Dong drops lawsuit over report on the two Michaels", "", "human_rights"),
    # a police station abroad for a rights group named Safeguard Defenders is no trade measure
    ("Safeguard Defenders report names Chinese police stations in Toronto", "", "tariffs"),
    # another country's leader met by Canada's, China a topic of the meeting
    ("Biden, Trudeau meet on trade, China and Arctic security", "", "visit"),
    # a court's plea agreement is not the leaders' deal; a bounty alone is no interference
    ("Kovrig and Spavor land in Calgary after plea deal for Meng",
     "A U.S. court approved a deferred prosecution agreement, Trudeau said.", "visit"),
    ("Hong Kong police put bounties on activists, including Joe Tay in Canada", "",
     "election_interference"),
    # Beijing's complaint that national security is abused against its firms is trade
    ("China says Canada abuses national security to suppress Chinese companies", "",
     "human_rights"),
    # Canada sanctioning others is not Beijing's counter-sanctions
    ("Canada sanctions Chinese entities over support for Russia's war", "", "human_rights"),
    ("China imposes sanctions on Canadian canola exporters", "", "human_rights"),
    # Beijing's complaint of meddling in its own affairs
    ("La Chine accuse le Canada d'ingérence dans ses affaires intérieures", "",
     "election_interference"),
    # a deal with Taiwan is not a trade measure between Canada and China; rights are not duties
    ("Taiwan and Canada sign investment agreement as Beijing protests", "", "tariffs"),
    ("Droits de la personne : Ottawa interpelle Pékin sur les Ouïghours", "", "tariffs"),
    # a third country's threat over a hypothetical deal is not the prime minister's deal
    ("Trump threatens tariffs if Canada makes a deal with China", "", "visit"),
    # a police probe of the stations with nothing said of what they do; a campaign online
    # against the candidate is interference, not the bounty's threat; Beijing's complaint about
    # Hong Kong; interference alleged in a bank, not in Canada's democracy
    ("RCMP investigating suspected Chinese police station in Vancouver", "", "human_rights"),
    ("Présumé poste de police chinois à Vancouver : la GRC enquête", "", "human_rights"),
    ("皇家骑警调查温哥华疑似中国警察站", "", "human_rights"),
    ("Joe Tay targeted by WeChat disinformation campaign, task force says", "", "human_rights"),
    ("China rejects Canada's 'interference' in Hong Kong affairs", "", "election_interference"),
    ("Canada probes claims Chinese investors face interference in bank", "",
     "election_interference"),
    ("Spamouflage campaign targeted dozens of MPs, Ottawa says", "", "human_rights"),
])
def test_look_alikes_do_not_take_the_issue(shipped, title, summary, issue):
    verdict = shipped.classify(title, summary)
    assert issue not in {t.issue for t in verdict.tags}


@pytest.mark.parametrize("title", [
    "Canadian stocks fall as U.S.-China tariff fight rattles markets",
    "Soybeans rise on U.S.-China trade truce; canola futures follow",
    "參加國際會議的中國代表團抵達",
    # canola under another state's measures; farmers of a prairie elsewhere; another
    # parliament's disloyal members; China's decision on another country's goods
    "Trump's tariffs hit canola farmers in Manitoba",
    "India imposes duties on Canadian canola",
    "Prairie farmers in Kansas fear Chinese tariffs on soybeans",
    "UK MPs debate disloyal colleagues after spy case",
    "China's decision to lift beef ban cheers Australian farmers",
    # another state's interference heard by the inquiry; look-alike words
    "Hogue inquiry hears Russia ran disinformation on Telegram",
    "Canola growers fight clubroot with new seed varieties",
    "香港移民在多倫多開設餐廳",
    "Canada and Mexico present a united front against Trump tariffs",
    # a third country's deal with China, Canada named after it
    "Trump says he made a great deal with China; Canada next",
    # another country's MPs on the Uyghurs
    "UK MPs declare China's treatment of Uyghurs a genocide",
    "Les députés français reconnaissent le génocide des Ouïghours",
    # Richmond, Virginia, and the Richmond Fed
    "Richmond, Virginia mayor visits sister city in China",
    "Richmond Fed's Barkin says China tariffs add to inflation",
    # other states' EV surtaxes, MPs and interference; homebuyers; travel advice; California
    "L'UE impose des surtaxes sur les VE chinois",
    "Des députés britanniques visés par de faux comptes liés à Pékin",
    "Fake accounts target Australian MPs, Canberra says",
    "UK MP quits caucus over China links",
    "Ingérence russe : Ottawa sanctionne des médias",
    "India accused of transnational repression of Sikh candidates in Canada",
    "Chinese buyers snap up Toronto condos",
    "Canadians in Hong Kong told to exercise high degree of caution as protests grow",
    "中国驻加州总领馆举办活动",
    "加拿大游客赴华免签攻略：入境须知一次看懂",
    # racist harassment of Chinese Canadians is no state's pressure
    "Chinese Canadians face racist harassment amid pandemic",
    "Indian agents targeted MPs, CSIS says",
    "Philippine lawmakers targeted by Chinese hackers",
    "Lawmakers knowingly ignored warnings about tariffs",
    # an airline's surcharge; another state's surtax; sport and other Games; China's own
    # national security commission; another country's leader and his deal with China
    "Air Canada adds fuel surcharge on China flights",
    "L'UE impose une surtaxe sur l'acier chinois",
    "Canada wins gold in women's hockey at Beijing Olympics",
    "Canada won't send team to Tokyo Olympics",
    "中央国安委召开会议",
    "Mexican president reaches deal with China on steel",
    # champagne the wine; the MP of the 2023 affair winning his seat, nothing alleged
    "French Champagne Heads To China As Wine Sales Climb",
    "Champagne Exports To China Rise",
    "Election 2019: Liberals hold Don Valley North as Han Dong wins open seat",
    "Han Dong remporte Don Valley-Nord pour les libéraux",
    "董晗鵬連任當谷北國會議員",
    # prosecutors of another case than Meng Wanzhou's; travellers' duty-free shops
    "Crown prosecutors in Vancouver charge Chinese national with fraud",
    "Chinese tourists flock to duty-free shops in Vancouver",
])
def test_another_pair_of_countries_or_a_look_alike_word_is_not_canada_china(shipped, title):
    assert not shipped.classify(title, "").relevant


@pytest.mark.parametrize(("title", "lang"), [
    # another country's head of government, in French; the budget of Canada's, China unnamed
    ("Le premier ministre japonais rencontre Xi Jinping à Pékin", "fr"),
    ("Le premier ministre britannique en visite en Chine", "fr"),
    ("Le premier ministre chinois Li Qiang reçoit le premier ministre australien", "fr"),
    ("Le premier ministre annonce un budget équilibré", "fr"),
    # namesakes: another Anand, another Meng; other inquiries; consular help elsewhere
    ("Anand meets Indian counterpart in New Delhi", "en"),
    ("Meng Hongwei's wife seeks extradition help in France", "en"),
    ("Emergencies Act inquiry hears from convoy organizers", "en"),
    ("Inquiry hears India meddled in Conservative leadership race", "en"),
    ("Ottawa offers consular assistance to Canadians in Lebanon", "en"),
    ("Pop star Kris Wu sentenced to 13 years in China", "en"),
    # other states' measures and meetings
    ("Les Vingt-Sept imposent des surtaxes aux voitures électriques chinoises", "fr"),
    ("U.S. orders TikTok to shut down or sell American operations", "en"),
    ("Australia's trade minister meets China's commerce minister", "en"),
    ("Trudeau, Biden speak by phone about China", "en"),
    ("诗人韩东新作出版", "zh"),
])
def test_an_implied_side_needs_no_other_country_named(shipped, title, lang):
    assert not shipped.classify(title, "", lang).relevant


@pytest.mark.parametrize(("title", "lang", "absent"), [
    # officials below the minister are not the visit; a minister's portfolio is no trade subject
    ("Deputy ministers hold first Canada-China economic talks in years", "en", "visit"),
    ("Sidhu meets Chinese commerce minister on APEC sidelines", "en", "tariffs"),
    # the app banned from officials' phones is no market measure
    ("Canada bans TikTok on government devices", "en", "tariffs"),
])
def test_officials_portfolios_and_device_bans_do_not_take_the_issue(shipped, title, lang, absent):
    assert absent not in {t.issue for t in shipped.classify(title, "", lang).tags}


# Round 7: mechanisms learnt from the misses of the ninth labelled set, each tried on
# headlines of the same category written here (none of them in a labelled set).
@pytest.mark.parametrize(("title", "summary", "lang", "issues"), [
    # the Canadian side by region, regional people, the navy's French prefix, export gateways
    ("Cape Breton snow crab fishers brace for Beijing's 25% tariff", "", "en", {"tariffs"}),
    ("N.S. seafood exporters cheer as China lifts its duty on lobster", "", "en", {"tariffs"}),
    ("Les pêcheurs acadiens redoutent les droits de 25 % imposés par Pékin", "", "fr",
     {"tariffs"}),
    ("Homard : les Madelinots craignent les droits chinois de 25 %", "", "fr", {"tariffs"}),
    ("La frégate NCSM Montréal suivie par un navire de guerre chinois", "", "fr", set()),
    ("China becomes the biggest buyer of crude from Trans Mountain", "", "en", {"tariffs"}),
    # ties to Beijing as a charge, in three languages
    ("Des associations liées à Pékin visées par une enquête de la GRC", "", "fr", set()),
    ("RCMP probes Beijing-linked groups in Montreal", "", "en", set()),
    ("溫哥華華人社團被指與北京有關聯 皇家騎警介入調查", "", "zh", set()),
    # security incidents: balloons, ships shadowed, flares
    ("中方回应加拿大军舰过航台湾海峡", "", "zh", set()),
    ("加拿大炒作气球事件 中方回应", "", "zh", set()),
    ("Chinese jets fire flares near Canadian helicopter over South China Sea", "", "en", set()),
    # a government's China policy as a bet or a pivot
    ("Opinion: Carney's China gamble could cost him in Washington", "", "en", set()),
    ("Analyse : le virage chinois de Mark Carney divise les conservateurs", "", "fr", set()),
    ("卡尼政府对华政策何去何从", "", "zh", set()),
    # the inquiry by its commissioner at the end of a headline, its hearings, its Chinese name
    ("Beijing was the most active foreign actor, but no MP was a traitor, says Hogue", "",
     "en", {"election_interference"}),
    ("Trudeau's former adviser testifies as interference hearings resume", "", "en",
     {"election_interference"}),
    ("霍格中期報告：選舉結果未受影響", "", "zh", {"election_interference"}),
    # hackers aimed at MPs
    ("APT31 hackers targeted Canadian MPs' email accounts, U.S. indictment says", "", "en",
     {"election_interference"}),
    ("Piratage : des parlementaires canadiens ciblés par des pirates chinois", "", "fr",
     {"election_interference"}),
    ("中国黑客曾针对加拿大议员发动网络攻击", "", "zh", {"election_interference"}),
    # a minister by portfolio beside China; the standing commissions and dialogues
    ("La ministre du Commerce international à Pékin pour relancer les exportations "
     "canadiennes", "", "fr",
     {"visit", "tariffs"}),
    ("Agriculture minister in China to press Beijing on canola", "", "en",
     {"visit", "tariffs"}),
    ("Canada and China hold first joint economic commission in six years", "", "en", {"visit"}),
    ("中加经贸联委会时隔七年重启", "", "zh", {"visit", "tariffs"}),
    # a bid blocked; a deal's critics by the workers it touches
    ("Ottawa rejects Chinese takeover of Canadian lithium miner", "", "en", {"tariffs"}),
    ("Ottawa bloque la prise de contrôle d'une minière canadienne par une société chinoise", "",
     "fr", {"tariffs"}),
    ("Unifor says Ottawa's China deal leaves auto workers behind", "", "en", {"tariffs"}),
    # Beijing's words on remarks about Hong Kong or Xinjiang; rights in short; a French bounty
    ("中国驻加拿大使馆就加方涉疆错误言论答记者问", "", "zh", {"human_rights"}),
    ("外交部：敦促加方停止干涉香港事务", "", "zh", {"human_rights"}),
    ("Joly says Canada won't stay silent on rights in Beijing talks", "", "en",
     {"human_rights"}),
    ("Une militante de Toronto visée par une prime de la police de Hong Kong", "", "fr",
     {"human_rights"}),
])
def test_round_seven_mechanisms(shipped, title, summary, lang, issues):
    result = shipped.classify(title, summary, lang)
    assert result.relevant
    assert {t.issue for t in result.tags} >= issues


@pytest.mark.parametrize(("title", "lang", "absent"), [
    # the Dalai Lama's succession is rights, not interference in Canada's democracy
    ("Des députés canadiens pressent Pékin de ne pas s'ingérer dans la réincarnation du "
     "dalaï-lama", "fr", "election_interference"),
    # hackers of an agency or a company are espionage, not interference
    ("Chinese hackers breached Canadian telecom networks, CSE says", "en",
     "election_interference"),
    # China's minister in Beijing is no Canadian trip; a blocked shipment of vaccines is no bid
    ("China's agriculture minister in Beijing says Canadian canola is unsafe", "en", "visit"),
    ("Canada expels Chinese diplomat on security grounds", "en", "tariffs"),
])
def test_round_seven_look_alikes_do_not_take_the_issue(shipped, title, lang, absent):
    assert absent not in {t.issue for t in shipped.classify(title, "", lang).tags}


@pytest.mark.parametrize(("title", "lang"), [
    # no Canadian side: other countries' MPs hacked, other navies, another state's China gamble
    ("Beijing-linked hackers targeted British MPs, Westminster says", "en"),
    ("La frégate française suivie par la marine chinoise dans le détroit de Taïwan", "fr"),
    ("Albanese's China gamble pays off for wine exporters", "en"),
    ("Chinese navy shadows Australian warship in South China Sea", "en"),
    ("与北京有关联的账号散布针对台湾候选人的不实讯息", "zh"),
    # Hogwarts; regional news without China
    ("霍格沃茨主题乐园在北京开幕", "zh"),
    ("N.S. lobster season opens with strong prices", "en"),
])
def test_round_seven_look_alikes_are_not_canada_china(shipped, title, lang):
    assert not shipped.classify(title, "", lang).relevant


# Round 8: mechanisms learnt from the misses of the tenth labelled set (the Canadian or the
# Chinese side implied, the relation implied by the kind of act), each tried on headlines of
# the same category written here (none of them in a labelled set).
@pytest.mark.parametrize(("title", "summary", "lang", "issues"), [
    # federal agencies and tribunals by their own names; the elections task force in Chinese
    ("Border agency slaps provisional duties on Chinese wind towers", "", "en", {"tariffs"}),
    ("L'Agence des services frontaliers impose des droits sur l'acier chinois", "", "fr",
     {"tariffs"}),
    ("边境服务局对中国产钢管展开反倾销调查", "", "zh", {"tariffs"}),
    ("CITT rules dumped Chinese steel wire injured domestic producers", "", "en", {"tariffs"}),
    ("CFIA suspends pork exports to China after forged certificates", "", "en", {"tariffs"}),
    ("選舉安全工作組：中共干預未改變選舉結果", "", "zh", {"election_interference"}),
    # the Canadian parties and people in Canada, in the Chinese-language press
    ("新民主黨要求就中共干預展開公開調查", "", "zh", {"election_interference"}),
    ("在加維吾爾人指遭中共跨國鎮壓", "", "zh", {"human_rights"}),
    # the Chinese side implied: "to China" in short, "our embassy", Hong Kong's people
    ("加拿大新任驻华大使递交国书", "", "zh", set()),
    ("我驻多伦多总领馆强烈谴责加方纵容暴力", "", "zh", set()),
    ("Canada calls for Jimmy Lai's release as verdict nears", "", "en", {"human_rights"}),
    # a government's stance toward the other state
    ("Ottawa must stand up to Beijing on canola, farm groups say", "", "en", {"tariffs"}),
    ("Le Canada doit tenir tête à Pékin, dit Joly", "", "fr", set()),
    ("McGuinty vows to counter Chinese ambitions in the Arctic", "", "en", set()),
    # institutions' partnerships with China, paused or reviewed
    ("Ontario universities told to review partnerships with Chinese institutions", "", "en",
     set()),
    ("Québec suspend ses collaborations de recherche avec la Chine", "", "fr", set()),
    # balloons and airspace; citizens evacuated; threats of consequences; Meng's affair
    ("Un ballon chinois a survolé le Yukon, confirme la Défense nationale", "", "fr", set()),
    ("Le vol de rapatriement des Canadiens coincés à Wuhan décolle", "", "fr", set()),
    ("加拿大撤侨包机从武汉起飞", "", "zh", set()),
    ("China warns Ottawa of 'grave consequences' if Huawei is shut out", "", "en", set()),
    ("L'affaire Meng plombe les relations entre Ottawa et Pékin", "", "fr", set()),
    # goods by their Chinese origin beside the Canadian side, a third country speaking
    ("Washington presses Ottawa to keep Chinese EVs out of North America", "", "en",
     {"tariffs"}),
    # pulse growers, Canada's unless an American place is named
    ("Pulse growers fear China's duty on peas will linger", "", "en", {"tariffs"}),
    ("Les producteurs de pois craignent les droits chinois", "", "fr", {"tariffs"}),
    # issues: free trade in short, economic dialogues, statements on Hong Kong, French bounties
    ("中加同意启动自贸协定可行性研究", "", "zh", {"tariffs"}),
    ("Canada and China to resume economic and financial strategic dialogue", "", "en",
     {"tariffs"}),
    ("China slams Canada's statement on Hong Kong press freedom", "", "en", {"human_rights"}),
    ("Hong Kong : de nouvelles primes visent des militants réfugiés au Canada", "", "fr",
     {"human_rights"}),
])
def test_round_eight_mechanisms(shipped, title, summary, lang, issues):
    result = shipped.classify(title, summary, lang)
    assert result.relevant
    assert {t.issue for t in result.tags} >= issues


@pytest.mark.parametrize(("title", "lang"), [
    # other countries' border agencies, envoys, stances, partnerships, balloons and evacuations
    ("UK Border Agency detains Chinese nationals at Heathrow", "en"),
    ("美国驻华大使会见中国外长", "zh"),
    ("英國保守黨議員遭中共制裁", "zh"),
    ("Japan vows to stand up to China in East China Sea", "en"),
    ("Australian universities cut partnerships with Chinese institutions", "en"),
    ("U.S. evacuates Americans from Wuhan on chartered flight", "en"),
    ("China warns Philippines of 'serious consequences' over shoal", "en"),
    ("Meng Hongwei's wife seeks asylum in France", "en"),
    ("Mexico raises tariffs on Chinese cars", "en"),
    ("Montana pea growers welcome U.S.-China trade truce", "en"),
    # a Canadian boxer against a Chinese one is sport
    ("Canadian boxer to fight Chinese champion in Macau", "en"),
    # another object tracked after the balloon incident
    ("NORAD tracks unidentified object over Alaska after Chinese balloon incident", "en"),
])
def test_round_eight_look_alikes_are_not_canada_china(shipped, title, lang):
    assert not shipped.classify(title, "", lang).relevant


def test_beijing_telling_ottawa_to_stop_meddling_is_not_interference_in_canada(shipped):
    result = shipped.classify("Beijing tells Ottawa to stop meddling in Xinjiang", "", "en")
    assert "election_interference" not in {t.issue for t in result.tags}


@pytest.mark.parametrize(("title", "summary", "lang", "issues"), [
    # a former leader of the Opposition as the Canadian side
    ("Scheer says Beijing must free Kovrig and Spavor before any trade talks", "", "en",
     {"human_rights"}),
    ("Scheer réclame la libération des Canadiens détenus en Chine", "", "fr", {"human_rights"}),
    # Champagne quoted at a headline's end
    ("Pas d'accord commercial avec Pékin pour l'instant, tranche Champagne", "", "fr",
     {"tariffs"}),
    ("Chinese ambassador's remarks 'unacceptable', says Champagne", "", "en", set()),
    # China's secret "police stations" abroad as the Chinese side
    ("溫哥華華人團體否認設立「警察站」", "", "zh", set()),
    ("RCMP probes secret police stations in Toronto", "", "en", set()),
    ("Des postes de police clandestins à Montréal ? Québec demande des explications", "", "fr",
     set()),
    # intimidation in French participles, online abuse of activists
    ("Postes de police chinois : la GRC enquête à Brossard",
     "Des Sino-Canadiens affirment avoir été intimidés.", "fr", {"human_rights"}),
    ("Uyghur activist in Toronto faces wave of online abuse from pro-Beijing accounts", "", "en",
     {"human_rights"}),
    # citizens said to be held as hostages
    ("China is holding Canadians hostage, former ambassador says", "", "en", {"human_rights"}),
    ("« Pékin garde des Canadiens en otages », dénonce Chong", "", "fr", {"human_rights"}),
    # a Chinese mission backing a side in a race
    ("Vancouver candidate alleges Chinese consulate backed her opponent", "", "en",
     {"election_interference"}),
    ("Un ex-candidat de Brossard affirme que son rival était appuyé par le consulat de Chine",
     "", "fr",
     {"election_interference"}),
    ("前候选人指中国领馆支持对手 加拿大选举受干预", "", "zh", {"election_interference"}),
    # the Chinese market and sanitary protocols as trade; producers turning to China; Meng's hearings
    ("Nova Scotia lobster exporters break into the Chinese market", "", "en", {"tariffs"}),
    ("Le porc québécois obtient un protocole sanitaire pour la Chine", "", "fr", {"tariffs"}),
    ("Alberta beef producers look to China as U.S. tariffs bite", "", "en", {"tariffs"}),
    ("Les éleveurs de porc du Manitoba se tournent vers la Chine", "", "fr", set()),
    ("Meng hearing resumes in Vancouver as Canada weighs options", "", "en", set()),
])
def test_round_nine_mechanisms(shipped, title, summary, lang, issues):
    result = shipped.classify(title, summary, lang)
    assert result.relevant
    assert {t.issue for t in result.tags} >= issues


@pytest.mark.parametrize(("title", "lang"), [
    # other leaders, wine, ordinary police stations, other producers and another Meng
    ("Chinese demand for French wine keeps growing, says Champagne house", "en"),
    ("Toronto police station evacuated after suspicious package", "en"),
    ("香港警署外發生衝突", "zh"),
    ("Australian wine producers look to China again after tariffs lifted", "en"),
    ("Raptors look to China for preseason games", "en"),
    ("Rep. Grace Meng questions officials at hearing on hate crimes", "en"),
])
def test_round_nine_look_alikes_are_not_canada_china(shipped, title, lang):
    assert not shipped.classify(title, "", lang).relevant


@pytest.mark.parametrize(("title", "summary", "lang", "absent"), [
    # those who will not be intimidated, trade held hostage, free trade and embassies in a race
    ("Chong aux sanctions chinoises : « Nous ne serons pas intimidés »", "", "fr",
     "human_rights"),
    ("Canola farmers held hostage by Canada-China dispute", "", "en", "human_rights"),
    ("Pas de libre-échange avec la Chine, tranche Champagne", "", "fr", "visit"),
    ("Candidate vows to close Chinese consulate in Toronto", "", "en", "election_interference"),
])
def test_round_nine_look_alikes_do_not_take_the_issue(shipped, title, summary, lang, absent):
    result = shipped.classify(title, summary, lang)
    assert absent not in {t.issue for t in result.tags}


@pytest.mark.parametrize(("title", "summary", "lang", "issues"), [
    # the Taiwan Strait as the Chinese side; Beijing's objection to official contact with Taipei;
    # the state's list of destinations for tour groups
    ("Canadian frigate transits Taiwan Strait", "", "en", set()),
    ("La Chine dénonce tout contact officiel entre le Canada et Taïwan", "", "fr", set()),
    ("中国驻加使馆：坚决反对加拿大同台湾进行官方往来", "", "zh", set()),
    ("China leaves Canada off its approved destination list", "", "en", set()),
    # the Hogue commission by its other Chinese transliteration; interference named by its author
    ("何格委員會公布最終報告", "", "zh", {"election_interference"}),
    ("Poilievre says Carney is soft on Beijing interference", "", "en",
     {"election_interference"}),
    # premiers in China, and a leader leaving Beijing with the trip's outcome
    ("Doug Ford in China to court investors", "", "en", {"visit"}),
    ("François Legault en Chine pour attirer des investissements", "", "fr", {"visit"}),
    ("Canada-Chine : un dégel",
     "Le premier ministre canadien a quitté Pékin avec une entente sur le canola.", "fr",
     {"visit", "tariffs"}),
    # French duties on goods in a summary, and overcapacity as a trade complaint
    ("Joly rencontre son homologue chinois",
     "Ils ont discuté des droits sur l'acier et de la surcapacité chinoise.", "fr",
     {"visit", "tariffs"}),
    ("Canada and G7 warn of Chinese overcapacity in steel", "", "en", {"tariffs"}),
    # Canadians charged by China; Magnitsky sanctions; asylum for Hongkongers; their repression
    ("China charges two Canadians with spying", "", "en", {"human_rights"}),
    ("La Chine inculpe deux Canadiens d'espionnage", "", "fr", {"human_rights"}),
    ("中国检察机关对两名加拿大公民提起公诉", "", "zh", {"human_rights"}),
    ("Ottawa sanctionne des responsables chinois en vertu de la loi Magnitski", "", "fr",
     {"human_rights"}),
    ("加國議員促以馬格尼茨基法制裁中共官員", "", "zh", {"human_rights"}),
    ("Envoy's warning sparks outrage",
     "Cong Peiwu said Canada should not grant asylum to Hong Kong protesters.", "en",
     {"human_rights"}),
    ("加拿大议员谴责北京打压港人", "", "zh", {"human_rights"}),
])
def test_round_ten_mechanisms(shipped, title, summary, lang, issues):
    result = shipped.classify(title, summary, lang)
    assert result.relevant
    assert {t.issue for t in result.tags} >= issues


@pytest.mark.parametrize(("title", "summary", "lang"), [
    # Canada and Taiwan with no word of Beijing; tourism; another country's overcapacity worries
    ("Canadian MPs visit Taiwan", "", "en"),
    ("Le Québec ouvre un bureau à Taipei", "", "fr"),
    ("台灣捐贈口罩予加拿大", "外交部表示，口罩將送往加拿大各地醫療機構。", "zh"),
    ("Chinese tourists return to Banff as group tours resume", "", "en"),
    ("Chinese overcapacity in steel hurts Brazil", "", "en"),
])
def test_round_ten_look_alikes_are_not_canada_china(shipped, title, summary, lang):
    assert not shipped.classify(title, summary, lang).relevant


@pytest.mark.parametrize(("title", "summary", "lang", "absent"), [
    # an American president beside a deal with Beijing; a Canadian charged at home; Meng's
    # detention in Beijing's words; an ambassador leaving Beijing
    ("Trump says Canada's trade deal with China is a mistake",
     "The U.S. president said Ottawa's agreement with Beijing was bad for American farmers.", "en",
     "visit"),
    ("Quebec man charged with spying for China",
     "The RCMP said the Hydro-Québec employee shared secrets with Chinese universities.", "en",
     "human_rights"),
    ("外交部：加方无理拘押中国公民", "", "zh", "human_rights"),
    ("中方敦促加方释放被无理拘押的中国公民孟晚舟", "", "zh", "human_rights"),
    ("Canadian ambassador leaves Beijing as relations sour", "", "en", "visit"),
])
def test_round_ten_look_alikes_do_not_take_the_issue(shipped, title, summary, lang, absent):
    result = shipped.classify(title, summary, lang)
    assert absent not in {t.issue for t in result.tags}


@pytest.mark.parametrize(("title", "summary", "lang", "issues"), [
    # the Chinese state said or asked to be behind an act in or against Canada
    ("Was China behind the cyberattack on Canada's research council?", "", "en", set()),
    ("Pékin derrière les cyberattaques contre Ottawa ?", "", "fr", set()),
    ("中共幕后操纵在加拿大的骚扰活动？", "", "zh", set()),
    # a detained diplomat is a rights matter; a leader raising the case is still the engagement
    ("Un ancien diplomate canadien arrêté en Chine",
     "Il avait préparé la visite du premier ministre à Pékin en 2016.", "fr", {"human_rights"}),
    ("Trudeau raises detained ex-diplomat's case with Xi at G20", "", "en", {"visit"}),
    ("Trudeau soulève le cas de l'ex-diplomate détenu lors d'un entretien avec Xi", "", "fr",
     {"visit"}),
    ("特鲁多会见习近平 提及被拘前外交官", "", "zh", {"visit"}),
    # another country's leader reacting, not paired with Canada's, leaves the leaders' deal theirs
    ("Carney and Xi sign canola agreement in Beijing",
     "The deal comes as Trump threatens new tariffs on Canadian goods.", "en",
     {"visit", "tariffs"}),
])
def test_round_eleven_mechanisms(shipped, title, summary, lang, issues):
    result = shipped.classify(title, summary, lang)
    assert result.relevant
    assert {t.issue for t in result.tags} >= issues


@pytest.mark.parametrize(("title", "summary", "lang"), [
    # a Canadian speaker on China's part elsewhere; a ranking
    ("Canadian analyst says China behind EV price war", "", "en"),
    ("Canada finishes behind China in medal count", "", "en"),
])
def test_round_eleven_look_alikes_are_not_canada_china(shipped, title, summary, lang):
    assert not shipped.classify(title, summary, lang).relevant


@pytest.mark.parametrize(("title", "summary", "lang", "absent"), [
    # another country's leader paired with Canada's: their meeting and their agreement
    ("Macron, Carney meet on trade, China and security",
     "French President Emmanuel Macron and Prime Minister Mark Carney are set to sign an "
     "agreement on critical minerals.", "en", "visit"),
    ("Starmer et Carney discutent commerce, Chine et Ukraine",
     "Le premier ministre britannique Keir Starmer et le premier ministre Mark Carney doivent "
     "signer un accord sur l'acier.", "fr", "visit"),
    # a diplomat's arrest, the trip he once worked on named as background
    ("Former Canadian diplomat detained in China",
     "He had helped prepare the prime minister's 2016 visit to Beijing.", "en", "visit"),
    ("加拿大前外交官在华被拘", "他曾参与筹备总理2016年访华。", "zh", "visit"),
])
def test_round_eleven_look_alikes_do_not_take_the_issue(shipped, title, summary, lang, absent):
    result = shipped.classify(title, summary, lang)
    assert absent not in {t.issue for t in result.tags}
