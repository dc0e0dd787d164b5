from django.contrib import admin
from django.contrib.auth import views as django_auth_views
from django.urls import include, path

from crossroads import auth_views, forms, views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/signup/", auth_views.signup, name="signup"),
    path("accounts/signup/sent/", auth_views.signup_sent, name="signup_sent"),
    path("accounts/signup/confirm/<str:token>/", auth_views.signup_confirm, name="signup_confirm"),
    path("accounts/", views.account, name="account"),
    path("accounts/export/", views.export_data, name="export_data"),
    path("accounts/import/", views.import_data, name="import_data"),
    path("accounts/import/<int:pk>/", views.import_preview, name="import_preview"),
    path("accounts/delete/", views.delete_account, name="delete_account"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    # Django's own account views, with messages in our words when a field is left empty.
    path(
        "accounts/password_change/",
        django_auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path("accounts/password_reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/logout/", views.log_out, name="logout"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("offers/", include("offers.urls")),
    path("decisions/", include("decisions.urls")),
    path("reminders/", include("reminders.urls")),
    path("admin/", admin.site.urls),
]
