"""What the wizard's pages show and share: the guards that send the user elsewhere first,
saving a step with the check against other tabs, the frame each step is drawn in (progress,
back link), and what the priorities, ratings, pros and cons and result pages put in it. The
views load the decision with its offers; these read it, and its factors with their ratings
and its pros and cons as plain values (``steps.factors_and_scores``, ``steps.considerations_of``:
one query each)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from decisions.call.page import readiness_page
from decisions.call.plans import day_of_call
from decisions.models import Consideration
from decisions.wizard import result_rows
from decisions.wizard.chart import score_chart
from decisions.wizard.factors import WEIGHT_CHOICES
from decisions.wizard.forms.ratings import RatingsForm, options_by_selected, select_options
from decisions.wizard.forms.result import NOT_DECIDED, OutcomeForm, RecordForm
from decisions.wizard.result import explain
from decisions.wizard.scoring import (
    MissingRatings,
    ScoringError,
    money_over_horizon,
)
from decisions.wizard.steps import (
    StaleVersion,
    Step,
    claim_version,
    considerations_of,
    factors_and_scores,
    next_step,
    ordered_offers,
    parse_version,
    previous_step,
    progress,
    step_url,
)
from decisions.wizard.summary import of_factors
from offers.compare.forms import compare_url

CONFLICT = (
    "This decision was changed in another tab or window after you opened this page, so "
    "nothing was saved. This is what is saved now: make your change again if you still want it."
)


def posted(request):
    """The submitted data on POST, else None. Unlike ``request.POST or None``, an empty
    submission is still a submission, and gets its error messages."""
    return request.POST if request.method == "POST" else None


def not_reached(decision, step):
    """A step beyond the one reached sends the user to the first unfinished step."""
    if step <= decision.step_reached:
        return None
    return redirect(step_url(decision, decision.step_reached))


def too_few_offers(request, decision):
    """Offers deleted since step 1 can leave fewer than two: then step 1 comes first again.
    Reads the prefetched offers."""
    if len(decision.offers.all()) >= 2:
        return None
    messages.warning(
        request,
        "This decision compares fewer than two offers now (one may have been deleted). "
        "Pick at least two to compare.",
    )
    return redirect(step_url(decision, Step.OFFERS))


def save_step(request, decision, write, reach=0) -> bool:
    """Claim the decision's version and write, all or nothing. False when a newer save from
    another tab won: then nothing is written and the user is told."""
    try:
        with transaction.atomic():
            claim_version(decision, parse_version(request.POST), reach)
            write()
    except StaleVersion:
        messages.warning(request, CONFLICT)
        return False
    return True


def save_and_go_on(request, decision, step, write):
    """Save ``step`` and go on to the next one; back to ``step`` when another tab saved first."""
    reach = next_step(decision, step)
    if not save_step(request, decision, write, reach=reach):
        return redirect(step_url(decision, step))
    return redirect(step_url(decision, reach))


def render_step(request, decision, step, template, context, status=200):
    back = previous_step(decision, step)
    return render(
        request,
        template,
        {
            "decision": decision,
            "step": step,
            "step_count": len(Step),
            "progress": progress(decision, step),
            "back_url": step_url(decision, back) if back else None,
            **context,
        },
        status=status,
    )


# The options of a weight's select for each weight selected (and none), made once.
WEIGHT_OPTIONS = options_by_selected(WEIGHT_CHOICES)


def priorities_page(formset) -> dict:
    """Step 3: a row per factor, the row to add one, and the errors of every row."""
    management = formset.management_form
    return {
        "formset": formset,
        "management_form": mark_safe("".join(_hidden(field) for field in management)),
        # What each factor's row shows, read once here (see priorities.html): a lookup such as
        # form.instance.pk in a template first tries the form's fields, and fails, every time.
        "factor_rows": [
            (
                form,
                form.instance.pk,
                form.initial.get("name"),
                form.instance.is_compensation,
                form.non_field_errors(),
                _hidden(form["id"]),
                select_options(WEIGHT_OPTIONS, form["weight"].value()),
            )
            for form in formset.forms
            if form.instance.pk
        ],
        "new_form": next((form for form in formset.forms if not form.instance.pk), None),
        "error_summary": of_factors(formset),
    }


def _hidden(field) -> str:
    """A hidden field's input, as Django writes it."""
    return format_html(
        '<input type="hidden" name="{}" value="{}" id="{}">',
        field.html_name,
        field.value(),
        field.auto_id,
    )


