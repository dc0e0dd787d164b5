"""How the offer form is laid out: its fieldsets, and which fields stand side by side on a wide
screen. Labels, hints and checks are the form's and the model's."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row


def _pair(first: str, second: str | None = None) -> Row:
    """One or two fields side by side on a wide screen."""
    return Row(*(Column(name, css_class="col-md-6") for name in (first, second) if name))


def _offer_layout() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(
        Fieldset(
            "The offer",
            _pair("company", "role"),
            _pair("location", "work_mode"),
            "status",
            "agency_name",
        ),
        Fieldset(
            "Dates",
            _pair("expected_on", "received_on"),
            _pair("respond_by", "accepted_on"),
            _pair("start_date"),
            "knows_other_processes",
        ),
        Fieldset(
            "Money",
            Row(Column("currency", css_class="col-md-4")),
            _pair("base_salary", "yearly_raise_percent"),
            _pair("target_bonus", "target_bonus_percent"),
            _pair("signing_bonus", "benefits_value"),
        ),
        Fieldset(
            "Equity",
            _pair("equity_value", "equity_discount_percent"),
            _pair("vesting_years", "cliff_months"),
            "vesting_schedule",
            "vesting_percentages",
        ),
        Fieldset(
            "Contract terms",
            "written_offer_in_hand",
            "conditions_cleared",
            "start_date_confirmed",
            "notice_period",
            "terms_reviewed",
            _pair("terms_reviewed_on"),
        ),
        Fieldset(
            "Money to pay back if you leave early",
            _pair("repayment_amount", "repayment_for"),
            "repayment_paid",
            _pair("repayment_paid_on"),
            "repayment_ends",
            _pair("repayment_until", "repayment_months"),
            "repayment_terms",
        ),
        Fieldset(
            "Your own adjustments (optional)",
            HTML(
                '<p class="small text-body-secondary">Rough estimates of your own, shown beside '
                "the real figures and never instead of them. They are not financial or tax "
                "advice.</p>"
            ),
            _pair("cost_of_living_factor", "tax_rate_percent"),
        ),
        Fieldset("Notes", "notes"),
    )
    return helper


# Made once: crispy only reads a helper and its layout while drawing a form.
OFFER_LAYOUT = _offer_layout()
