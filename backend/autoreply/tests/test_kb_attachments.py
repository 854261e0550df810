"""`/kb add` through the public API: a member uploads a document, sends it, replies to it with /kb add; the bot
adds it to the chat's knowledge base, and `/ask` answers from it with a link to the message that carried it,
for that chat's members only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.autoreply.models import Document
from backend.testing.api import add_member, post_message, read_messages

pytestmark = pytest.mark.django_db

LAB = (
    b"# Lab handbook\n\n"
    b"## Borrowing the oscilloscope\n\n"
    b"The oscilloscope is kept in cabinet 7B. Borrow it by writing your name in the blue ledger "
    b"and return it before 18:00 the same day.\n\n"
    b"## Printing posters\n\n"
    b"Posters are printed on the plotter in room 204; send the PDF to plotter@lab.example.\n"
)
QUESTION = "/ask where is the oscilloscope kept?"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


def upload(client, uri: str, data: bytes, name: str) -> int:
    response = client.post(
        f"/api/chats/{uri}/attachments/",
        {"file": SimpleUploadedFile(name, data, "application/octet-stream")},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    return response.json()["id"]


def send_files(client, uri: str, files: list[tuple[str, bytes]], text: str = "") -> int:
    """Uploads the files and sends them in one message; returns its seq."""
    ids = [upload(client, uri, data, name) for name, data in files]
    response = client.post(f"/api/chats/{uri}/messages/", {"message": text, "attachments": ids}, format="json")
    assert response.status_code == 201, response.content
    return response.json()["seq"]


def reply(client, uri: str, text: str, to: int) -> int:
    response = client.post(f"/api/chats/{uri}/messages/", {"message": text, "reply_to": to}, format="json")
    assert response.status_code == 201, response.content
    return response.json()["seq"]


def bot_says(client, uri: str, worker, after: int) -> str:
    """Runs the bot worker once; the text of the bot's reply posted after seq `after`."""
    worker.run_pending()
    replies = [m for m in read_messages(client, uri).json()["messages"] if m["seq"] > after and m["is_bot"]]
    assert len(replies) == 1, replies
    return replies[0]["message"]


def test_kb_add_then_ask_answers_from_the_document_with_a_link_to_it(client_for, alice, bob, chat, worker):
    add_member(chat, bob)
    alice_client, bob_client = client_for(alice), client_for(bob)
    carried = send_files(alice_client, chat, [("lab-handbook.md", LAB)], "our lab rules")
    command = reply(alice_client, chat, "/kb add", to=carried)
    assert bot_says(alice_client, chat, worker, command) == (
        "Added to this chat's documents:\n"
        "- lab-handbook.md — Lab handbook (2 passages)\n"
        "Ask about them with `/ask <question>`: I answer from this chat's documents first, "
        "for this chat's members only. /kb list shows them all."
    )

    question = post_message(bob_client, chat, QUESTION).json()["seq"]
    answer = bot_says(bob_client, chat, worker, question)
    assert "cabinet 7B" in answer
    assert answer.endswith(
        f"— [lab-handbook.md › Borrowing the oscilloscope](/chats/{chat}?seq={carried}) · this chat's documents"
    )
    assert "/media/" not in answer and "attachments/" not in answer  # never where the bytes are stored

    listed = bot_says(bob_client, chat, worker, post_message(bob_client, chat, "/kb list").json()["seq"])
    assert "- lab-handbook.md — Lab handbook (2 passages, added by alice)" in listed


def test_members_of_another_chat_never_get_answers_from_it(client_for, alice, bob, chat, worker):
    alice_client, bob_client = client_for(alice), client_for(bob)
    carried = send_files(alice_client, chat, [("lab-handbook.md", LAB)])
    bot_says(alice_client, chat, worker, reply(alice_client, chat, "/kb add", to=carried))

    elsewhere = bob_client.post("/api/chats/", {"title": "Elsewhere"}, format="json").json()["uri"]
    answer = bot_says(bob_client, elsewhere, worker, post_message(bob_client, elsewhere, QUESTION).json()["seq"])
    assert answer.startswith("I don't know that")
    assert "cabinet 7B" not in answer and chat not in answer
    # Bob cannot reach the first chat at all: its knowledge base is its members' only.
    assert post_message(bob_client, chat, QUESTION).status_code in (403, 404)


