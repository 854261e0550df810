"""The committed OpenAPI schema (docs/openapi.yaml) is the API the code serves; `make schema` renews it."""

from pathlib import Path

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer

from backend.chat.models import MAX_MESSAGE_LENGTH

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def served_schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_committed_schema_matches_the_code():
    served = OpenApiYamlRenderer().render(served_schema(), renderer_context={}).decode()
    assert SCHEMA_FILE.read_text() == served, "docs/openapi.yaml is stale: run `make schema` and commit the result"


def test_the_schema_carries_the_message_limit():
    message = served_schema()["components"]["schemas"]["MessageCreate"]["properties"]["message"]
    assert message["maxLength"] == MAX_MESSAGE_LENGTH
