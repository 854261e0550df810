"""What carries across languages without a model: documents that are translations of each other.

Translations are found by their names (``pkgtools.en.html`` / ``pkgtools.ko.html``, ``docs/zh-cn/x.md`` /
``docs/x.md``) and aligned section by section (by anchor where both have them, else by the shape of their
heading trees). Aligned sections give two things: a passage's translation can stand in for it in an answer,
and a small bilingual lexicon (which words keep appearing in aligned sections) lets a question in one
language reach a passage written only in another.
"""

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from .analyzers import is_identifier

_LANGUAGE_TAG = re.compile(
    r"(?<![a-z0-9])(?:en[-_]us|en[-_]gb|en|zh[-_](?:cn|tw|hk|hans|hant)|zh|ja[-_]jp|ja|jp|ko[-_]kr|ko|kr)(?=$|[._/-])"
)
_SEPARATORS = re.compile(r"[._/-]{2,}")
_NUMBERING = re.compile(r"^\s*((?:chapter|section|第)?\s*[\dA-Z]+(?:\.\d+)*\.?)\s", re.IGNORECASE)


def translation_key(source: str) -> str:
    """The name a document shares with its translations: the path without language tags."""
    key = _LANGUAGE_TAG.sub("", source.lower())
    return _SEPARATORS.sub(lambda m: m.group()[-1] if m.group()[-1] != "." else ".", key).strip("._-/")


@dataclass(frozen=True)
class Section:
    number: int  # ordinal in its document
    depth: int  # how many headings are above it
    anchor: str
    heading: str


def _signature(section: Section) -> tuple:
    numbering = _NUMBERING.match(section.heading)
    return (section.depth, numbering.group(1) if numbering else "")


def align_sections(left: list[Section], right: list[Section]) -> list[tuple[int, int]]:
    """Pairs of section numbers (left, right) that say the same thing in two languages."""
    right_by_anchor = {s.anchor: s.number for s in right if s.anchor}
    by_anchor = [(s.number, right_by_anchor[s.anchor]) for s in left if s.anchor in right_by_anchor]
    if len(by_anchor) >= max(2, min(len(left), len(right)) // 2):
        return by_anchor
    matcher = difflib.SequenceMatcher(None, [_signature(s) for s in left], [_signature(s) for s in right], False)
    pairs = []
    for block in matcher.get_matching_blocks():
        pairs.extend((left[block.a + i].number, right[block.b + i].number) for i in range(block.size))
    return pairs


MAX_VOCABULARY = 2000  # per side: the most frequent words; keeps the co-occurrence matrix small
MAX_PAIRS = 600  # aligned sections learnt from per language pair, at most (an even sample beyond)


def learn_lexicon(
    pairs: list[tuple[list[str], list[str]]], *, min_count: int = 2, min_association: float = 0.35, per_term: int = 2
) -> dict[str, list[tuple[str, float]]]:
    """Translations of words, from sections known to say the same thing in two languages (``pairs`` of their
    terms). Two words translate each other when they keep appearing in the same aligned sections and rarely
    apart (phi coefficient), and each is among the other's best: words found everywhere ("debian") pair with
    nothing in particular. Identifiers are left out: they match across languages as they are."""
    if len(pairs) < 4:
        return {}
    if len(pairs) > MAX_PAIRS:
        pairs = pairs[:: -(-len(pairs) // MAX_PAIRS)]
    sides = [[{t for t in pair[side] if not is_identifier(t)} for pair in pairs] for side in (0, 1)]
    total = len(pairs)
    matrices, words = [], []
    for side in sides:
        frequency = Counter(t for terms in side for t in sorted(terms))  # sorted: ties in a stable order
        # A word in nearly every section cannot tell sections apart; one seen once cannot be counted on.
        kept = [t for t, n in frequency.most_common() if min_count <= n <= 0.8 * total][:MAX_VOCABULARY]
        column = {t: i for i, t in enumerate(kept)}
        cells = [(row, column[t]) for row, terms in enumerate(side) for t in terms if t in column]
        matrix = np.zeros((total, len(kept)), dtype=np.float32)
        if cells:
            rows, columns = zip(*cells, strict=True)
            matrix[list(rows), list(columns)] = 1.0
        matrices.append(matrix)
        words.append(kept)
    if not words[0] or not words[1]:
        return {}
    together = matrices[0].T @ matrices[1]
    left, right = matrices[0].sum(axis=0)[:, None], matrices[1].sum(axis=0)[None, :]
    phi = (total * together - left * right) / np.sqrt(left * right * (total - left) * (total - right))
    phi[together < min_count] = 0
    k = [min(per_term, phi.shape[1]), min(per_term, phi.shape[0])]
    best_right = np.argpartition(-phi, k[0] - 1, axis=1)[:, : k[0]]  # for each left word, its best right words
    best_left = np.argpartition(-phi, k[1] - 1, axis=0)[: k[1], :]  # and the other way round
    lexicon: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for a in range(len(words[0])):
        for b in best_right[a]:
            if phi[a, b] >= min_association and a in best_left[:, b]:
                lexicon[words[0][a]].append((words[1][b], float(phi[a, b])))
                lexicon[words[1][b]].append((words[0][a], float(phi[a, b])))
    return dict(lexicon)