def test_adding_the_same_file_again_changes_nothing(client_for, alice, chat, worker):
    client = client_for(alice)
    carried = send_files(client, chat, [("lab-handbook.md", LAB)])
    bot_says(client, chat, worker, reply(client, chat, "/kb add", to=carried))
    first = Document.objects.get(scope=Document.Scope.CHAT)

    again = send_files(client, chat, [("handbook-copy.md", LAB)])  # the same bytes under another name
    for carrier in (carried, again):
        said = bot_says(client, chat, worker, reply(client, chat, "/kb add", to=carrier))
        assert said.startswith(
            "Already in this chat's documents:\n- lab-handbook.md (2 passages), the same file: nothing changed"
        )
    assert list(Document.objects.filter(scope=Document.Scope.CHAT)) == [first]
    assert Document.objects.get().ingested_at == first.ingested_at  # not read again


def test_a_new_file_of_the_same_name_replaces_it(client_for, alice, chat, worker):
    client = client_for(alice)
    bot_says(client, chat, worker, reply(client, chat, "/kb add", to=send_files(client, chat, [("lab.md", LAB)])))
    newer = send_files(client, chat, [("lab.md", b"# Lab\n\nThe oscilloscope moved to cabinet 9.\n")])
    said = bot_says(client, chat, worker, reply(client, chat, "/kb add", to=newer))
    assert said.startswith("Added to this chat's documents:\n- lab.md — Lab (1 passages, replacing the earlier file")
    answer = bot_says(client, chat, worker, post_message(client, chat, QUESTION).json()["seq"])
    assert "cabinet 9" in answer and f"?seq={newer})" in answer


def test_several_files_in_one_message_each_get_a_line(client_for, alice, chat, worker):
    client = client_for(alice)
    picture = io.BytesIO()
    Image.new("RGB", (8, 8)).save(picture, format="PNG")
    carried = send_files(
        client,
        chat,
        [("lab.md", LAB), ("notes.txt", b"Meetings are on Tuesdays at 10.\n"), ("photo.png", picture.getvalue())],
    )
    said = bot_says(client, chat, worker, reply(client, chat, "/kb add", to=carried))
    assert said.startswith(
        "Added to this chat's documents:\n- lab.md — Lab handbook (2 passages)\n- notes.txt — notes.txt (1 passages)\n"
        "Not added:\n- photo.png: I can only read text documents (.txt, .md, .rst, .html) and PDFs with text.\n"
        "Ask about them with `/ask <question>`"
    )
    assert sorted(Document.objects.values_list("name", flat=True)) == ["lab.md", "notes.txt"]


@pytest.mark.parametrize(
    "name, data, refusal",
    [
        ("photo.png", None, "I can only read text documents (.txt, .md, .rst, .html) and PDFs with text."),
        (
            "fake.pdf",
            b"not really a pdf",
            "I can only read text documents (.txt, .md, .rst, .html) and PDFs with text.",
        ),
        ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00", "I can only read text documents"),
        ("blank.md", b"   \n\n  \n", "there is no text in it that I can read."),
        ("latin1.txt", "caf\xe9 cr\xe8me\n".encode("latin-1"), "I can only read text documents"),
    ],
)
def test_a_file_it_cannot_read_is_refused_politely(client_for, alice, chat, worker, name, data, refusal):
    client = client_for(alice)
    if data is None:
        picture = io.BytesIO()
        Image.new("RGB", (8, 8)).save(picture, format="PNG")
        data = picture.getvalue()
    carried = send_files(client, chat, [(name, data)])
    said = bot_says(client, chat, worker, reply(client, chat, "/kb add", to=carried))
    assert said.startswith(f"Not added:\n- {name}: {refusal}")
    assert "Ask about them" not in said
    assert not Document.objects.exists()


def test_a_file_too_big_is_refused(client_for, alice, chat, worker, settings):
    settings.MYCHAT_BOT_DOCUMENT_MAX_MB = 1
    client = client_for(alice)
    carried = send_files(client, chat, [("big.txt", b"lorem ipsum dolor\n" * 70_000)])
    said = bot_says(client, chat, worker, reply(client, chat, "/kb add", to=carried))
    assert said == "Not added:\n- big.txt: too big for me (1.2 MB; at most 1 MB)."
    assert not Document.objects.exists()


