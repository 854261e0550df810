"""Djoser's token auth endpoints, with mychat's rate limits on signing up and logging in."""
from django.urls import include, path
from djoser import views as djoser_views
from rest_framework.routers import SimpleRouter

from backend.chat.throttles import LoginThrottle, SignupThrottle


class UserViewSet(djoser_views.UserViewSet):
    def get_throttles(self):
        return [SignupThrottle()] if self.action == "create" else super().get_throttles()


class TokenCreateView(djoser_views.TokenCreateView):
    throttle_classes = [LoginThrottle]


router = SimpleRouter()
router.register("users", UserViewSet)

urlpatterns = [
    path("token/login/", TokenCreateView.as_view(), name="login"),
    path("", include("djoser.urls.authtoken")),
    path("", include(router.urls)),
]
