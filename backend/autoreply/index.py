"""The in-memory index of the knowledge bases: BM25 over every stored passage, with what matching across
languages needs (which passages translate each other, and a lexicon learned from them). Each process builds
it once per knowledge-base version (one small query tells) and shares it between threads."""

import logging
import sqlite3
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from preproc.crosslingual import Section, align_sections, learn_lexicon
from preproc.dictionaries import Bridges

from .models import Document, KnowledgeBase, Passage

logger = logging.getLogger(__name__)

K1, B = 1.2, 0.75  # BM25's usual constants
SCOPES = {Document.Scope.MANUAL: 0, Document.Scope.SITE: 1, Document.Scope.CHAT: 2}


@dataclass
class Index:
    version: int
    passage_ids: np.ndarray  # row -> passage id
    vocabulary: dict[str, int] = field(default_factory=dict)
    rows: list[np.ndarray] = field(default_factory=list)  # term -> the rows containing it (sorted)
    weights: list[np.ndarray] = field(default_factory=list)  # term -> its BM25 weight in those rows
    idf: np.ndarray = field(default_factory=lambda: np.zeros(0))
    scope: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    session: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # 0: no chat
    document: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    section: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    language: list[str] = field(default_factory=list)  # the passage's own
    document_language: list[str] = field(default_factory=list)
    translations: dict[int, dict[str, int]] = field(default_factory=dict)  # row -> {language: row}
    lexicon: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    bridges: Bridges = field(default_factory=lambda: Bridges({}))  # what the bilingual dictionaries add

    @property
    def size(self) -> int:
        return len(self.passage_ids)

    def term_idf(self, term: str) -> float:
        """A term no passage has counts as a rare one: a question about something absent is less answered."""
        if term in self.vocabulary:
            return float(self.idf[self.vocabulary[term]])
        return float(np.log(1 + (self.size - 1 + 0.5) / 1.5)) if self.size else 1.0

    def scores(self, weights: dict[str, float]) -> np.ndarray:
        scores = np.zeros(self.size, dtype=np.float32)
        for term, weight in weights.items():
            if (column := self.vocabulary.get(term)) is not None:
                scores[self.rows[column]] += weight * self.weights[column]
        return scores

    def contains(self, row: int, term: str) -> bool:
        column = self.vocabulary.get(term)
        if column is None:
            return False
        rows = self.rows[column]
        at = int(np.searchsorted(rows, row))
        return at < len(rows) and rows[at] == row


def knowledge_base_version() -> int:
    return KnowledgeBase.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def build(version: int) -> Index:
    fields = ("pk", "tokens", "document_id", "language", "section", "anchor", "heading_path")
    document_fields = ("document__scope", "document__session_id", "document__translation_key", "document__language")
    records = list(Passage.objects.order_by("pk").values_list(*fields, *document_fields).iterator(chunk_size=2000))
    index = Index(version, np.array([r[0] for r in records], dtype=np.int64))
    if not records:
        return index
    postings: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    lengths = np.zeros(len(records), dtype=np.float32)
    token_lists = []
    for row, record in enumerate(records):
        tokens = record[1].split()
        token_lists.append(tokens)
        lengths[row] = len(tokens)
        for term, count in Counter(tokens).items():
            rows, counts = postings[term]
            rows.append(row)
            counts.append(count)
    size, average = len(records), max(1.0, float(lengths.mean()))
    index.vocabulary = {term: column for column, term in enumerate(postings)}
    index.idf = np.zeros(len(postings), dtype=np.float32)
    for column, (rows, counts) in enumerate(postings.values()):
        rows_array, tf = np.array(rows, dtype=np.int64), np.array(counts, dtype=np.float32)
        index.idf[column] = np.log(1 + (size - len(rows) + 0.5) / (len(rows) + 0.5))
        norm = tf + K1 * (1 - B + B * lengths[rows_array] / average)
        index.rows.append(rows_array)
        index.weights.append((index.idf[column] * tf * (K1 + 1) / norm).astype(np.float32))
    index.scope = np.array([SCOPES.get(r[7], 1) for r in records], dtype=np.int8)
    index.session = np.array([r[8] or 0 for r in records], dtype=np.int64)
    index.document = np.array([r[2] for r in records], dtype=np.int64)
    index.section = np.array([r[4] for r in records], dtype=np.int64)
    index.language = [r[3] for r in records]
    index.document_language = [r[10] for r in records]
    _align_translations(index, records, token_lists)
    index.bridges = build_bridges(index, previous=_index.bridges if _index is not None else None)
    return index


