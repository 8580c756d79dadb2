"""A baseline figure as a person says it: "in 2017", "over 70%", "about C$118.7 billion".

How each figure is said is data beside it in baseline.toml (`phrase`, with `#` for the
value); a figure without one reads "qualifier value unit".
"""

from __future__ import annotations

from db.records import Figure

PLACEHOLDER = "#"


def value_text(value: float) -> str:
    """118.7, 2017, 70: no trailing ".0", no thousands separator inside a phrase like "in 2017"."""
    return f"{value:.10g}"


def figure_phrase(figure: Figure) -> str:
    """The figure's value in words, without its label."""
    if figure.phrase:
        return figure.phrase.replace(PLACEHOLDER, value_text(figure.value)).strip()
    number = f"{figure.value:,.10g}"
    unit = figure.unit if figure.unit in ("%", "") else f" {figure.unit}"
    return " ".join(filter(None, (figure.qualifier, f"{number}{unit}")))


def figure_line(figure: Figure) -> str:
    """"Label: phrase", as the baseline lists its figures."""
    return f"{figure.label}: {figure_phrase(figure)}"
