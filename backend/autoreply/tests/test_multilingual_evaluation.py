"""The multilingual evaluation (real manuals in English, Chinese, Japanese and Korean; 184 questions in five
sets): each category keeps a floor per set, so a change that makes the bot answer worse, or guess more, fails
here. Run with -s to see every question's outcome and the table that docs/bot.md quotes."""

import pytest

from backend.autoreply.tests.evaluation.questions import (
    CROSS,
    DEV,
    HELD_OUT_V1,
    HELD_OUT_V2,
    HELD_OUT_V3,
    HELD_OUT_V4,
    KEYWORD,
    SAME,
    SCRIPT,
)
from backend.autoreply.tests.evaluation.run import ask, load, report, score

# Floors: a little under what docs/bot.md reports for each set, so that one tie broken the other way does not
# fail the build, while a real loss does (each set's categories have 4 to 15 questions).
FLOORS = {
    "dev": {SAME: 0.75, KEYWORD: 0.75, CROSS: 0.5, SCRIPT: 0.5},
    "held-out v1": {SAME: 0.75, KEYWORD: 0.75, CROSS: 0.42, SCRIPT: 0.6},
    "held-out v2": {SAME: 0.5, KEYWORD: 0.75, CROSS: 0.57, SCRIPT: 0.7},
    "held-out v3": {SAME: 0.25, KEYWORD: 0.75, CROSS: 0.09, SCRIPT: 0.42},
    "held-out v4": {SAME: 0.25, KEYWORD: 0.75, CROSS: 0.18, SCRIPT: 0.33},
}
# Over all five sets together (33 unanswerable questions, 150 answerable ones): a single set's few
# unanswerable questions would make a floor either flaky or meaningless.
ABSTENTION_RECALL_FLOOR = 0.7  # unanswerable questions refused (76 % measured)
# Answerable questions refused: 15 % measured (22 of 150), 21 of them in held-out v3 and v4 (a third of each:
# chapters the bot had never seen). The target is 10 %, not met: this ceiling keeps it from growing.
ANSWERABLE_REFUSED_CEILING = 0.16


@pytest.mark.django_db
def test_answers_per_category_and_abstention_stay_above_their_floors(settings):
    load(settings.BASE_DIR / "docs")
    results = {
        "dev": ask(DEV),
        "held-out v1": ask(HELD_OUT_V1),
        "held-out v2": ask(HELD_OUT_V2),
        "held-out v3": ask(HELD_OUT_V3),
        "held-out v4": ask(HELD_OUT_V4),
    }
    print("\n" + report(results))
    for name, outcomes in results.items():
        scores = score(outcomes)
        for category, floor in FLOORS[name].items():
            right, asked = scores.by_category[category]
            assert right / asked >= floor, (name, category, right, asked)
    overall = score([outcome for outcomes in results.values() for outcome in outcomes])
    assert overall.abstention_recall >= ABSTENTION_RECALL_FLOOR, overall
    assert overall.answerable_refused <= ANSWERABLE_REFUSED_CEILING, overall
