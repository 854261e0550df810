"""Document preprocessing for the bot's knowledge base: read, clean, split, tokenise (no Django)."""

from .normalize import normalize_text
from .passages import Passage, split_passages, split_sentences
from .readers import SUPPORTED_SUFFIXES, Document, UnreadableDocument, read_document
from .tokenize import tokenize

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Document",
    "Passage",
    "UnreadableDocument",
    "normalize_text",
    "read_document",
    "split_passages",
    "split_sentences",
    "tokenize",
]