def ratings_page(decision, terms, data=None):
    """Step 4's form and the page around it. The compensation row is suggested from the offers'
    money over the horizon, in the user's home currency with their rates (``terms``)."""
    offers = ordered_offers(decision)
    factors, saved = factors_and_scores(decision)
    packages = {offer.pk: offer.package() for offer in offers}
    money = money_over_horizon(packages, decision.horizon_years, home=terms.home, rates=terms.rates)
    form = RatingsForm(factors, offers, saved, money.suggested_ratings(), data)
    return form, {
        "form": form,
        "offers": offers,
        "money": money,
        "left_out": [offer for offer in offers if offer.pk in money.left_out],
        "offer_names": {offer.pk: offer.company for offer in offers},
        # Each offer with its money, in the grid's column order (packages follow `offers`).
        "money_by_offer": list(zip(offers, money.rows, strict=True)),
        "suggested": form.shows_suggestion(),
    }


def pros_cons_page(decision, add_form) -> dict:
    """Step 5: a column per offer with its pros and its cons, and the one form to add to any
    offer (empty, or the failed one with its errors)."""
    by_offer = {}
    for item in considerations_of(decision):
        by_offer.setdefault(item["offer_id"], []).append(item)
    columns = []
    for offer in ordered_offers(decision):
        items = by_offer.get(offer.pk, [])
        columns.append(
            {
                "offer": offer,
                "items": [
                    ("Pros", [c for c in items if c["kind"] == Consideration.Kind.PRO]),
                    ("Cons", [c for c in items if c["kind"] == Consideration.Kind.CON]),
                ],
            }
        )
    return {"columns": columns, "add_form": add_form}


def result_page(decision, terms, today, record_form=None, outcome_form=None) -> dict:
    """Step 6: the result explained, with the forms to record the choice and how it turned out
    (empty ones unless a refused one is given). ``decision`` comes with its offers and when its
    call is planned (``planned_call_at``); ``terms`` (``offers.rates.MoneyTerms``, None for
    offers in one currency) convert money. Raises scoring.MissingRatings for the view."""
    offers = ordered_offers(decision)
    try:
        factors, ratings = factors_and_scores(decision)
        plan_day = day_of_call(decision.planned_call_at)
        result = explain(
            decision, offers, factors, ratings, considerations_of(decision), today, terms, plan_day
        )
        problem = None
    except MissingRatings:
        raise  # not a problem to show: the view sends the user to rate what is missing
    except ScoringError as error:
        result, problem = None, str(error)
    context = {
        "result": result,
        **(_result_rows(result, today) if result else {}),
        "problem": problem,
        # Once recorded, the choice is changed on a page of its own (views.result.record).
        "record_form": record_form or (decision.is_draft() and choice_form(decision, offers)),
        "outcome_form": outcome_form or OutcomeForm(initial={"outcome": decision.outcome}),
        "priorities_url": step_url(decision, Step.PRIORITIES),
        "pros_cons_url": step_url(decision, Step.PROS_CONS),
        "situation_url": step_url(decision, Step.SITUATION),
        "compare_url": compare_url(offers, decision.horizon_years),
        "offer_names": {offer: offer.company for offer in offers},
    }
    if result and result.backing_out:
        context.update(readiness_page(result.committed, result.new_offer))
    return context


def _result_rows(result, today) -> dict:
    """The result's tables and lists, written out once (``result_rows``)."""
    chart = score_chart(result.offers)
    return {
        "chart": chart,
        "chart_bars": result_rows.chart_bars(chart),
        "chart_words": result_rows.chart_words(result),
        "score_rows": result_rows.score_rows(result),
        "offer_headings": result_rows.offer_headings(result),
        "breakdown": result_rows.breakdown_rows(result),
        "sensitivity": result_rows.sensitivity_items(result),
        "money_rows": result_rows.money_rows(result.money, today),
        "offer_notes": result_rows.offer_notes(result),
        "risk_points": result.backing_out and result_rows.points(result.backing_out.points),
        "risk_reasons": result.backing_out and result_rows.risk_reasons(result.backing_out),
    }


def choice_form(decision, offers, data=None) -> RecordForm:
    """The form with the choice recorded so far, if any, and its reasons."""
    chosen = decision.chosen_offer_id or (NOT_DECIDED if decision.decided_at else None)
    initial = {"choice": chosen and str(chosen), "reasoning": decision.reasoning}
    return RecordForm(offers, data, initial=initial)
