"""Colour contrast as WCAG 2 measures it, and readable variants of colours chosen as data.

Issue colours come from resources/tracked_issues.toml or the user; one that reads badly on
the current background (light or dark scheme) is darkened or lightened, keeping its hue,
until it reaches the ratio WCAG asks of text (4.5:1). Pure functions on "#rrggbb" strings.
"""

from __future__ import annotations

import colorsys

TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal text
BLACK, WHITE = "#000000", "#ffffff"


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in (red, green, blue))


def relative_luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever has the higher contrast on `background`."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE


def readable_on(colour: str, background: str, minimum: float = TEXT_CONTRAST) -> str:
    """`colour` itself when it reads on `background`; else the nearest lightness of its hue that does."""
    if contrast_ratio(colour, background) >= minimum:
        return _hex(*_channels(colour))
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(colour))
    # Away from the background: darker on a light one, lighter on a dark one.
    step = -0.01 if relative_luminance(background) > 0.18 else 0.01
    while 0.0 <= lightness <= 1.0:
        lightness += step
        candidate = _hex(*colorsys.hls_to_rgb(hue, min(1.0, max(0.0, lightness)), saturation))
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return text_on(background)  # a mid-grey background no hue reaches: fall back to black or white
