from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from crossroads.dashboard import dashboard_context
from crossroads.forms import SignUpForm, TimeZoneForm


def home(request):
    if not request.user.is_authenticated:
        return render(request, "landing.html")
    return render(request, "dashboard.html", dashboard_context(request.user))


def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. Your account is ready.")
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def account(request):
    form = TimeZoneForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Your time zone is saved.")
        return redirect("account")
    return render(request, "registration/account.html", {"form": form})
