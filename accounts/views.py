import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import example, restore
from accounts.dashboard import dashboard_context
from accounts.export import user_data
from accounts.forms import (
    DeleteAccountForm,
    ImportForm,
    ImportSettingsForm,
    PreferencesForm,
    SignUpForm,
)
from accounts.signup import SignupRefused, create_account, pending_signup, sign_up
from crossroads import mail, rate_limits, retention
from crossroads.client_address import client_ip
from crossroads.formats import number_format_for_browser
from crossroads.models import LINK_LIFETIME, get_pending_import_for_user
from crossroads.zones import browser_aliases
from offers.models import Offer
from reminders.account import account_context


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return render(request, "landing.html")
    return render(request, "dashboard.html", dashboard_context(request.user))


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    if request.method == "POST" and (wait := rate_limits.hit("signup_address", client_ip(request))):
        return rate_limits.too_many_requests(request, wait, "Creating an account")
    form = SignUpForm(request.POST or None, initial=_browser_preferences(request))
    if form.is_valid():
        try:
            user = sign_up(request, form.cleaned_data)
        except SignupRefused as refused:
            form.add_error(refused.field, str(refused))
        else:
            return _welcome(request, user) if user else redirect("signup_sent")
    email_off = not mail.is_delivered()
    context = {"form": form, "time_zone_aliases": browser_aliases(), "email_off": email_off}
    return render(request, "registration/signup.html", context)


def _welcome(request, user):
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    welcome = f"Welcome, {user.username}. Your account is ready."
    if not mail.is_delivered():
        welcome += (
            " E-mail is off on this server: password-reset links are printed in the terminal "
            "where Crossroads runs, and reminders are not e-mailed."
        )
    messages.success(request, welcome)
    return redirect("home")


def _browser_preferences(request) -> dict:
    """What the browser says about its person, to start the sign-up form with."""
    return {
        "number_format": number_format_for_browser(request.headers.get("Accept-Language", "")),
        # The server's default; the page's script replaces it with the browser's own zone.
        "time_zone": settings.TIME_ZONE,
    }


@require_http_methods(["GET"])
def signup_sent(request):
    return render(request, "registration/signup_sent.html", {"days": LINK_LIFETIME.days})


@require_http_methods(["GET", "POST"])
def signup_confirm(request, token):
    pending = pending_signup(token)
    context = {"pending": pending, "days": LINK_LIFETIME.days}
    if pending is not None and request.method == "POST":
        try:
            user = create_account(pending)
        except SignupRefused as refused:
            context["refused"] = str(refused)
        else:
            return _welcome(request, user)
    return render(request, "registration/signup_confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Your time zone and number format are saved.")
        return redirect("account")
    context = {"form": form, **account_context(request)}
    response = render(request, "registration/account.html", context)
    if context["new_feed"]:
        # The calendar's address, shown this once: kept nowhere.
        add_never_cache_headers(response)
    return response


@require_POST
def log_out(request):
    logout(request)
    messages.success(request, "You are logged out. Your data is kept safe until you come back.")
    return redirect("home")


@login_required
@require_GET
def export_data(request):
    data = json.dumps(user_data(request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(data, content_type="application/json")
    filename = f"crossroads-{request.user.username}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_data(request):
    form = ImportForm(request.user, request.POST or None, request.FILES or None)
    if form.is_valid():
        return redirect("import_preview", pk=form.save().pk)
    return render(request, "registration/import.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request, pk):
    pending = get_pending_import_for_user(request.user, pk)
    offered = restore.settings_in(request.user, pending.data)
    form = ImportSettingsForm(offered, request.POST or None) if offered else None
    if request.method == "POST":
        take = bool(form and form.is_valid() and form.cleaned_data["take_settings"])
        try:
            counts = restore.restore_pending(request.user, pending.pk, take_settings=take)
        except restore.Refused as refused:
            messages.error(request, f"{refused} Nothing was imported.")
            return redirect("import_data")
        taken = " Your account now uses the file's settings." if take else ""
        messages.success(request, f"Imported: {restore.in_words(counts)}.{taken}")
        return redirect("home")
    context = {"pending": pending, "kinds": restore.described(pending.counts), "form": form}
    return render(request, "registration/import_preview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if form.is_valid():
        retention.delete_account(request.user)
        logout(request)
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "registration/delete_account.html", {"form": form})


@login_required
@require_POST
def load_example(request):
    loaded = example.load_example(request.user, timezone.localdate())
    if loaded.added:
        messages.success(
            request,
            "An example is loaded: three offers marked “Example”. Look around, change anything, "
            "and remove it in one go when you are ready for your own.",
        )
    else:
        messages.info(request, "The example is already loaded: nothing was added twice.")
    return redirect("home")


@login_required
@require_http_methods(["GET", "POST"])
def delete_example(request):
    if request.method == "POST":
        removed = example.remove_example(request.user)
        what = _count(removed.offers, "offer")
        if removed.decisions:
            what += f", {_count(removed.decisions, 'decision')}"
        messages.success(
            request,
            f"The example is removed ({what}). Your own offers and decisions are as they were.",
        )
        return redirect("home")
    offers = Offer.objects.for_user(request.user).examples()
    decisions = example.example_decisions(request.user)
    context = {"offers": list(offers), "decisions": list(decisions)}
    return render(request, "offers/example_delete.html", context)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
