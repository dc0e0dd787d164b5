"""The forms of what joins the apps: signing up, the account page, deleting it, importing."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth.forms import UserCreationForm

from accounts import restore
from crossroads import mail
from crossroads.errors import require, use_own_messages
from crossroads.formats import format_number
from crossroads.forms import PASSWORD_MISMATCH, number_format_field, time_zone_field
from crossroads.models import PendingImport, User


class SignUpForm(UserCreationForm):
    error_messages = PASSWORD_MISMATCH

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
        use_own_messages(self)
        require(
            self,
            {
                "username": "Choose a username.",
                "email": "Enter your e-mail address.",
                "password1": "Choose a password.",
                "password2": "Type the password again, to be sure it is the one you meant.",
            },
        )
        if not mail.is_delivered():
            self.fields["email"].help_text = (
                "For a link if you forget your password, and for reminders of your deadlines "
                "and calls (while e-mail is off, the link is printed in the terminal instead)."
            )

    def clean_username(self):
        username = super().clean_username()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("A user with that username already exists.")
        return username

    def clean_email(self):
        # Whether the address already has an account is not said here (accounts/signup.py).
        return self.cleaned_data["email"].strip().lower()


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
        use_own_messages(self)
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
            "The JSON file that “Download my data” gave you, under 10 MB. Nothing is added until "
            "you have seen what it holds and confirmed."
        ),
        error_messages={
            "required": "Choose the export file to import.",
            "empty": "This file is empty: choose the file that “Download my data” gave you.",
        },
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
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


class ImportSettingsForm(forms.Form):
    """On the preview: whether the account also takes the file's settings."""

    take_settings = forms.BooleanField(required=False)

    def __init__(self, offered: dict[str, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["take_settings"]
        field.label = "Also use the file's settings: " + described_settings(offered)
        field.help_text = "Left unticked, your account keeps its own settings."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


def described_settings(settings: dict[str, str]) -> str:
    words = {
        "time_zone": lambda v: f"time zone {v}",
        "number_format": lambda v: f"numbers written as {format_number(Decimal('1234567.89'), v)}",
        "home_currency": lambda v: f"home currency {v}" if v else "no home currency chosen",
    }
    return ", ".join(words[name](value) for name, value in settings.items()) + "."
