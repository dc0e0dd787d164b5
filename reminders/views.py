from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from offers.conditional import calendar_response
from reminders.account import NEW_TOKEN_KEY
from reminders.feed import feed_version, subscription_calendar
from reminders.forms import ReminderSettingsForm
from reminders.mail import read_unsubscribe_token
from reminders.models import CalendarFeed, ReminderSettings


def _account(anchor: str):
    return redirect(reverse("account") + f"#{anchor}")


@require_safe
def feed(request, token):
    """The subscription: no sign-in, the secret address is the key. Anything else is a 404.
    Calendar apps poll it: asked again with nothing changed, a 304 from one more query."""
    subscription = CalendarFeed.objects.find(token)
    if subscription is None:
        raise Http404("No such calendar.")
    user, now, absolute = subscription.user, timezone.now(), request.build_absolute_uri
    version = feed_version(user, now, absolute)
    response = calendar_response(
        request, version, lambda: subscription_calendar(user, now, absolute)
    )
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def feed_on(request):
    """Turn the subscription on, or replace its address (the old one stops working at once)."""
    replacing = CalendarFeed.objects.filter(user=request.user).exists()
    request.session[NEW_TOKEN_KEY] = CalendarFeed.issue(request.user, timezone.now())
    if replacing:
        messages.success(request, "Your calendar has a new address. The old one no longer works.")
    return _account("calendar")


@login_required
@require_POST
def feed_off(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, "Your calendar subscription is off. Its address no longer works.")
    return _account("calendar")


@login_required
@require_POST
def save_settings(request):
    form = ReminderSettingsForm(request.POST, instance=ReminderSettings.for_user(request.user))
    form.save()  # switches only: every posted combination is valid
    messages.success(request, "Your reminder e-mails are saved.")
    return _account("reminders")


# A link from an e-mail: no sign-in, the signature is the key, so no CSRF token either (mail apps
# that offer one-click unsubscribing POST here on their own, RFC 8058). GET only shows a button,
# because mail scanners open links.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    if found is None:
        return render(request, "reminders/unsubscribe_invalid.html", status=400)
    user_id, switch = found
    label = ReminderSettings._meta.get_field(switch).verbose_name
    context = {"label": label, "token": token}
    if request.method == "GET":
        return render(request, "reminders/unsubscribe.html", context)
    every = request.POST.get("scope") == "all"
    if not ReminderSettings.turn_off(user_id, ReminderSettings.SWITCHES if every else [switch]):
        return render(request, "reminders/unsubscribe_invalid.html", status=400)
    return render(request, "reminders/unsubscribed.html", {**context, "every": every})
