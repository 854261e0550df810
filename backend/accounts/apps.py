"""App config for accounts."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "backend.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from .signals import sign_out_deactivated_user

        post_save.connect(sign_out_deactivated_user, sender=get_user_model(), dispatch_uid="accounts.deactivated")
