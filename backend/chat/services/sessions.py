"""Sessions and membership: start a chat, join one."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import MAX_TITLE_LENGTH, ChatSession, Membership
from ..notifications import notification_for_join


@transaction.atomic
def session_create(*, owner, title: str = "") -> ChatSession:
    title = (title or "").strip()
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError({"title": [f"At most {MAX_TITLE_LENGTH} characters."]})
    session = ChatSession.objects.create(owner=owner, title=title)
    Membership.objects.create(session=session, user=owner)
    return session


@transaction.atomic
def membership_join(*, session: ChatSession, user) -> bool:
    """The caller joins (nobody adds someone else). Returns whether they were new; a newcomer's owner hears of it."""
    _, created = Membership.objects.get_or_create(session=session, user=user)
    if created:
        notification_for_join(session=session, user=user)
    return created
