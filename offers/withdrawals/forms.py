from django import forms

from crossroads.text import LONG_TEXT_LIMIT, limit_text, use_text_errors
from offers.withdrawals.models import Withdrawal


class WithdrawForm(forms.ModelForm):
    """What the user told the company, and whether it names their new employer. The message
    may not name the new employer unless the box says so."""

    class Meta:
        model = Withdrawal
        fields = ["message", "names_new_employer"]
        widgets = {"message": forms.Textarea(attrs={"rows": 11})}

    def __init__(self, *args, new_employer: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_employer = new_employer
        limit_text(self.fields["message"], LONG_TEXT_LIMIT)
        use_text_errors(self)
        self.fields["message"].required = True
        self.fields["message"].error_messages["required"] = (
            "Write what you told them, or keep the draft."
        )
        self.fields["names_new_employer"].label = f"Name my new employer ({new_employer})"

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("message") or ""
        if not cleaned.get("names_new_employer") and self.new_employer.lower() in text.lower():
            self.add_error(
                "names_new_employer",
                f"Your message names {self.new_employer}. Tick this box to name your new "
                "employer, or take the name out.",
            )
        return cleaned
