import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crossroads.dashboard import dashboard_context
from crossroads.export import user_data
from crossroads.formats import number_format_for_browser
from crossroads.forms import DeleteAccountForm, PreferencesForm, SignUpForm
from crossroads.zones import browser_aliases
from reminders.account import account_context
from reminders.models import ReminderSettings


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return render(request, "landing.html")
    return render(request, "dashboard.html", dashboard_context(request.user))


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None, initial=_browser_preferences(request))
    if form.is_valid():
        with transaction.atomic():
            user = form.save()
            ReminderSettings.objects.create(user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. Your account is ready.")
        return redirect("home")
    return render(
        request,
        "registration/signup.html",
        {"form": form, "time_zone_aliases": browser_aliases()},
    )


def _browser_preferences(request) -> dict:
    """What the browser says about its person, to start the sign-up form with."""
    return {
        "number_format": number_format_for_browser(request.headers.get("Accept-Language", "")),
        # The server's default; the page's script replaces it with the browser's own zone.
        "time_zone": settings.TIME_ZONE,
    }


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Your time zone and number format are saved.")
        return redirect("account")
    return render(request, "registration/account.html", {"form": form, **account_context(request)})


@require_POST
def log_out(request):
    logout(request)
    messages.success(request, "You are logged out. Your data is kept safe until you come back.")
    return redirect("home")


@login_required
@require_GET
def export_data(request):
    data = json.dumps(user_data(request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(data, content_type="application/json")
    filename = f"crossroads-{request.user.username}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if form.is_valid():
        with transaction.atomic():
            request.user.delete()
        logout(request)
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "registration/delete_account.html", {"form": form})
