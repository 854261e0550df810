"""Whose knowledge answers: a chat's own documents first (its members only), then the site's, then the
mychat manual (first when the question is about mychat); /kb lists and removes a chat's documents."""

import pytest

from backend.autoreply.models import Document
from backend.autoreply.registry import Context, answer
from backend.autoreply.services import DocumentRejected, document_add_to_chat
from backend.chat.services import session_create

pytestmark = pytest.mark.django_db

RECIPES = (
    b"# Team recipes\n\n## Pancakes\n\nWhisk 200 g flour, two eggs and 300 ml milk; rest the batter ten minutes.\n"
)
SITE_PANCAKES = "# Site kitchen\n\n## Pancakes\n\nUse buckwheat flour, eggs and milk for pancakes; rest the batter.\n"


@pytest.fixture
def other_session(db, bob):
    return session_create(owner=bob, title="Elsewhere")


def ask(text, session=None, user=None):
    return answer(text, context=Context(session=session, user=user)).text


def test_a_chat_document_answers_its_members(session, alice):
    document_add_to_chat(session=session, name="recipes.md", data=RECIPES, added_by=alice)
    reply = ask("/ask how much flour goes into pancakes?", session, alice)
    assert "200 g flour" in reply
    assert reply.endswith("— recipes.md › Pancakes · this chat's documents")


def test_another_chat_does_not_get_answers_from_it(session, other_session, alice, bob):
    document_add_to_chat(session=session, name="recipes.md", data=RECIPES, added_by=alice)
    assert ask("/ask how much flour goes into pancakes?", other_session, bob).startswith("I don't know that")
    assert ask("/ask how much flour goes into pancakes?").startswith("I don't know that")  # no chat at all


def test_the_chats_documents_come_before_the_sites(session, alice, tmp_path, monkeypatch):
    from backend.autoreply.ingest import ingest_paths

    monkeypatch.chdir(tmp_path)
    (tmp_path / "kitchen.md").write_text(SITE_PANCAKES)
    ingest_paths(paths=[tmp_path / "kitchen.md"])
    assert "· the site's documents" in ask("/ask what flour for pancakes?", session, alice)
    document_add_to_chat(session=session, name="recipes.md", data=RECIPES, added_by=alice)
    assert "· this chat's documents" in ask("/ask what flour for pancakes?", session, alice)


def test_the_manual_answers_questions_about_mychat_but_does_not_compete_with_documents(settings, tmp_path):
    from backend.autoreply.ingest import ingest_paths

    ingest_paths(paths=[settings.BASE_DIR / "docs" / "bot.md"])
    (tmp_path / "club.md").write_text("# Club\n\n## Inviting guests\n\nTo invite someone to the club, ask the desk.\n")
    ingest_paths(paths=[tmp_path / "club.md"])
    assert Document.objects.get(source__endswith="docs/bot.md").scope == Document.Scope.MANUAL
    assert "· the site's documents" in ask("/ask how do I invite someone to the club?")
    assert "· the mychat manual" in ask("/ask how do I invite someone to a chat in mychat?")
    assert "· the mychat manual" in ask("/ask what does /roll do?")


def test_kb_list_and_remove(session, alice, bob):
    assert ask("/kb", session, alice).startswith("This chat has no documents of its own yet.")
    document_add_to_chat(session=session, name="recipes.md", data=RECIPES, added_by=alice)
    assert ask("/kb list", session, alice) == (
        "This chat's documents (1), which /ask answers from first:\n"
        "- recipes.md — Team recipes (1 passages, added by alice)"
    )
    assert (
        ask("/kb remove nothing.md", session, alice) == "This chat has no document called “nothing.md”. See /kb list."
    )
    assert ask("/kb remove recipes", session, alice) == "Removed recipes.md from this chat's documents."
    assert not Document.objects.filter(scope=Document.Scope.CHAT).exists()
    assert ask("/ask how much flour goes into pancakes?", session, alice).startswith("I don't know that")


def test_only_who_added_a_document_or_the_owner_removes_it(session, alice, bob, make_user):
    from backend.chat.services import membership_join

    carol = make_user("carol")
    for member in (bob, carol):
        membership_join(session=session, user=member)
    document_add_to_chat(session=session, name="recipes.md", data=RECIPES, added_by=bob)
    assert (
        ask("/kb remove recipes.md", session, carol)
        == "Only whoever added recipes.md or the chat's owner can remove it."
    )
    assert ask("/kb remove recipes.md", session, alice) == "Removed recipes.md from this chat's documents."  # the owner


def test_kb_outside_a_chat_and_kb_add_without_a_reply(session, alice):
    assert ask("/kb list") == "/kb works inside a chat: it manages that chat's documents."
    assert "reply to the message that carries it with /kb add" in ask("/kb add", session, alice)
    assert ask("/kb frobnicate", session, alice).startswith("Usage: /kb list")


def test_adding_the_same_name_replaces_the_document(session, alice):
    document_add_to_chat(session=session, name="recipes.md", data=RECIPES, added_by=alice)
    document_add_to_chat(session=session, name="recipes.md", data=b"# New\n\nOnly waffles now.\n", added_by=alice)
    assert Document.objects.filter(scope=Document.Scope.CHAT).count() == 1
    assert "waffles" in ask("/ask waffles?", session, alice)


def test_a_bad_file_is_rejected(session, alice):
    with pytest.raises(DocumentRejected, match="binary"):
        document_add_to_chat(session=session, name="x.txt", data=b"\x00\x01", added_by=alice)
    with pytest.raises(DocumentRejected, match="unsupported"):
        document_add_to_chat(session=session, name="x.exe", data=b"MZ", added_by=alice)


def test_the_worker_passes_the_chat_to_ask(session, alice, post, worker):
    document_add_to_chat(session=session, name="recipes.md", data=RECIPES, added_by=alice)
    message = post("/ask how much flour goes into pancakes?")
    worker.run_pending()
    message.bot_job.refresh_from_db()
    assert "200 g flour" in message.bot_job.reply.text
