from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from crossroads.errors import require, use_own_messages
from crossroads.formats import number_formats
from crossroads.mail import send_quietly, templated_mail
from crossroads.widgets import FixedChoices, LongSelect
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
        choices=FixedChoices(grouped_choices),
        widget=LongSelect(attrs=attrs),
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
        choices=FixedChoices(lambda: number_formats().items()),
        widget=LongSelect,
        error_messages=NUMBER_FORMAT_ERRORS,
    )


# What the password forms say in our words rather than Django's.
PASSWORD_MISMATCH = {
    "password_mismatch": "The two passwords are not the same: type the same password in both boxes."
}

NEW_PASSWORD_MESSAGES = {
    "new_password1": "Choose a new password.",
    "new_password2": "Type the new password again, to be sure it is the one you meant.",
}


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, but an address with no account gets an e-mail saying so: every request sends
    exactly one e-mail. Both answers do the same work (the same query, a reset link made and
    its e-mail written, the no-account e-mail written, one e-mail sent), so neither the page nor
    the time it takes tells who has an account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        self.fields["email"].label = "E-mail address"
        require(self, {"email": "Enter the e-mail address you signed up with."})

    def save(self, *args, request=None, **kwargs):
        self._reset_sent = False
        super().save(*args, request=request, **kwargs)
        email = self.cleaned_data["email"]
        context = {"signup_url": request.build_absolute_uri(reverse("signup"))}
        no_account = templated_mail("registration/password_reset_no_account", email, context)
        if not self._reset_sent:
            send_quietly(no_account, "registration/password_reset_no_account")

    def get_users(self, email):
        # No account: a stand-in, never saved, gets its link and e-mail made like anyone's.
        users = list(super().get_users(email))
        return users or [get_user_model()(email=email)]

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        if context["user"].pk is None:
            render_to_string(subject_template_name, context)
            render_to_string(email_template_name, context)
            return
        self._reset_sent = True
        super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "That username and password do not match an account. Check both: "
        "capital letters count.",
        "inactive": "This account is switched off, so it cannot sign in.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        require(self, {"username": "Enter your username.", "password": "Enter your password."})

    def clean_username(self):
        # Django sets the field's max_length after making it, so no check comes with it; a name
        # longer than any account's is refused here, before anything counts a failed login.
        username = self.cleaned_data["username"]
        if len(username) > self.username_field.max_length:
            raise forms.ValidationError(
                f"A username has at most {self.username_field.max_length} characters: "
                "check the one you typed."
            )
        return username


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    error_messages = {
        **PASSWORD_MISMATCH,
        "password_incorrect": "That is not your current password. Type it again.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        require(self, {"old_password": "Enter your current password.", **NEW_PASSWORD_MESSAGES})


class SetPasswordForm(auth_forms.SetPasswordForm):
    error_messages = PASSWORD_MISMATCH

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        require(self, NEW_PASSWORD_MESSAGES)
