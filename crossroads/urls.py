from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from crossroads import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/", views.account, name="account"),
    path("accounts/export/", views.export_data, name="export_data"),
    path("accounts/delete/", views.delete_account, name="delete_account"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", views.log_out, name="logout"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("offers/", include("offers.urls")),
    path("decisions/", include("decisions.urls")),
    path("reminders/", include("reminders.urls")),
    path("admin/", admin.site.urls),
]
