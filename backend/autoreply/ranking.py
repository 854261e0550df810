"""Reads of the knowledge bases: which passage answers a question, from which knowledge base, or none.

A question is analysed like the passages (per-language analyzers), widened with the lexicon learned from
aligned translations, and scored with BM25. The knowledge bases are asked in order: this chat's documents,
then the site's, then the product's manual (first instead, when the question is about mychat itself). A
knowledge base answers when its best passage covers enough of the question (its confidence, below); if none
does, the bot says it does not know."""

from dataclasses import dataclass

import numpy as np

import preproc
from preproc.dictionaries import written_in
from preproc.glossary import glossary, phrases

from .index import SCOPES, Index, current_index, knowledge_base_version  # noqa: F401  (re-exported)
from .models import Document, Passage
from .registry import all_commands

IDENTIFIER_BOOST = 1.5  # "mod_cache" says more than the words around it
TRANSLATION_WEIGHT = 0.7  # a learned translation covers less of a question than the word itself
GLOSSARY_WEIGHT = 0.95  # the glossary's words are the same word in another language, nearly as sure as itself
DICTIONARY_WEIGHT = 0.7  # a dictionary lists every sense of a word: less sure than the glossary
TRANSLATED_SCORE = 0.4  # and in BM25 a translated word counts this much: the question's own words lead
ANSWER_CONFIDENCE = 0.5  # below this share of the question's weight the bot abstains (calibrated: docs/bot.md)
SAME_LANGUAGE_MARGIN = 0.8  # a passage in the question's language wins unless another scores this much higher
NEAR_TIE = 0.85  # a second source this close to the best is shown too
CANDIDATES = 30
ORDER = (Document.Scope.CHAT, Document.Scope.SITE, Document.Scope.MANUAL)
ABOUT_MYCHAT = frozenset("mychat bot chat hubot 聊天 机器人 チャット ボット 채팅 봇 챗봇".split())


@dataclass(frozen=True)
class Question:
    text: str
    language: str
    traditional: bool  # written in Traditional Chinese characters
    terms: dict[str, float]  # term -> weight
    idf: dict[str, float]
    translations: dict[str, list[tuple[str, float]]]  # term -> [(term in another language, weight)]
    # What the bilingual dictionaries add: counted only in a passage in the translation's language (a Japanese
    # passage that answers a Japanese question has its words; the command `make` in it does not stand for 作る)
    dictionary: dict[str, list[tuple[str, float]]]

    @property
    def weights(self) -> dict[str, float]:
        weights = dict(self.terms)
        for term, options in [*self.translations.items(), *self.dictionary.items()]:
            for other, weight in options:
                scaled = weight if weight >= 1 else weight * TRANSLATED_SCORE  # a spelling variant counts fully
                words = other.split(" ")  # a phrase's words share its weight
                for word in words:
                    weights[word] = max(weights.get(word, 0.0), self.terms[term] * scaled / len(words))
        return weights


@dataclass(frozen=True)
class Match:
    row: int
    passage_id: int
    score: float
    confidence: float


@dataclass(frozen=True)
class Found:
    scope: str
    match: Match
    shown_passage_id: int  # the match, or its translation into the question's language
    also: Match | None  # a near tie from another section


def analyse(text: str, index: Index) -> Question:
    language = preproc.detect_language(text)
    terms: dict[str, float] = {}
    for token in preproc.tokenize(text, language=language):
        terms[token] = IDENTIFIER_BOOST if preproc.is_identifier(token) else 1.0
    known = glossary()
    translations: dict[str, list[tuple[str, float]]] = {}
    dictionary: dict[str, list[tuple[str, float]]] = {}
    for term in terms:
        # Taiwan's and the mainland's words (軟體 / 软件) need nothing here: the analyzer folds both to one.
        options = dict.fromkeys(sorted(known.get(term, ())), GLOSSARY_WEIGHT)
        for phrase, words in phrases():  # a glossary phrase all of whose words the question has: "mailing list"
            if term in words and words <= terms.keys():
                options.update(dict.fromkeys(sorted(known[phrase]), GLOSSARY_WEIGHT))
        for other, association in index.lexicon.get(term, ()):
            options[other] = max(options.get(other, 0.0), association * TRANSLATION_WEIGHT)
        options.pop(term, None)
        if options:
            translations[term] = sorted(options.items(), key=lambda item: -item[1])
        bridges = index.bridges.translations(term, language)
        bridged = {o: d * DICTIONARY_WEIGHT for o, d in bridges.items() if o not in options}
        if bridged:
            dictionary[term] = sorted(bridged.items(), key=lambda item: -item[1])
    return Question(
        text=text,
        language=language,
        traditional=language == "zh" and preproc.is_traditional(text),
        terms=terms,
        idf={term: index.term_idf(term) for term in terms},
        translations=translations,
        dictionary=dictionary,
    )


def confidence(index: Index, question: Question, row: int) -> float:
    """The share of the question's weight (idf × boost) that the passage has, itself or by a translation.
    An identifier no document has ("foo_1.2-3_amd64.deb") is an example, not a topic: it does not count.
    A dictionary's translation counts only in a passage in another language than the question's, and only
    beside another word of the question: one word's dictionary sense alone (大丈夫 -> safe) is no answer."""
    total = got = 0.0
    language = index.language[row]
    foreign = language != question.language  # in the question's own language, a dictionary gives synonyms
    found = 0  # question words the passage has, itself or by the glossary or lexicon
    bridged: list[float] = []  # what the dictionaries' translations brought, per question word
    for term, weight in question.terms.items():
        if term not in index.vocabulary and preproc.is_identifier(term):
            continue
        mass = weight * question.idf[term]
        total += mass
        if index.contains(row, term):
            got += mass
            found += 1
            continue
        credit = max((w for other, w in question.translations.get(term, ()) if _has(index, row, other)), default=0)
        dictionary = foreign and max(
            (w for o, w in question.dictionary.get(term, ()) if written_in(o, language) and _has(index, row, o)),
            default=0,
        )
        if credit >= dictionary:
            got += mass * credit
            found += credit > 0
        else:
            bridged.append(mass * dictionary)
    if found or len(bridged) > 1:
        got += sum(bridged)
    return got / total if total else 0.0


