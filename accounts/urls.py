from django.urls import path

from accounts import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/signup/sent/", views.signup_sent, name="signup_sent"),
    path("accounts/signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path("accounts/", views.account, name="account"),
    path("accounts/export/", views.export_data, name="export_data"),
    path("accounts/import/", views.import_data, name="import_data"),
    path("accounts/import/<int:pk>/", views.import_preview, name="import_preview"),
    path("accounts/delete/", views.delete_account, name="delete_account"),
]

# The example's offers and decisions, loaded and removed together: under the offers' addresses
# and names (``offers:example``), joined to them in the root URLs.
example_urlpatterns = [
    path("example/", views.load_example, name="example"),
    path("example/remove/", views.delete_example, name="delete_example"),
]
