"""Pending bot replies (one job per "/" message) and the knowledge bases (documents, passages)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class BotJob(models.Model):
    """Recorded in the same transaction as its message, so a reply is owed exactly when the
    message exists. Workers claim a job with a lease; a job whose lease ran out (its worker
    died) is claimed again, up to MYCHAT_BOT_MAX_ATTEMPTS times."""

    class Status(models.TextChoices):
        PENDING = "pending"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    message = models.OneToOneField("chat.Message", on_delete=models.CASCADE, related_name="bot_job")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    claim_token = models.CharField(max_length=64, blank=True)  # who holds the lease, checked at completion
    claimed_by = models.CharField(max_length=100, blank=True)  # host:pid of that worker, for humans
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    reply = models.ForeignKey("chat.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "id"], name="botjob_status_id")]

    def __str__(self) -> str:
        return f"job {self.pk} ({self.status}) for {self.message_id}"


class KnowledgeBase(models.Model):
    """A single row whose version is bumped by every change to the passages: each process
    compares it with the version of its in-memory index (one cheap query) and rebuilds."""

    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"knowledge base v{self.version}"


class Document(models.Model):
    """A document of one knowledge base: the product's manual (docs/), the site's (`manage.py ingest`), or
    one chat's (added by its members; only they get answers from it)."""

    class Scope(models.TextChoices):
        MANUAL = "manual"
        SITE = "site"
        CHAT = "chat"

    source = models.CharField(max_length=500, unique=True)  # the path as given to ingest; "chat:<uri>/<name>"
    title = models.CharField(max_length=300)
    content_hash = models.CharField(max_length=64)
    ingested_at = models.DateTimeField(default=timezone.now)
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.SITE)
    session = models.ForeignKey(
        "chat.ChatSession", null=True, blank=True, on_delete=models.CASCADE, related_name="bot_documents"
    )
    name = models.CharField(max_length=255, blank=True)  # the file name people know it by (a chat's documents)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # A chat's document added from an attachment: the seq of the message that carried the file, which its
    # answers link to (/chats/<uri>?seq=<n>).
    message_seq = models.PositiveBigIntegerField(null=True, blank=True)
    language = models.CharField(max_length=8, default="en")
    translation_key = models.CharField(max_length=500, blank=True)  # shared with its translations
    analyzer = models.CharField(max_length=20, blank=True)  # preproc.ANALYZER_VERSION its tokens were made with

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(scope="chat", session__isnull=False) | (~Q(scope="chat") & Q(session__isnull=True)),
                name="chat_documents_have_a_chat",
            ),
            models.UniqueConstraint(fields=["session", "name"], condition=Q(scope="chat"), name="unique_chat_document"),
        ]

    def __str__(self) -> str:
        return self.title


class Passage(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=300, blank=True)  # the innermost heading
    heading_path = models.TextField(blank=True)  # every heading above the passage, outermost first, one a line
    section = models.PositiveIntegerField(default=0)  # ordinal of its section: aligns translations
    anchor = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, default="en")
    text = models.TextField()
    tokens = models.TextField()  # space-separated, computed once at ingest so the index builds fast

    class Meta:
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"], name="unique_passage_position")]

    def __str__(self) -> str:
        return f"{self.document_id}#{self.position} {self.heading}".strip()

    @property
    def headings(self) -> list[str]:
        return [h for h in self.heading_path.split("\n") if h]
