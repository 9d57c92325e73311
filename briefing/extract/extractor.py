"""Rule- and gazetteer-based entity extraction (no statistical model, nothing downloaded).

For each field (title, deck, body) it finds candidates — gazetteer names, titled names
("Foreign Minister Sergey Lavrov"), attributed names ("… said Kapinjal Kishore Sharma"),
given-name + surname runs, organisation/place/treaty names built on their head words
("General Border Committee", "Black Sea", "Open Skies Treaty"), weapon designators next to a
weapon noun ("the 9M729 cruise missile"), acronyms defined in the text ("… (CFE) Treaty") —
keeps the longest non-overlapping ones, then resolves names within the article ("Scheffer" →
"Jaap de Hoop Scheffer") so every mention carries a canonical name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing.domain import EntityType, Mention, ParsedArticle
from briefing.extract import lexicon_defaults as defaults
from briefing.extract.gazetteer import Gazetteer
from briefing.extract.tokens import Token, sentence_spans, token_key, tokenize

PERSON, ORG, PLACE, WEAPON, TREATY = (
    EntityType.PERSON,
    EntityType.ORG,
    EntityType.PLACE,
    EntityType.WEAPON,
    EntityType.TREATY,
)
FIELDS = ("title", "deck", "body")

# Lower number = stronger evidence, when two candidates cover the same span.
P_DEFINED, P_GAZETTEER, P_TITLED, P_PATTERN, P_ATTRIBUTED, P_GIVEN, P_COREF, P_CONTEXT = range(8)

_ACRONYM_IN_PARENS = re.compile(r"\s?\(([A-Z][A-Za-z0-9&-]{1,9})\)")
_DESIGNATOR = re.compile(
    r"^(?:[A-Z]{1,4}-?\d{1,4}[A-Z]{0,3}|\d[A-Z]\d{2,4}[A-Z]?|[A-Z][a-z]{2,}-[A-Z0-9]{1,3})$"
)
# The second word of a two-word system name: "Magura V5", "Wing Loong II", "Bayraktar TB2".
_MODEL = re.compile(r"^(?:[A-Z]{0,3}\d{1,4}[A-Z]?|I{1,3}|IV|V|VI{1,3})$")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: EntityType
    canonical: str
    priority: int
    rule: str
    first: int  # token index range, for the resolution pass
    last: int


@dataclass(frozen=True, slots=True)
class _AliasPattern:
    keys: tuple[str, ...]
    texts: tuple[str, ...]
    type: EntityType
    canonical: str
    case_sensitive: bool


class Extractor:
    """Compiled gazetteer and word lists; :meth:`extract` is safe to call from any thread."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        lex = gazetteer.lexicon
        self.attributes = gazetteer.attributes
        self._patterns: dict[str, list[_AliasPattern]] = defaultdict(list)
        for alias in gazetteer.aliases:
            tokens = tokenize(alias.text)
            if not tokens:
                continue
            self._patterns[tokens[0].key].append(
                _AliasPattern(
                    tuple(t.key for t in tokens),
                    tuple(t.text for t in tokens),
                    alias.type,
                    alias.canonical,
                    alias.case_sensitive,
                )
            )
        for patterns in self._patterns.values():
            patterns.sort(key=lambda p: -len(p.keys))
        # Exact lookups by the whole key sequence: a few dict probes per capitalised token
        # instead of a scan over every alias sharing its first word ("New ...").
        self._by_keys: dict[tuple[str, ...], list[_AliasPattern]] = defaultdict(list)
        self._max_len: dict[str, int] = {}
        for first, patterns in self._patterns.items():
            self._max_len[first] = max(len(p.keys) for p in patterns)
            for pattern in patterns:
                self._by_keys[pattern.keys].append(pattern)

        def words(name: str) -> set[str]:
            return set(lex.get(name, [])) | set(getattr(defaults, name.upper(), ()))

        self.titles = _phrase_index(words("person_titles"))
        self.role_nouns = {w.casefold() for w in words("role_nouns")}
        self.given_names = words("given_names")
        self.particles = {w.casefold() for w in words("name_particles")}
        self.org_heads = {w.casefold() for w in words("org_suffix_words")}
        self.place_heads = {w.casefold() for w in words("place_suffix_words")}
        self.not_entities = {w.casefold() for w in words("not_entities")}
        self.demonyms = {d.casefold() for d in gazetteer.demonyms} | {
            w.casefold() for w in words("nationality_adjectives")
        }
        self.treaty_heads = {w.casefold() for w in defaults.TREATY_HEADS}
        self.weapon_nouns = {w.casefold() for w in defaults.WEAPON_NOUNS}
        self.speech_verbs = {w.casefold() for w in defaults.SPEECH_VERBS}
        self.connectors = {w.casefold() for w in defaults.NAME_CONNECTORS}
        self.title_words = {k for phrase in self.titles.values() for p in phrase for k in p}
        self.surname_of = gazetteer.surname_of

    # -- public --------------------------------------------------------------------------------

    def extract(self, article: ParsedArticle) -> list[Mention]:
        texts = {"title": article.title, "deck": article.deck, "body": article.body}
        per_field: dict[str, tuple[str, list[Token], list[Candidate]]] = {}
        defined: dict[str, tuple[EntityType, str]] = {}
        for name in FIELDS:
            text = texts[name]
            if not text:
                continue
            tokens = tokenize(text)
            candidates = self._candidates(text, tokens, defined)
            per_field[name] = (text, tokens, candidates)
        people = self._article_people(per_field)
        mentions: list[Mention] = []
        for name, (text, tokens, candidates) in per_field.items():
            candidates = candidates + self._coreference(tokens, candidates, people, defined)
            chosen = _choose(candidates)
            spans = sentence_spans(text) if chosen else []
            span_starts = [start for start, _ in spans]
            for cand in chosen:
                canonical = cand.canonical
                if cand.type is PERSON:
                    canonical = people.get(_surname_key(canonical), canonical)
                elif cand.type is TREATY and cand.rule == "head-word":
                    canonical = _treaty_canonical(canonical, defined)
                sentence = _sentence_of(spans, span_starts, cand.start)
                mentions.append(
                    Mention(
                        field=name,
                        start=cand.start,
                        end=cand.end,
                        text=text[cand.start : cand.end],
                        type=cand.type,
                        canonical=canonical,
                        sentence_start=sentence[0],
                        sentence_end=sentence[1],
                        rule=cand.rule,
                    )
                )
        return mentions

    # -- candidates ------------------------------------------------------------------------------

    def _candidates(
        self, text: str, tokens: list[Token], defined: dict[str, tuple[EntityType, str]]
    ) -> list[Candidate]:
        found: list[Candidate] = []
        found += self._gazetteer_matches(tokens, defined)
        found += self._titled_people(text, tokens)
        found += self._headed_names(text, tokens)
        found += self._attributed_people(text, tokens)
        found += self._designators(text, tokens)
        found += self._typed_by_context(text, tokens)
        found += self._definitions(text, tokens, found, defined)
        if defined:
            # Acronyms defined further up this field name the same entity from there on.
            starts = {c.start for c in found}
            for i, token in enumerate(tokens):
                if token.text in defined and token.start not in starts:
                    etype, canonical = defined[token.text]
                    found.append(
                        Candidate(
                            token.start, token.end, etype, canonical, P_DEFINED, "definition", i, i
                        )
                    )
        return found

    def _gazetteer_matches(
        self, tokens: list[Token], defined: dict[str, tuple[EntityType, str]]
    ) -> list[Candidate]:
        found: list[Candidate] = []
        for i, token in enumerate(tokens):
            if not (token.capitalised or token.key in self.particles):
                continue
            if token.text in defined:
                etype, canonical = defined[token.text]
                found.append(
                    Candidate(
                        token.start, token.end, etype, canonical, P_DEFINED, "definition", i, i
                    )
                )
                continue
            match = self._longest_alias(tokens, i)
            if match is not None:
                pattern, last = match
                found.append(
                    Candidate(
                        token.start,
                        tokens[last].end,
                        pattern.type,
                        pattern.canonical,
                        P_GAZETTEER,
                        "gazetteer",
                        i,
                        last,
                    )
                )
            elif "-" in token.text:
                found += self._compound_parts(token, i)
        return found

    def _longest_alias(self, tokens: list[Token], i: int) -> tuple[_AliasPattern, int] | None:
        longest = self._max_len.get(tokens[i].key)
        if longest is None:
            return None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            patterns = self._by_keys.get(tuple(t.key for t in tokens[i : i + n]))
            if not patterns or not _adjacent(tokens, i, i + n - 1):
                continue
            for pattern in patterns:
                if all(
                    _token_matches(
                        tokens[i + k], pattern.keys[k], pattern.texts[k], pattern.case_sensitive
                    )
                    for k in range(n)
                ):
                    return pattern, i + n - 1
        return None

    def _compound_parts(self, token: Token, index: int) -> list[Candidate]:
        """'Russia-Ukraine talks', 'US-China trade': each capitalised part that is a known place
        or organisation; never 'US-led' or 'Soviet-era' (a lower-case part makes an adjective)."""
        parts = token.text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            return []
        found = []
        offset = token.start
        for part in parts:
            for pattern in self._patterns.get(token_key(part), ()):
                if (
                    len(pattern.keys) == 1
                    and pattern.type in (PLACE, ORG)
                    and _token_matches(
                        Token(part, 0, 0, token_key(part), True, part.isupper()),
                        pattern.keys[0],
                        pattern.texts[0],
                        pattern.case_sensitive,
                    )
                ):
                    found.append(
                        Candidate(
                            offset,
                            offset + len(part),
                            pattern.type,
                            pattern.canonical,
                            P_GAZETTEER,
                            "compound",
                            index,
                            index,
                        )
                    )
                    break
            offset += len(part) + 1
        return found

    def _is_name_token(self, token: Token) -> bool:
        if not token.capitalised or token.text[0].isdigit():
            return False
        if "-" in token.key and token.key.rsplit("-", 1)[1] in defaults.ADJECTIVE_SUFFIXES:
            return False  # "Vienna-based", "Soviet-era", "US-led"
        key = token.key
        if key in self.not_entities or key in self.demonyms or key in self.title_words:
            return False
        if key in defaults.OFFICE_WORDS:
            return False
        if token.upper and len(token.text) > 4:
            return False  # a shouted word, not a name
        return not (key in self.org_heads or key in self.place_heads)

    def _name_run(self, tokens: list[Token], i: int, limit: int = 5) -> int:
        """Index of the last token of a personal name starting at ``i``, or ``i - 1``."""
        last = i - 1
        j = i
        while j < len(tokens) and j - i < limit:
            token = tokens[j]
            if j > i and not _adjacent(tokens, j - 1, j):
                break
            if self._is_name_token(token) or (
                token.key.startswith(("al-", "el-", "bin-")) and len(token.text) > 3
            ):
                last = j
                j += 1
                continue
            if token.key in self.particles:
                # "van der Linden", "bin Hamad al-Khalifa": particles only inside a name.
                k = j
                while (
                    k < len(tokens)
                    and tokens[k].key in self.particles
                    and (k == j or _adjacent(tokens, k - 1, k))
                ):
                    k += 1
                if (
                    k < len(tokens)
                    and k > j
                    and _adjacent(tokens, k - 1, k)
                    and (self._is_name_token(tokens[k]))
                ):
                    j = k
                    continue
                break
            if (
                len(token.text) == 1
                and token.text.isupper()
                and j + 1 < len(tokens)
                and tokens[j + 1].start - token.end == 2
                and self._is_name_token(tokens[j + 1])
            ):
                j += 1  # an initial: "M. Karthikeyan", "George H. W. Bush"
                continue
            break
        return last

    def _titled_people(self, text: str, tokens: list[Token]) -> list[Candidate]:
        found = []
        i = 0
        while i < len(tokens):
            end = self._title_at(tokens, i)
            if end is None:
                i += 1
                continue
            j = end + 1
            # "Minister of Foreign Affairs Sihasak Phuangketkeow": the office, then the name.
            office = False
            if j + 1 < len(tokens) and tokens[j].key in ("of", "for") and _adjacent(tokens, end, j):
                if not tokens[end].capitalised:
                    i = end + 1  # "the commander of the Strategic Missile Forces": no name
                    continue
                office = True
                k = j + 1
                while (
                    k < len(tokens)
                    and _adjacent(tokens, k - 1, k)
                    and (tokens[k].key in defaults.OFFICE_WORDS or tokens[k].key in self.org_heads)
                ):
                    k += 1
                j = k if k > j + 1 else len(tokens)
            if j < len(tokens) and _title_gap(text, tokens, j):
                last = self._name_run(tokens, j)
                head_follows = last + 1 < len(tokens) and self._head_type(tokens[last + 1])
                if (
                    last >= j
                    and not _is_month(tokens[j])
                    and not head_follows
                    and not (office and last == j)
                ):
                    found.append(
                        Candidate(
                            tokens[j].start,
                            tokens[last].end,
                            PERSON,
                            _join(tokens, j, last, text),
                            P_TITLED,
                            "title",
                            j,
                            last,
                        )
                    )
                    i = last + 1
                    continue
            i = end + 1
        # Role nouns in apposition: "spokesman Kapinjal Kishore Sharma", "analyst Jane Doe".
        for i, token in enumerate(tokens[:-1]):
            if token.key in self.role_nouns and not token.capitalised:
                last = self._name_run(tokens, i + 1)
                if last >= i + 2 and _adjacent(tokens, i, i + 1):
                    found.append(
                        Candidate(
                            tokens[i + 1].start,
                            tokens[last].end,
                            PERSON,
                            _join(tokens, i + 1, last, text),
                            P_TITLED,
                            "role",
                            i + 1,
                            last,
                        )
                    )
        return found

    def _title_at(self, tokens: list[Token], i: int) -> int | None:
        """End index of the longest title phrase starting at token ``i``."""
        phrases = self.titles.get(tokens[i].key)
        if not phrases:
            return None
        for phrase in phrases:
            n = len(phrase)
            if (
                i + n <= len(tokens)
                and all(tokens[i + k].key == phrase[k] for k in range(n))
                and _adjacent(tokens, i, i + n - 1)
            ):
                # A capitalised title ("President") or a lower-case one after a name's country
                # ("Thailand's foreign minister") both count; the name must follow directly.
                return i + n - 1
        return None

    def _attributed_people(self, text: str, tokens: list[Token]) -> list[Candidate]:
        found = []
        for i, token in enumerate(tokens):
            if not self._is_name_token(token):
                continue
            if i > 0 and self._is_name_token(tokens[i - 1]) and _adjacent(tokens, i - 1, i):
                continue  # not the start of a run
            last = self._name_run(tokens, i, limit=4)
            if last < i + 1:
                continue
            after = tokens[last + 1].key if last + 1 < len(tokens) else ""
            before = tokens[i - 1].key if i > 0 else ""
            before2 = tokens[i - 2].key if i > 1 else ""
            attributed = (
                after in self.speech_verbs
                or before in self.speech_verbs
                or (before == "to" and before2 == "according")
            )
            given = token.text in self.given_names
            if attributed or given:
                if any(
                    tokens[k].key in self.org_heads
                    or tokens[k].key in self.place_heads
                    or tokens[k].key in self.treaty_heads
                    for k in range(i, last + 1)
                ):
                    continue
                found.append(
                    Candidate(
                        token.start,
                        tokens[last].end,
                        PERSON,
                        _join(tokens, i, last, text),
                        P_ATTRIBUTED if attributed else P_GIVEN,
                        "attributed" if attributed else "given-name",
                        i,
                        last,
                    )
                )
        return found

    def _headed_names(self, text: str, tokens: list[Token]) -> list[Candidate]:
        """Capitalised runs ending in (or starting with) a head word that says what they are."""
        found = []
        i = 0
        n = len(tokens)
        while i < n:
            if (
                not tokens[i].capitalised
                or tokens[i].is_number
                or (tokens[i].key in self.not_entities and tokens[i].key not in self.org_heads)
            ):
                i += 1
                continue
            j = i
            last_head: tuple[int, EntityType] | None = None
            while j < n:
                token = tokens[j]
                if j > i and not _adjacent(tokens, j - 1, j):
                    break
                if token.capitalised:
                    head = self._head_type(token)
                    if head is not None:
                        last_head = (j, head)
                    j += 1
                    continue
                if token.key in ("and", "&") and last_head is not None and last_head[0] == j - 1:
                    break  # "the US Navy and Marine Corps": two names, not one
                if (
                    token.key in self.connectors
                    and j + 1 < n
                    and tokens[j + 1].capitalised
                    and _adjacent(tokens, j, j + 1)
                ):
                    j += 1
                    continue
                if token.key in ("treaty", "accord", "agreement") and j > i and tokens[j - 1].upper:
                    last_head = (j, TREATY)  # "INF treaty", "CFE accord"
                    j += 1
                break
            if last_head is not None:
                head_index, etype = last_head
                if (
                    etype is ORG
                    and tokens[head_index].key in ("system", "systems")
                    and any(tokens[k].key in defaults.WEAPON_HEADS for k in range(i, head_index))
                ):
                    etype = WEAPON  # "Army Tactical Missile System" is a weapon, not a firm
                first = i
                if tokens[first].key in ("the", "a", "an"):
                    first += 1
                # Leading demonyms and nationality words are not part of an organisation's
                # name in our conventions ("Russian Defence Ministry" → "Defence Ministry").
                strip = first
                while strip < head_index and tokens[strip].key in self.demonyms:
                    strip += 1
                if head_index - strip >= 1:  # but "Indian Railways" keeps its adjective
                    first = strip
                if head_index > first or (etype is TREATY and head_index >= first):
                    if head_index > first:
                        found.append(
                            Candidate(
                                tokens[first].start,
                                tokens[head_index].end,
                                etype,
                                _join(tokens, first, head_index, text),
                                P_PATTERN,
                                "head-word",
                                first,
                                head_index,
                            )
                        )
                elif etype is ORG and head_index + 2 < n and tokens[head_index + 1].key == "of":
                    # "Ministry of Defence", "Department of State"
                    k = head_index + 2
                    while k < n and tokens[k].capitalised and _adjacent(tokens, k - 1, k):
                        k += 1
                    if k > head_index + 2:
                        found.append(
                            Candidate(
                                tokens[head_index].start,
                                tokens[k - 1].end,
                                ORG,
                                _join(tokens, head_index, k - 1, text),
                                P_PATTERN,
                                "head-of",
                                head_index,
                                k - 1,
                            )
                        )
            i = max(j, i + 1)
        return found

    def _cap_run(self, tokens: list[Token], i: int, limit: int = 6) -> int:
        """Last index of a run of capitalised words (with inner 'of', 'de', ...) from ``i``."""
        last = i - 1
        j = i
        while j < len(tokens) and j - i < limit:
            token = tokens[j]
            if j > i and not _adjacent(tokens, j - 1, j):
                break
            if token.capitalised and not token.is_number and token.key not in self.not_entities:
                last = j
            elif not (token.key in self.particles or token.key in ("of", "and", "de")) or j == i:
                break
            j += 1
        return last

    def _typed_by_context(self, text: str, tokens: list[Token]) -> list[Candidate]:
        """Names whose neighbours say what they are: 'Pieter van der Linden, a defence
        economist', 'rocket maker Avibras', 'the town of Sattur', 'fighting near Krichev'."""
        found = []
        n = len(tokens)
        for i, token in enumerate(tokens):
            if not token.capitalised or token.is_number:
                continue
            if i > 0 and tokens[i - 1].capitalised and _adjacent(tokens, i - 1, i):
                continue  # inside a run: handled from its start
            last = self._cap_run(tokens, i)
            if last < i or tokens[i].key in self.demonyms or _is_month(tokens[i]):
                continue
            name = _join(tokens, i, last, text)
            # Apposition after the name: ", a defence economist at ..."
            if (
                last + 2 < n
                and text[tokens[last].end : tokens[last + 1].start] == ", "
                and tokens[last + 1].key in ("a", "an", "the")
            ):
                etype = self._noun_type(tokens[last + 2 : last + 7])
                if etype is PERSON and last == i:
                    etype = None  # one word + ", a ...": too weak for a person
                if etype is not None:
                    found.append(
                        Candidate(
                            tokens[i].start,
                            tokens[last].end,
                            etype,
                            name,
                            P_CONTEXT,
                            "apposition",
                            i,
                            last,
                        )
                    )
                    continue
            before = tokens[i - 1].key if i > 0 else ""
            before2 = tokens[i - 2].key if i > 1 else ""
            if before in defaults.ORG_NOUNS and not tokens[i - 1].capitalised:
                found.append(
                    Candidate(
                        tokens[i].start, tokens[last].end, ORG, name, P_CONTEXT, "org-noun", i, last
                    )
                )
            elif before == "of" and before2 in defaults.PLACE_NOUNS:
                found.append(
                    Candidate(
                        tokens[i].start,
                        tokens[last].end,
                        PLACE,
                        name,
                        P_CONTEXT,
                        "place-noun",
                        i,
                        last,
                    )
                )
            elif (
                before in defaults.LOCATIVES
                and not (tokens[i].text in self.given_names and last > i)
                and not any(tokens[k].key in self.org_heads for k in range(i, last + 1))
            ):
                after = tokens[last + 1].key if last + 1 < n else ""
                if after not in defaults.ORG_NOUNS and after not in self.speech_verbs:
                    found.append(
                        Candidate(
                            tokens[i].start,
                            tokens[last].end,
                            PLACE,
                            name,
                            P_CONTEXT + 1,
                            "locative",
                            i,
                            last,
                        )
                    )
        return found

    @staticmethod
    def _noun_type(window: Sequence[Token]) -> EntityType | None:
        for token in window:
            if token.key in defaults.PERSON_NOUNS:
                return PERSON
            if token.key in defaults.ORG_NOUNS:
                return ORG
            if token.key in defaults.PLACE_NOUNS:
                return PLACE
            if token.key in ("who", "which", "that", "said"):
                break
        return None

    def _head_type(self, token: Token) -> EntityType | None:
        key = token.key
        if key in defaults.WEAPON_HEADS:
            return WEAPON
        if key in self.treaty_heads:
            return TREATY
        if key in self.org_heads:
            return ORG
        if key in self.place_heads:
            return PLACE
        return None

    def _designators(self, text: str, tokens: list[Token]) -> list[Candidate]:
        """'9M729 cruise missile', 'Hwasong-19 ICBM', 'the Oreshnik missile'."""
        found = []
        for i, token in enumerate(tokens):
            if not token.capitalised or token.key in self.demonyms:
                continue
            window = [t.key for t in tokens[i + 1 : i + 4]]
            if not any(w in self.weapon_nouns for w in window):
                continue
            if (
                i + 1 < len(tokens)
                and _MODEL.match(tokens[i + 1].text)
                and _adjacent(tokens, i, i + 1)
                and self._is_name_token(token)
            ):
                found.append(
                    Candidate(
                        token.start,
                        tokens[i + 1].end,
                        WEAPON,
                        _join(tokens, i, i + 1, text),
                        P_PATTERN,
                        "model",
                        i,
                        i + 1,
                    )
                )
                continue
            if _DESIGNATOR.match(token.text) or (
                i + 1 < len(tokens)
                and tokens[i + 1].key in self.weapon_nouns
                and self._is_name_token(token)
                and not token.upper
                and (i == 0 or not tokens[i - 1].capitalised)
            ):
                if token.is_number:
                    continue
                found.append(
                    Candidate(
                        token.start, token.end, WEAPON, token.text, P_PATTERN, "designator", i, i
                    )
                )
        return found

    def _definitions(
        self,
        text: str,
        tokens: list[Token],
        found: list[Candidate],
        defined: dict[str, tuple[EntityType, str]],
    ) -> list[Candidate]:
        """'the Conventional Forces in Europe (CFE) Treaty': CFE names that treaty from now on.

        The acronym must fit the initials of the name before it, so a dateline such as
        'VIENNA (AFP)' defines nothing.
        """
        new: list[Candidate] = []
        # Looked up, not scanned per acronym: a pasted glossary or a fuzzed file can define
        # thousands of acronyms in one body.
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        by_end: dict[int, list[Candidate]] = defaultdict(list)
        for cand in found:
            by_end[cand.end].append(cand)
        for match in _ACRONYM_IN_PARENS.finditer(text):
            acronym = match.group(1)
            letters = [ch for ch in acronym if ch.isalpha()]
            if sum(ch.isupper() for ch in letters) < max(2, len(letters) - 1):
                continue  # "(Reuters)", "(pictured)": not an acronym being defined
            treaty_after = (
                text[match.end() : match.end() + 8].lower().startswith((" treaty", " accord"))
            )
            tail = len(" treaty") if treaty_after else 0
            before = [*by_end.get(match.start(), ()), *by_end.get(match.start() - 1, ())]
            best = max(before, key=lambda c: c.end - c.start) if before else None
            if best is not None and _initials_fit(acronym, text[best.start : best.end]):
                etype, canonical = best.type, best.canonical
                if treaty_after:
                    if etype is not TREATY:
                        etype, canonical = TREATY, f"{acronym} Treaty"
                    # "... (CFE) Treaty" is one mention with the name before it.
                    by_end[best.end].remove(best)
                    best.end = match.end() + tail
                    by_end[best.end].append(best)
                    best.type, best.canonical = etype, canonical
                    defined.setdefault(acronym, (etype, canonical))
                    continue
                self._add_acronym(new, starts, match.start(1), acronym, etype, canonical)
                defined.setdefault(acronym, (etype, canonical))
                continue
            phrase_start = _phrase_with_initials(text, tokens, ends, match.start(), acronym)
            if phrase_start is None:
                if treaty_after:
                    etype, canonical = TREATY, f"{acronym} Treaty"
                    self._add_acronym(new, starts, match.start(1), acronym, etype, canonical)
                    defined.setdefault(acronym, (etype, canonical))
                continue
            if treaty_after:
                etype, canonical = TREATY, f"{acronym} Treaty"
            else:
                etype = ORG
                canonical = text[phrase_start : match.start()].strip()
            first = bisect_left(starts, phrase_start)
            new.append(
                Candidate(
                    phrase_start,
                    match.end() + tail if treaty_after else match.start(),
                    etype,
                    canonical,
                    P_DEFINED,
                    "definition",
                    first,
                    first,
                )
            )
            if not treaty_after:
                self._add_acronym(new, starts, match.start(1), acronym, etype, canonical)
            defined.setdefault(acronym, (etype, canonical))
        return new

    @staticmethod
    def _add_acronym(
        new: list[Candidate],
        starts: list[int],
        start: int,
        acronym: str,
        etype: EntityType,
        canonical: str,
    ) -> None:
        """``starts``: the tokens' start offsets (sorted)."""
        index = bisect_left(starts, start)
        if index == len(starts) or starts[index] != start:
            index = -1
        new.append(
            Candidate(
                start, start + len(acronym), etype, canonical, P_DEFINED, "definition", index, index
            )
        )

    # -- resolution --------------------------------------------------------------------------

    def _article_people(
        self, per_field: dict[str, tuple[str, list[Token], list[Candidate]]]
    ) -> dict[str, str]:
        """Surname (and partial name) → the fullest name of that person in this article."""
        full: dict[str, set[str]] = defaultdict(set)
        for _, _, candidates in per_field.values():
            for cand in candidates:
                if cand.type is PERSON and " " in cand.canonical:
                    name = cand.canonical
                    words = name.split()
                    for k in range(1, len(words)):
                        tail = " ".join(words[k:])
                        if tail[0].isupper() or len(words) - k > 1:
                            full[token_key(tail)].add(name)
        people: dict[str, str] = {}
        for key, names in full.items():
            longest = max(names, key=len)
            if all(longest.endswith(n) or n in longest for n in names):
                people[key] = longest
            else:
                # Two people share this surname here: "Thompson" alone is a person, but which
                # one is not guessed.
                people[key] = next(iter(names)).split()[-1] if " " not in key else key
        return people

    def _coreference(
        self,
        tokens: list[Token],
        candidates: list[Candidate],
        people: dict[str, str],
        defined: dict[str, tuple[EntityType, str]],
    ) -> list[Candidate]:
        if not people:
            return []
        first_words = {key.split(" ", 1)[0] for key in people}
        found = []
        for i, token in enumerate(tokens):
            if token.key not in first_words:
                continue
            for span in (4, 3, 2, 1):
                last = i + span - 1
                if last >= len(tokens) or not _adjacent(tokens, i, last):
                    continue
                key = token_key(" ".join(t.text for t in tokens[i : last + 1]))
                if key in people and (
                    span > 1 or self._is_name_token(token) or token.text in self.surname_of
                ):
                    found.append(
                        Candidate(
                            token.start,
                            tokens[last].end,
                            PERSON,
                            people[key],
                            P_COREF,
                            "same-article",
                            i,
                            last,
                        )
                    )
                    break
        return found


