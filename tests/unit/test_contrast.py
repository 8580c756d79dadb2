"""WCAG contrast, and readable variants of the shipped issue colours on light and dark backgrounds."""

from __future__ import annotations

import colorsys

import pytest

from monitor.resources import read_toml, tracked_issue_entries
from ui.contrast import TEXT_CONTRAST, contrast_ratio, readable_on, relative_luminance, text_on

ISSUES = tracked_issue_entries(read_toml("tracked_issues.toml"))
SHIPPED = {entry["slug"]: entry["colour"] for entry in ISSUES}
# The view and window backgrounds of Qt's Fusion palette (light) and of ui.theme's dark one.
BACKGROUNDS = {"light base": "#ffffff", "light window": "#efefef", "dark base": "#1e1e1e",
               "dark window": "#2b2b2b"}


def test_the_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert relative_luminance("#fff") == pytest.approx(1.0)


def hue(colour: str) -> float:
    return colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]


@pytest.mark.parametrize("background", BACKGROUNDS.values(), ids=BACKGROUNDS.keys())
@pytest.mark.parametrize("slug", SHIPPED)
def test_each_shipped_issue_colour_reads_as_text_in_both_schemes(slug, background):
    readable = readable_on(SHIPPED[slug], background)

    assert contrast_ratio(readable, background) >= TEXT_CONTRAST
    assert abs(hue(readable) - hue(SHIPPED[slug])) < 0.02  # the same colour, lighter or darker


@pytest.mark.parametrize("slug", SHIPPED)
def test_a_chip_labels_its_issue_colour_readably(slug):
    assert contrast_ratio(text_on(SHIPPED[slug]), SHIPPED[slug]) >= TEXT_CONTRAST


def test_a_colour_that_already_reads_is_kept():
    assert readable_on("#0d47a1", "#ffffff") == "#0d47a1"
    assert readable_on("#ffd54f", "#1e1e1e") == "#ffd54f"


def test_a_failing_colour_goes_darker_on_light_and_lighter_on_dark():
    on_light, on_dark = readable_on("#ffd54f", "#ffffff"), readable_on("#0d47a1", "#1e1e1e")

    assert relative_luminance(on_light) < relative_luminance("#ffd54f")
    assert relative_luminance(on_dark) > relative_luminance("#0d47a1")


def test_a_mid_grey_background_falls_back_to_black_or_white():
    assert contrast_ratio(readable_on("#777777", "#767676"), "#767676") >= TEXT_CONTRAST
