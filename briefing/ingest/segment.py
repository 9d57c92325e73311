"""Cut a text file of pasted news into articles.

The file is first laid out into classified units (layout.py, line_kinds.py); then one pass
walks them with a small state machine: an article opens with its head (headline, standfirst,
kicker and deck, date line, byline, in any order), then takes body paragraphs and subheads until
something says a new story starts. What says so, strongest first:

- the layout: a separator line, a blank line in a file whose blocks are articles, a wider gap
  than usual between paragraphs, the end of a teaser block ("More from ...");
- a line that only opens stories: a kicker ("REVENGE: ..."), a Markdown "# Heading", a
  dateline ("MOSCOW (Reuters) - "), a date line or byline followed by a story;
- a headline: a short line that is not a sentence, followed by body text. Inside a story a
  line of one to four words is a subhead instead, and so is a short ALL-CAPS line, unless a
  headline follows it (then it is the section label printed above that headline);
- the story before has ended: a kicker-led one-paragraph story ends at its line, and a
  paragraph that stops mid-sentence, or a whole story on one line, followed by another whole
  story on one line means a new story.

A paragraph that merely lacks its full stop inside a story does not end it: only a headline
or a whole one-line story after it does. What the next paragraph says settles some lines: a
short "name verbs noun" line whose name the next paragraph opens with is a brief's headline,
not a subhead; a headline-like line holding "are" or "would" is a headline only when the
next paragraph takes up its words, as a lede does; a short question naming nothing ("What is
it?") is a section of an explainer. Dialogue turns ("Q: ...", a transcript's speakers) and
table rows are paragraphs, never headlines. In the head, a line of names alone is the byline,
menu words above the section label are dropped.

That is the automatic mode. The person may choose another (segmentation.py), and then only
that mode's rule starts an article; everything else (the head, subheads, dropped lines, teaser
blocks) is read as above:

- one article per file: nothing starts a second article;
- blank lines: every block after a blank line starts one (a block holding only a head, such
  as a headline alone, heads the block below it);
- headlines: a headline line, a Markdown "# Heading" or a kicker line starts one (with a date
  line or byline printed just above it), never a blank line, dateline or one-line story alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from briefing.domain import DateSource, ParsedArticle, Subhead
from briefing.ingest.decoding import normalise_text
from briefing.ingest.kicker import split_deck_and_body
from briefing.ingest.layout import layout_lines
from briefing.ingest.line_kinds import (
    STORY_AFTER_CUT_MIN_CHARS,
    STORY_MIN_CHARS,
    Line,
    LineKind,
    is_body_like,
    is_headline_like,
    is_story_like,
    is_table_row_text,
)
from briefing.ingest.segmentation import Segmentation
from briefing.ingest.sentences import (
    CLOSING_MARKS,
    OPENING_QUOTES,
    ends_sentence,
    first_sentence,
    shorten,
)
from briefing.ingest.teasers import end_of_teaser_block

TITLE_MAX_CHARS = 120

# An ALL-CAPS line longer than this inside a story is the next story's headline.
_CAPS_SUBHEAD_MAX_WORDS = 6
# A mixed-case line this short inside a story is a section heading, not a headline.
_SUBHEAD_MAX_WORDS = 4
# A paragraph without final punctuation this long is a sentence cut off, not a label or a
# list item.
_CUT_SENTENCE_MIN_WORDS = 8
# A line this short right above a headline is the section it was filed under.
_SECTION_LABEL_MAX_WORDS = 2
# A kicker's deck on a line of its own is a phrase, not a one-sentence story.
_DECK_MAX_WORDS = 35
_TITLE_CASE_HEADLINE_SHARE = 0.8

# Unterminated lines that start with these read as sentences missing their full stop, not as
# headlines ("He did not say when talks would resume"); headlines do start with "The".
_SENTENCE_OPENING_WORDS = frozenset(
    {
        "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
        "here", "but", "and", "or", "so", "however", "meanwhile", "also", "its", "his", "her",
        "their", "our", "my", "your", "if", "when", "while", "although", "though", "because",
        "since", "then", "according", "earlier", "later", "still", "yet", "instead",
    }
)  # fmt: skip
# Headlines are written in the present tense; these past-tense and reporting words mark a
# sentence that lost its full stop ("The ministry did not respond to a request for comment").
_SENTENCE_VERBS = re.compile(r"\b(?:said|was|were|had|did|told|added|declined|according)\b")
# Headlines mostly drop these, but not always ("X says talks are over"): a line holding one is
# a headline only if the paragraph under it takes up its words, as a lede does; otherwise it
# is a sentence that lost its full stop ("Deliveries are due to begin in 2028").
_WEAK_VERBS = re.compile(r"\b(?:are|is|would|could|will|been)\b")
_LEDE_WORDS = 30
_STEM_CHARS = 5
_COMMON_STEMS = frozenset(
    {"about", "after", "again", "their", "there", "these", "those", "which", "while", "would",
     "could", "shoul", "where", "other", "under", "being", "since", "befor", "first"}
)  # fmt: skip

# Wire credits that end a story without ending a sentence ("Reporting by ...; Editing by ...").
_CREDIT_LINE = re.compile(
    r"^[(\[]?(?:(?:additional\ )?(?:reporting|writing|editing|compiled|translated|research)\b.*"
    r"|(?:reuters|ap|afp|bloomberg|dpa|xinhua|tass|interfax|aap|pa|ani|ians|efe|ansa"
    r"|associated\ press|agence\ france-presse|agencies|staff)[)\]]?)$",
    re.IGNORECASE | re.VERBOSE,
)

# Words that open a section heading rather than a brief's headline ("What comes next").
_SUBHEAD_OPENERS = frozenset(
    {
        "the", "a", "an", "why", "what", "how", "who", "when", "where", "which", "whose", "our",
        "key", "next", "more", "other", "new", "background", "analysis", "context", "reaction",
        "response", "timeline", "in", "on", "at", "for", "from", "with", "after", "before",
    }
)  # fmt: skip
# A byline printed without "By": its names, perhaps "in <place>", then perhaps a role line.
_NAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "del", "della", "la", "le", "da", "dos", "bin", "al",
     "el", "di", "du", "ibn", "y"}
)  # fmt: skip
_NAME_LINE_MAX_WORDS = 9
_ROLE_LINE = re.compile(
    r"^[A-Z][\w'’ -]{0,40}\b(?:correspondent|editor|reporter|writer|columnist|analyst|staff"
    r"|contributor|chief|producer|desk)$",
    re.IGNORECASE,
)
_ROLE_LINE_MAX_WORDS = 5
# "In short:", "Key points:" between a headline and its list of points.
_LABEL_MAX_WORDS = 4
_QUESTION_SUBHEAD_MAX_WORDS = 8
_PLACE_LINE_MAX_WORDS = 3
# A breadcrumb printed above a headline: "World | Europe", "News › Defence".
_BREADCRUMB = re.compile(
    r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}(?: ?[|›>»/] ?[A-Z][\w'’-]*(?: [\w'’-]+){0,2}){1,3}$"
)
# A cover note above a forwarded message ("FYI - see below") is this short.
_COVER_NOTE_MAX_WORDS = 25

_INNER_TAB = re.compile(r"(?<=\S)[ \t]*\t[ \t]*(?=\S)")

# Tuples, not sets: membership by identity is cheaper than hashing an Enum, on every line.
_HEAD_SKIPPED = (LineKind.BOILERPLATE, LineKind.TEASER_LINE)
_META = (LineKind.DATE, LineKind.BYLINE)
_META_OR_SKIPPED = _META + _HEAD_SKIPPED


class _Follow(Enum):
    """What comes after a headline or subhead candidate."""

    NOTHING = 0  # no story text: the candidate is not a heading
    BODY = 1
    STRONG = 2  # a date line, byline or dateline, then the story: surely a headline


def segment_text(
    text: str, *, origin_file: str = "", segmentation: Segmentation = Segmentation.AUTOMATIC
) -> list[ParsedArticle]:
    """The articles in the text, in file order, cut as ``segmentation`` says."""
    if "\t" in text:
        # A tab between words is a table's cell border: kept as a run of spaces, which
        # normalise_text would otherwise make one.
        text = _INNER_TAB.sub("  ", text)
    lines = layout_lines(normalise_text(text))
    _read_breaks_for(lines, segmentation)
    articles: list[ParsedArticle] = []
    for draft in _Segmenter(lines, segmentation).run():
        article = draft.to_article(origin_file, len(articles))
        if article is not None:
            articles.append(article)
    return articles


def _read_breaks_for(lines: Sequence[Line], segmentation: Segmentation) -> None:
    """Mark the layout's breaks as the mode reads them: every blank line is a break when
    blocks are articles; none is when only headlines (or nothing) start articles."""
    if segmentation is Segmentation.AUTOMATIC:
        return
    if segmentation is Segmentation.BLANK_LINES:
        for line in lines:
            line.break_before = line.after_blank
        return
    for line in lines:
        line.break_before = line.hard_break = False


@dataclass(slots=True)
class _Draft:
    """An article being assembled."""

    first_line: int
    headline: str = ""
    kicker: str = ""
    deck: str = ""
    byline: str = ""
    date_seen: bool = False
    published: dt.date | None = None
    date_note: str = ""
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[Subhead] = field(default_factory=list)
    pending_subheads: list[str] = field(default_factory=list)
    closed: bool = False  # a kicker-led one-paragraph story: nothing more belongs to it
    last_terminated: bool = True
    last_cut_off: bool = False  # the last paragraph stops mid-sentence
    first_unit: Line | None = None

    @property
    def has_body(self) -> bool:
        return bool(self.paragraphs)

    def add_paragraph(self, text: str, *, terminated: bool, words: int) -> None:
        if self.pending_subheads:
            self._place_subheads()
        self.paragraphs.append(text)
        self.last_terminated = terminated
        self.last_cut_off = not terminated and words >= _CUT_SENTENCE_MIN_WORDS

    def add_line(self, line: Line) -> None:
        if not self.paragraphs:
            self.first_unit = line
        self.add_paragraph(line.text, terminated=line.terminated, words=line.words)
        if line.tail:
            self.paragraphs.extend(line.tail)  # sentences: terminated, like line itself

    def add_sentence_line(self, line: Line) -> None:
        """add_line for a line ending in a full stop: the fast path, for most lines."""
        paragraphs = self.paragraphs
        if not paragraphs:
            self.first_unit = line
        if self.pending_subheads:
            self._place_subheads()
        paragraphs.append(line.text)
        if line.tail:
            paragraphs.extend(line.tail)
        self.last_terminated = True
        self.last_cut_off = False

    def _place_subheads(self) -> None:
        # The next paragraph starts after the body so far and the "\n\n" that joins it on.
        offset = sum(map(len, self.paragraphs)) + 2 * len(self.paragraphs)
        self.subheads.extend(Subhead(text, offset) for text in self.pending_subheads)
        self.pending_subheads.clear()

    def take_date(self, line: Line) -> None:
        if self.date_seen:
            return  # "Updated ..." under "Published ...": the first date is the publication
        self.date_seen = True
        self.published = line.date
        self.date_note = line.date_note

    def take_byline(self, line: Line) -> None:
        if not self.byline:
            self.byline = line.label
        if line.date is not None or line.date_note:
            self.take_date(line)

    def is_cover_note(self) -> bool:
        words = sum(paragraph.count(" ") + 1 for paragraph in self.paragraphs)
        return (
            not (self.headline or self.kicker or self.deck)
            and len(self.paragraphs) <= 2
            and words <= _COVER_NOTE_MAX_WORDS
        )

    def is_single_story(self) -> bool:
        """The body so far is one paragraph that is a whole story (no headline above it)."""
        return (
            not self.headline
            and not self.kicker
            and len(self.paragraphs) == 1
            and self.first_unit is not None
            and is_story_like(self.first_unit)
        )

    def to_article(self, origin_file: str, position: int) -> ParsedArticle | None:
        orphans = self.pending_subheads[:]
        self.pending_subheads.clear()
        for orphan in orphans:
            # A heading with nothing under it is kept as text rather than lost.
            self.add_paragraph(orphan, terminated=False, words=0)
        headline, deck, kicker = self.headline, self.deck, self.kicker
        if not self.paragraphs:
            # A head with no story under it (a deck, a headline, a kicker alone): keep its
            # text as the body rather than lose it. A date line or byline alone is no article.
            text = deck or headline or kicker
            if not text:
                return None
            self.add_paragraph(text, terminated=ends_sentence(text), words=0)
            if deck:
                deck = ""
            elif headline:
                headline = ""
            else:
                kicker = ""
        # Joined as-is (no paragraph is ever empty): the subhead offsets were counted so.
        body = "\n\n".join(self.paragraphs)
        truncated = _is_cut_off(self.paragraphs)
        warnings: list[str] = []
        if truncated:
            warnings.append("truncated")
        if self.published is None:
            warnings.append(self.date_note or "no date")
        return ParsedArticle(
            title=_title(headline, kicker, deck, self.paragraphs[0]),
            body=body,
            kicker=kicker,
            deck=deck,
            headline=headline,
            byline=self.byline,
            subheads=tuple(self.subheads),
            published=self.published,
            date_source=DateSource.METADATA if self.published else DateSource.UNKNOWN,
            origin_file=origin_file,
            origin_position=position,
            origin_line=self.first_line,
            truncated=truncated,
            warnings=tuple(warnings),
        )


class _Segmenter:
    def __init__(
        self, lines: Sequence[Line], segmentation: Segmentation = Segmentation.AUTOMATIC
    ) -> None:
        self._lines = lines
        # _past_meta[i]: the first line at or after i that is not a date line, byline or
        # skipped line. Looked up instead of scanned, so a file of thousands of date lines in
        # a row (seen in fuzzing) stays linear instead of quadratic.
        past_meta = [len(lines)] * (len(lines) + 1)
        for position in range(len(lines) - 1, -1, -1):
            if lines[position].kind in _META_OR_SKIPPED:
                past_meta[position] = past_meta[position + 1]
            else:
                past_meta[position] = position
        self._past_meta = past_meta
        self._mode = segmentation
        # In the automatic mode the text's own cues (separators, teaser blocks, cut-off and
        # one-line stories) end stories too; the other modes keep to their one rule.
        self._auto = segmentation is Segmentation.AUTOMATIC
        self._drafts: list[_Draft] = []
        self._draft: _Draft | None = None

    def run(self) -> list[_Draft]:
        lines = self._lines
        index = 0
        while index < len(lines):
            line = lines[index]
            draft = self._draft
            # Fast path for most lines of most files: a sentence inside a story that nothing
            # before it suggests has ended (see _starts_article for the slow path's rules).
            if (
                line.plain_sentence
                and draft is not None
                and not draft.closed
                and not draft.last_cut_off
                and not line.break_before
                and (len(line.text) < STORY_MIN_CHARS or not draft.is_single_story())
            ):
                draft.add_sentence_line(line)
                index += 1
            else:
                index = self._step(index)
        return self._drafts

    def _step(self, index: int) -> int:
        line = self._lines[index]
        kind = line.kind
        if line.break_before and self._draft is not None and self._draft.has_body:
            self._draft = None
        if kind is LineKind.SEPARATOR:
            if self._auto:
                if _is_forward_marker(line):
                    self._drop_cover_note()
                self._draft = None
            return index + 1
        if kind in _HEAD_SKIPPED:
            return index + 1
        if kind is LineKind.TEASER_HEADER:
            if self._ends_its_block(index):
                return index + 1  # "Read more" under a story, linking to the rest of it
            end = end_of_teaser_block(self._lines, index)
            if self._auto and not self._story_goes_on(index, end):
                self._draft = None
            return end
        draft = self._draft
        if draft is None or self._opens_article(draft, index):
            draft = self._open(line.number)
            next_index = self._read_head(draft, index)
            if next_index > index:
                return next_index
        elif not self._auto and not draft.has_body:
            # A head split from its story by a blank line (a headline block, then the
            # story's block) is still one head.
            next_index = self._read_head(draft, index)
            if next_index > index:
                return next_index
        return self._read_body_line(draft, index)

    def _opens_article(self, draft: _Draft, index: int) -> bool:
        if self._auto:
            return draft.closed or self._starts_article(draft, index)
        if self._mode is Segmentation.HEADLINES:
            return self._starts_at_headline(draft, index)
        # One article per file: never. Blank lines: only at a break, handled in _step.
        return False

    def _ends_its_block(self, index: int) -> bool:
        """The line closes a block of story text: a blank line follows, none precedes."""
        lines = self._lines
        return (
            not lines[index].after_blank
            and index + 1 < len(lines)
            and lines[index + 1].after_blank
            and self._draft is not None
            and self._draft.has_body
        )

    def _story_goes_on(self, header: int, end: int) -> bool:
        """A link to one other story inside a story ("Read more:" and a headline), with the
        story's next paragraph after it."""
        lines = self._lines
        if end - header > 2 or end >= len(lines) or self._draft is None:
            return False
        following = lines[end]
        return (
            self._draft.has_body
            and following.kind is LineKind.TEXT
            and not following.break_before
            and not following.dateline
            and following.terminated
            and not is_headline_like(following)
            and not is_story_like(following)
        )

    def _drop_cover_note(self) -> None:
        """A few words above a forwarded message ("FYI - see below") are not an article."""
        if len(self._drafts) == 1 and self._drafts[0].is_cover_note():
            self._drafts.clear()

    def _open(self, first_line: int) -> _Draft:
        draft = _Draft(first_line)
        self._drafts.append(draft)
        self._draft = draft
        return draft

    # ---- does this line start a new article? ---------------------------------------------

    def _starts_article(self, draft: _Draft, index: int) -> bool:
        line = self._lines[index]
        kind = line.kind
        if not draft.has_body:
            # Still in the head: only a second kicker or a second title begins another story.
            if kind is LineKind.KICKER:
                return bool(draft.kicker)
            return kind is LineKind.HEADING and line.heading_level == 1 and bool(draft.headline)
        if kind is LineKind.KICKER:
            return True
        if kind is LineKind.HEADING:
            return line.heading_level == 1 or self._follows(index) is _Follow.STRONG
        if kind in _META:
            return self._heads_a_story(index)
        if kind is LineKind.CAPS:
            return self._caps_starts_article(draft, index)
        if kind is not LineKind.TEXT or line.labelled or line.table_row:
            return False
        if line.dateline:
            return True
        if draft.pending_subheads:
            return False
        if is_headline_like(line):
            return self._headline_starts_article(draft, index)
        # A whole story on one line after a story that was cut off, or after another whole
        # story on one line (seed 000's elephant story).
        if draft.last_cut_off:
            return is_story_like(line, STORY_AFTER_CUT_MIN_CHARS)
        return draft.is_single_story() and is_story_like(line)

    def _caps_starts_article(self, draft: _Draft, index: int) -> bool:
        follow = self._follows(index)
        if follow is _Follow.NOTHING:
            return False
        if follow is _Follow.STRONG:
            return True
        line = self._lines[index]
        # Short ALL-CAPS lines inside a story are subheads ("TENSE TIES"), even after a
        # paragraph missing its full stop; a long one is the next story's headline.
        return (
            line.words > _CAPS_SUBHEAD_MAX_WORDS
            or (self._auto and draft.is_single_story())
            or self._is_section_label(index)
        )

    def _headline_starts_article(self, draft: _Draft, index: int) -> bool:
        follow = self._follows(index)
        if follow is _Follow.NOTHING:
            return False
        if follow is _Follow.STRONG:
            return True
        line = self._lines[index]
        if _is_question_subhead(line):
            return False  # "What is it?": a section of an explainer
        if self._auto and (draft.last_cut_off or draft.is_single_story()):
            return True
        if line.words <= _SUBHEAD_MAX_WORDS:
            # A subhead, unless it is the next brief's headline, or a section label.
            return (self._auto and self._heads_a_brief(index)) or self._is_section_label(index)
        text = line.text
        if _CREDIT_LINE.match(text):
            return False
        if _first_word(text) not in _SENTENCE_OPENING_WORDS and not _SENTENCE_VERBS.search(text):
            return (
                text[-1] == "?"
                or not self._auto
                or not _WEAK_VERBS.search(text)
                or self._lede_takes_up(index)
            )
        # Reads like a sentence, unless Written In Title Case Like Some Headlines Are.
        return _title_case_share(text) >= _TITLE_CASE_HEADLINE_SHARE

    def _lede_takes_up(self, index: int) -> bool:
        """The paragraph under lines[index] repeats one of its longer words, as a story's
        first paragraph repeats its headline's ("Geneva Conventions")."""
        if index + 1 >= len(self._lines):
            return False
        stems = {
            stem
            for word in self._lines[index].text.split()
            if len(stem := word.strip(OPENING_QUOTES + CLOSING_MARKS + ",.:;?!").lower()[:5])
            == _STEM_CHARS
        } - _COMMON_STEMS
        lede = self._lines[index + 1].text.split(" ", _LEDE_WORDS)[:_LEDE_WORDS]
        return any(
            word.strip(OPENING_QUOTES + CLOSING_MARKS + ",.:;?!").lower()[:_STEM_CHARS] in stems
            for word in lede
        )

    def _heads_a_brief(self, index: int) -> bool:
        """A short line shaped like a headline ("Croatia reintroduces conscription": a name,
        then a verb) whose name the next paragraph opens with ("Croatia's parliament voted
        ..."): the next brief in a list of briefs, not a section heading."""
        line = self._lines[index]
        words = line.text.split()
        first = words[0].strip(OPENING_QUOTES + ",:")
        if not first[:1].isupper() or first.lower() in _SUBHEAD_OPENERS:
            return False
        if not any(_is_present_verb(word) for word in words[1:-1]) and words[1:2] != ["to"]:
            return False
        after = index + 1
        if after >= len(self._lines):
            return False
        lede = self._lines[after]
        stem = first.lower()[:5]
        return lede.kind is LineKind.TEXT and any(
            word[:1].isupper() and word.lower().startswith(stem)
            for word in lede.text.split(" ", 12)[:12]
        )

    def _starts_at_headline(self, draft: _Draft, index: int) -> bool:
        """The headlines mode's rule: a kicker line or a headline line starts an article, and
        so does a date line or byline printed right above one."""
        if not draft.has_body:
            return self._starts_article(draft, index)  # the head's own rule, as in automatic
        kind = self._lines[index].kind
        if kind is LineKind.KICKER:
            return True
        if kind in _META:
            lines = self._lines
            after = self._past_meta[index + 1]
            if after >= len(lines):
                return False
            return lines[after].kind is LineKind.KICKER or self._is_headline_line(draft, after)
        return self._is_headline_line(draft, index)

    def _is_headline_line(self, draft: _Draft, index: int) -> bool:
        """A headline inside a story's body, not a subhead (the automatic mode's tests for
        headings, without its cues from cut-off or one-line stories)."""
        line = self._lines[index]
        kind = line.kind
        if kind is LineKind.HEADING:
            return line.heading_level == 1 or self._follows(index) is _Follow.STRONG
        if kind is LineKind.CAPS:
            return self._caps_starts_article(draft, index)
        if (
            kind is not LineKind.TEXT
            or line.dateline
            or draft.pending_subheads
            or not is_headline_like(line)
        ):
            return False
        return self._headline_starts_article(draft, index)

    def _heads_a_story(self, index: int) -> bool:
        """A date line or byline after a body: the next story's head, unless the story's
        text ends here (then it is this story's trailing date or byline)."""
        lines = self._lines
        after = self._past_meta[index + 1]
        if after >= len(lines) or lines[after].break_before:
            return False
        following = lines[after]
        return following.kind in (LineKind.KICKER, LineKind.CAPS, LineKind.HEADING) or (
            following.kind is LineKind.TEXT
            and (is_body_like(following) or is_headline_like(following))
        )

    def _follows(
        self, index: int, *, heading: bool = True, standfirst: bool = True, meta: bool = False
    ) -> _Follow:
        """What follows lines[index] if it were a headline (``heading``) or a subhead; ``meta``
        when lines[index] is itself a byline or date line."""
        lines = self._lines
        after = index + 1
        count = len(lines)
        if heading:
            while after < count:
                candidate = lines[after]
                kind = candidate.kind
                if kind in _META_OR_SKIPPED:
                    meta = meta or kind in _META
                    after += 1
                elif (
                    kind is LineKind.TEXT
                    and not candidate.terminated
                    and candidate.words <= _NAME_LINE_MAX_WORDS
                    and (name_lines := self._name_byline_length(after))
                ):
                    meta = True  # a byline without "By"
                    after += name_lines
                else:
                    break
        if after >= count:
            return _Follow.NOTHING
        following = lines[after]
        if (
            heading
            and after + 1 < count
            and (following.text[-1] == ":" or following.kind is LineKind.CAPS)
            and (_is_list_label(following) or (meta and _is_place_line(following)))
        ):
            # "In short:", then the points; "SEOUL" on its own line, then the story.
            following = lines[after + 1]
        if following.hard_break or (following.break_before and not heading):
            return _Follow.NOTHING
        story_text = is_body_like(following) or (heading and following.kind is LineKind.KICKER)
        if (
            not story_text
            and heading
            and standfirst
            and is_headline_like(following)
            and self._follows(after, standfirst=False) is not _Follow.NOTHING
        ):
            story_text = True  # a headline, a standfirst under it, then the story
        if not story_text:
            return _Follow.NOTHING
        # A date line, a byline or a dateline under a line leaves no doubt it is a headline.
        return _Follow.STRONG if meta or following.dateline else _Follow.BODY

    def _name_byline_length(self, index: int) -> int:
        """1 or 2 when lines[index] is a byline without "By" ("Jane Smith in Kyiv"), with a
        role line under it ("Defence correspondent"); else 0."""
        lines = self._lines
        if not _is_name_line(lines[index]):
            return 0
        after = index + 1
        if after < len(lines) and _is_role_line(lines[after]):
            return 2
        return 1

    # ---- the head: headline, standfirst, kicker and deck, date line, byline ---------------

    def _read_head(self, draft: _Draft, index: int) -> int:
        lines = self._lines
        at = index
        while at < len(lines):
            line = lines[at]
            kind = line.kind
            if at > index and (line.hard_break or draft.has_body):
                break
            if kind in _HEAD_SKIPPED:
                at += 1
            elif kind is LineKind.DATE:
                draft.take_date(line)
                at += 1
            elif kind is LineKind.BYLINE:
                if draft.byline:
                    break
                draft.take_byline(line)
                at += 1
            elif kind is LineKind.KICKER:
                if draft.kicker or draft.deck:
                    break
                at = self._read_kicker(draft, at)
            elif (
                draft.headline
                and not draft.byline
                and not line.terminated
                and self._name_byline_length(at)
                and self._follows(at + self._name_byline_length(at) - 1, meta=True)
                is not _Follow.NOTHING
            ):
                length = self._name_byline_length(at)
                draft.byline = ", ".join(lines[at + n].text for n in range(length))
                at += length
            elif self._is_navigation(draft, at):
                at += 1  # "Defence" above "Opinion" above the headline: the site's menu
            elif self._takes_as_section_label(draft, at):
                draft.kicker = line.text
                at += 1
            elif self._takes_as_headline(draft, at):
                draft.headline = line.text
                at += 1
            elif self._takes_as_standfirst(draft, at):
                draft.deck = line.text
                at += 1
            else:
                break
        return at

    def _is_navigation(self, draft: _Draft, index: int) -> bool:
        """A word or two above the section label above a headline."""
        line = self._lines[index]
        return (
            not (draft.headline or draft.kicker or draft.deck)
            and line.words <= _SECTION_LABEL_MAX_WORDS
            and (line.kind is LineKind.CAPS or is_headline_like(line))
            and index + 1 < len(self._lines)
            and self._lines[index + 1].words <= _SECTION_LABEL_MAX_WORDS
            and self._is_section_label(index + 1)
        )

    def _takes_as_section_label(self, draft: _Draft, index: int) -> bool:
        if draft.headline or draft.kicker or draft.deck:
            return False
        return self._is_section_label(index)

    def _is_section_label(self, index: int) -> bool:
        """A word or two above a headline ("Russia", "ANALYSIS"), as web pages print the
        section: the story's kicker, not its headline."""
        line = self._lines[index]
        breadcrumb = line.words > _SECTION_LABEL_MAX_WORDS
        if breadcrumb and not _BREADCRUMB.match(line.text):
            return False
        if line.kind is not LineKind.CAPS and not is_headline_like(line):
            return False
        after = index + 1
        while after < len(self._lines) and self._lines[after].kind in _HEAD_SKIPPED:
            after += 1
        if after >= len(self._lines):
            return False
        headline = self._lines[after]
        return (
            # After "World | Europe" even a short line is the headline; after "Europe" it
            # must be longer than a subhead ("TENSE TIES" is no headline).
            (breadcrumb or headline.words > _SUBHEAD_MAX_WORDS)
            and (headline.kind is LineKind.CAPS or is_headline_like(headline))
            and self._follows(after) is not _Follow.NOTHING
        )

    def _takes_as_headline(self, draft: _Draft, index: int) -> bool:
        line = self._lines[index]
        if draft.headline or draft.deck:
            return False
        if line.kind is LineKind.HEADING and line.heading_level == 1:
            return True
        if line.kind in (LineKind.CAPS, LineKind.HEADING) or is_headline_like(line):
            return self._follows(index) is not _Follow.NOTHING
        return False

    def _takes_as_standfirst(self, draft: _Draft, index: int) -> bool:
        line = self._lines[index]
        if not draft.headline or draft.deck:
            return False
        if line.kind is LineKind.HEADING or is_headline_like(line):
            return self._follows(index, standfirst=False) is not _Follow.NOTHING
        return False

    def _read_kicker(self, draft: _Draft, index: int) -> int:
        line = self._lines[index]
        draft.kicker = line.label
        rest = line.rest
        if not rest:
            return index + 1  # "ANALYSIS:" alone: the headline or deck follows
        split = split_deck_and_body(rest)
        if split is not None:
            # Deck and body on one line: a one-paragraph story, which ends at its line.
            draft.deck = split.deck
            draft.add_paragraph(
                split.body, terminated=ends_sentence(split.body), words=split.body.count(" ") + 1
            )
            draft.closed = True
            return index + 1
        rest_words = rest.count(" ") + 1
        # In the chosen modes a kicker line may head the story below it across a blank line
        # or a date line, as a headline may; automatic keeps to what it was tuned on.
        following = self._follows(index, heading=not self._auto)
        if following is not _Follow.NOTHING and rest_words <= _DECK_MAX_WORDS:
            draft.deck = rest  # "KICKER: deck" on its own line, the body below
            return index + 1
        draft.add_paragraph(rest, terminated=ends_sentence(rest), words=rest_words)
        draft.closed = True
        return index + 1

    # ---- the body ---------------------------------------------------------------------------

    def _read_body_line(self, draft: _Draft, index: int) -> int:
        line = self._lines[index]
        if line.kind is LineKind.DATE:
            draft.take_date(line)  # a date line at the story's end
        elif line.kind is LineKind.BYLINE:
            draft.take_byline(line)
        elif self._is_subhead(draft, index):
            draft.pending_subheads.append(line.text)
        else:
            draft.add_line(line)
        return index + 1

    def _is_subhead(self, draft: _Draft, index: int) -> bool:
        line = self._lines[index]
        kind = line.kind
        if kind is LineKind.TEXT:
            if _is_question_subhead(line):
                pass
            elif (
                line.words > _SUBHEAD_MAX_WORDS
                or line.text[-1] in "?!"
                or not (draft.last_terminated or draft.pending_subheads)
                or not is_headline_like(line)
            ):
                return False
        elif kind is not LineKind.CAPS and kind is not LineKind.HEADING:
            return False
        if not (draft.has_body or draft.headline or draft.kicker):
            return False
        return self._follows(index, heading=False) is not _Follow.NOTHING


