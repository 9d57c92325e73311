"""Briefings: named, ordered collections of articles, excerpts, notes, charts and tables that
an analyst assembles and exports (PDF, Word, HTML, Markdown). Qt-free."""
