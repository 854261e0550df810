"""Uploading to a chat and sending the files with a message, through the API as the app does."""

import io
import struct
import zlib

import pytest
from PIL import Image

from backend.files.models import Attachment
from backend.testing.api import add_member

from .conftest import image_bytes, send, upload

pytestmark = pytest.mark.django_db


def test_an_image_upload_is_an_attachment_with_size_and_thumbnail(client_for, alice, chat):
    response = upload(client_for(alice), chat, image_bytes(size=(640, 320)), "shot.png", "image/png")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "name", "size", "content_type", "url", "thumbnail_url", "width", "height"}
    assert body["name"] == "shot.png" and body["content_type"] == "image/png"
    assert (body["width"], body["height"]) == (640, 320)
    assert body["url"] == f"/api/attachments/{body['id']}/"
    assert body["thumbnail_url"] == f"/api/attachments/{body['id']}/thumbnail/"


def test_a_message_carries_its_attachments_and_a_caption_is_optional(client_for, alice, bob, chat):
    add_member(chat, bob)
    alice_client = client_for(alice)
    first = upload(alice_client, chat, image_bytes(), "a.png").json()
    second = upload(alice_client, chat, b"notes\n", "notes.txt").json()
    response = send(alice_client, chat, [first["id"], second["id"]])
    assert response.status_code == 201
    message = response.json()
    assert message["message"] == "" and [a["id"] for a in message["attachments"]] == [first["id"], second["id"]]
    assert message["attachments"][1] == second
    page = client_for(bob).get(f"/api/chats/{chat}/messages/?since=0").json()
    assert page["messages"][-1]["attachments"] == message["attachments"]
    captioned = send(alice_client, chat, [upload(alice_client, chat, b"x", "x.txt").json()["id"]], "see this")
    assert captioned.status_code == 201 and captioned.json()["message"] == "see this"


def test_a_message_without_text_or_attachments_is_still_refused(client_for, alice, chat):
    response = send(client_for(alice), chat, [])
    assert response.status_code == 400 and "message" in response.json()


@pytest.mark.parametrize("ids", ["1", [True], [0], [-1], ["1"], list(range(1, 12))])
def test_malformed_attachment_lists_are_400(client_for, alice, chat, ids):
    response = send(client_for(alice), chat, ids, "hi")
    assert response.status_code == 400 and "attachments" in response.json()


def test_a_foreign_attachment_id_is_refused(client_for, make_user, alice, bob, chat):
    add_member(chat, bob)
    bobs = upload(client_for(bob), chat, b"bob's", "b.txt").json()["id"]
    other_chat = client_for(alice).post("/api/chats/", {"title": "Other"}, format="json").json()["uri"]
    elsewhere = upload(client_for(alice), other_chat, b"other", "o.txt").json()["id"]
    for ids in ([bobs], [elsewhere], [999999]):
        response = send(client_for(alice), chat, ids, "hi")
        assert response.status_code == 400 and "attachments" in response.json(), ids
    sent = upload(client_for(alice), chat, b"once", "once.txt").json()["id"]
    assert send(client_for(alice), chat, [sent], "first").status_code == 201
    assert send(client_for(alice), chat, [sent], "again").status_code == 400  # sent already
    assert Attachment.objects.get(pk=bobs).message_id is None  # nothing was half claimed


def test_a_non_member_cannot_upload(client_for, bob, chat, api_client):
    assert upload(client_for(bob), chat, b"hi", "hi.txt").status_code == 403
    assert upload(client_for(bob), "no-such-chat", b"hi", "hi.txt").status_code == 404
    assert upload(api_client, chat, b"hi", "hi.txt").status_code == 401


def test_an_empty_file_or_no_file_is_400(client_for, alice, chat):
    client = client_for(alice)
    assert upload(client, chat, b"", "empty.txt").json() == {"file": ["The file is empty."]}
    response = client.post(f"/api/chats/{chat}/attachments/", {"other": "x"}, format="multipart")
    assert response.status_code == 400 and "file" in response.json()


def test_json_instead_of_multipart_is_415(client_for, alice, chat):
    response = client_for(alice).post(f"/api/chats/{chat}/attachments/", {"file": "x"}, format="json")
    assert response.status_code == 415


def test_a_truncated_multipart_body_is_400(client_for, alice, chat):
    body = b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello'  # no end
    response = client_for(alice).generic(
        "POST", f"/api/chats/{chat}/attachments/", body, content_type="multipart/form-data; boundary=XyZ"
    )
    assert response.status_code == 400
    assert Attachment.objects.count() == 0


def test_over_the_limit_is_413_json(client_for, alice, chat, settings):
    settings.MYCHAT_MAX_UPLOAD_MB = 1
    response = upload(client_for(alice), chat, b"x" * (1024 * 1024 + 1), "big.bin")
    assert response.status_code == 413 and "1 MB" in response.json()["detail"]
    assert Attachment.objects.count() == 0
    assert upload(client_for(alice), chat, b"x" * (1024 * 1024), "fits.bin").status_code == 201


