"""`/api/schema/`: drf-spectacular's view, with JSON errors (apart from backend/web/schema.py,
which DRF's settings import while drf_spectacular.views is still loading)."""

from django.http import JsonResponse
from drf_spectacular.views import SpectacularAPIView


class SchemaView(SpectacularAPIView):
    """The schema itself (YAML, or JSON with ?format=json); its errors are JSON like every other."""

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        error = JsonResponse(response.data, status=response.status_code)
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                error[header] = response[header]
        return error
