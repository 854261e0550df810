"""Runs the evaluation: loads the corpus (site documents) and docs/ (the manual), asks every question and
scores the answers. `pytest backend/autoreply/tests/test_multilingual_evaluation.py -s` prints the report."""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from backend.autoreply import ranking
from backend.autoreply.ingest import ingest_paths
from backend.autoreply.models import Passage

from .questions import CATEGORIES, NONE, Question

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Outcome:
    question: Question
    answered_from: str  # "document › heading" of the passage shown, or "" when the bot abstained

    @property
    def refused(self) -> bool:
        return not self.answered_from

    @property
    def right(self) -> bool:
        if self.question.category == NONE:
            return self.refused
        document, _, heading = self.answered_from.partition(" › ")
        return self.question.document in document and heading.startswith(self.question.section)


def load(manual: Path) -> None:
    """The corpus as site documents, and the manual. The corpus's README is ours, not a manual: it names the
    chapters' topics (written with the questions) and would compete with the chapters themselves."""
    ingest_paths(paths=[*(p for p in sorted(CORPUS.iterdir()) if p.name != "README.md"), manual])


def ask(questions: list[Question]) -> list[Outcome]:
    outcomes = []
    for question in questions:
        found = ranking.find_answer(question.text)
        if found is None:
            outcomes.append(Outcome(question, ""))
            continue
        passage = Passage.objects.select_related("document").get(pk=found.shown_passage_id)
        outcomes.append(Outcome(question, f"{passage.document.source} › {passage.heading}"))
    return outcomes


@dataclass(frozen=True)
class Scores:
    by_category: dict[str, tuple[int, int]]  # category -> (right, asked)
    answerable_right: tuple[int, int]
    abstention_precision: float  # of the refusals, how many were of unanswerable questions
    abstention_recall: float  # of the unanswerable questions, how many were refused
    answerable_refused: float  # of the answerable questions, how many were refused


def score(outcomes: list[Outcome]) -> Scores:
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for outcome in outcomes:
        by_category[outcome.question.category][0] += outcome.right
        by_category[outcome.question.category][1] += 1
    answerable = [o for o in outcomes if o.question.category != NONE]
    unanswerable = [o for o in outcomes if o.question.category == NONE]
    refusals = [o for o in outcomes if o.refused]
    return Scores(
        by_category={c: tuple(by_category[c]) for c in CATEGORIES if c in by_category},
        answerable_right=(sum(o.right for o in answerable), len(answerable)),
        abstention_precision=sum(o.question.category == NONE for o in refusals) / len(refusals) if refusals else 1.0,
        abstention_recall=sum(o.refused for o in unanswerable) / len(unanswerable) if unanswerable else 1.0,
        answerable_refused=sum(o.refused for o in answerable) / len(answerable) if answerable else 0.0,
    )


def table(named: dict[str, Scores]) -> str:
    names = list(named)
    lines = ["| | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for category in CATEGORIES:
        cells = []
        for scores in named.values():
            right, asked = scores.by_category.get(category, (0, 0))
            cells.append(f"{right}/{asked} ({right / asked:.0%})" if asked else "–")
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    cells = [
        f"{s.answerable_right[0]}/{s.answerable_right[1]} ({s.answerable_right[0] / s.answerable_right[1]:.0%})"
        for s in named.values()
    ]
    lines.append("| **answerable, top-1** | " + " | ".join(cells) + " |")
    for label, attribute in (
        ("abstention precision", "abstention_precision"),
        ("abstention recall", "abstention_recall"),
        ("answerable refused", "answerable_refused"),
    ):
        lines.append(f"| {label} | " + " | ".join(f"{getattr(s, attribute):.0%}" for s in named.values()) + " |")
    return "\n".join(lines)


def report(results: dict[str, list[Outcome]]) -> str:
    """Every question's outcome, then the table."""
    lines = []
    for name, outcomes in results.items():
        for o in outcomes:
            mark = "ok " if o.right else "BAD"
            lines.append(
                f"{name:8} {mark} [{o.question.category}] {o.question.text} -> {o.answered_from or '(refused)'}"
            )
    return "\n".join(lines) + "\n\n" + table({name: score(outcomes) for name, outcomes in results.items()})
