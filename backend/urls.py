"""Top-level routes: the API, auth, operations, and the single-page app for everything else."""

from django.conf import settings
from django.contrib import admin
from django.http import FileResponse, JsonResponse
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerView

from backend.web.health import healthz
from backend.web.schema_view import SchemaView
from backend.web.throttles import LoginThrottle, rate_limited


def single_page_app(request, *args, **kwargs):
    """Deep links such as /chats/<uri> load the app, which routes them in the browser."""
    index = settings.FRONTEND_DIST / "index.html"
    if not index.exists():
        return JsonResponse({"detail": "The app is not built: run `make setup`."}, status=503)
    return FileResponse(index.open("rb"), content_type="text/html")


urlpatterns = [
    path("api/commands/", include("backend.autoreply.urls")),
    path("api/search/", include("backend.search.urls")),
    path("api/devices/", include("backend.accounts.device_urls")),
    path("api/", include("backend.chat.urls")),
    path("api/", include("backend.files.urls")),
    path("api/", include("backend.accounts.api_urls")),
    path("auth/", include("backend.accounts.urls")),
    path("healthz", healthz, name="healthz"),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    # The admin's sign-in counts against the API login's limit, per address (one budget for both).
    path("admin/login/", rate_limited(admin.site.login, LoginThrottle)),
    path("admin/", admin.site.urls),
    re_path(r"^(?!api/|auth/|admin/|static/|ws/)", single_page_app, name="app"),
]

handler400 = "backend.web.errors.bad_request"
handler403 = "backend.web.errors.permission_denied"
handler404 = "backend.web.errors.not_found"
handler500 = "backend.web.errors.server_error"
