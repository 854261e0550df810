"""Reads of the knowledge bases' documents (the passages are searched through ranking)."""

from django.db.models import Count, QuerySet

from .models import Document


def chat_documents(*, session) -> QuerySet[Document]:
    return (
        Document.objects.filter(scope=Document.Scope.CHAT, session=session)
        .select_related("added_by")
        .annotate(passage_total=Count("passages"))
        .order_by("name")
    )


def chat_document_named(*, session, name: str) -> Document | None:
    """The chat's document with that name (case ignored), else the only one whose name begins with it."""
    name = name.strip()
    if not name:
        return None
    documents = Document.objects.filter(scope=Document.Scope.CHAT, session=session)
    exact = documents.filter(name__iexact=name).first()
    if exact is not None:
        return exact
    starting = list(documents.filter(name__istartswith=name)[:2])
    return starting[0] if len(starting) == 1 else None
