"""One token per device: logging in adds a device, logging out ends only it, and the caller's
devices are listed and signed out through /api/devices/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import LAST_USED_EVERY_SECONDS, DeviceToken
from backend.accounts.user_agents import device_name
from backend.testing.servers import PASSWORD

pytestmark = pytest.mark.django_db

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
CHROME_ANDROID = ANDROID + " Chrome/131.0.0.0 Mobile Safari/537.36"


def device(user, user_agent=FIREFOX_WINDOWS) -> APIClient:
    """A new device of `user`: an API client that logged in with its own User-Agent."""
    client = APIClient(HTTP_USER_AGENT=user_agent)
    response = client.post("/auth/token/login/", {"username": user.username, "password": PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['auth_token']}")
    return client


def signed_in(client: APIClient) -> bool:
    status = client.get("/auth/users/me/").status_code
    assert status in (200, 401)
    return status == 200


def test_each_login_is_a_device_of_its_own_and_logging_out_ends_only_it(alice):
    laptop, phone = device(alice), device(alice, CHROME_ANDROID)
    assert DeviceToken.objects.filter(user=alice).count() == 2

    assert phone.post("/auth/token/logout/").status_code == 204
    assert not signed_in(phone)
    assert signed_in(laptop)


def test_the_devices_list_names_each_device_and_marks_the_one_asking(alice, bob):
    laptop, phone = device(alice), device(alice, CHROME_ANDROID)
    device(bob)

    listed = phone.get("/api/devices/")
    assert listed.status_code == 200
    devices = listed.json()
    assert {d["name"]: d["current"] for d in devices} == {"Firefox on Windows": False, "Chrome on Android": True}
    assert set(devices[0]) == {"id", "name", "created", "last_used", "current"}  # never the key
    assert [d["current"] for d in laptop.get("/api/devices/").json()].count(True) == 1


def test_signing_out_another_device(alice, bob):
    laptop, phone = device(alice), device(alice, CHROME_ANDROID)
    bobs = device(bob)
    phone_id = next(d["id"] for d in phone.get("/api/devices/").json() if d["current"])
    bobs_id = bobs.get("/api/devices/").json()[0]["id"]

    assert laptop.delete(f"/api/devices/{bobs_id}/").status_code == 404  # not hers: as if unknown
    assert signed_in(bobs)
    for unknown in ("999999", "9" * 30):
        response = laptop.delete(f"/api/devices/{unknown}/")
        assert response.status_code == 404 and "detail" in response.json()

    assert laptop.delete(f"/api/devices/{phone_id}/").status_code == 204
    assert not signed_in(phone)
    assert signed_in(laptop)
    assert laptop.delete(f"/api/devices/{phone_id}/").status_code == 404


def test_log_out_everywhere_ends_every_device_this_one_included(alice, bob):
    laptop, phone = device(alice), device(alice, CHROME_ANDROID)
    bobs = device(bob)

    assert laptop.post("/api/devices/logout-all/").status_code == 204
    assert not signed_in(laptop) and not signed_in(phone)
    assert signed_in(bobs)


def test_a_password_change_signs_out_every_other_device(alice):
    laptop, phone, tablet = device(alice), device(alice, CHROME_ANDROID), device(alice)
    change = {"current_password": PASSWORD, "new_password": "another long passphrase 43"}

    assert laptop.post("/auth/users/set_password/", change, format="json").status_code == 204
    assert signed_in(laptop)
    assert not signed_in(phone) and not signed_in(tablet)


def test_a_refused_password_change_signs_nobody_out(alice):
    laptop, phone = device(alice), device(alice, CHROME_ANDROID)
    wrong = {"current_password": "not the password 11", "new_password": "another long passphrase 43"}

    assert laptop.post("/auth/users/set_password/", wrong, format="json").status_code == 400
    assert signed_in(phone)


def test_the_devices_api_needs_a_token(api_client):
    assert api_client.get("/api/devices/").status_code == 401
    assert api_client.post("/api/devices/logout-all/").status_code == 401
    assert api_client.delete("/api/devices/1/").status_code == 401


def test_last_used_is_written_at_most_once_in_a_while(alice):
    laptop = device(alice)
    token = DeviceToken.objects.get(user=alice)

    with CaptureQueriesContext(connection) as fresh:
        assert signed_in(laptop)
    assert not [q for q in fresh.captured_queries if q["sql"].startswith("UPDATE")]

    long_ago = timezone.now() - timezone.timedelta(seconds=LAST_USED_EVERY_SECONDS + 1)
    DeviceToken.objects.filter(pk=token.pk).update(last_used=long_ago)
    assert signed_in(laptop)
    token.refresh_from_db()
    assert token.last_used > long_ago
    with CaptureQueriesContext(connection) as again:
        assert signed_in(laptop)
    assert not [q for q in again.captured_queries if q["sql"].startswith("UPDATE")]


@pytest.mark.parametrize(
    ("user_agent", "name"),
    [
        (FIREFOX_WINDOWS, "Firefox on Windows"),
        (CHROME_ANDROID, "Chrome on Android"),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.5 Mobile/15E148 Safari/604.1",
            "Safari on iPhone",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
            "Edge on macOS",
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 "
            "Safari/537.36",
            "Chrome on Linux",
        ),
        (
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
            "Chrome on ChromeOS",
        ),
        ("python-httpx/0.28.1", "python-httpx"),
        ("curl/8.5.0", "curl"),
        ("", ""),
        (None, ""),
        ("\x00" * 5000, ""),
    ],
)
def test_a_device_is_named_after_its_user_agent(user_agent, name):
    assert device_name(user_agent) == name