def test_the_type_comes_from_the_bytes_not_the_name_or_the_claim(client_for, alice, chat):
    client = client_for(alice)
    html = upload(client, chat, b"<!DOCTYPE html><script>alert(1)</script>", "cat.png", "image/png").json()
    assert html["content_type"] == "text/html" and html["thumbnail_url"] is None and html["width"] is None
    jpeg = upload(client, chat, image_bytes("JPEG"), "report.txt", "text/plain").json()
    assert jpeg["content_type"] == "image/jpeg" and jpeg["thumbnail_url"]
    svg = upload(client, chat, b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "a.svg").json()
    assert svg["content_type"] == "image/svg+xml" and svg["thumbnail_url"] is None
    assert upload(client, chat, b"%PDF-1.4\n...", "doc.pdf").json()["content_type"] == "application/pdf"
    assert upload(client, chat, bytes(range(256)), "x.txt").json()["content_type"] == "application/octet-stream"
    assert upload(client, chat, "héllo wörld".encode(), "a.md").json()["content_type"] == "text/plain"
    webp = upload(client, chat, image_bytes("WEBP"), "w.webp").json()
    assert webp["content_type"] == "image/webp"


def test_a_broken_image_is_kept_as_a_plain_file(client_for, alice, chat):
    broken = image_bytes("JPEG", size=(300, 300))[:200]  # the header, then nothing
    response = upload(client_for(alice), chat, broken, "broken.jpg", "image/jpeg")
    assert response.status_code == 201
    body = response.json()
    assert body["thumbnail_url"] is None and body["width"] is None
    assert body["content_type"] == "application/octet-stream"  # so never shown as an image


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(b"\x00" * 64))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + pixels + chunk(b"IEND", b"")


def test_a_decompression_bomb_is_refused(client_for, alice, chat):
    bomb = _png_header_only(30_000, 30_000)
    assert len(bomb) < 200
    response = upload(client_for(alice), chat, bomb, "huge.png", "image/png")
    assert response.status_code == 400 and "pixels" in response.json()["file"][0]
    assert Attachment.objects.count() == 0


def test_a_small_png_of_many_pixels_is_kept_as_a_file_without_being_decoded(client_for, alice, chat, monkeypatch):
    """A PNG is decoded whole (a JPEG at a fraction, for its thumbnail): 6,000 x 6,000 pixels under
    Pillow's bomb limit would still be ~150 MB of memory for a file of a few hundred bytes."""
    from PIL import ImageFile

    def decoding(*args, **kwargs):
        raise AssertionError("decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decoding)
    response = upload(client_for(alice), chat, _png_header_only(6_000, 6_000), "wide.png", "image/png")
    assert response.status_code == 201
    assert response.json()["thumbnail_url"] is None and response.json()["width"] is None


def test_exif_orientation_is_applied_and_metadata_stripped(client_for, alice, chat):
    image = Image.new("RGB", (600, 200), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # turned a quarter: shown 200 wide, 600 high
    exif[0x010F] = "SecretCam"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    body = upload(client_for(alice), chat, out.getvalue(), "phone.jpg").json()
    assert (body["width"], body["height"]) == (200, 600)
    thumbnail = client_for(alice).get(body["thumbnail_url"])
    data = b"".join(thumbnail.streaming_content)
    with Image.open(io.BytesIO(data)) as shown:
        assert shown.format == "WEBP" and shown.height > shown.width and max(shown.size) <= 480
        assert not shown.getexif() and b"SecretCam" not in data


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\report.pdf", "report.pdf"),
        ("evil\x00name\u202e.txt", "evilname.txt"),
        ("...", "file"),
        ("a" * 300 + ".png", "a" * 196 + ".png"),
    ],
)
def test_names_are_sanitized(client_for, alice, chat, sent, stored):
    assert upload(client_for(alice), chat, b"x", sent).json()["name"] == stored


def test_uploads_are_rate_limited_per_user(client_for, alice, chat, settings):
    settings.RATE_LIMITS_ON = True
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "upload": "2/min"},
    }
    from rest_framework.throttling import SimpleRateThrottle

    rates = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = {**rates, "upload": "2/min"}
    try:
        codes = [upload(client_for(alice), chat, b"x", "x.txt").status_code for _ in range(3)]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = rates
    assert codes == [201, 201, 429]


def test_a_message_with_files_may_lose_its_caption_but_not_a_text_one(client_for, alice, chat):
    client = client_for(alice)
    seq = send(client, chat, [upload(client, chat, b"x", "x.txt").json()["id"]], "caption").json()["seq"]
    edited = client.patch(f"/api/chats/{chat}/messages/{seq}/", {"message": "  "}, format="json")
    assert edited.status_code == 200 and edited.json()["message"] == "" and len(edited.json()["attachments"]) == 1
    assert client.patch(f"/api/chats/{chat}/messages/{seq}/", {}, format="json").status_code == 400
    plain = client.post(f"/api/chats/{chat}/messages/", {"message": "text"}, format="json").json()["seq"]
    response = client.patch(f"/api/chats/{chat}/messages/{plain}/", {"message": ""}, format="json")
    assert response.status_code == 400 and "message" in response.json()


def test_the_config_tells_the_upload_limit(api_client, settings):
    settings.MYCHAT_MAX_UPLOAD_MB = 3
    assert api_client.get("/api/config/").json()["upload_max_bytes"] == 3 * 1024 * 1024


def test_a_reply_to_files_without_a_caption_quotes_them_as_files(client_for, alice, chat):
    client = client_for(alice)
    ids = [upload(client, chat, b"x", f"{i}.txt").json()["id"] for i in range(2)]
    seq = send(client, chat, ids).json()["seq"]
    reply = client.post(f"/api/chats/{chat}/messages/", {"message": "nice", "reply_to": seq}, format="json").json()
    assert reply["reply_to"]["excerpt"] == "(2 files)"
