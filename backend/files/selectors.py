"""Who may read an attachment: checked on every download."""

from django.http import Http404
from django.utils.translation import gettext as _

from backend.chat.models import Membership

from .models import Attachment


def attachment_get_for_viewer(*, attachment_id: int, user) -> Attachment:
    """A member of its chat may read a sent attachment; its uploader also one not sent yet. Anyone
    else gets a 404, which says nothing of whether it exists. Two queries."""
    attachment = Attachment.objects.filter(pk=attachment_id).first()
    if attachment is None or (attachment.message_id is None and attachment.uploader_id != user.pk):
        raise Http404(_("No such attachment."))
    if not Membership.objects.filter(session_id=attachment.session_id, user_id=user.pk).exists():
        raise Http404(_("No such attachment."))
    return attachment


def message_attachments(*, message_id: int) -> list[Attachment]:
    """The files a message carries, in the order they were uploaded (for the bot's `/kb add`)."""
    return list(Attachment.objects.filter(message_id=message_id).order_by("id"))
