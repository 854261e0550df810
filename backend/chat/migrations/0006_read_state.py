"""Read state: each member's read mark. Existing members start with everything read, so that the
upgrade does not greet everyone with their whole history as unread."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def everything_read(apps, schema_editor):
    Membership = apps.get_model("chat", "Membership")
    ChatSession = apps.get_model("chat", "ChatSession")
    last_seq = ChatSession.objects.filter(pk=OuterRef("session_id")).values("last_seq")[:1]
    Membership.objects.update(last_read_seq=Subquery(last_seq))


class Migration(migrations.Migration):
    dependencies = [
        ("chat", "0005_message_attachment_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="last_read_seq",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.RunPython(everything_read, migrations.RunPython.noop),
    ]
