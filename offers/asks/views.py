from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crossroads.once import save_once, submits_once, with_token
from crossroads.query import whole_number
from offers.asks import records, script
from offers.asks.forms import AnswerForm, AskForm
from offers.asks.models import get_ask_for_user
from offers.models import Offer, TimeAsk, get_offer_for_user


def _other_offer(request, offer) -> Offer | None:
    """The other offer in the clash, named by ``other`` in the address or the form."""
    given = request.POST.get("other") or request.GET.get("other")
    if not given:
        return None
    pk = whole_number(given)
    if pk is None or pk == offer.pk:
        raise Http404("No such offer.")
    return get_offer_for_user(request.user, pk, Offer.objects.select_related("leaving_terms"))


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def ask_more_time(request, pk):
    return _ask_form(request, pk, TimeAsk.Kind.MORE_TIME)


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def ask_heads_up(request, pk):
    return _ask_form(request, pk, TimeAsk.Kind.HEADS_UP)


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def ask_start_later(request, pk):
    return _ask_form(request, pk, TimeAsk.Kind.START_LATER)


def _ask_form(request, pk, kind):
    offer = get_offer_for_user(request.user, pk)
    other = _other_offer(request, offer)
    if landing := with_token(request):
        return landing
    names_other = (request.POST.get("names_other") or request.GET.get("names_other")) == "1"
    today = timezone.localdate()
    ask = records.draft_ask(offer, kind, other, names_other, today)
    form = AskForm(request.POST or None, instance=ask, today=today)
    if form.is_valid():
        save_once(request, lambda: records.save_ask(form.instance), TimeAsk.get_absolute_url, str)
        messages.success(request, "Saved. Record their answer here when you have it.")
        return redirect(form.instance)
    context = {"form": form, "ask": ask, "offer": offer, "other": other}
    return render(request, "offers/asks/form.html", context)


@login_required
@require_GET
def ask_detail(request, ask_pk):
    ask = get_ask_for_user(request.user, ask_pk)
    context = _detail_context(ask, AnswerForm(instance=ask))
    return render(request, "offers/asks/detail.html", context)


@login_required
@require_POST
def ask_answer(request, ask_pk):
    ask = get_ask_for_user(request.user, ask_pk)
    if not ask.is_pending():
        return _already_answered(request, ask)
    context = _detail_context(ask, None)
    form = context["answer_form"] = AnswerForm(request.POST, instance=ask)
    if not form.is_valid():
        return render(request, "offers/asks/detail.html", context)
    if not records.record_answer(form.instance):  # another tab was quicker
        return _already_answered(request, ask)
    messages.success(request, "Their answer is recorded; your timeline shows it.")
    return redirect(ask)


def _already_answered(request, ask):
    messages.error(request, "Their answer is already recorded; nothing was changed.")
    return redirect(ask)


def _detail_context(ask, form) -> dict:
    moved = ask.answer in TimeAsk.MOVES_DATE
    return {
        "ask": ask,
        "pending": ask.is_pending(),
        "answer_form": form,
        "follow_up_on": ask.follow_up_on(),
        "nudge": ask.needs_nudge(),
        "confirmation": script.confirmation(ask) if moved else "",
        "confirmation_mailto": script.confirmation_mailto(ask) if moved else "",
    }
