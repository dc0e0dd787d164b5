from django.urls import path

from offers import views

app_name = "offers"
urlpatterns = [
    path("", views.offer_list, name="list"),
    path("new/", views.add_offer, name="new"),
    path("timeline/", views.offer_timeline, name="timeline"),
    path("calendar.ics", views.offer_calendar, name="calendar"),
    path("<int:pk>/", views.offer_detail, name="detail"),
    path("<int:pk>/edit/", views.edit_offer, name="edit"),
    path("<int:pk>/delete/", views.delete_offer, name="delete"),
    path("<int:pk>/contacts/add/", views.add_contact, name="add_contact"),
    path("<int:pk>/contacts/<int:contact_pk>/edit/", views.edit_contact, name="edit_contact"),
    path("<int:pk>/contacts/<int:contact_pk>/delete/", views.delete_contact, name="delete_contact"),
]
