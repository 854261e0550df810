"""Document preprocessing for the bot's knowledge base: read, clean, split, analyse (no Django)."""

from . import analyzers, dictionaries
from .analyzers import ANALYZER_VERSION, fold_chinese, is_identifier, is_traditional, tokenize
from .language import LANGUAGES, detect_language
from .normalize import normalize_text
from .passages import Passage, split_passages, split_sentences
from .readers import SUPPORTED_SUFFIXES, Document, UnreadableDocument, read_bytes, read_document

__all__ = [
    "ANALYZER_VERSION",
    "LANGUAGES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "Passage",
    "UnreadableDocument",
    "detect_language",
    "fold_chinese",
    "is_identifier",
    "is_traditional",
    "normalize_text",
    "read_bytes",
    "read_document",
    "split_passages",
    "split_sentences",
    "tokenize",
    "warm_up",
]


def warm_up() -> None:
    """Load every analyzer and dictionary now (a server does this before its first question, not in it)."""
    analyzers.warm_up()
    dictionaries.warm_up()
