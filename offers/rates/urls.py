from django.urls import path

from offers.rates import views

urlpatterns = [
    path("", views.rates, name="rates"),
    path("set/", views.set_rate, name="set_rate"),
    path("home-currency/", views.home_currency, name="home_currency"),
    path("<int:pk>/remove/", views.remove_rate, name="remove_rate"),
]
