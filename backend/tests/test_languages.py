"""The API answers in the language the app asks for (Accept-Language): DRF's, Djoser's and Django's
own messages, and ours (backend/locale, compiled by `make setup`). The app's tags zh-CN and zh-TW
reach Django's zh-hans and zh-hant."""

import pytest

from backend.testing.api import add_member

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-CN", "zh-TW", "ja", "ko"]


def ask(client, method: str, path: str, language: str, body: dict | None = None):
    return getattr(client, method)(path, body, format="json", HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(
    ("language", "expected", "content_language"),
    [
        ("en", "Invalid token.", "en"),
        ("zh-CN", "认证令牌无效。", "zh-hans"),
        ("zh-TW", "無效的token。", "zh-hant"),
        ("ja", "不正なトークンです。", "ja"),
        ("ko", "토큰이 유효하지 않습니다.", "ko"),
    ],
)
def test_drf_errors_come_in_the_asked_language(api_client, language, expected, content_language):
    response = api_client.get("/api/chats/", HTTP_AUTHORIZATION="Token nope", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 401
    assert response.json() == {"detail": expected}
    assert response.headers["Content-Language"] == content_language


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Unable to log in with provided credentials."),
        ("zh-CN", "用户名或密码不正确，无法登录。"),
        ("zh-TW", "使用者名稱或密碼不正確，無法登入。"),
        ("ja", "ユーザー名またはパスワードが正しくないため、ログインできません。"),
        ("ko", "사용자 이름 또는 비밀번호가 올바르지 않아 로그인할 수 없습니다."),
    ],
)
def test_a_failed_sign_in_is_said_in_the_asked_language(api_client, language, expected):
    """Djoser ships no zh or ko catalogue: its message is in ours."""
    response = ask(api_client, "post", "/auth/token/login/", language, {"username": "nobody", "password": "wrong"})
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [expected]}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "This password is too common."),
        ("zh-CN", "这个密码太常见了。"),
        ("zh-TW", "這個密碼太常見了。"),
        ("ja", "このパスワードは一般的すぎます。"),
        ("ko", "너무 흔히 사용되는 비밀번호입니다."),
    ],
)
def test_password_validators_speak_the_asked_language(api_client, language, expected):
    response = ask(api_client, "post", "/auth/users/", language, {"username": "carol", "password": "password"})
    assert response.status_code == 400
    assert response.json() == {"password": [expected]}


@pytest.mark.parametrize(
    ("language", "empty", "too_long"),
    [
        ("en", "Type something to search for.", "A search is at most 200 characters."),
        ("zh-CN", "请输入要搜索的内容。", "搜索内容最多 200 个字符。"),
        ("zh-TW", "請輸入要搜尋的內容。", "搜尋內容最多 200 個字元。"),
        ("ja", "検索する語句を入力してください。", "検索語句は最大 200 文字です。"),
        ("ko", "검색할 내용을 입력하세요.", "검색어는 최대 200자입니다."),
    ],
)
def test_our_own_messages_are_translated_with_their_numbers(client_for, alice, language, empty, too_long):
    client = client_for(alice)
    assert ask(client, "get", "/api/search/?q=", language).json() == {"q": [empty]}
    assert ask(client, "get", f"/api/search/?q={'a' * 201}", language).json() == {"q": [too_long]}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Only the chat's owner can rename it."),
        ("zh-CN", "只有聊天的所有者可以重命名它。"),
        ("zh-TW", "只有聊天室的擁有者可以重新命名。"),
        ("ja", "チャット名を変更できるのはオーナーだけです。"),
        ("ko", "채팅 소유자만 이름을 바꿀 수 있습니다."),
    ],
)
def test_a_refusal_of_the_service_layer_is_translated(client_for, alice, bob, chat, language, expected):
    add_member(chat, bob)
    response = ask(client_for(bob), "patch", f"/api/chats/{chat}/", language, {"title": "Mine now"})
    assert response.status_code == 403
    assert response.json() == {"detail": expected}


@pytest.mark.parametrize(
    ("header", "content_language"),
    [
        ("zh-TW,zh;q=0.9,en;q=0.5", "zh-hant"),
        ("zh-HK", "zh-hant"),
        ("zh-Hant-TW", "zh-hant"),
        ("zh", "zh-hans"),
        ("zh-SG", "zh-hans"),
        ("ja-JP", "ja"),
        ("ko-KR", "ko"),
        ("fr-FR, de;q=0.8", "en"),
        ("", "en"),
    ],
)
def test_browser_tags_reach_one_of_the_five_languages(api_client, header, content_language):
    response = api_client.get("/api/chats/", HTTP_AUTHORIZATION="Token nope", HTTP_ACCEPT_LANGUAGE=header)
    assert response.headers["Content-Language"] == content_language


def test_answers_vary_on_the_language_and_a_language_cookie_does_not_decide(api_client):
    """Only the header decides (the app sends its choice), not a django_language cookie."""
    api_client.cookies["django_language"] = "ja"
    response = api_client.get("/api/chats/", HTTP_AUTHORIZATION="Token nope", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.json() == {"detail": "토큰이 유효하지 않습니다."}
    assert "Accept-Language" in response.headers["Vary"]
