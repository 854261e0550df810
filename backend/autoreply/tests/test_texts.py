"""The bot's fixed texts in the language of the "/" message: every text in every language, and the replies a
person gets in English, Simplified Chinese, Traditional Chinese, Japanese and Korean."""

import string

import pytest

from backend.autoreply.registry import answer
from backend.autoreply.texts import LANGUAGES, TEXTS, language_of


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_exists_in_every_language_with_the_same_placeholders():
    assert set(TEXTS) == set(LANGUAGES)
    for language in LANGUAGES:
        assert TEXTS[language].keys() == TEXTS["en"].keys(), language
        for key, text in TEXTS[language].items():
            assert text.strip(), (language, key)
            assert _placeholders(text) == _placeholders(TEXTS["en"][key]), (language, key)


@pytest.mark.parametrize(
    "text, language",
    [
        ("/roll banana", "en"),
        ("/roll 2d6", "en"),
        ("/ask 怎么邀请别人加入聊天？", "zh-Hans"),
        ("/ask 怎麼邀請別人加入聊天室？", "zh-Hant"),
        ("/ask チャットに招待するには？", "ja"),
        ("/ask 채팅에 초대하려면?", "ko"),
    ],
)
def test_the_language_of_a_message(text, language):
    assert language_of(text) == language


ROLL = {
    "/roll banana": "Usage: /roll NdM, e.g. /roll 2d6 (1–100 dice of 1–1000 sides).",
    "/roll 两个骰子": "用法：/roll NdM，例如 /roll 2d6（1–100 个骰子，每个 1–1000 面）。",
    "/roll 兩顆骰子": "用法：/roll NdM，例如 /roll 2d6（1–100 顆骰子，每顆 1–1000 面）。",
    "/roll サイコロ二つ": "使い方：/roll NdM、例：/roll 2d6（サイコロ 1–100 個、1–1000 面）。",
    "/roll 주사위 두 개": "사용법: /roll NdM, 예: /roll 2d6 (주사위 1–100개, 1–1000면).",
}


@pytest.mark.parametrize("said, answered", ROLL.items())
def test_roll_explains_itself_in_the_language_asked(said, answered):
    assert answer(said).text == answered


@pytest.mark.parametrize(
    "said, answered",
    [
        ("/help 骰子", "没有 /骰子 这个命令。输入 /help 查看命令列表。"),
        ("/help 擲骰子", "沒有 /擲骰子 這個指令。輸入 /help 查看指令列表。"),
        ("/help サイコロ", "/サイコロ というコマンドはありません。/help で一覧を表示します。"),
        ("/help 주사위", "/주사위 명령어는 없습니다. /help를 입력하면 목록을 볼 수 있습니다."),
    ],
)
def test_help_for_an_unknown_command_in_the_language_asked(said, answered):
    assert answer(said).text == answered


def test_help_for_a_command_in_the_language_asked():
    assert answer("/help kb 怎么用").text.startswith(
        "/kb list | add | remove <name> — 本聊天自己的文档，/ask 会优先从中回答。"
    )
    assert answer("/help roll の使い方").text == "/roll NdM — M 面のサイコロを N 個振ります（最大 100d1000）。"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "question, reply",
    [
        ("/ask How do I tune a violin?", "I don't know that — the documents I have don't cover it."),
        ("/ask 小提琴怎么调音？", "我不知道——我手头的文档没有涉及这个问题。"),
        ("/ask 小提琴怎麼調音？", "我不知道——我手上的文件沒有涵蓋這個問題。"),
        ("/ask バイオリンの調弦のしかたは？", "わかりません — 手元のドキュメントには書かれていません。"),
        ("/ask 바이올린은 어떻게 조율하나요?", "모르겠습니다 — 제가 가진 문서에는 그 내용이 없습니다."),
    ],
)
def test_i_dont_know_in_the_language_asked(corpus, question, reply):
    assert answer(question).text.startswith(reply)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "said, reply",
    [
        ("/kb", "/kb works inside a chat: it manages that chat's documents."),
        ("/kb 列出文档", "/kb 只能在聊天中使用：它管理该聊天的文档。"),
        ("/kb 列出文件夾裡的檔案", "/kb 只能在聊天室中使用：它管理該聊天室的文件。"),
        ("/kb 一覧を見せて", "/kb はチャットの中で使います。そのチャットのドキュメントを管理します。"),
        ("/kb 목록 보기", "/kb는 채팅방 안에서 씁니다. 그 채팅방의 문서를 관리합니다."),
    ],
)
def test_kb_outside_a_chat_in_the_language_asked(said, reply):
    assert answer(said).text == reply


def test_a_near_miss_in_the_language_asked():
    assert answer("/rol 两个").text == "你是想用 /roll 吗？用法：/roll NdM"
    assert answer("/rol 2d6").text == "Did you mean /roll? Usage: /roll NdM"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "chosen, header",
    [("ja", "コマンド"), ("zh-TW", "指令"), ("zh-CN", "命令"), ("ko", "명령"), ("", "Commands:")],
)
def test_a_message_without_words_is_answered_in_the_language_the_asker_chose(django_user_model, chosen, header):
    from backend.accounts.services import profile_update
    from backend.autoreply.registry import Context

    asker = django_user_model.objects.create_user("yuki", password="x" * 12)
    profile_update(user=asker, language=chosen)
    assert header in answer("/help", context=Context(user=asker)).text
    # Words decide over the profile: an English question gets English, whatever the app's language.
    assert answer("/help what is roll", context=Context(user=asker)).text.startswith("There is no /what")
