from django.contrib import admin
from django.contrib.auth import views as django_auth_views
from django.urls import include, path

import offers.urls
from accounts.urls import example_urlpatterns
from crossroads import auth_views, forms

urlpatterns = [
    path("", include("accounts.urls")),
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
    path("accounts/logout/", auth_views.log_out, name="logout"),
    path("accounts/", include("django.contrib.auth.urls")),
    # The example's two pages keep the offers' addresses and names; they live in accounts.
    path(
        "offers/",
        include(([*offers.urls.urlpatterns, *example_urlpatterns], offers.urls.app_name)),
    ),
    path("decisions/", include("decisions.urls")),
    path("reminders/", include("reminders.urls")),
    path("admin/", admin.site.urls),
]
