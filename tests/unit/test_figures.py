"""How a baseline figure reads: its phrase from the data, or qualifier, value and unit."""

from db.records import Figure
from monitor import resources
from monitor.figures import figure_line, figure_phrase


def test_a_phrase_puts_the_value_where_the_hash_stands():
    assert figure_phrase(Figure("Year", 2017.0, "year", phrase="in #")) == "in 2017"
    trade = Figure("Trade", 118.7, "C$ billion", "about", "about C$# billion")
    assert figure_phrase(trade) == "about C$118.7 billion"


def test_without_a_phrase_the_figure_reads_qualifier_value_unit():
    assert figure_phrase(Figure("Tariff", 70.0, "%", "over")) == "over 70%"
    assert figure_phrase(Figure("People", 1200.0, "people")) == "1,200 people"


def test_every_shipped_figure_has_a_phrase_and_none_reads_like_a_unit_name():
    _version, facts = resources.baseline_facts()
    lines = [figure_line(f) for fact in facts for f in fact.figures]
    assert lines and all(f.phrase for fact in facts for f in fact.figures)
    assert "China's rank among Canada's trading partners: second-largest" in lines
    assert not any(line.endswith((" year", " rank", " times")) for line in lines)
