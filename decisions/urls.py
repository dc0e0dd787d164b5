from django.urls import include, path

app_name = "decisions"

# One namespace for the app; each feature keeps its own list of addresses.
urlpatterns = [
    path("", include("decisions.wizard.urls")),
    path("", include("decisions.call.urls")),
]
