"""How plain text and Markdown are cut into articles: the person's choice at import.

Automatic reads the file's own cues (segment.py's module docstring lists them); the other
modes replace those cues with one rule the person knows holds for their files. Every mode uses
the same line classification, so headlines, kickers, subheads, date lines, bylines, boilerplate
and teaser blocks are recognised the same way whichever is chosen.
"""

from __future__ import annotations

from enum import StrEnum


class Segmentation(StrEnum):
    """Where a new article starts in a plain-text or Markdown file.

    The values are the CLI's ``--split`` choices and what an import run records.
    """

    AUTOMATIC = "auto"  # headlines, kickers, datelines, separators, blank-line layout, ...
    ONE_PER_FILE = "file"  # the whole file is one article
    BLANK_LINES = "blank"  # every block between blank lines starts an article
    HEADLINES = "headline"  # only a headline line or a "KICKER: deck" line starts one

    @property
    def label(self) -> str:
        """What the wizard's combo and the import history call the mode."""
        return _LABELS[self]


_LABELS = {
    Segmentation.AUTOMATIC: "Automatic",
    Segmentation.ONE_PER_FILE: "One article per file",
    Segmentation.BLANK_LINES: "Split at blank lines",
    Segmentation.HEADLINES: "Split at headline / kicker lines",
}
