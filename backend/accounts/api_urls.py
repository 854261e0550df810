"""Routes of accounts under /api/: one's picture, pictures by name, the password rules."""

from django.urls import path

from . import views

urlpatterns = [
    path("profile/avatar/", views.AvatarView.as_view(), name="profile-avatar"),
    path("avatars/<str:name>", views.AvatarFileView.as_view(), name="avatar"),
    path("password-rules/", views.PasswordRulesView.as_view(), name="password-rules"),
]
