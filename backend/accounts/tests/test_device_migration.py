"""Upgrading keeps everyone signed in: the one token per user of before becomes a device token
with the same key."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.authtoken.models import Token

from backend.accounts.models import DeviceToken
from backend.testing.api import signed_in

BEFORE = [("accounts", "0001_device_tokens")]


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_tokens_of_before_keep_working(alice, bob, client):
    migrate(BEFORE)  # back to one token per user: the devices table is empty again
    DeviceToken.objects.all().delete()
    old = {user.pk: Token.objects.create(user=user).key for user in (alice, bob)}

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert not Token.objects.exists()  # no second copy of the keys left behind
    assert dict(DeviceToken.objects.values_list("user_id", "key")) == old
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {old[alice.pk]}"
    assert client.get("/auth/users/me/").json()["username"] == "alice"
    assert signed_in(bob).get("/api/devices/").json()[0]["name"] == ""