def _title(headline: str, kicker: str, deck: str, first_paragraph: str) -> str:
    if headline:
        title = headline
    elif kicker and deck:
        title = f"{kicker}: {deck}"
    else:
        title = first_sentence(first_paragraph)
    return shorten(title, TITLE_MAX_CHARS)


def _is_cut_off(paragraphs: Sequence[str]) -> bool:
    """The story stops mid-sentence: its last paragraph (wire credits aside) has no final
    punctuation."""
    for paragraph in reversed(paragraphs):
        if not _CREDIT_LINE.match(paragraph):
            # A table's last row ends without a full stop, and the story is whole.
            return not ends_sentence(paragraph) and not is_table_row_text(paragraph)
    return False


def _title_case_share(text: str) -> float:
    """Share of capitalised words among the longer words after the first."""
    words = [word.strip(OPENING_QUOTES + ",") for word in text.split()[1:]]
    longer = [word for word in words if len(word) >= 4]
    if not longer:
        return 0.0
    return sum(1 for word in longer if word[0].isupper()) / len(longer)


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].strip(OPENING_QUOTES + ",").lower()


def _is_present_verb(word: str) -> bool:
    """Looks like a verb in a headline's present tense: "buys", "reintroduces", "opens"."""
    return (
        len(word) > 3
        and word.islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ics", "'s", "’s"))
    )


