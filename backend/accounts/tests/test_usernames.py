"""Usernames that cannot impersonate: one name per look-alike key, reserved names, no mixed
alphabets; names in one script of any writing system welcome."""

import io
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from backend.accounts.models import UsernameKey
from backend.accounts.services import user_create
from backend.accounts.usernames import username_key
from backend.testing.servers import PASSWORD

pytestmark = pytest.mark.django_db

TAKEN = "That name is taken."
LOOKALIKE = "That name looks too much like an existing name."
RESERVED = "That name is reserved."


def sign_up(client, username):
    return client.post("/auth/users/", {"username": username, "password": PASSWORD}, format="json")


def refusal(response):
    assert response.status_code == 400, response.content
    return response.json()["username"][0]


@pytest.mark.parametrize(
    "name, answer",
    [
        ("Alice", TAKEN),
        ("ALICE", TAKEN),
        ("ａｌｉｃｅ", TAKEN),  # full-width letters: the same name written wider
        ("\u0430lice", LOOKALIKE),  # a Cyrillic а
        ("alice.", LOOKALIKE),
        ("a_lice", LOOKALIKE),
        ("a1ice", LOOKALIKE),  # a digit one for the l
    ],
)
def test_a_name_like_an_existing_one_is_refused_in_words(api_client, make_user, name, answer):
    make_user("alice")
    assert refusal(sign_up(api_client, name)) == answer


@pytest.mark.parametrize(
    "name", ["HUBOT", "\u04bbubot", "hubot.", "ｈｕｂｏｔ", "Admin", "ad.min", "SYSTEM", "everyone", "mychat"]
)
def test_the_bots_name_and_the_services_names_are_reserved_however_written(api_client, name):
    assert refusal(sign_up(api_client, name)) == RESERVED


def test_more_reserved_names_come_from_the_environment(api_client, settings):
    settings.MYCHAT_RESERVED_USERNAMES = ["teacher"]
    assert refusal(sign_up(api_client, "Teacher")) == RESERVED


@pytest.mark.parametrize("name", ["\u0430b\u0441", "p\u0430ypal", "Ωmega"])
def test_a_name_mixing_alphabets_is_refused(api_client, name):
    assert "alphabets" in refusal(sign_up(api_client, name))


@pytest.mark.parametrize(
    "name", ["王小明", "陳大文", "김민수", "さくら", "山田太郎", "たなか太郎", "Иван", "Δημήτρης", "li.wei_2", "José"]
)
def test_names_in_one_writing_system_are_welcome(api_client, name):
    response = sign_up(api_client, name)
    assert response.status_code == 201, response.content
    assert response.json()["username"] == name


def test_distinct_names_stay_distinct(api_client):
    for name in ["carol", "carl", "karol", "王小明", "王小朋"]:
        assert sign_up(api_client, name).status_code == 201, name


def test_users_made_outside_sign_up_hold_their_names_too(api_client, django_user_model):
    django_user_model.objects.create_superuser("Teacher", "t@example.com", PASSWORD)  # as createsuperuser does
    assert refusal(sign_up(api_client, "teacher")) == TAKEN


def test_two_look_alike_sign_ups_at_once_end_with_one_account_and_a_400():
    """Both passed the check before either wrote: the unique key decides, and the loser gets the
    same 400 a later sign-up would (the race's second half, without the race's timing)."""
    user_create(username="dave", password=PASSWORD)
    with pytest.raises(ValidationError) as refused:
        user_create(username="DAVE", password=PASSWORD)
    assert refused.value.message_dict == {"username": [TAKEN]}
    assert list(get_user_model().objects.filter(username__iexact="dave").values_list("username", flat=True)) == ["dave"]


@pytest.mark.django_db(transaction=True)
def test_look_alike_sign_ups_in_parallel_make_exactly_one_account(api_client):
    names = ["erin", "Erin", "ERIN", "ｅｒｉｎ", "erin.", "e.rin", "erin_", "_erin"]
    start = threading.Barrier(len(names))
    statuses = {}

    def sign_up_now(name):
        from rest_framework.test import APIClient

        start.wait()
        for _ in range(50):  # a 503 (SQLite's write lock held too long) is "try again", as the app does
            statuses[name] = sign_up(APIClient(), name).status_code
            if statuses[name] != 503:
                break
            time.sleep(0.1)
        connection.close()

    threads = [threading.Thread(target=sign_up_now, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses.values()) == [201] + [400] * (len(names) - 1), statuses
    assert UsernameKey.objects.filter(key="erin").count() == 1


def test_the_report_lists_existing_look_alikes_and_renames_nobody(django_user_model):
    # Made before the keys existed: written straight to the table, as old rows are.
    django_user_model.objects.bulk_create(
        [django_user_model(username=name) for name in ["frank", "Frank", "fr\u0430nk", "grace", "Admin"]]
    )
    out = io.StringIO()
    call_command("report_lookalike_usernames", stdout=out)
    report = out.getvalue()
    assert "'frank': 3 look-alike names" in report
    assert "'Admin': looks like a reserved name" in report
    assert "grace" not in report and "hubot" not in report  # the bot's own account is the bot
    assert "2 group(s) found." in report
    assert set(django_user_model.objects.values_list("username", flat=True)) >= {"frank", "Frank", "fr\u0430nk"}


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_users_keys_the_earliest_look_alike_first(django_user_model):
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", None)])
    try:
        django_user_model.objects.bulk_create([django_user_model(username=name) for name in ["heidi", "Heidi", "ivan"]])
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes("accounts"))
    finally:
        call_command("migrate", "accounts", verbosity=0)
    keys = dict(UsernameKey.objects.values_list("user__username", "key"))
    assert keys == {"heidi": "heidi", "ivan": "ivan"}


def test_the_key_folds_what_a_reader_cannot_tell_apart():
    assert {username_key(name) for name in ["Alice", "ａｌｉｃｅ", "\u0430lice", "alice.", "ALICE"]} == {"alice"}
    assert username_key("王小明") != username_key("王小朋")
