from django.urls import include, path

from offers import views
from offers.asks import views as asks
from offers.compare import views as compare_views
from offers.terms import views as terms
from offers.withdrawals import views as withdrawals

app_name = "offers"
urlpatterns = [
    path("", views.offer_list, name="list"),
    path("new/", views.add_offer, name="new"),
    path("timeline/", views.offer_timeline, name="timeline"),
    path("compare/", compare_views.compare, name="compare"),
    path("rates/", include("offers.rates.urls")),
    path("calendar.ics", views.offer_calendar, name="calendar"),
    path("<int:pk>/", views.offer_detail, name="detail"),
    path("<int:pk>/edit/", views.edit_offer, name="edit"),
    path("<int:pk>/edit/leaving/", terms.edit_leaving_terms, name="edit_leaving_terms"),
    path("<int:pk>/edit/<slug:section>/", views.edit_offer, name="edit_section"),
    path("<int:pk>/delete/", views.delete_offer, name="delete"),
    path("<int:pk>/contacts/add/", views.add_contact, name="add_contact"),
    path("<int:pk>/contacts/<int:contact_pk>/edit/", views.edit_contact, name="edit_contact"),
    path("<int:pk>/contacts/<int:contact_pk>/delete/", views.delete_contact, name="delete_contact"),
    path("<int:pk>/promises/", include("offers.promises.urls")),
    path("<int:pk>/ask/more-time/", asks.ask_more_time, name="ask_more_time"),
    path("<int:pk>/ask/start-later/", asks.ask_start_later, name="ask_start_later"),
    path("<int:pk>/withdraw/", withdrawals.withdraw, name="withdraw"),
    path("<int:pk>/ask/heads-up/", asks.ask_heads_up, name="ask_heads_up"),
    path("asks/<int:ask_pk>/", asks.ask_detail, name="ask"),
    path("asks/<int:ask_pk>/answer/", asks.ask_answer, name="ask_answer"),
]
