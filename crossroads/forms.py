from django import forms
from django.contrib.auth.forms import UserCreationForm

from crossroads.models import User, time_zone_choices


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        label="E-mail address",
        help_text="For a link if you forget your password, and for reminders of your deadlines "
        "and calls (turn them off on your account page).",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")
        help_texts = {
            "username": "You sign in with this. Letters, digits and @ . + - _ only.",
        }

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
