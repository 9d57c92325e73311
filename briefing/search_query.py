"""Turn what a person types into the search box into a safe SQLite FTS5 query.

People type the syntax they know: words, "phrases", prefix*, AND / OR / NOT, parentheses,
``title:word``. They also type names FTS5 cannot take as bare words ("SS-27", "Topol-M",
"U.S."), so each such word is quoted as a phrase instead of failing. A query that cannot be
made valid raises :class:`QuerySyntaxError` with a one-line explanation for the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.domain import QuerySyntaxError

OPERATORS = frozenset({"AND", "OR", "NOT"})
COLUMNS = frozenset({"title", "body"})
_BAREWORD = re.compile(r"^[\w]+$", re.UNICODE)
_TOKEN = re.compile(r'"|\(|\)|[^\s"()]+')


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "term", "op", "open", "close"
    text: str


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(word: str) -> str:
    """One word as FTS5 text: bare when FTS5 accepts it, else a quoted phrase."""
    prefix = word.endswith("*") and len(word.rstrip("*")) > 0
    stem = word.rstrip("*") if prefix else word
    if not any(ch.isalnum() for ch in stem):
        raise QuerySyntaxError(f"“{word}” has no letters or digits to search for")
    if _BAREWORD.match(stem) and stem not in OPERATORS | {"NEAR"}:
        return stem + ("*" if prefix else "")
    return _quote(stem) + (" *" if prefix else "")


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.search(text, pos)
        if match is None:
            break
        piece = match.group(0)
        pos = match.end()
        if piece == '"':
            close = text.find('"', pos)
            if close < 0:
                raise QuerySyntaxError('a quote is not closed: add the closing " or remove it')
            phrase = " ".join(text[pos:close].split())
            pos = close + 1
            if not phrase:
                raise QuerySyntaxError('empty "" phrase: put words between the quotes')
            # A * right after the closing quote asks for a prefix phrase.
            star = pos < len(text) and text[pos] == "*"
            if star:
                pos += 1
            tokens.append(_Token("term", _quote(phrase) + (" *" if star else "")))
        elif piece == "(":
            tokens.append(_Token("open", piece))
        elif piece == ")":
            tokens.append(_Token("close", piece))
        elif piece in OPERATORS:
            tokens.append(_Token("op", piece))
        else:
            tokens.extend(_word_tokens(piece, tokens))
    return tokens


def _word_tokens(piece: str, before: list[_Token]) -> list[_Token]:
    column, sep, rest = piece.partition(":")
    if sep and column.lower() in COLUMNS and rest:
        return [_Token("term", f"{column.lower()} : {_term(rest)}")]
    # "-word" after a term is the web-search way of saying NOT word.
    if piece.startswith("-") and len(piece) > 1 and before and before[-1].kind in {"term", "close"}:
        return [_Token("op", "NOT"), _Token("term", _term(piece[1:]))]
    return [_Token("term", _term(piece))]


def _check_grammar(tokens: list[_Token]) -> None:
    depth = 0
    previous: _Token | None = None
    for token in tokens:
        if token.kind == "op":
            if previous is None or previous.kind in {"op", "open"}:
                raise QuerySyntaxError(
                    f"{token.text} needs a search term before it, e.g. missile {token.text} treaty"
                )
        elif token.kind == "open":
            depth += 1
        elif token.kind == "close":
            if depth == 0:
                raise QuerySyntaxError("a ')' has no matching '('")
            if previous is not None and previous.kind == "open":
                raise QuerySyntaxError("empty parentheses: put search terms inside ( )")
            if previous is not None and previous.kind == "op":
                raise QuerySyntaxError(f"{previous.text} needs a search term after it")
            depth -= 1
        previous = token
    if previous is not None and previous.kind == "op":
        raise QuerySyntaxError(
            f"{previous.text} needs a search term after it, e.g. missile {previous.text} treaty"
        )
    if depth:
        raise QuerySyntaxError("a '(' is not closed: add the matching ')'")


def to_fts5(text: str) -> str:
    """The FTS5 MATCH expression for ``text``; "" when there is nothing to search for."""
    tokens = _tokenize(text.strip())
    if not tokens:
        return ""
    _check_grammar(tokens)
    return " ".join(token.text for token in tokens)
