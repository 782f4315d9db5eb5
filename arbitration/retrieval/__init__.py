"""Similar past awards: the award parser, the archive (SQLite + FAISS + BM25) and explained hybrid search."""

from arbitration.errors import IndexMismatch
from arbitration.retrieval.archive import Archive, Match, SearchOptions, default_archive
from arbitration.retrieval.embedders import EMBEDDERS, Embedder, get_embedder
from arbitration.retrieval.parser import parse_award
from arbitration.retrieval.units import (
    Query,
    query_from_case,
    query_from_precedent,
    query_from_text,
)

__all__ = [
    "Archive",
    "Match",
    "SearchOptions",
    "default_archive",
    "parse_award",
    "Embedder",
    "EMBEDDERS",
    "get_embedder",
    "IndexMismatch",
    "Query",
    "query_from_case",
    "query_from_text",
    "query_from_precedent",
]