def build_bridges(index: Index, previous: Bridges | None = None) -> Bridges:
    """The bilingual dictionaries' bridges over this vocabulary (each word with how many passages have it and
    their languages); a previous index's lookups are reused. Without the dictionaries (a broken install)
    the bot still answers, within each language."""
    languages = np.array(index.language)
    vocabulary = {
        term: (len(index.rows[column]), frozenset(languages[index.rows[column]].tolist()))
        for term, column in index.vocabulary.items()
    }
    try:
        return Bridges.build(vocabulary, previous=previous)
    except (ImportError, OSError, sqlite3.Error):
        logger.exception("The bilingual dictionaries could not be read: answering without them.")
        return Bridges({})


def _align_translations(index: Index, records: list[tuple], token_lists: list[list[str]]) -> None:
    """Documents sharing a translation key in one knowledge base are translations: align their sections,
    let aligned passages stand in for each other, and learn a lexicon from the site's and the manual's."""
    documents: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))  # doc -> section -> rows
    headings: dict[int, dict[int, tuple[int, str, str]]] = defaultdict(dict)
    groups: dict[tuple, set[int]] = defaultdict(set)
    language_of: dict[int, str] = {}
    for row, record in enumerate(records):
        document, section = record[2], record[4]
        documents[document][section].append(row)
        if section not in headings[document]:
            path = [h for h in record[6].split("\n") if h]
            headings[document][section] = (len(path), record[5], path[-1] if path else "")
        language_of.setdefault(document, record[10])
        if record[9]:
            groups[(record[9], record[7], record[8])].add(document)
    pairs_by_languages: dict[tuple[str, str], list[tuple[list[str], list[str]]]] = defaultdict(list)
    for (_, scope, _), members in groups.items():
        members = sorted(members)
        for i, left in enumerate(members):
            for right in members[i + 1 :]:
                languages = (language_of[left], language_of[right])
                if languages[0] == languages[1]:
                    continue
                sections = [[Section(n, *headings[d][n]) for n in sorted(documents[d])] for d in (left, right)]
                for a, b in align_sections(*sections):
                    rows_a, rows_b = documents[left][a], documents[right][b]
                    _pair_rows(index, rows_a, rows_b, languages[1])
                    _pair_rows(index, rows_b, rows_a, languages[0])
                    if scope != Document.Scope.CHAT:
                        key = tuple(sorted(languages))
                        texts = (
                            [t for r in rows_a for t in token_lists[r]],
                            [t for r in rows_b for t in token_lists[r]],
                        )
                        pairs_by_languages[key].append(texts if key == languages else texts[::-1])
    for pairs in pairs_by_languages.values():
        for term, options in learn_lexicon(pairs).items():
            index.lexicon.setdefault(term, []).extend(options)


def _pair_rows(index: Index, rows: list[int], others: list[int], language: str) -> None:
    for i, row in enumerate(rows):
        j = min(len(others) - 1, round(i * len(others) / len(rows)))
        index.translations.setdefault(row, {})[language] = others[j]


_lock = threading.Lock()
_index: Index | None = None


def current_index() -> Index:
    """The version is read before the passages, so an index is never newer than it claims."""
    global _index
    version = knowledge_base_version()
    index = _index
    if index is not None and index.version == version:
        return index
    with _lock:  # one thread rebuilds; the others wait for its result
        if _index is None or _index.version != version:
            _index = build(version)
        return _index
