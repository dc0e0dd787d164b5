from django.urls import path

from decisions.views import (
    call,
    call_actions,
    lists,
    priorities,
    pros_cons,
    readiness,
    result,
    wizard,
)

app_name = "decisions"

# The decision list and the wizard.
wizard_urls = [
    path("", lists.decision_list, name="list"),
    path("new/", wizard.new, name="new"),
    path("reconsider/<int:offer_pk>/", lists.reconsider, name="reconsider"),
    path("<int:pk>/offers/", wizard.offers, name="offers"),
    path("<int:pk>/situation/", wizard.situation, name="situation"),
    path("<int:pk>/priorities/", priorities.priorities, name="priorities"),
    path("<int:pk>/ratings/", wizard.ratings, name="ratings"),
    path("<int:pk>/pros-cons/", pros_cons.pros_cons, name="pros_cons"),
    path(
        "<int:pk>/pros-cons/<int:offer_pk>/add/",
        pros_cons.add_consideration,
        name="add_consideration",
    ),
    path(
        "<int:pk>/pros-cons/<int:item_pk>/remove/",
        pros_cons.remove_consideration,
        name="remove_consideration",
    ),
    path("<int:pk>/result/", result.result, name="result"),
    path("<int:pk>/result/record/", result.record, name="record"),
    path("<int:pk>/result/outcome/", result.outcome, name="outcome"),
    path("<int:pk>/delete/", lists.delete, name="delete"),
]

# The call plan.
call_urls = [
    path("<int:pk>/call/", call.call_plan, name="call"),
    path("<int:pk>/call/print/", call.call_print, name="call_print"),
    path("<int:pk>/call.ics", call.call_ics, name="call_ics"),
    path("<int:pk>/call/referrals/", call_actions.add_referral, name="call_referral_add"),
    path(
        "<int:pk>/call/referrals/<int:referral_pk>/delete/",
        call_actions.delete_referral,
        name="call_referral_delete",
    ),
    path("<int:pk>/call/follow-ups/", call_actions.add_follow_up, name="call_follow_up_add"),
    path(
        "<int:pk>/call/follow-ups/<int:follow_up_pk>/toggle/",
        call_actions.toggle_follow_up,
        name="call_follow_up_toggle",
    ),
    path(
        "<int:pk>/call/follow-ups/<int:follow_up_pk>/delete/",
        call_actions.delete_follow_up,
        name="call_follow_up_delete",
    ),
    path("<int:pk>/call/log/", call_actions.log_call, name="call_log"),
    path("<int:pk>/call/done/", call_actions.mark_done, name="call_done"),
    path("<int:pk>/call/reopen/", call_actions.reopen, name="call_reopen"),
]

urlpatterns = [
    *wizard_urls,
    path("<int:pk>/readiness/", readiness.save_readiness, name="readiness"),
    *call_urls,
]
