"""How the offer form is laid out: its fieldsets, which fields stand side by side on a wide
screen, and the sections it is filled in by. Adding an offer asks what a person knows when it
arrives; changing one opens one section at a time, each a page of its own. Labels, hints and
checks are the form's and the model's."""

from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django.urls import reverse

# Each fieldset: its legend and its rows. A name alone fills the width; a tuple is one or two
# fields side by side on a wide screen.
FIELDSETS = {
    "offer": (
        "The offer",
        (("company", "role"), ("location", "work_mode"), "status", "agency_name"),
    ),
    "dates": (
        "Dates",
        (
            ("expected_on", "received_on"),
            ("respond_by", "accepted_on"),
            ("start_date",),
            "knows_other_processes",
        ),
    ),
    "money": (
        "Money",
        (
            ("currency",),
            ("base_salary", "yearly_raise_percent"),
            ("target_bonus", "target_bonus_percent"),
            ("signing_bonus", "benefits_value"),
        ),
    ),
    "equity": (
        "Equity",
        (
            ("equity_value", "equity_discount_percent"),
            ("vesting_years", "cliff_months"),
            "vesting_schedule",
            "vesting_percentages",
        ),
    ),
    "terms": (
        "Contract terms",
        (
            "written_offer_in_hand",
            "conditions_cleared",
            "start_date_confirmed",
            "notice_period",
            "terms_reviewed",
            ("terms_reviewed_on",),
        ),
    ),
    "repayment": (
        "Money to pay back if you leave early",
        (
            ("repayment_amount", "repayment_for"),
            "repayment_paid",
            ("repayment_paid_on",),
            "repayment_ends",
            ("repayment_until", "repayment_months"),
            "repayment_terms",
        ),
    ),
    "adjustments": (
        "Your own adjustments (optional)",
        (("cost_of_living_factor", "tax_rate_percent"),),
    ),
    "notes": ("Notes", ("notes",)),
    # Adding an offer asks what a person knows when it arrives; the rest (work mode, agency,
    # other processes, yearly raise, bonus as a percentage, benefits) waits for the sections.
    "add_offer": ("The offer", (("company", "role"), ("location", "status"))),
    "add_dates": (
        "Dates",
        (("expected_on", "received_on"), ("respond_by", "accepted_on"), ("start_date",)),
    ),
    "add_money": (
        "Money",
        (("currency",), ("base_salary", "target_bonus"), ("signing_bonus",)),
    ),
}

ADJUSTMENTS_HINT = (
    '<p class="small text-body-secondary">Rough estimates of your own, shown beside the real '
    "figures and never instead of them. They are not financial or tax advice.</p>"
)


def _names(rows) -> list[str]:
    return [name for row in rows for name in ((row,) if isinstance(row, str) else row)]


@dataclass(frozen=True)
class Section:
    slug: str  # its address under /offers/<id>/edit/; "" for the first
    title: str  # its page's heading
    link: str  # the words of the link to it from the offer's page
    fieldsets: tuple[str, ...]

    def field_names(self) -> list[str]:
        return [name for key in self.fieldsets for name in _names(FIELDSETS[key][1])]


# The sections an offer is changed in, in the order of the offer's page.
SECTIONS = {
    section.slug: section
    for section in (
        Section("", "The offer and its dates", "Change the offer and its dates",
                ("offer", "dates")),
        Section("money", "Money", "Change the money", ("money", "adjustments")),
        Section("equity", "Equity", "Change the equity", ("equity",)),
        Section("terms", "Contract terms", "Change the contract terms", ("terms",)),
        Section("repayment", "Money to pay back if you leave early",
                "Change the repayment terms", ("repayment",)),
        Section("notes", "Notes", "Change the notes", ("notes",)),
    )
}  # fmt: skip
ALL_FIELDS = tuple(name for section in SECTIONS.values() for name in section.field_names())
# Adding an offer: what a person knows when it arrives; the rest can be added later.
ADD = Section("", "Add an offer", "", ("add_offer", "add_dates", "add_money"))


def section_of(name: str) -> Section | None:
    """The edit section that holds the field ``name``."""
    for section in SECTIONS.values():
        if name in section.field_names():
            return section
    return None


def _row(row):
    if isinstance(row, str):
        return row
    return Row(*(Column(name, css_class="col-md-6") for name in row))


def _fieldset(key: str, legend: bool) -> Fieldset:
    title, rows = FIELDSETS[key]
    hint = (HTML(ADJUSTMENTS_HINT),) if key == "adjustments" else ()
    return Fieldset(title if legend else "", *hint, *(_row(row) for row in rows))


def _layout(section: Section) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    # A section of one fieldset has its title as the page's heading already.
    legend = len(section.fieldsets) > 1
    helper.layout = Layout(*(_fieldset(key, legend) for key in section.fieldsets))
    return helper


# Made once: crispy only reads a helper and its layout while drawing a form.
LAYOUTS = {section: _layout(section) for section in (ADD, *SECTIONS.values())}


def section_url(offer, section: Section) -> str:
    if not section.slug:
        return reverse("offers:edit", args=[offer.pk])
    return reverse("offers:edit_section", args=[offer.pk, section.slug])
