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


def learn_lexicon(
    pairs: list[tuple[list[str], list[str]]], *, min_count: int = 2, min_dice: float = 0.3, per_term: int = 3
) -> dict[str, list[tuple[str, float]]]:
    """Translations of words, from sections known to say the same thing in two languages (``pairs`` of their
    terms): two words that keep appearing in the same aligned sections (Dice coefficient) translate each other.
    Identifiers are left out: they match across languages as they are."""
    sides = [[{t for t in pair[side] if not is_identifier(t)} for pair in pairs] for side in (0, 1)]
    frequency = [Counter(t for terms in side for t in terms) for side in sides]
    together: Counter = Counter()
    for left, right in zip(*sides, strict=True):
        # A word seen once can never reach min_count: leaving it out keeps this quadratic loop small.
        left = [t for t in left if frequency[0][t] >= min_count]
        right = [t for t in right if frequency[1][t] >= min_count]
        together.update((a, b) for a in left for b in right)
    lexicon: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), count in together.items():
        if count < min_count:
            continue
        dice = 2 * count / (frequency[0][a] + frequency[1][b])
        if dice >= min_dice:
            lexicon[a].append((b, dice))
            lexicon[b].append((a, dice))
    return {term: sorted(options, key=lambda o: -o[1])[:per_term] for term, options in lexicon.items()}
