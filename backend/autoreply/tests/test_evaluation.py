"""The retrieval evaluation set: English and Chinese questions against the test corpus; top-1 accuracy."""

import pytest

from backend.autoreply import ranking

# (question, the source file and a phrase of the passage that answers it)
EVALUATION_SET = [
    ("How often should I water tomatoes?", "garden.md", "deep watering"),
    ("When is the right time to prune roses?", "garden.md", "late winter"),
    ("What goes into a compost heap?", "garden.md", "green material"),
    ("Which pH do blueberries need?", "garden.md", "acidic soil"),
    ("How long do I knead bread dough?", "kitchen.html", "Knead the dough"),
    ("How much water for a cup of rice?", "kitchen.html", "cups of water"),
    ("At what angle should I sharpen a knife?", "kitchen.html", "whetstone"),
    ("What is the guest wifi password?", "office.txt", "Visitors"),
    ("Where is the printer?", "office.txt", "third floor"),
    ("How do I book a meeting room?", "office.txt", "shared calendar"),
    ("Do I need my badge for the printer?", "office.txt", "badge"),
    ("在哪里买高铁票？", "travel_zh.md", "铁路官方网站"),
    ("退票要收手续费吗？", "travel_zh.md", "退票手续费"),
    ("改签收费吗？", "travel_zh.md", "改签一次不收费"),
    ("办理护照需要带什么？", "travel_zh.md", "证件照片"),
    ("充电宝可以托运吗？", "travel_zh.md", "充电宝"),
    ("访客无线网络的密码在哪里？", "office.txt", "Visitors"),
    ("打印机在哪里？", "office.txt", "打印机在三楼"),
]
MEASURED = EVALUATION_SET  # questions are answered in their own language (BM25 is not cross-lingual)


def top1_accuracy() -> tuple[float, list[str]]:
    misses = []
    for question, source, phrase in MEASURED:
        hits = ranking.search(question, k=1)
        if not hits or not hits[0].passage.document.source.endswith(source) or phrase not in hits[0].passage.text:
            misses.append(question)
    return 1 - len(misses) / len(MEASURED), misses


@pytest.mark.django_db
def test_every_evaluation_question_is_answered_from_the_right_passage(corpus):
    accuracy, misses = top1_accuracy()
    print(f"top-1 accuracy {accuracy:.0%} on {len(MEASURED)} questions")
    assert misses == [], misses
    assert accuracy == 1.0
