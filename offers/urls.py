from django.urls import path

from offers import views
from offers.asks import views as asks

app_name = "offers"
urlpatterns = [
    path("", views.offer_list, name="list"),
    path("new/", views.offer_new, name="new"),
    path("timeline/", views.offer_timeline, name="timeline"),
    path("calendar.ics", views.offer_calendar, name="calendar"),
    path("<int:pk>/", views.offer_detail, name="detail"),
    path("<int:pk>/edit/", views.offer_edit, name="edit"),
    path("<int:pk>/delete/", views.offer_delete, name="delete"),
    path("<int:pk>/contacts/add/", views.contact_add, name="contact_add"),
    path("<int:pk>/contacts/<int:contact_pk>/edit/", views.contact_edit, name="contact_edit"),
    path("<int:pk>/contacts/<int:contact_pk>/delete/", views.contact_delete, name="contact_delete"),
    path("<int:pk>/ask/more-time/", asks.ask_more_time, name="ask_more_time"),
    path("<int:pk>/ask/heads-up/", asks.ask_heads_up, name="ask_heads_up"),
    path("asks/<int:ask_pk>/", asks.ask_detail, name="ask"),
    path("asks/<int:ask_pk>/answer/", asks.ask_answer, name="ask_answer"),
]
