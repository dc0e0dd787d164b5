import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crossroads import restore, retention
from crossroads.dashboard import dashboard_context
from crossroads.export import user_data
from crossroads.forms import DeleteAccountForm, ImportForm, PreferencesForm
from crossroads.models import get_pending_import_for_user
from reminders.account import account_context


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return render(request, "landing.html")
    return render(request, "dashboard.html", dashboard_context(request.user))


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
        # The calendar's address, shown this once: kept nowhere (crossroads/kept.py).
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
    if request.method == "POST":
        try:
            counts = restore.restore_pending(request.user, pending.pk)
        except restore.Refused as refused:
            messages.error(request, f"{refused} Nothing was imported.")
            return redirect("import_data")
        messages.success(request, f"Imported: {restore.in_words(counts)}.")
        return redirect("home")
    context = {"pending": pending, "kinds": restore.described(pending.counts)}
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
