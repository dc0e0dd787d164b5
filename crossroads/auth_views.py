"""Signing up, logging in and resetting a password: Django's views, guarded (see each module)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from crossroads import rate_limits
from crossroads.client_address import client_ip
from crossroads.formats import number_format_for_browser
from crossroads.forms import LoginForm, PasswordResetForm, SetPasswordForm, SignUpForm
from crossroads.lockout import lift_pauses
from crossroads.navigation import SafeNextMixin
from crossroads.signup import (
    LINK_LIFETIME,
    SignupRefused,
    create_account,
    pending_signup,
    start_signup,
)
from crossroads.zones import browser_aliases


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    if request.method == "POST" and (wait := rate_limits.hit("signup_address", client_ip(request))):
        return rate_limits.too_many_requests(request, wait, "Creating an account")
    form = SignUpForm(request.POST or None, initial=_browser_preferences(request))
    if form.is_valid():
        start_signup(request, form.cleaned_data)
        return redirect("signup_sent")
    context = {"form": form, "time_zone_aliases": browser_aliases()}
    return render(request, "registration/signup.html", context)


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
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.username}. Your account is ready.")
            return redirect("home")
    return render(request, "registration/signup_confirm.html", context)


class LoginView(SafeNextMixin, auth_views.LoginView):
    redirect_authenticated_user = True
    authentication_form = LoginForm


class LogoutView(SafeNextMixin, auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    """Limited per address and per e-mail address; an address with no account is told so."""

    form_class = PasswordResetForm

    def post(self, request, *args, **kwargs):
        if wait := rate_limits.hit("password_reset_address", client_ip(request)):
            return rate_limits.too_many_requests(request, wait, "Resetting a password")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if wait := rate_limits.hit("password_reset_email", form.cleaned_data["email"]):
            return rate_limits.too_many_requests(self.request, wait, "Resetting a password")
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Opening a valid link proves the mailbox is the owner's: it lifts any pause on logging in."""

    form_class = SetPasswordForm

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        if self.validlink:
            lift_pauses(self.user.get_username())
        return response
