"""Ingest: readers that turn files into articles, and the import pipeline."""
