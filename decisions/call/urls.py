from django.urls import path

from decisions.call.views import actions, card, letter, plan, readiness

# Names are used within the app's "decisions" namespace: {% url "decisions:call" pk %}.
urlpatterns = [
    path("<int:pk>/readiness/", readiness.save_readiness, name="readiness"),
    path("<int:pk>/call/", plan.call_plan, name="call"),
    *(
        path(
            f"<int:pk>/call/{section}/",
            plan.edit_section,
            {"section": section},
            name=f"call_{section}",
        )
        for section in plan.SECTION_ANCHORS
    ),
    path("<int:pk>/call/card/", card.call_card, name="call_card"),
    path("<int:pk>/call/print/", plan.call_print, name="call_print"),
    path("<int:pk>/call.ics", plan.call_ics, name="call_ics"),
    path("<int:pk>/call/referrals/", actions.add_referral, name="add_referral"),
    path(
        "<int:pk>/call/referrals/<int:referral_pk>/delete/",
        actions.remove_referral,
        name="remove_referral",
    ),
    path("<int:pk>/call/follow-ups/", actions.add_follow_up, name="add_follow_up"),
    path(
        "<int:pk>/call/follow-ups/<int:follow_up_pk>/toggle/",
        actions.toggle_follow_up,
        name="toggle_follow_up",
    ),
    path(
        "<int:pk>/call/follow-ups/<int:follow_up_pk>/delete/",
        actions.remove_follow_up,
        name="remove_follow_up",
    ),
    path("<int:pk>/call/log/", actions.log_call, name="call_log"),
    path("<int:pk>/call/accept/", actions.accept_new_offer, name="accept_new_offer"),
    path(
        "<int:pk>/call/accept/skip/",
        actions.skip_accepting_first,
        name="skip_accepting_first",
    ),
    path("<int:pk>/call/done/", actions.mark_done, name="call_done"),
    path("<int:pk>/call/letter/", letter.notice_letter, name="notice_letter"),
    path("<int:pk>/call/letter/sent/", letter.letter_sent, name="notice_letter_sent"),
    path("<int:pk>/call/reopen/", actions.reopen, name="call_reopen"),
]
