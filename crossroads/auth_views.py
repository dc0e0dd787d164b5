"""Logging in and out and resetting a password: Django's views, guarded (see each module).
Signing up is in ``accounts/views.py``: it gives a new account every app's defaults."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from crossroads import rate_limits
from crossroads.client_address import client_ip
from crossroads.forms import LoginForm, PasswordResetForm, SetPasswordForm
from crossroads.lockout import lift_pauses
from crossroads.navigation import SafeNextMixin


@require_POST
def log_out(request):
    logout(request)
    messages.success(request, "You are logged out. Your data is kept safe until you come back.")
    return redirect("home")


class LoginView(SafeNextMixin, auth_views.LoginView):
    redirect_authenticated_user = True
    authentication_form = LoginForm


class LogoutView(SafeNextMixin, auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    """Limited per network address, per e-mail address from one network address (so a
    stranger's requests never use up the owner's), and per e-mail address from everywhere, higher,
    against a flood from many places. An address with no account is told so by e-mail."""

    form_class = PasswordResetForm

    def post(self, request, *args, **kwargs):
        if wait := rate_limits.hit("password_reset_address", client_ip(request)):
            return rate_limits.too_many_requests(request, wait, "Resetting a password")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        for limit, who in (
            ("password_reset_email_here", f"{email}|{client_ip(self.request)}"),
            ("password_reset_email", email),
        ):
            if wait := rate_limits.hit(limit, who):
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
