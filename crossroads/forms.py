from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import UserCreationForm

from crossroads.errors import require
from crossroads.models import User, time_zone_choices

NEW_PASSWORD_MESSAGES = {
    "new_password1": "Choose a new password.",
    "new_password2": "Type the new password again, to be sure it is the one you meant.",
}


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        label="E-mail address",
        help_text="Used only to send you a link if you forget your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")
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

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account already uses this e-mail address. Sign in, or reset its password."
            )
        return email


class TimeZoneForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=time_zone_choices, label="Your time zone")

    class Meta:
        model = User
        fields = ("time_zone",)
        help_texts = {
            "time_zone": "Deadlines, calendar events and call times are shown in this time zone.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(self, {"time_zone": "Choose your time zone."})


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


class LoginForm(auth_forms.AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(self, {"username": "Enter your username.", "password": "Enter your password."})


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(self, {"old_password": "Enter your current password.", **NEW_PASSWORD_MESSAGES})


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail address"
        require(self, {"email": "Enter the e-mail address you signed up with."})


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require(self, NEW_PASSWORD_MESSAGES)
