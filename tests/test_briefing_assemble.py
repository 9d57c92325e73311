"""Assembling a stored briefing into the document the exporters write."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from briefing.briefings.assemble import (
    REMOVED_TEXT,
    article_paragraphs,
    assemble_document,
    format_date_mention,
    trim_sentence,
)
from briefing.briefings.document import (
    ArticleBlock,
    ChartBlock,
    ExcerptBlock,
    NoteBlock,
    Paragraph,
    TableBlock,
)
from briefing.briefings.model import ItemDraft, ItemKind
from briefing.domain import ArticleQuery, DateMention, DatePrecision
from briefing.ingest.pipeline import run_import
from briefing.store import Store

# Four stories, imported with real extraction; ids follow file order: 1 talks, 2 Topol-M,
# 3 Pentagon, 4 Ukraine (undated).
CORPUS = """\
NATO, Russia to hold talks amid treaty crisis

22 January 2019

By Anna Wire

NATO and Russian officials will hold talks on 25 January, the alliance said on 21 January 2019.

All 29 NATO members say Russia's 9M729 cruise missile violates the INF treaty, which bans \
ground-launched missiles with a range of between 500 and 5,500km.

TENSE TIES

In December 2018 the US published details of the evidence. Secretary General Jens \
Stoltenberg said Russia still had time to comply.

---

Russia begins mass production of Topol-M

12 December 2007

Russia has begun mass production of the Topol-M strategic missile, officials said on Tuesday.

The Topol-M is known to NATO as the SS-27 and is a three-stage intercontinental ballistic \
missile with a range of 10,000km.

---

Pentagon tests ground-launched cruise missile after INF exit

19 August 2019

The Pentagon tested a ground-launched cruise missile on 18 August 2019, weeks after the United \
States left the INF treaty on 2 August 2019.

Russia said the test showed Washington had been preparing for years.

---

Ukraine asks allies for more air defence

Ukraine asked NATO allies for more Patriot batteries, Foreign Minister Dmytro Kuleba said.
"""
TALKS, TOPOL, PENTAGON, UKRAINE = 1, 2, 3, 4


def import_corpus(store: Store, folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wire.txt").write_text(CORPUS, encoding="utf-8")
    report = run_import(store, [folder], source="Wire", workers=0)
    assert report.imported == 4
    assert store.get_article(TALKS).title.startswith("NATO, Russia")  # type: ignore[union-attr]
    return store


@pytest.fixture
def corpus(store: Store, tmp_path: Path) -> Store:
    return import_corpus(store, tmp_path / "in")


def article_drafts(store: Store, ids: list[int]) -> list[ItemDraft]:
    return [ItemDraft(ItemKind.ARTICLE, provenance=p) for p in store.provenance_for(ids)]


EXTRA = """\
Treaty lapses as both sides trade blame

2 August 2019

The treaty expired on 2 August 2019, officials in Washington and Moscow said.

---

Europe fears new arms race after INF collapse

3 August 2019

