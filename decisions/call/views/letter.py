"""The letter that confirms the notice in writing: a printable page, and logging it sent."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from decisions.call import letter
from decisions.call.page import plan_url
from decisions.models import get_leaving_decision_for_user


@login_required
@require_GET
def notice_letter(request, pk):
    decision = get_leaving_decision_for_user(request.user, pk)
    today = timezone.localdate()
    form = letter.LetterSentForm(today=today)
    context = letter.letter_page(decision, request.user, form, today)
    return render(request, "decisions/call/letter.html", context)


@login_required
@require_POST
def letter_sent(request, pk):
    decision = get_leaving_decision_for_user(request.user, pk)
    today = timezone.localdate()
    form = letter.LetterSentForm(request.POST, today=today)
    context = letter.letter_page(decision, request.user, form, today)
    if not form.is_valid():
        return render(request, "decisions/call/letter.html", context)
    letter.record_sent(decision, form.cleaned_data["sent_on"], context["letter"], timezone.now())
    messages.success(request, "Recorded: your letter confirming the notice is sent.")
    return redirect(plan_url(decision, "steps"))
