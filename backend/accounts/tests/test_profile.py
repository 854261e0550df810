"""One's profile through the API: the name others see, the language, the picture, the password rules."""

import io

import pytest
from django.test import Client
from PIL import Image

from .conftest import image_bytes, me, put_avatar

pytestmark = pytest.mark.django_db


class TestTheProfile:
    def test_me_has_the_profile_with_nothing_set(self, alices, alice):
        body = me(alices).json()
        assert body == {
            "id": alice.pk,
            "username": "alice",
            "email": "",
            "display_name": "",
            "avatar_url": None,
            "language": "",
        }

    def test_a_display_name_is_trimmed_and_kept(self, alices):
        response = me(alices, display_name="  Alice Liddell  ")
        assert response.status_code == 200 and response.json()["display_name"] == "Alice Liddell"
        assert me(alices).json()["display_name"] == "Alice Liddell"

    def test_an_empty_display_name_means_the_username(self, alices):
        me(alices, display_name="Al")
        assert me(alices, display_name="   ").json()["display_name"] == ""

    @pytest.mark.parametrize("name", ["bob", "BOB", "b\u043eb", "hubot", "Admin"])
    def test_a_display_name_cannot_be_someone_elses_username_or_a_reserved_one(self, alices, bob, name):
        response = me(alices, display_name=name)
        assert response.status_code == 400
        assert list(response.json()) == ["display_name"]
        assert me(alices).json()["display_name"] == ""

    def test_ones_own_username_is_a_fine_display_name(self, alices):
        assert me(alices, display_name="ALICE").json()["display_name"] == "ALICE"

    def test_emoji_and_other_scripts_are_welcome(self, alices):
        assert me(alices, display_name="王小明 👩\u200d💻").json()["display_name"] == "王小明 👩\u200d💻"

    @pytest.mark.parametrize(
        "name",
        ["line\nbreak", "tab\there", "bell\x07", "\u202eecila", "nul\x00", "x" * 51, ["a"], {"a": 1}],
    )
    def test_a_bad_display_name_is_a_clear_400(self, alices, name):
        response = me(alices, display_name=name)
        assert response.status_code == 400
        field = "detail" if "\x00" in str(name) else "display_name"  # a NUL is refused by the JSON parser
        assert list(response.json()) == [field] and response.json()[field]
        assert me(alices).json()["display_name"] == ""

    def test_fifty_characters_are_allowed(self, alices):
        assert me(alices, display_name="é" * 50).status_code == 200

    @pytest.mark.parametrize("language", ["en", "zh-CN", "zh-TW", "ja", "ko", ""])
    def test_the_language_is_one_of_the_apps(self, alices, language):
        assert me(alices, language=language).json()["language"] == language

    @pytest.mark.parametrize("language", ["fr", "zh", "JA", 7])
    def test_another_language_is_a_clear_400(self, alices, language):
        response = me(alices, language=language)
        assert response.status_code == 400 and list(response.json()) == ["language"]

    def test_the_username_cannot_be_changed_here(self, alices):
        assert me(alices, username="mallory").json()["username"] == "alice"

    def test_signed_out_is_a_401(self, api_client):
        assert api_client.patch("/auth/users/me/", {"display_name": "x"}, format="json").status_code == 401


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


