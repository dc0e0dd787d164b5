from django.urls import path

from decisions.views import readiness

app_name = "decisions"

# The decision list and the wizard.
wizard_urls = []

# The call plan.
call_urls = []

urlpatterns = [
    *wizard_urls,
    path("<int:pk>/readiness/", readiness.save_readiness, name="readiness"),
    *call_urls,
]
