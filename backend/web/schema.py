"""The OpenAPI schema's error responses: every operation lists the errors it can answer, each a JSON
`Error` object, so a client (and the generated types) know them without reading the code.

drf-spectacular documents the successes it sees; this AutoSchema adds, where they apply:
400 (a body, or query parameters, to validate), 401 (a token needed), 403 (a path that names
something, or a permission beyond signing in), 404 (a path that names something), 413 (a body:
over MYCHAT_MAX_BODY_BYTES), 429 (a rate limit), and 503 on every operation (the database busy
or its connection lost: try again after Retry-After). A view adds others (409) with
`extend_schema(responses={409: ErrorSerializer})`.
"""

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.permissions import AllowAny, IsAuthenticated

WRITES = frozenset({"POST", "PUT", "PATCH"})
DESCRIPTIONS = {
    "400": "Invalid input: `detail` says why, or each field names its errors.",
    "401": "No token, or one that is not (or no longer) valid.",
    "403": "Not allowed for this user (not a member of the chat, say).",
    "404": "Nothing here, or nothing this user may see.",
    "409": "Valid, but the thing's state forbids it (a deleted message, say).",
    "413": "The body is over the size limit.",
    "429": "Too many requests: try again after the Retry-After header's seconds.",
    "503": "The database is busy or was unreachable: try again after the Retry-After header's seconds.",
}


class ErrorSerializer(serializers.Serializer):
    """An error: `detail` says what went wrong, in words; a 400 may instead name each field with its messages."""

    detail = serializers.CharField(required=False)


class ErrorSchema(OpenApiSerializerExtension):
    """`Error`: `detail`, plus any field's errors (DRF's validation errors are keyed by field)."""

    target_class = ErrorSerializer

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "description": ErrorSerializer.__doc__,
            "properties": {"detail": {"type": "string"}},
            "additionalProperties": {},
        }

    def get_name(self, auto_schema, direction):
        return "Error"


class ErrorDocumentingAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code, direction=direction)
        for code, response in responses.items():
            if code.startswith(("4", "5")) and not response.get("content"):  # declared with words only
                described = response.get("description")
                response.update(self._get_response_for_code(ErrorSerializer, code, direction=direction))
                response["description"] = described or response["description"]
        return dict(sorted(responses.items()))

    def _error_codes(self) -> list[str]:
        codes = ["503"]
        has_body = self.method in WRITES
        has_query = any(parameter.get("in") == "query" for parameter in self._get_parameters())
        names_something = "{" in self.path
        permissions = self.view.get_permissions()
        signed_in = not all(isinstance(permission, AllowAny) for permission in permissions)
        beyond_signing_in = [
            permission for permission in permissions if type(permission) not in (AllowAny, IsAuthenticated)
        ]
        restricted = bool(beyond_signing_in)
        if has_body or has_query:
            codes.append("400")
        if signed_in:
            codes.append("401")
        if signed_in and (names_something or restricted):
            codes.append("403")
        if names_something:
            codes.append("404")
        if has_body:
            codes.append("413")
        if any(self.method in getattr(throttle, "methods", (self.method,)) for throttle in self.view.get_throttles()):
            codes.append("429")
        return codes

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        if status_code in DESCRIPTIONS and serializer is ErrorSerializer:
            response["description"] = DESCRIPTIONS[status_code]
        return response