class TestThePicture:
    def test_an_upload_becomes_a_square_webp_served_without_a_token(self, alices):
        response = put_avatar(alices, image_bytes(size=(640, 320)))
        assert response.status_code == 200
        url = response.json()["avatar_url"]
        assert url.startswith("/api/avatars/") and url.endswith(".webp")
        assert me(alices).json()["avatar_url"] == url
        served = Client().get(url)  # no token: an <img src> shows it
        assert served.status_code == 200 and served["Content-Type"] == "image/webp"
        assert served["X-Content-Type-Options"] == "nosniff"
        picture = decoded(b"".join(served.streaming_content))
        assert picture.format == "WEBP" and picture.size == (256, 256)

    def test_a_small_picture_is_cropped_but_not_blown_up(self, alices):
        url = put_avatar(alices, image_bytes(size=(40, 90))).json()["avatar_url"]
        assert decoded(b"".join(Client().get(url).streaming_content)).size == (40, 40)

    def test_the_upload_is_re_encoded_without_its_metadata(self, alices):
        exif = Image.Exif()
        exif[0x010F] = "SpyCam"  # Make
        exif[0x0112] = 6  # turned: the picture is shown upright
        jpeg = image_bytes("JPEG", size=(300, 200), exif=exif.tobytes())
        url = put_avatar(alices, jpeg, "me.jpg", "image/jpeg").json()["avatar_url"]
        data = b"".join(Client().get(url).streaming_content)
        assert b"SpyCam" not in data and jpeg[:200] not in data
        assert not decoded(data).getexif()

    @pytest.mark.parametrize(
        "data, name",
        [
            (b"just some text\n", "me.png"),
            (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "me.svg"),
            (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "broken.png"),
            (b"%PDF-1.4 not a picture", "me.pdf"),
        ],
    )
    def test_what_is_not_a_picture_is_a_clear_400(self, alices, data, name):
        response = put_avatar(alices, data, name)
        assert response.status_code == 400 and list(response.json()) == ["file"]
        assert me(alices).json()["avatar_url"] is None

    def test_too_many_pixels_is_a_400_without_decoding_them(self, alices):
        bomb = image_bytes(size=(8000, 8000), color=(0, 0, 0))  # 64 megapixels in a small PNG
        assert len(bomb) < 1024 * 1024
        response = put_avatar(alices, bomb)
        assert response.status_code == 400 and "pixels" in response.json()["file"][0]

    def test_too_many_bytes_is_a_413(self, alices, settings):
        settings.MYCHAT_AVATAR_MAX_MB = 1
        response = put_avatar(alices, b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024 + 1))
        assert response.status_code == 413 and "1 MB" in response.json()["detail"]

    def test_no_file_and_an_empty_file_are_400s(self, alices):
        assert alices.put("/api/profile/avatar/", {}, format="multipart").status_code == 400
        assert put_avatar(alices, b"").status_code == 400

    def test_a_new_picture_ends_the_old_ones_url(self, alices, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            first = put_avatar(alices, image_bytes()).json()["avatar_url"]
            second = put_avatar(alices, image_bytes(color=(0, 0, 255))).json()["avatar_url"]
        assert first != second
        assert Client().get(first).status_code == 404 and Client().get(second).status_code == 200

    def test_removing_the_picture(self, alices, django_capture_on_commit_callbacks):
        url = put_avatar(alices, image_bytes()).json()["avatar_url"]
        with django_capture_on_commit_callbacks(execute=True):
            response = alices.delete("/api/profile/avatar/")
        assert response.status_code == 200 and response.json()["avatar_url"] is None
        assert Client().get(url).status_code == 404

    @pytest.mark.parametrize("name", ["x.webp", "../../settings.py", "A" * 32 + ".png"])
    def test_a_made_up_picture_name_is_a_404(self, name):
        response = Client().get(f"/api/avatars/{name}")
        assert response.status_code == 404 and response["Content-Type"] == "application/json"

    def test_uploading_needs_a_token(self, api_client):
        assert put_avatar(api_client, image_bytes()).status_code == 401


def test_the_password_rules_are_there_before_anyone_fails_them(api_client):
    response = api_client.get("/api/password-rules/")
    assert response.status_code == 200
    body = response.json()
    assert body["min_length"] == 8
    assert [rule["code"] for rule in body["rules"]] == ["similar", "min_length", "common", "numeric"]
    assert all(rule["text"] for rule in body["rules"])


def test_the_app_learns_the_picture_limit_from_the_config(api_client, settings):
    settings.MYCHAT_AVATAR_MAX_MB = 2
    assert api_client.get("/api/config/").json()["avatar_max_bytes"] == 2 * 1024 * 1024
