"""Reading request bodies: the shape checks every JSON endpoint shares."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError


def json_object(request) -> dict:
    """The parsed JSON body, which must be an object (a list or a string is a 400)."""
    if not isinstance(request.data, dict):
        raise ParseError(_("Expected a JSON object."))
    return request.data
