"""Data: the bot's user (before anyone can sign up with its name) and the knowledge base's version row."""
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations


def create_rows(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    User.objects.get_or_create(
        username=settings.MYCHAT_BOT_USERNAME, defaults={"password": make_password(None)}  # unusable
    )
    apps.get_model("autoreply", "KnowledgeBase").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("autoreply", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(create_rows, migrations.RunPython.noop)]
