"""Reads of the knowledge base: a BM25 index over the stored passages, cached per process and
rebuilt when the knowledge base's version changes (one small query per search)."""

import logging
import threading
from dataclasses import dataclass

import bm25s
import numpy as np

from preproc import split_sentences, tokenize

from .models import KnowledgeBase, Passage

ANSWER_MAX_CHARS = 600
ANSWER_MIN_CHARS = 120
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build


@dataclass(frozen=True)
class _Index:
    version: int
    retriever: bm25s.BM25 | None  # None for an empty knowledge base
    passage_ids: np.ndarray


@dataclass(frozen=True)
class Hit:
    passage: Passage  # with its document loaded
    score: float


_lock = threading.Lock()
_index: _Index | None = None


def knowledge_base_version() -> int:
    return KnowledgeBase.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def _build(version: int) -> _Index:
    ids, corpus = [], []
    for passage_id, tokens in Passage.objects.order_by("pk").values_list("pk", "tokens").iterator(chunk_size=2000):
        ids.append(passage_id)
        corpus.append(tokens.split())
    if not ids:
        return _Index(version, None, np.array([], dtype=np.int64))
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    return _Index(version, retriever, np.array(ids, dtype=np.int64))


def current_index() -> _Index:
    """The version is read before the passages, so an index is never newer than it claims."""
    global _index
    version = knowledge_base_version()
    index = _index
    if index is not None and index.version == version:
        return index
    with _lock:  # one thread rebuilds; the others wait for its result
        if _index is None or _index.version != version:
            _index = _build(version)
        return _index


def rank(query: str, *, k: int) -> list[tuple[int, float]]:
    """(passage id, BM25 score) of the k best passages with a positive score, best first."""
    index = current_index()
    if index.retriever is None:
        return []
    vocab = index.retriever.vocab_dict
    known = [token for token in tokenize(query) if token in vocab]
    if not known:
        return []
    scores = index.retriever.get_scores(known)
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(index.passage_ids[i]), float(scores[i])) for i in top if scores[i] > 0]


def search(query: str, *, k: int) -> list[Hit]:
    ranked = rank(query, k=k)
    passages = Passage.objects.select_related("document").in_bulk([pk for pk, _ in ranked])
    # A passage deleted since the index was built is simply left out.
    return [Hit(passages[pk], score) for pk, score in ranked if pk in passages]


def matching_sentences(text: str, query: str) -> str:
    """The passage trimmed to its sentences that share words with the query, in their order."""
    wanted = set(tokenize(query))
    sentences = split_sentences(" ".join(text.split("\n")))
    scored = [(len(wanted & set(tokenize(s))), i, s) for i, s in enumerate(sentences)]
    best = sorted((item for item in scored if item[0]), key=lambda item: (-item[0], item[1]))
    chosen, length = [], 0
    for _, i, sentence in best:
        if chosen and length + len(sentence) > ANSWER_MAX_CHARS:
            break
        chosen.append((i, sentence))
        length += len(sentence)
    if not chosen:
        return text[:ANSWER_MAX_CHARS]
    # A one-line answer often lacks its "how": add the sentences that follow, up to a short answer.
    picked = {i for i, _ in chosen}
    for i in sorted(picked):
        following = i + 1
        while length < ANSWER_MIN_CHARS and following < len(sentences) and following not in picked:
            picked.add(following)
            length += len(sentences[following])
            following += 1
    return _join(sentences[i] for i in sorted(picked))


def _join(sentences) -> str:
    out = ""
    for sentence in sentences:
        out += sentence if not out or out[-1] in "。！？" else " " + sentence
    return out


def source_label(passage: Passage) -> str:
    document = passage.document
    section = f" › {passage.heading}" if passage.heading and passage.heading != document.title else ""
    return f"{document.title}{section} ({document.source})"
