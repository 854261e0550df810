"""Downloads: members only, on every request; inline only for safe raster images."""

import pytest

from backend.testing.api import add_member

from .conftest import image_bytes, send, upload

pytestmark = pytest.mark.django_db


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


def test_members_download_a_sent_file_as_an_attachment(client_for, alice, bob, chat):
    add_member(chat, bob)
    sent = upload(client_for(alice), chat, b"<svg onload=alert(1)>", "pic.svg").json()
    send(client_for(alice), chat, [sent["id"]])
    response = client_for(bob).get(sent["url"])
    assert response.status_code == 200 and body_of(response) == b"<svg onload=alert(1)>"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="pic.svg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_safe_raster_image_is_shown_inline(client_for, alice, chat):
    data = image_bytes("GIF")
    sent = upload(client_for(alice), chat, data, "anim.txt").json()
    response = client_for(alice).get(sent["url"])
    assert response["Content-Type"] == "image/gif" and response["Content-Disposition"].startswith("inline")
    assert body_of(response) == data and response["X-Content-Type-Options"] == "nosniff"
    thumbnail = client_for(alice).get(sent["thumbnail_url"])
    assert thumbnail.status_code == 200 and thumbnail["Content-Type"] == "image/webp"


def test_a_non_ascii_name_is_kept_in_the_download(client_for, alice, chat):
    sent = upload(client_for(alice), chat, b"hi", "résumé 履歴.txt").json()
    disposition = client_for(alice).get(sent["url"])["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert "filename*=utf-8''r%C3%A9sum%C3%A9%20%E5%B1%A5%E6%AD%B4.txt" in disposition


def test_non_members_and_strangers_get_nothing(client_for, make_user, alice, bob, chat, api_client):
    sent = upload(client_for(alice), chat, image_bytes(), "a.png").json()
    send(client_for(alice), chat, [sent["id"]])
    for url in (sent["url"], sent["thumbnail_url"]):
        assert client_for(bob).get(url).status_code == 404  # not a member: not even whether it exists
        assert api_client.get(url).status_code == 401
    assert client_for(bob).get("/api/attachments/999999/").status_code == 404


def test_membership_is_checked_on_every_request(client_for, alice, bob, chat):
    add_member(chat, bob)
    sent = upload(client_for(alice), chat, b"plan", "plan.txt").json()
    send(client_for(alice), chat, [sent["id"]])
    assert client_for(bob).get(sent["url"]).status_code == 200
    assert client_for(alice).delete(f"/api/chats/{chat}/members/{bob.pk}/").status_code == 204
    assert client_for(bob).get(sent["url"]).status_code == 404


def test_an_unsent_upload_is_its_uploaders_only(client_for, alice, bob, chat):
    add_member(chat, bob)
    sent = upload(client_for(alice), chat, b"draft", "draft.txt").json()
    assert client_for(alice).get(sent["url"]).status_code == 200
    assert client_for(bob).get(sent["url"]).status_code == 404


def test_a_file_without_thumbnail_has_no_thumbnail_url_to_fetch(client_for, alice, chat):
    sent = upload(client_for(alice), chat, b"text", "a.txt").json()
    assert client_for(alice).get(f"{sent['url']}thumbnail/").status_code == 404


def test_media_is_not_served_as_static_files(client_for, alice, chat, media_in_tmp):
    upload(client_for(alice), chat, b"secret", "s.txt")
    stored = next(p for p in media_in_tmp.rglob("*") if p.is_file())
    relative = stored.relative_to(media_in_tmp).as_posix()
    for prefix in ("/media/", "/static/", "/"):
        response = client_for(alice).get(prefix + relative)
        assert b"secret" not in (body_of(response) if response.streaming else response.content)
