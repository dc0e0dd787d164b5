"""Step 3's forms: the factors of a decision, their names, weights and order."""

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory

from crossroads.errors import use_own_messages
from decisions.models import Factor

MAX_FACTORS = 15
UNKNOWN_FACTOR = (
    "This page named a factor that is not one of this decision's (perhaps it was removed in "
    "another tab). Nothing was saved: here are the factors as they are now."
)
WEIGHT_CHOICES = [
    (0, "0 · not at all"),
    (1, "1 · a little"),
    (2, "2 · somewhat"),
    (3, "3 · quite a lot"),
    (4, "4 · a lot"),
    (5, "5 · most of all"),
]


class FactorForm(forms.ModelForm):
    weight = forms.TypedChoiceField(
        choices=WEIGHT_CHOICES,
        coerce=int,
        initial=3,
        error_messages={
            "required": "Choose how much it matters, from 0 to 5.",
            "invalid_choice": "Choose a weight from 0 to 5.",
        },
    )

    class Meta:
        model = Factor
        fields = ["name", "weight"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        self.fields["name"].error_messages["required"] = "Give the factor a name."
        self.fields["name"].label = "Name"
        self.fields["weight"].label = "How much it matters"
        if not self.instance.pk:
            # Left empty, the row adds nothing; the asterisk would say otherwise.
            self.fields["name"].required = False
            self.fields["name"].help_text = "For example commute, stability, learning, the mission."

    def clean_name(self):
        name = self.cleaned_data["name"]
        if not name:
            raise forms.ValidationError("Give the factor a name.")
        return name


class BaseFactorFormSet(BaseModelFormSet):
    """The factors of one decision: rename, reweigh, remove (one at a time) and add one."""

    def __init__(self, data=None, *args, decision, **kwargs):
        self.decision = decision
        actions = data or {}
        # The buttons pressed with this save: remove a factor (its pk), move one ("pk:up" or
        # "pk:down"), or add the new one. Each of them stays on the page.
        self.remove = _as_int(actions.get("remove"))
        factor_pk, _, self.direction = actions.get("move", "").partition(":")
        self.move = _as_int(factor_pk)
        self.stays = bool(self.remove or self.move or "add" in actions)
        super().__init__(data, *args, **kwargs)
        self.names_unknown_factor = self.is_bound and self._names_unknown_factor(actions)

    def _names_unknown_factor(self, actions) -> bool:
        """Whether the posted rows, "remove" or "move" name a factor that is not this decision's
        (another user's, deleted, or not a number). Django would quietly treat such a row as a
        new factor."""
        known = {str(factor.pk) for factor in self.get_queryset()}
        posted_ids = [
            actions.get(f"{self.add_prefix(i)}-id", "") for i in range(self.total_form_count())
        ]
        initial_ids = posted_ids[: self.initial_form_count()]
        return (
            any(pk not in known for pk in initial_ids)
            or any(pk and pk not in known for pk in posted_ids)
            or ("remove" in actions and str(self.remove) not in known)
            or ("move" in actions and str(self.move) not in known)
        )

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if (form.instance.pk and form.instance.pk != self.remove)
            or (not form.instance.pk and form.has_changed())
        ]

    def clean(self):
        super().clean()
        if self.names_unknown_factor:
            raise forms.ValidationError(UNKNOWN_FACTOR, code="unknown_factor")
        removed = next((f.instance for f in self.forms if f.instance.pk == self.remove), None)
        if removed is not None and removed.is_compensation:
            raise forms.ValidationError(
                f"{removed.name} cannot be removed: it is where the money counts. Set its "
                "weight to 0 if money does not matter to you."
            )
        if any(form.errors for form in self.kept_forms()):
            return
        seen = {}
        # A name kept as it was owns it: the error goes on the factor renamed or added to match.
        for form in sorted(self.kept_forms(), key=lambda form: "name" in form.changed_data):
            name = form.cleaned_data.get("name", "")
            if name.lower() in seen:
                form.add_error(
                    "name",
                    f"Another factor is already called {seen[name.lower()]}. Use a different name.",
                )
            seen.setdefault(name.lower(), name)
        if not any(form.cleaned_data.get("weight") for form in self.kept_forms()):
            raise forms.ValidationError(
                "At least one factor needs a weight above 0: with every weight at 0 nothing "
                "counts and there is nothing to compare."
            )
        if len(self.kept_forms()) > MAX_FACTORS:
            raise forms.ValidationError(
                f"{MAX_FACTORS} factors at most: with more, each one counts for too little to "
                "make a difference. Remove one first."
            )

    def save(self, commit=True):
        """Save every kept factor (a new one goes last) and delete the one to remove."""
        kept = self.kept_forms()
        position = max((f.instance.position for f in self.forms if f.instance.pk), default=-1)
        for form in kept:
            if not form.instance.pk:
                position += 1
                form.instance.decision = self.decision
                form.instance.position = position
            form.save()
        if self.remove:
            self.decision.factors.filter(pk=self.remove, is_compensation=False).delete()
        if self.move:
            self.decision.move_factor(self.move, self.direction)


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


FactorFormSet = modelformset_factory(
    Factor, form=FactorForm, formset=BaseFactorFormSet, extra=1, max_num=MAX_FACTORS + 1
)
