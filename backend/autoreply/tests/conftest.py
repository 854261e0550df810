"""Bot fixtures: a knowledge base loaded from the test corpus, a chat with a "/" message, a worker."""

from pathlib import Path

import pytest

from backend.autoreply import index
from backend.autoreply.ingest import ingest_paths
from backend.autoreply.worker import Worker
from backend.chat.models import ChatSession
from backend.chat.services import message_create, session_create

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(autouse=True)
def _fresh_index():
    """Each test's database starts again from version 0: an index cached by another test must not be reused."""
    index._index = None
    yield
    index._index = None


@pytest.fixture
def corpus(db):
    return ingest_paths(paths=[CORPUS])


@pytest.fixture
def session(db, alice) -> ChatSession:
    return session_create(owner=alice, title="Team")


@pytest.fixture
def post(session, alice):
    """Post `text` as Alice in the session; returns the message."""

    def send(text: str, user=None):
        message, _ = message_create(session=session, user=user or alice, text=text)
        return message

    return send


@pytest.fixture
def worker(db) -> Worker:
    return Worker(name="test-worker")
