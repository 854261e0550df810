"""Direct chats: the one private chat of two people, opened (or reopened) by either of them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ..models import ChatSession, Membership
from .cursor import session_lock
from .members import membership_add


def direct_partner(*, user, username: object):
    """The active person named `username` for a direct chat with `user`: not oneself, not the bot."""
    if not isinstance(username, str) or not username.strip() or "\x00" in username:
        raise ValidationError({"direct": [_("Give the username of the person to chat with.")]})
    if username == settings.MYCHAT_BOT_USERNAME:
        raise ValidationError({"direct": [_("The bot has no direct chats: write “/” commands in any chat.")]})
    other = get_user_model().objects.filter(username=username, is_active=True).first()
    if other is None:
        raise Http404({"direct": [_("Nobody here has this username.")]})
    if other.pk == user.pk:
        raise ValidationError({"direct": [_("That is you: a direct chat needs someone else.")]})
    return other


def direct_key(first_id: int, second_id: int) -> str:
    low, high = sorted((first_id, second_id))
    return f"{low}:{high}"


@transaction.atomic
def session_direct_open(*, user, username: object) -> tuple[ChatSession, bool]:
    """The one private chat of `user` and the person named `username`: (session, created).
    Opening it again brings back whichever of the two had left it."""
    other = direct_partner(user=user, username=username)
    key = direct_key(user.pk, other.pk)
    for _attempt in range(2):  # the second time: the chat was deleted (its last member left) meanwhile
        session = ChatSession.objects.filter(direct_key=key).first()
        if session is None:
            try:
                with transaction.atomic():  # a savepoint: someone opening the same pair at once may win
                    session = ChatSession.objects.create(
                        kind=ChatSession.Kind.DIRECT, direct_key=key, owner=user, title="", invite_code=None
                    )
                    Membership.objects.bulk_create([Membership(session=session, user=u) for u in (user, other)])
                return session, True
            except IntegrityError:
                session = ChatSession.objects.get(direct_key=key)
        try:
            locked = session_lock(session)
        except Http404:
            continue
        for person in (user, other):
            membership_add(locked, session, person, actor=user)
        return session, False
    raise Http404(_("This chat no longer exists."))
