"""Every error is a JSON object, whatever answers it (DRF, Django's handlers, the schema view), and
the OpenAPI schema lists each operation's error responses with that object's schema."""

import pytest
from django.test import Client

ERROR_REF = "#/components/schemas/Error"


@pytest.fixture(scope="module")
def schema():
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", method.upper(), path, operation


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, path, status",
    [
        ("get", "/api/no-such-thing/", 404),
        ("post", "/api/chats/x/nothing/here/", 404),
        ("get", "/auth/no-such-thing/", 404),
        ("put", "/auth/token/login/", 405),
        ("get", "/auth/token/login/", 405),
        ("post", "/api/config/", 405),
        ("post", "/api/schema/", 405),
        ("delete", "/api/schema/", 405),
        ("get", "/api/chats/", 401),
    ],
)
def test_every_error_body_is_a_json_object(method, path, status):
    response = getattr(Client(), method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert isinstance(response.json(), dict) and response.json()["detail"]


def test_the_schema_names_one_error_object(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["type"] == "object" and error["properties"]["detail"] == {"type": "string"}


def test_every_operation_lists_its_error_responses(schema):
    missing = []
    for name, method, path, operation in operations(schema):
        responses = operation["responses"]
        expected = {"503"}
        if method in {"POST", "PUT", "PATCH"}:
            expected |= {"400", "413"}
        if operation.get("security") and {} not in operation["security"]:
            expected.add("401")
        if "{" in path:
            expected.add("404")
        for code in sorted(expected):
            content = responses.get(code, {}).get("content", {}).get("application/json", {})
            if content.get("schema", {}).get("$ref") != ERROR_REF:
                missing.append(f"{name}: {code}")
    assert missing == []


@pytest.mark.parametrize(
    "name, code",
    [
        ("POST /auth/token/login/", "429"),
        ("POST /auth/users/", "429"),
        ("POST /api/chats/{uri}/messages/", "429"),
        ("PATCH /api/chats/{uri}/messages/{seq}/", "409"),
        ("PUT /api/chats/{uri}/messages/{seq}/reactions/{emoji}/", "409"),
        ("GET /api/chats/{uri}/", "403"),
    ],
)
def test_the_particular_errors_are_listed_where_they_happen(schema, name, code):
    listed = {found: operation["responses"] for found, _, _, operation in operations(schema)}
    assert listed[name][code]["content"]["application/json"]["schema"]["$ref"] == ERROR_REF


@pytest.mark.django_db
def test_an_error_answered_without_a_body_gets_a_json_one(client_for, alice):
    response = Client().post("/auth/users/resend_activation/", {"email": "a@example.com"}, "application/json")
    assert response.status_code == 400 and response.json() == {"detail": "Bad Request."}
    options = client_for(alice).options("/auth/users/me/")  # it was a 500 (Djoser's `me` and DRF's metadata)
    assert options.status_code == 405 and options.json()["detail"]