def test_not_a_reply_no_files_or_the_original_deleted(client_for, alice, chat, worker):
    client = client_for(alice)
    how = (
        "To add a document to this chat's knowledge base, reply to the message that carries it with /kb add "
        "(a .txt, .md, .rst, .html or .pdf file)."
    )
    assert bot_says(client, chat, worker, post_message(client, chat, "/kb add").json()["seq"]) == how

    plain = post_message(client, chat, "just words").json()["seq"]
    assert (
        bot_says(client, chat, worker, reply(client, chat, "/kb add", to=plain)) == f"That message has no files. {how}"
    )

    carried = send_files(client, chat, [("lab.md", LAB)])
    command = reply(client, chat, "/kb add", to=carried)
    assert client.delete(f"/api/chats/{chat}/messages/{carried}/").status_code == 204  # before the bot gets to it
    assert bot_says(client, chat, worker, command) == (
        "That message was deleted, and its files with it. Send the document again and reply to it with /kb add."
    )
    assert not Document.objects.exists()


def test_a_member_who_left_before_the_bot_got_to_it_adds_nothing(client_for, alice, bob, chat, worker):
    add_member(chat, bob)
    bob_client = client_for(bob)
    command = reply(bob_client, chat, "/kb add", to=send_files(bob_client, chat, [("lab.md", LAB)]))
    assert client_for(alice).delete(f"/api/chats/{chat}/members/{bob.pk}/").status_code == 204
    assert bot_says(client_for(alice), chat, worker, command) == "Only this chat's members can add documents to it."
    assert not Document.objects.exists()


def test_kb_remove_and_list_work_for_added_files(client_for, alice, chat, worker):
    client = client_for(alice)
    bot_says(client, chat, worker, reply(client, chat, "/kb add", to=send_files(client, chat, [("lab.md", LAB)])))
    removed = bot_says(client, chat, worker, post_message(client, chat, "/kb remove lab.md").json()["seq"])
    assert removed == "Removed lab.md from this chat's documents."
    listed = bot_says(client, chat, worker, post_message(client, chat, "/kb list").json()["seq"])
    assert listed.startswith("This chat has no documents of its own yet.")
    assert bot_says(client, chat, worker, post_message(client, chat, QUESTION).json()["seq"]).startswith(
        "I don't know that"
    )


def test_help_kb_explains_adding(client_for, alice, chat, worker):
    client = client_for(alice)
    said = bot_says(client, chat, worker, post_message(client, chat, "/help kb").json()["seq"])
    assert said.startswith("/kb list | add | remove <name> — This chat's own documents, which /ask answers from first.")
    assert "/kb add, sent as a reply to a message with files" in said
    assert "Only this chat's members get answers from them." in said


def test_a_name_with_markdown_in_it_stays_the_links_text(client_for, alice, chat, worker):
    client = client_for(alice)
    carried = send_files(client, chat, [("lab_notes [draft]*.md", LAB)])
    said = bot_says(client, chat, worker, reply(client, chat, "/kb add", to=carried))
    assert "- lab\\_notes \\[draft\\]\\*.md — Lab handbook (2 passages)" in said
    answer = bot_says(client, chat, worker, post_message(client, chat, QUESTION).json()["seq"])
    assert f"— [lab\\_notes \\[draft\\]\\*.md › Borrowing the oscilloscope](/chats/{chat}?seq={carried})" in answer


def test_kb_add_as_the_caption_of_the_files_adds_them(client_for, alice, chat, worker):
    client = client_for(alice)
    carried = send_files(client, chat, [("lab-handbook.md", LAB)], "/kb add")
    assert bot_says(client, chat, worker, carried).startswith(
        "Added to this chat's documents:\n- lab-handbook.md — Lab handbook (2 passages)\n"
    )
    answer = bot_says(client, chat, worker, post_message(client, chat, QUESTION).json()["seq"])
    assert "cabinet 7B" in answer and f"(/chats/{chat}?seq={carried})" in answer


def test_kb_add_answers_in_the_language_it_was_asked_in(client_for, alice, chat, worker):
    client = client_for(alice)
    carried = send_files(client, chat, [("lab-handbook.md", LAB), ("blank.md", b"\n")])
    said = bot_says(client, chat, worker, reply(client, chat, "/kb add 实验室手册", to=carried))
    assert said == (
        "已加入本聊天的文档：\n- lab-handbook.md — Lab handbook（2 段）\n"
        "未添加：\n- blank.md：里面没有我能读取的文字。\n"
        "用 `/ask <问题>` 提问即可：我会优先根据本聊天的文档回答，且只回答本聊天的成员。/kb list 可以列出全部文档。"
    )
    listed = bot_says(client, chat, worker, post_message(client, chat, "/kb list 一覧を見せて").json()["seq"])
    assert listed == (
        "このチャットのドキュメント（1 件）。/ask はまずここから答えます：\n"
        "- lab-handbook.md — Lab handbook（2 段落、alice が追加）"
    )
