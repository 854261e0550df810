"""Password reset mail: written in the request, sent off it.

Sending (an SMTP conversation of a second or more) happens on a worker thread, so that the answer
to "reset the password of this address" takes as long whether or not an account uses it: the
request does the one lookup either way, and the slow part never. A mail server that is down is
logged, not told to whoever asked (who could learn from it that the address is known).
"""

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from djoser.conf import settings as djoser_settings

log = logging.getLogger(__name__)

_sender = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mail")


def reset_recipients(email: str) -> list:
    """The active users with a password who use this address, compared without regard to case (an
    address is not unique: each of them gets a link of their own)."""
    User = get_user_model()
    email_field = User.get_email_field_name()
    users = User._default_manager.filter(is_active=True, **{f"{email_field}__iexact": email})
    return [user for user in users if user.has_usable_password()]


def password_reset_mail(*, request, email: str) -> list[Future]:
    """Reset links for every account that uses `email`, none for an address nobody uses."""
    futures = []
    for user in reset_recipients(email):
        message = djoser_settings.EMAIL.password_reset(request, {"user": user})
        message.render()  # Djoser's template, here: the link's host is this request's
        message.request = None
        message.from_email = settings.DEFAULT_FROM_EMAIL
        message.to = [getattr(user, user.get_email_field_name())]
        futures.append(_sender.submit(_send, message))
    return futures


def _send(message: EmailMultiAlternatives) -> None:
    try:
        EmailMultiAlternatives.send(message)  # Django's send: the message is rendered already
    except Exception:  # whatever the mail server did, the asker must not learn of it
        log.exception("password reset mail not sent")
