"""Keys for the users who signed up before keys existed. Of look-alike names already taken, the
earliest account gets the key and the others none: nobody is renamed (manage.py
report_lookalike_usernames lists them), and nobody new can take a name like any of them."""

from django.conf import settings
from django.db import migrations

from backend.accounts.usernames import username_key


def fill_keys(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    UsernameKey = apps.get_model("accounts", "UsernameKey")
    taken = set(UsernameKey.objects.values_list("key", flat=True))
    keys = []
    for user_id, username in User.objects.order_by("pk").values_list("pk", "username").iterator():
        key = username_key(username)[:300]
        if key not in taken:
            taken.add(key)
            keys.append(UsernameKey(user_id=user_id, key=key))
    UsernameKey.objects.bulk_create(keys, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_username_key")]

    operations = [migrations.RunPython(fill_keys, migrations.RunPython.noop)]