def _is_question_subhead(line: Line) -> bool:
    """A short question that names nothing ("What is it?", "How much will it cost?"): it asks
    about what the story already named, so it heads a section; a headline names its subject
    ("Is Taiwan ready for a blockade?")."""
    text = line.text
    return (
        line.kind is LineKind.TEXT
        and text[-1] == "?"
        and line.words <= _QUESTION_SUBHEAD_MAX_WORDS
        and text[:1].isupper()
        and not line.labelled
        and not any(word[:1].isupper() for word in text.split()[1:])
    )


def _is_name_line(line: Line) -> bool:
    """A byline without "By": "Jane Smith", "Min-jun Park and Grace Lee", "Jane Smith in
    Kyiv" (names of two to four capitalised words)."""
    if (
        line.kind is not LineKind.TEXT
        or line.terminated
        or line.words > _NAME_LINE_MAX_WORDS
        or line.labelled
        or line.table_row
    ):
        return False
    names, _, place = line.text.partition(" in ")
    if place and not all(word[:1].isupper() for word in place.split()):
        return False
    run = 0
    for token in names.replace(",", " ").split():
        lowered = token.lower()
        if lowered in ("and", "&"):
            if not 2 <= run <= 4:
                return False
            run = 0
        elif lowered in _NAME_PARTICLES:
            continue
        elif not token[:1].isupper() or any(char.isdigit() for char in token):
            return False
        else:
            run += 1
    return 2 <= run <= 4


def _is_role_line(line: Line) -> bool:
    return (
        line.kind is LineKind.TEXT
        and line.words <= _ROLE_LINE_MAX_WORDS
        and _ROLE_LINE.match(line.text) is not None
    )


def _is_list_label(line: Line) -> bool:
    """ "In short:", "Key points:": a short line introducing a list."""
    return line.kind is LineKind.TEXT and line.words <= _LABEL_MAX_WORDS and line.text[-1] == ":"


def _is_place_line(line: Line) -> bool:
    """A dateline on a line of its own above the story: "SEOUL", "NEW DELHI"."""
    return (
        line.kind is LineKind.CAPS and line.words <= _PLACE_LINE_MAX_WORDS and not line.terminated
    )


def _is_forward_marker(line: Line) -> bool:
    return "message" in line.text.lower()
