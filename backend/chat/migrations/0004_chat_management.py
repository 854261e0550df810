# Chat management: the kind of a chat, its invite code (apart from the URI) and the direct-chat key.
# Written by hand: an AddField with a callable default would give every existing chat the same code,
# so the code is added nullable, filled in per chat, then made unique.

import secrets

from django.db import migrations, models

import backend.chat.models


def give_each_chat_an_invite_code(apps, schema_editor):
    ChatSession = apps.get_model("chat", "ChatSession")
    for session in ChatSession.objects.filter(invite_code__isnull=True).only("pk").iterator():
        ChatSession.objects.filter(pk=session.pk).update(invite_code=secrets.token_urlsafe(12))


class Migration(migrations.Migration):

    dependencies = [
        ("chat", "0003_change_cursor"),
    ]

    operations = [
        migrations.AddField(
            model_name="chatsession",
            name="kind",
            field=models.CharField(
                choices=[("group", "Group"), ("direct", "Direct")], default="group", max_length=8
            ),
        ),
        migrations.AddField(
            model_name="chatsession",
            name="direct_key",
            field=models.CharField(blank=True, editable=False, max_length=41, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="chatsession",
            name="invite_code",
            field=models.CharField(blank=True, max_length=32, null=True),
        ),
        migrations.RunPython(give_each_chat_an_invite_code, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="chatsession",
            name="invite_code",
            field=models.CharField(
                blank=True, default=backend.chat.models.new_invite_code, max_length=32, null=True, unique=True
            ),
        ),
    ]
