from django.urls import path

from offers.promises import views

# Within the offers namespace, under an offer: /offers/<pk>/promises/...
urlpatterns = [
    path("add/", views.add_promise, name="add_promise"),
    path("<int:promise_pk>/edit/", views.edit_promise, name="edit_promise"),
    path("<int:promise_pk>/found/", views.mark_found, name="promise_found"),
    path("<int:promise_pk>/delete/", views.delete_promise, name="delete_promise"),
]
