"""The owner's powers over a chat: rename it (and the title rules), delete it for everyone; rate limits."""

import pytest

from backend.autoreply.models import BotJob
from backend.chat.models import ChatSession, Membership, Message, Notification, Reaction
from backend.testing.api import join, person, post_message, read_messages
from backend.web.throttles import ChangeChatThrottle, CreateChatThrottle

pytestmark = pytest.mark.django_db


def rename(client, uri, title):
    return client.patch(f"/api/chats/{uri}/", {"title": title}, format="json")


def system_events(client, uri) -> list[dict]:
    return [m["event"] for m in read_messages(client, uri).json()["messages"] if m["kind"] == "system"]


@pytest.fixture
def together(client_for, bob, chat):
    join(client_for(bob), chat)
    return chat


class TestRenaming:
    def test_the_owner_renames_and_it_is_told(self, client_for, alice, bob, together):
        response = rename(client_for(alice), together, "  Project X  ")
        assert response.status_code == 200 and response.json()["title"] == "Project X"
        assert client_for(bob).get(f"/api/chats/{together}/").json()["title"] == "Project X"
        assert system_events(client_for(bob), together)[-1] == {
            "type": "rename",
            "user": person(alice),
            "title": "Project X",
        }

    def test_an_unchanged_title_tells_nothing(self, client_for, alice, chat):
        rev = ChatSession.objects.get(uri=chat).rev
        assert rename(client_for(alice), chat, "Team ").status_code == 200
        assert ChatSession.objects.get(uri=chat).rev == rev

    def test_the_name_can_be_taken_away(self, client_for, alice, chat):
        assert rename(client_for(alice), chat, "").json()["title"] == ""
        assert system_events(client_for(alice), chat)[-1]["title"] == ""

    def test_members_and_outsiders_cannot_rename(self, client_for, bob, make_user, together):
        assert rename(client_for(bob), together, "Mine").status_code == 403
        assert rename(client_for(make_user()), together, "Mine").status_code == 403
        assert ChatSession.objects.get(uri=together).title == "Team"

    @pytest.mark.parametrize(
        "title",
        [
            "x" * 201,
            "two\nlines",
            "tab\there",
            "bell\x07",
            "\x1b[31mred",
            "evil\u202egnp.exe",  # right-to-left override: a name that reads as something else
            "zero\u200bwidth",
            "hidden\U000e0041\U000e0042tags",  # tag characters smuggle invisible text
            "bom\ufeff",
            5,
            None,
        ],
    )
    def test_a_bad_title_is_400_naming_the_field(self, client_for, alice, chat, title):
        response = rename(client_for(alice), chat, title)
        assert response.status_code == 400 and "title" in response.json(), response.json()
        created = client_for(alice).post("/api/chats/", {"title": title}, format="json")
        assert created.status_code == 400 and "title" in created.json()

    @pytest.mark.parametrize(
        "title",
        ["x" * 200, "Équipe 🎉", "👩‍💻 devs", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland", "می‌خواهم", "中文 日本語 한국어", "a\u3000b"],
    )
    def test_emoji_sequences_joiners_and_every_script_are_fine(self, client_for, alice, chat, title):
        response = rename(client_for(alice), chat, title)
        assert response.status_code == 200 and response.json()["title"] == title

    def test_the_title_is_required_when_renaming(self, client_for, alice, chat):
        response = client_for(alice).patch(f"/api/chats/{chat}/", {}, format="json")
        assert response.status_code == 400 and "title" in response.json()


class TestDeleting:
    def test_the_owner_deletes_the_chat_and_nothing_of_it_is_readable(self, client_for, alice, bob, together):
        alices, bobs = client_for(alice), client_for(bob)
        post_message(alices, together, "hey @bob")
        post_message(bobs, together, "/roll 1d6")  # the bot owes an answer
        post_message(bobs, together, "gone soon")
        alices.put(f"/api/chats/{together}/messages/3/reactions/%F0%9F%91%8D/")
        alices.delete(f"/api/chats/{together}/messages/4/")  # a tombstone too
        session = ChatSession.objects.get(uri=together)
        assert BotJob.objects.exists() and Notification.objects.filter(session=session).exists()

        assert alices.delete(f"/api/chats/{together}/").status_code == 204

        for client in (alices, bobs):
            assert client.get(f"/api/chats/{together}/").status_code == 404
            assert read_messages(client, together).status_code == 404
            assert read_messages(client, together, "?since=0").status_code == 404
            assert client.get("/api/chats/").json() == []
            assert client.get("/api/notifications/").json() == []
        assert not ChatSession.objects.filter(pk=session.pk).exists()
        assert not Message.objects.filter(session_id=session.pk).exists()
        assert not Membership.objects.filter(session_id=session.pk).exists()
        assert not Reaction.objects.exists() and not BotJob.objects.exists()
        assert not Notification.objects.filter(session_id=session.pk).exists()

    def test_only_the_owner_deletes(self, client_for, bob, make_user, together):
        assert client_for(bob).delete(f"/api/chats/{together}/").status_code == 403
        assert client_for(make_user()).delete(f"/api/chats/{together}/").status_code == 403
        assert ChatSession.objects.filter(uri=together).exists()


class TestRateLimits:
    def test_starting_chats_too_fast_is_429(self, client_for, alice, settings, monkeypatch):
        settings.RATE_LIMITS_ON = True
        monkeypatch.setitem(CreateChatThrottle.THROTTLE_RATES, "create_chat", "5/hour")
        client = client_for(alice)
        assert [client.post("/api/chats/").status_code for _ in range(6)] == [201] * 5 + [429]
        assert client.get("/api/chats/").status_code == 200  # reading is not limited
        assert ChatSession.objects.count() == 5

    def test_the_default_limits_are_generous_but_finite(self):
        assert CreateChatThrottle().num_requests == 30 and CreateChatThrottle().duration == 3600

    def test_admin_actions_count_against_the_change_limit(self, client_for, alice, chat, settings, monkeypatch):
        settings.RATE_LIMITS_ON = True
        monkeypatch.setitem(ChangeChatThrottle.THROTTLE_RATES, "change_message", "3/min")
        client = client_for(alice)
        assert rename(client, chat, "one").status_code == 200
        assert client.post(f"/api/chats/{chat}/invite/").status_code == 200
        assert rename(client, chat, "two").status_code == 200
        response = client.post(f"/api/chats/{chat}/invite/")
        assert response.status_code == 429 and "Retry-After" in response
