"""Every URL of the app, plus the bare page that exists only while benchmarking."""

from django.urls import include, path

from bench import views

urlpatterns = [
    path("bench/baseline/", views.baseline, name="bench_baseline"),
    path("", include("crossroads.urls")),
]
