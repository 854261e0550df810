"""Upload to a chat, and download for its members only."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.chat import selectors as chat_selectors
from backend.chat.serializers import AttachmentSerializer
from backend.web.throttles import UploadThrottle

from . import selectors, services


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="One file; its type is decided from its bytes.")


def too_large() -> JsonResponse:
    limit = services.max_upload_bytes() // (1024 * 1024)
    return JsonResponse(
        {"detail": _("The file is too large: the limit is %(limit)s MB.") % {"limit": limit}}, status=413
    )


class AttachmentUploadView(APIView):
    parser_classes = [MultiPartParser]
    throttle_classes = [UploadThrottle]

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses={201: AttachmentSerializer, 413: OpenApiResponse(description="Over MYCHAT_MAX_UPLOAD_MB.")},
    )
    def post(self, request, uri):
        """Upload a file to the chat; send it with a message (`attachments: [id]`) within 24 hours."""
        declared = request.META.get("CONTENT_LENGTH") or ""
        if declared.isdigit() and int(declared) > services.max_upload_bytes() + 64 * 1024:
            return too_large()  # before the body is read (the ASGI front refuses it earlier still)
        session = chat_selectors.session_get_for_member(uri=uri, user=request.user)
        try:
            attachment = services.attachment_upload(
                session=session, user=request.user, upload=request.FILES.get("file")
            )
        except services.TooLarge:
            return too_large()
        return Response(services.attachment_json(attachment), status=status.HTTP_201_CREATED)


def _served(attachment, name: str, content_type: str, inline: bool, filename: str) -> FileResponse:
    try:
        stored = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404(_("The file is gone.")) from None
    response = FileResponse(stored, content_type=content_type, as_attachment=not inline, filename=filename)
    if inline:  # FileResponse names it only for a download; an image keeps its name for "save as"
        response.headers["Content-Disposition"] = response.headers.get("Content-Disposition") or "inline"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


class AttachmentDownloadView(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiResponse(description="The file's bytes.")})
    def get(self, request, attachment_id):
        """The file, to members of its chat only. Shown inline only when it is a PNG, JPEG, GIF or
        WebP image (by its bytes); anything else is a download."""
        attachment = selectors.attachment_get_for_viewer(attachment_id=attachment_id, user=request.user)
        inline = attachment.inline
        content_type = attachment.content_type if inline else "application/octet-stream"
        return _served(attachment, attachment.file.name, content_type, inline, attachment.name)


class ThumbnailView(APIView):
    @extend_schema(responses={(200, "image/webp"): OpenApiResponse(description="A WebP of at most 480 px.")})
    def get(self, request, attachment_id):
        """A small WebP of an image attachment, to members of its chat only; 404 when it has none."""
        attachment = selectors.attachment_get_for_viewer(attachment_id=attachment_id, user=request.user)
        if not attachment.thumbnail:
            raise Http404(_("This attachment has no thumbnail."))
        return _served(attachment, attachment.thumbnail.name, "image/webp", True, "")
