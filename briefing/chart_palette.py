"""The charts' colours as plain hex strings, shared by the Qt charts and the exporters.

The series colours are the Okabe–Ito palette, chosen to stay distinguishable with the common
forms of colour blindness. Kept Qt-free so the PDF, Word, HTML and Markdown exports draw the
charts in exactly the colours the analyst saw in the app.
"""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design".
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
OKABE_ITO: tuple[str, ...] = (
    BLACK,
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    YELLOW,
    BLUE,
    VERMILLION,
    REDDISH_PURPLE,
)

INK = "#3b434c"  # axis text
RULE = "#b9bec4"  # axis lines
GRID_ALPHA = 0.12
SLATE = "#3d5a6c"  # the app's accent: selection, events, the "All articles" lane
PUBLISHED = ORANGE  # publication dates
FLAG = "#C0392B"  # a figure far from its reference
TREATY = "#9B4F96"  # treaty bands and treaty rows (a darker reddish purple than the reader's)
REFERENCE = "#78808a"  # the reference range bar (drawn see-through)

# (red, green, blue, alpha 0–255) fills, drawn over the paper.
SELECTION_FILL = (61, 90, 108, 40)  # the timeline's region: the slate, see-through
REFERENCE_FILL = (120, 128, 138, 55)
TREATY_FILL = (155, 79, 150, 26)

# Timeline lanes after the first ("All articles", in SLATE): Okabe–Ito hues that read on white
# (yellow and black are left out: yellow vanishes on paper, black reads as the axis).
LANE_COLOURS: tuple[str, ...] = (
    BLUE,
    ORANGE,
    BLUISH_GREEN,
    VERMILLION,
    REDDISH_PURPLE,
    SKY_BLUE,
)


def rgba_float(fill: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
    """An (r, g, b, a) 0–255 fill as the 0–1 floats matplotlib and reportlab take."""
    red, green, blue, alpha = fill
    return (red / 255, green / 255, blue / 255, alpha / 255)
