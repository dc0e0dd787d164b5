from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import UserCreationForm
from django.urls import reverse

from crossroads import restore
from crossroads.errors import require
from crossroads.formats import number_formats
from crossroads.mail import send_templated_mail
from crossroads.models import PendingImport, User
from crossroads.zones import grouped_choices

NUMBER_FORMAT_LABEL = "How you write numbers"
NUMBER_FORMAT_HELP = (
    "Your country's way, such as 1.234.567,89 or 1,234,567.89: amounts are read and shown this way."
)
NUMBER_FORMAT_ERRORS = {
    "invalid_choice": "Choose a number format from the list; %(value)s is not one we know.",
    "required": "Choose how you write numbers.",
}


def time_zone_field(*, browser_default: bool = False) -> forms.ChoiceField:
    """Places grouped by region; the page's script adds a search box and, at sign-up, picks the
    browser's own zone."""
    attrs = {"data-time-zone": ""}
    if browser_default:
        attrs["data-browser-default"] = ""
    return forms.ChoiceField(
        label="Your time zone",
        help_text="Deadlines, calendar events and call times are shown in this time zone. "
        "Choose the city nearest to you that shares your clock.",
        choices=grouped_choices,
        widget=forms.Select(attrs=attrs),
        error_messages={
            "invalid_choice": "Choose a place from the list; %(value)s is not a time zone we "
            "offer.",
            "required": "Choose your time zone.",
        },
    )


def number_format_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=NUMBER_FORMAT_LABEL,
        help_text=NUMBER_FORMAT_HELP,
        choices=list(number_formats().items()),
        error_messages=NUMBER_FORMAT_ERRORS,
    )


NEW_PASSWORD_MESSAGES = {
    "new_password1": "Choose a new password.",
    "new_password2": "Type the new password again, to be sure it is the one you meant.",
}


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        label="E-mail address",
        help_text="We send a link here to finish signing up. It is also for a link if you forget "
        "your password, and for reminders of your deadlines and calls (turn them off on your "
        "account page).",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    time_zone = time_zone_field(browser_default=True)
    number_format = number_format_field()

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "time_zone", "number_format")
        help_texts = {
            "username": "You sign in with this. Letters, digits and @ . + - _ only.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(
            self,
            {
                "username": "Choose a username.",
                "email": "Enter your e-mail address.",
                "password1": "Choose a password.",
                "password2": "Type the password again, to be sure it is the one you meant.",
            },
        )

    def clean_username(self):
        username = super().clean_username()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("A user with that username already exists.")
        return username

    def clean_email(self):
        # Whether the address already has an account is not said here (crossroads/signup.py).
        return self.cleaned_data["email"].strip().lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, but an address with no account gets an e-mail saying so: every request sends
    exactly one e-mail, so neither the page nor its timing tells who has an account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail address"
        require(self, {"email": "Enter the e-mail address you signed up with."})

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


class PreferencesForm(forms.ModelForm):
    time_zone = time_zone_field()
    number_format = number_format_field()

    class Meta:
        model = User
        fields = ("time_zone", "number_format")


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


class LoginForm(auth_forms.AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(self, {"username": "Enter your username.", "password": "Enter your password."})


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(self, {"old_password": "Enter your current password.", **NEW_PASSWORD_MESSAGES})


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(self, NEW_PASSWORD_MESSAGES)
