"""Read state: a member's read mark only moves forward; acting in a chat (posting) moves it too."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..chat_list import publish_summaries_on_commit
from ..models import ChatSession, Membership, Notification


def clean_read_seq(value: object) -> int:
    """The seq of a read mark: a non-negative integer (0 reads nothing), not a bool, float or string."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError({"seq": [_("Must be the seq of a message (a non-negative integer).")]})
    return value


def read_mark_own(*, session_id: int, user_id: int, seq: int) -> None:
    """Inside the writing transaction: the member's own message (or action) is read by them."""
    Membership.objects.filter(session_id=session_id, user_id=user_id, last_read_seq__lt=seq).update(last_read_seq=seq)


@transaction.atomic
def read_mark(*, session: ChatSession, user, seq: object) -> Membership:
    """Move the caller's read mark forward to `seq` (clamped to the chat's last seq; an older seq
    changes nothing). The mentions of the caller up to it are read along with the chat; their
    other tabs and devices hear of it. Returns the membership with the mark as it now is."""
    seq = min(clean_read_seq(seq), session.last_seq)
    moved = Membership.objects.filter(session=session, user=user, last_read_seq__lt=seq).update(last_read_seq=seq)
    if moved:
        Notification.objects.filter(
            recipient=user, session=session, kind=Notification.MENTION, read=False, message__seq__lte=seq
        ).update(read=True)
        publish_summaries_on_commit(session.pk, user_ids=[user.pk])
    return Membership.objects.get(session=session, user=user)