def _has(index: Index, row: int, term: str) -> bool:
    """The passage has the term, or every word of a phrase."""
    return all(index.contains(row, word) for word in term.split(" "))


def about_mychat(question: Question) -> bool:
    words = set(question.terms) | {w.lower().strip("/?!.,") for w in question.text.split()}
    commands = {f"/{c.name}" for c in all_commands()}
    return bool(words & ABOUT_MYCHAT) or any(w.lower().rstrip("?!.,") in commands for w in question.text.split())


def _mask(index: Index, scope: str, session_id: int | None) -> np.ndarray:
    mask = index.scope == SCOPES[scope]
    if scope == Document.Scope.CHAT:
        mask &= index.session == (session_id or -1)
    return mask


CONFIDENCE_STEP = 0.1  # confidences this close count as equal, and BM25 decides


def rank_key(match: Match) -> tuple:
    return (-round(match.confidence / CONFIDENCE_STEP), -match.score, match.row)


def _candidates(index: Index, question: Question, scores: np.ndarray, mask: np.ndarray) -> list[Match]:
    """The best passages by BM25, reordered by confidence first: a passage that has all of the question
    (the rare words above all) beats one that has its commonest word many times."""
    scoped = np.where(mask, scores, 0)
    k = min(CANDIDATES, len(scoped))
    top = np.argpartition(-scoped, k - 1)[:k]
    matches = [
        Match(int(row), int(index.passage_ids[row]), float(scoped[row]), confidence(index, question, int(row)))
        for row in top
        if scoped[row] > 0
    ]
    return sorted(matches, key=rank_key)


def _in_language(index: Index, row: int, language: str) -> int | None:
    """The row itself when it (or its document) is in `language`, else its aligned translation, if any."""
    if language in (index.language[row], index.document_language[row]):
        return row
    return index.translations.get(row, {}).get(language)


def _choose(index: Index, question: Question, candidates: list[Match]) -> tuple[Match, int, Match | None] | None:
    if not candidates or candidates[0].confidence < ANSWER_CONFIDENCE:
        return None
    best = candidates[0]
    answering = [m for m in candidates if m.confidence >= ANSWER_CONFIDENCE]
    if _in_language(index, best.row, question.language) is None:
        # A passage in the question's language (or translated into it) is preferred unless weaker.
        same = [m for m in answering if _in_language(index, m.row, question.language) is not None]
        if same and same[0].confidence >= best.confidence - 1e-9 and same[0].score >= SAME_LANGUAGE_MARGIN * best.score:
            best = same[0]
    shown = _in_language(index, best.row, question.language) or best.row
    related = {best.row, shown, *index.translations.get(best.row, {}).values()}
    sections = {(index.document[r], index.section[r]) for r in related}
    also = None
    for m in answering:
        other = _in_language(index, m.row, question.language) or m.row
        if m.confidence < best.confidence - CONFIDENCE_STEP or m.score < NEAR_TIE * best.score:
            continue
        if (index.document[other], index.section[other]) not in sections and m.row not in related:
            also = Match(other, int(index.passage_ids[other]), m.score, m.confidence)
            break
    return best, int(index.passage_ids[shown]), also


def ask(text: str, *, session_id: int | None = None) -> tuple[Question, Found | None]:
    """The question as analysed (its language says in which to answer) and the passage that answers it, from
    the first knowledge base that has one (None: nobody knows)."""
    index = current_index()
    question = analyse(text, index)
    if not index.size or not question.terms:
        return question, None
    scores = index.scores(question.weights)
    order = list(ORDER)
    if about_mychat(question):
        order.remove(Document.Scope.MANUAL)
        order.insert(0, Document.Scope.MANUAL)
    for scope in order:
        if scope == Document.Scope.CHAT and not session_id:
            continue
        chosen = _choose(index, question, _candidates(index, question, scores, _mask(index, scope, session_id)))
        if chosen:
            return question, Found(scope, chosen[0], chosen[1], chosen[2])
    return question, None


def find_answer(text: str, *, session_id: int | None = None) -> Found | None:
    """The passage that answers, from the first knowledge base that has one; None: nobody knows."""
    return ask(text, session_id=session_id)[1]


@dataclass(frozen=True)
class Hit:
    passage: Passage  # with its document loaded
    score: float


def rank(query: str, *, k: int, session_id: int | None = None) -> list[tuple[int, float]]:
    """(passage id, BM25 score) of the k best passages with a positive score, best first: the site's, the
    manual's, and the given chat's (never another chat's)."""
    index = current_index()
    if not index.size:
        return []
    question = analyse(query, index)
    scores = index.scores(question.weights)
    visible = (index.scope != SCOPES[Document.Scope.CHAT]) | (index.session == (session_id or -1))
    scores = np.where(visible, scores, 0)
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(index.passage_ids[i]), float(scores[i])) for i in top if scores[i] > 0]


def search(query: str, *, k: int, session_id: int | None = None) -> list[Hit]:
    ranked = rank(query, k=k, session_id=session_id)
    passages = Passage.objects.select_related("document").in_bulk([pk for pk, _ in ranked])
    # A passage deleted since the index was built is simply left out.
    return [Hit(passages[pk], score) for pk, score in ranked if pk in passages]
