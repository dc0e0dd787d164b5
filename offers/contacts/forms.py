from django import forms

from crossroads.errors import require, use_own_messages
from crossroads.text import limit_text, use_text_errors
from offers.contacts.models import Contact


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ("name", "role", "phone", "email", "notes")
        # The fields describe someone else: the browser must not fill in the user's own details.
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        limit_text(self.fields["notes"], Contact.NOTES_LIMIT)
        use_text_errors(self)
        require(
            self,
            {
                "name": "Enter the person’s name.",
                "role": "Choose their part in the offer.",
            },
        )