def _phrase_index(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in phrases:
        keys = tuple(t.key for t in tokenize(phrase))
        if keys:
            index[keys[0]].append(keys)
    for entries in index.values():
        entries.sort(key=lambda k: -len(k))
    return index


def _token_matches(token: Token, key: str, text: str, case_sensitive: bool) -> bool:
    if token.key != key:
        return False
    if case_sensitive:
        return token.text == text
    # A capitalised name matches only capitalised text ("Patriot" the system, not "patriot").
    return not text[:1].isupper() or token.capitalised


def _adjacent(tokens: Sequence[Token], first: int, last: int) -> bool:
    """True when tokens first..last are separated by single spaces only (no punctuation)."""
    for k in range(first, last):  # noqa: SIM110 (a plain loop is faster on this hot path)
        if tokens[k + 1].start - tokens[k].end != 1:
            return False
    return True


def _treaty_canonical(name: str, defined: dict[str, tuple[EntityType, str]]) -> str:
    """'CFE treaty' → the treaty the article defined as CFE, else 'CFE Treaty'."""
    words = name.split()
    if len(words) == 2 and words[0].isupper():
        known = defined.get(words[0])
        if known is not None and known[0] is TREATY:
            return known[1]
        return f"{words[0]} {words[1].capitalize()}"
    return " ".join(
        w.capitalize() if w.islower() and w in {"treaty", "accord"} else w for w in words
    )


def _initials_fit(acronym: str, phrase: str) -> bool:
    """'CFE' fits 'Conventional Forces in Europe'; 'AFP' does not fit 'TBILISI'."""
    initials = "".join(w[0] for w in phrase.replace("-", " ").split() if w[:1].isupper())
    letters = "".join(ch for ch in acronym if ch.isalpha()).upper()
    if not letters or not initials:
        return False
    # Letters in order among the capitals (acronyms drop and add letters freely).
    it = iter(initials.upper())
    return letters[0] == initials[0].upper() and sum(ch in it for ch in letters[1:]) >= min(
        len(letters) - 1, 1
    )


_DEFINITION_GLUE = frozenset({"of", "for", "to", "and", "on", "in", "the", "&", "de", "against"})


_PHRASE_TOKENS = 10


def _phrase_with_initials(
    text: str, tokens: Sequence[Token], ends: Sequence[int], paren_start: int, acronym: str
) -> int | None:
    """Start of the capitalised phrase right before '(ACR)' whose initials make ACR.

    ``ends``: the tokens' end offsets (sorted, as tokens do not overlap).
    """
    # Only the last ten tokens before the parenthesis can make the phrase.
    count = bisect_right(ends, paren_start)
    before = tokens[max(0, count - _PHRASE_TOKENS) : count]
    k = len(before) - 1
    first = None
    while k >= 0 and len(before) - k <= _PHRASE_TOKENS:
        token = before[k]
        if k < len(before) - 1 and before[k + 1].start - token.end > 1:
            break
        if token.capitalised and not token.is_number:
            first = k
        elif token.key not in _DEFINITION_GLUE:
            break
        k -= 1
    if first is None:
        return None
    phrase = text[before[first].start : paren_start]
    if _initials_fit(acronym, phrase) and len(phrase.split()) >= 2:
        return before[first].start
    return None


def _title_gap(text: str, tokens: Sequence[Token], j: int) -> bool:
    """A name follows its title directly: one space, or "Gen. " after an abbreviation."""
    gap = text[tokens[j - 1].end : tokens[j].start]
    return gap == " " or gap == ". "


def _join(tokens: Sequence[Token], first: int, last: int, text: str) -> str:
    return text[tokens[first].start : tokens[last].end]


def _is_month(token: Token) -> bool:
    return token.key in defaults.MONTHS


def _surname_key(name: str) -> str:
    return token_key(name)


def _sentence_of(spans: list[tuple[int, int]], starts: list[int], offset: int) -> tuple[int, int]:
    """The sentence span holding ``offset`` (spans are in text order and do not overlap;
    ``starts`` are their starts), found by bisection: a megabyte-long body has tens of
    thousands of both mentions and sentences."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < spans[index][1]:
        return spans[index]
    return (0, 0)


def _choose(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then strongest evidence; no two chosen mentions overlap."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    # The chosen spans never overlap, so kept sorted by start their ends are sorted too: the
    # only span that can overlap [start, end) is the last one starting before ``end``. (A scan
    # of every chosen span was quadratic: minutes for a megabyte-long body found by fuzzing.)
    starts: list[int] = []
    ends: list[int] = []
    for cand in ordered:
        if cand.end <= cand.start:
            continue
        before = bisect_left(starts, cand.end)
        if before and ends[before - 1] > cand.start:
            continue
        starts.insert(before, cand.start)
        ends.insert(before, cand.end)
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def with_field(mention: Mention, field: str) -> Mention:
    return replace(mention, field=field)
