from django.urls import path

from reminders import views

app_name = "reminders"
urlpatterns = [
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("calendar/on/", views.feed_on, name="feed_on"),
    path("calendar/off/", views.feed_off, name="feed_off"),
    path("e-mails/", views.save_settings, name="save_settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
