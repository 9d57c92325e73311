"""Folders of mixed material for the import wizard's tests."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import THREE_ARTICLES

CSV_TEXT = (
    "headline,story,published,outlet\n"
    '"Talks resume in Geneva","Diplomats resumed arms control talks in Geneva on Monday. '
    'Both delegations called the first session useful.",2021-04-05,Wire\n'
    '"Satellite launch delayed","The launch of a reconnaissance satellite was delayed by a '
    'week because of the weather.",2021-04-06,Wire\n'
)
JSONL_TEXT = (
    '{"title": "Border patrols stepped up", "text": "Border guards stepped up patrols along '
    'the frontier on Tuesday.", "date": "2021-05-04"}\n'
    '{"title": "Drone exercise held", "text": "The army held a drone exercise near the coast '
    'on Wednesday.", "date": "2021-05-05"}\n'
)
EML_TEXT = (
    "From: Defence Weekly <news@example.org>\nTo: analyst@example.org\n"
    "Subject: Parliament approves defence budget\nDate: Mon, 7 Jun 2021 09:00:00 +0000\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Parliament approved the defence budget on Monday after a long debate.\n\n"
    "The budget rises by four percent.\n"
)
MD_TEXT = (
    "# Navy commissions new frigate\n\n12 March 2021\n\n"
    "The navy commissioned its newest frigate in Portsmouth on Friday.\n\n"
    "The ship will join the fleet next year, officials said.\n"
)


def make_mixed_folder(folder: Path) -> Path:
    """Text (3 stories), Markdown, CSV (2 rows), JSON Lines (2), a mail; an empty file, a
    binary one with a text extension, and an unknown .xyz file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wire.txt").write_text(THREE_ARTICLES, encoding="utf-8")
    (folder / "notes.md").write_text(MD_TEXT, encoding="utf-8")
    (folder / "export.csv").write_text(CSV_TEXT, encoding="utf-8")
    (folder / "items.jsonl").write_text(JSONL_TEXT, encoding="utf-8")
    (folder / "letter.eml").write_text(EML_TEXT, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (folder / "unknown.xyz").write_text("what is this", encoding="utf-8")
    return folder


def make_story_folder(folder: Path, files: int = 40, stories: int = 5) -> Path:
    """``files`` text files of ``stories`` distinct one-paragraph stories each."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        blocks = []
        for story in range(stories):
            n = number * stories + story
            blocks.append(
                f"REPORT {n}: Story number {n} about exercise {n} in the north.\n"
                f"Troops of brigade {n} held exercise {n} near the border on Tuesday, "
                f"officials said, in the {n}th drill this year."
            )
        (folder / f"batch-{number:03d}.txt").write_text("\n\n".join(blocks) + "\n", "utf-8")
    return folder
