"""The one token per user of before becomes a device token with the same key, so everyone signed
in stays signed in; the old table is emptied (its keys would otherwise live on, unused)."""

from django.db import migrations

BATCH = 1000


def forwards(apps, schema_editor):
    Token = apps.get_model("authtoken", "Token")
    DeviceToken = apps.get_model("accounts", "DeviceToken")
    old = Token.objects.order_by("created")
    while batch := list(old[:BATCH]):
        DeviceToken.objects.bulk_create(
            [DeviceToken(key=t.key, user_id=t.user_id, name="", created=t.created, last_used=t.created) for t in batch],
            ignore_conflicts=True,
        )
        Token.objects.filter(key__in=[t.key for t in batch]).delete()


def backwards(apps, schema_editor):
    """Each user's most recently used device keeps its key as the user's one token."""
    Token = apps.get_model("authtoken", "Token")
    DeviceToken = apps.get_model("accounts", "DeviceToken")
    seen = set()
    for device in DeviceToken.objects.order_by("user_id", "-last_used", "-pk").iterator():
        if device.user_id not in seen and not Token.objects.filter(user_id=device.user_id).exists():
            seen.add(device.user_id)
            Token.objects.create(key=device.key, user_id=device.user_id, created=device.created)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_device_tokens"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
