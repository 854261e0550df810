"""Djoser's token auth endpoints (mounted at /auth/), with mychat's views where they differ."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .views import TokenCreateView, TokenDestroyView, UserViewSet

router = SimpleRouter()
router.register("users", UserViewSet)

urlpatterns = [
    path("token/login/", TokenCreateView.as_view(), name="login"),
    path("token/logout/", TokenDestroyView.as_view(), name="logout"),
    path("", include(router.urls)),
]