The treaty expired on 2 August 2019, officials in Washington and Moscow said. European \
capitals called for calm.
"""


def import_extra(store: Store, folder: Path) -> list[int]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "extra.txt").write_text(EXTRA, encoding="utf-8")
    before = set(store.all_article_ids())
    run_import(store, [folder], source="Desk", workers=0)
    return sorted(set(store.all_article_ids()) - before)


def make_briefing(store: Store, drafts: list[ItemDraft], **info: object) -> int:
    created = store.create_briefing("Weekly", **info)  # type: ignore[arg-type]
    store.add_briefing_items(created.id, drafts)
    return created.id


def test_every_kind_of_item_becomes_its_block(corpus: Store, tmp_path: Path) -> None:
    from briefing.briefings.chart_snapshot import timeline_snapshot

    extra = import_extra(corpus, tmp_path / "extra")
    chart = timeline_snapshot(corpus, ArticleQuery())
    (talks,) = corpus.provenance_for([TALKS])
    drafts = [
        ItemDraft(ItemKind.NOTE, text="**Key judgement:** talks *will* fail.\n\n- one\n- two"),
        ItemDraft(ItemKind.CHART, chart=chart, caption="Edited by the analyst"),
        ItemDraft(ItemKind.EXCERPT, provenance=talks, text="violates the INF treaty", caption="!"),
        *article_drafts(corpus, [TALKS, extra[0]]),
    ]
    briefing_id = make_briefing(
        corpus, drafts, title="INF weekly", author="A. Analyst", marking="OFFICIAL"
    )
    corpus.undo_import(corpus.get_article(extra[0]).import_run_id)  # type: ignore[union-attr]
    document = assemble_document(corpus, briefing_id, today=dt.date(2019, 2, 1))
    assert (document.title, document.author, document.date, document.marking) == (
        "INF weekly",
        "A. Analyst",
        dt.date(2019, 2, 1),
        "OFFICIAL",
    )
    assert document.generated_at is not None
    note, chart_block, excerpt, article, removed = document.blocks
    assert note == NoteBlock(markdown=drafts[0].text)
    assert isinstance(chart_block, ChartBlock)
    assert chart_block.chart == dataclasses.replace(chart, caption="Edited by the analyst")
    assert excerpt == ExcerptBlock(provenance=talks, text="violates the INF treaty", comment="!")
    assert isinstance(article, ArticleBlock)
    assert article.provenance == talks and article.byline == "By Anna Wire"
    assert [p.subhead for p in article.paragraphs] == [False, False, True, False]
    assert article.paragraphs[2] == Paragraph("TENSE TIES", subhead=True)
    assert article.paragraphs[3].text.startswith("In December 2018 the US published")
    assert article.paragraphs[0].text.startswith("NATO and Russian officials will hold talks")
    assert isinstance(removed, ArticleBlock)
    assert removed.provenance.title == "Treaty lapses as both sides trade blame"
    assert removed.provenance.source == "Desk"
    assert removed.paragraphs == (Paragraph(REMOVED_TEXT),)


def test_document_date_is_the_briefing_date_else_today(corpus: Store) -> None:
    briefing_id = make_briefing(corpus, [], date=dt.date(2019, 1, 25))
    assert assemble_document(corpus, briefing_id, today=dt.date(2030, 1, 1)).date == dt.date(
        2019, 1, 25
    )
    corpus.update_briefing(briefing_id, date=None)
    document = assemble_document(corpus, briefing_id, today=dt.date(2030, 1, 1))
    assert document.date == dt.date(2030, 1, 1)
    assert document.title == "Weekly" and document.blocks == ()
    assert assemble_document(corpus, briefing_id).date == dt.date.today()


def table(document_blocks: tuple[object, ...], title: str) -> TableBlock:
    (found,) = [b for b in document_blocks if isinstance(b, TableBlock) and b.title == title]
    return found


def test_entity_table_follows_corrections_and_options(corpus: Store) -> None:
    briefing_id = make_briefing(
        corpus,
        [
            ItemDraft(ItemKind.ENTITY_TABLE),
            ItemDraft(ItemKind.ENTITY_TABLE, options={"types": ["WEAPON", "treaty"]}),
            ItemDraft(ItemKind.ENTITY_TABLE, options={"limit": 2}, caption="Top two"),
            *article_drafts(corpus, [TALKS, TOPOL]),
        ],
    )
    blocks = assemble_document(corpus, briefing_id).blocks
    full, weapons, top = blocks[:3]
    assert isinstance(full, TableBlock) and full.title == "Entities"
    assert full.columns == ("Entity", "Type", "Articles", "Mentions")
    assert full.numeric == (2, 3)
    rows = {row[0]: row[1:] for row in full.rows}
    # Russia: the talks' title, "Russia's", "Russia still"; Topol-M's title and first line.
    assert rows["Russia"] == ("Place", "2", "5")
    # Topol-M three times under its own name (title included) and once as "SS-27".
    assert rows["Topol-M"] == ("Weapon", "1", "4")
    assert "Ukraine" not in rows  # only the briefing's articles count
    assert [row[2] for row in full.rows] == sorted((row[2] for row in full.rows), reverse=True)
    assert full.caption == "Entities the briefing's 2 articles mention, by articles."
    assert isinstance(weapons, TableBlock)
    assert {row[1] for row in weapons.rows} == {"Weapon", "Treaty"}
    assert "(weapon, treaty only)" in weapons.caption
    assert isinstance(top, TableBlock)
    assert len(top.rows) == 2 and top.caption == "Top two"
    assert top.rows == full.rows[:2]

    topol = corpus.find_entities("Topol-M")[0].id
    corpus.rename_entity(topol, "RS-12M2 Topol-M")
    corpus.set_entity_hidden(corpus.find_entities("NATO")[0].id, True)
    rows = {
        row[0]: row
        for row in table(assemble_document(corpus, briefing_id).blocks[:1], "Entities").rows
    }
    assert "RS-12M2 Topol-M" in rows and "Topol-M" not in rows
    assert "NATO" not in rows


def test_key_dates_are_chronological_with_their_sentences(corpus: Store) -> None:
    briefing_id = make_briefing(
        corpus,
        [
            ItemDraft(ItemKind.KEY_DATES),
            ItemDraft(ItemKind.KEY_DATES, options={"limit": 2}),
            *article_drafts(corpus, [TALKS, TOPOL]),
        ],
    )
    full, capped = assemble_document(corpus, briefing_id).blocks[:2]
    assert isinstance(full, TableBlock) and full.title == "Key dates"
    assert full.columns == ("Date", "What", "Article")
    talks = "NATO, Russia to hold talks amid treaty crisis"
    topol = "Russia begins mass production of Topol-M"
    assert full.rows == (
        (
            "11 Dec 2007",
            "Russia has begun mass production of the Topol-M strategic missile, officials said "
            "on Tuesday.",
            topol,
        ),
        ("Dec 2018", "In December 2018 the US published details of the evidence.", talks),
        (
            "21 Jan 2019",
            "NATO and Russian officials will hold talks on 25 January, the alliance said on 21 "
            "January 2019.",
            talks,
        ),
        (
            "25 Jan 2019",
            "NATO and Russian officials will hold talks on 25 January, the alliance said on 21 "
            "January 2019.",
            talks,
        ),
    )
    assert full.caption == "Dates the briefing's 2 articles mention, in order."
    # Over the limit, the precise dates win, and stay in order.
    assert isinstance(capped, TableBlock)
    assert [row[0] for row in capped.rows] == ["11 Dec 2007", "21 Jan 2019"]
    assert "2 of 4" in capped.caption


def test_the_same_date_in_the_same_sentence_is_one_key_date(corpus: Store, tmp_path: Path) -> None:
    lapses, europe = import_extra(corpus, tmp_path / "extra")
    briefing_id = make_briefing(
        corpus, [ItemDraft(ItemKind.KEY_DATES), *article_drafts(corpus, [lapses, europe])]
    )
    (dates,) = assemble_document(corpus, briefing_id).blocks[:1]
    assert isinstance(dates, TableBlock)
    labels = [row[0] for row in dates.rows]
    assert labels.count("2 Aug 2019") == 1
    assert dates.rows[labels.index("2 Aug 2019")][2] == "Treaty lapses as both sides trade blame"


def test_tables_of_a_briefing_without_articles(corpus: Store) -> None:
    briefing_id = make_briefing(
        corpus, [ItemDraft(ItemKind.ENTITY_TABLE), ItemDraft(ItemKind.KEY_DATES)]
    )
    entities, dates = assemble_document(corpus, briefing_id).blocks
    assert isinstance(entities, TableBlock) and isinstance(dates, TableBlock)
    assert entities.rows == () and dates.rows == ()
    assert entities.caption == dates.caption == "The briefing has no articles yet."


def mention(value: str | None, precision: DatePrecision, start: str = "2019-01-01") -> DateMention:
    first = dt.date.fromisoformat(start)
    return DateMention("body", 0, 4, "x", precision, first, first, value)


@pytest.mark.parametrize(
    ("value", "precision", "label"),
    [
        ("2019-01-21", DatePrecision.DAY, "21 Jan 2019"),
        ("2019-01", DatePrecision.MONTH, "Jan 2019"),
        ("2019", DatePrecision.YEAR, "2019"),
        ("2019-06-04/2019-06-16", DatePrecision.INTERVAL, "4–16 Jun 2019"),
        ("2019-03-28/2019-05-31", DatePrecision.INTERVAL, "28 Mar 2019 – 31 May 2019"),
        ("2014/2018", DatePrecision.INTERVAL, "2014 – 2018"),
        ("1990/1999", DatePrecision.INTERVAL, "1990 – 1999"),
        (None, DatePrecision.MONTH, "Jan 2019"),
        ("garbled", DatePrecision.DAY, "1 Jan 2019"),
    ],
)
def test_dates_read_as_their_precision(
    value: str | None, precision: DatePrecision, label: str
) -> None:
    assert format_date_mention(mention(value, precision)) == label


def test_long_sentences_are_trimmed_around_the_date() -> None:
    before = "Officials from both capitals, speaking on condition of anonymity, said " * 3
    after = " after months of talks that produced nothing but further recriminations " * 3
    sentence = f"{before}the deadline was 2 February 2019{after}"
    start = sentence.index("2 February 2019")
    trimmed = trim_sentence(sentence, start, start + len("2 February 2019"))
    assert "2 February 2019" in trimmed
    assert trimmed.startswith("…") and trimmed.endswith("…")
    assert 120 <= len(trimmed) <= 162
    inner = trimmed.strip("…")
    assert inner in " ".join(sentence.split())  # cut only at word boundaries
    assert sentence.split(inner)[0].endswith(" ") and sentence.split(inner)[1].startswith(" ")
    assert trim_sentence("  Short\n sentence. ", 1, 5) == "Short sentence."
    start_only = trim_sentence("On 2 May " + "x " * 200, 3, 8)
    assert start_only.startswith("On 2 May") and start_only.endswith("…")


def test_subheads_land_before_their_paragraph() -> None:
    from briefing.domain import Article, DateSource, Subhead

    body = "First para.\n\nSecond para.\n\nThird para."
    article = Article(
        id=1,
        title="t",
        body=body,
        kicker="",
        deck="",
        headline="",
        byline="",
        subheads=(Subhead("ONE", 0), Subhead("TWO", 13), Subhead("THREE", 20)),
        source="s",
        published=None,
        date_source=DateSource.UNKNOWN,
        origin_file="",
        origin_position=0,
        origin_line=0,
        content_hash="h",
        truncated=False,
        import_run_id=None,
        created_at=dt.datetime(2019, 1, 1),
    )
    assert article_paragraphs(article) == (
        Paragraph("ONE", subhead=True),
        Paragraph("First para."),
        Paragraph("TWO", subhead=True),
        Paragraph("Second para."),
        Paragraph("THREE", subhead=True),  # its offset fell inside "Second para."
        Paragraph("Third para."),
    )
