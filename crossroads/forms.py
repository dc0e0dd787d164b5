from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import UserCreationForm
from django.urls import reverse

from crossroads import restore
from crossroads.mail import send_templated_mail
from crossroads.models import PendingImport, User, time_zone_choices


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        label="E-mail address",
        help_text="We send a link here to finish signing up. It is also for a link if you forget "
        "your password, and for reminders of your deadlines and calls (turn them off on your "
        "account page).",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")
        help_texts = {
            "username": "You sign in with this. Letters, digits and @ . + - _ only.",
        }

    def clean_email(self):
        # Whether the address already has an account is not said here (crossroads/signup.py).
        return self.cleaned_data["email"].strip().lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, but an address with no account gets an e-mail saying so: every request sends
    exactly one e-mail, so neither the page nor its timing tells who has an account."""

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"]
        if any(True for _ in self.get_users(email)):
            return super().save(*args, request=request, **kwargs)
        send_templated_mail(
            "registration/password_reset_no_account",
            email,
            {"signup_url": request.build_absolute_uri(reverse("signup"))},
        )
        return None


class TimeZoneForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=time_zone_choices, label="Your time zone")

    class Meta:
        model = User
        fields = ("time_zone",)
        help_texts = {
            "time_zone": "Deadlines, calendar events and call times are shown in this time zone.",
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To be sure it is you: deleting cannot be undone.",
        error_messages={"required": "Enter your password to confirm."},
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Nothing was deleted.")
        return password


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Your export file",
        help_text=(
            "The JSON file that “Download my data” gave you, under 50 MB. Nothing is added until "
            "you have seen what it holds and confirmed."
        ),
        error_messages={
            "required": "Choose the export file to import.",
            "empty": "This file is empty: choose the file that “Download my data” gave you.",
        },
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            self.export = restore.read_export(uploaded)
            self.counts = restore.check(self.user, self.export)
        except restore.Refused as refused:
            raise forms.ValidationError(f"{refused} Nothing was imported.") from None
        return uploaded

    def save(self) -> PendingImport:
        return PendingImport.objects.create(owner=self.user, data=self.export, counts=self.counts)
