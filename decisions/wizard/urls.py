from django.urls import path

from decisions.wizard.views import lists, priorities, pros_cons, result, steps

# Names are used within the app's "decisions" namespace: {% url "decisions:ratings" pk %}.
urlpatterns = [
    path("", lists.decision_list, name="list"),
    path("new/", steps.new, name="new"),
    path("reconsider/<int:offer_pk>/", lists.reconsider, name="reconsider"),
    path("<int:pk>/offers/", steps.offers, name="offers"),
    path("<int:pk>/situation/", steps.situation, name="situation"),
    path("<int:pk>/priorities/", priorities.priorities, name="priorities"),
    path("<int:pk>/ratings/", steps.ratings, name="ratings"),
    path("<int:pk>/pros-cons/", pros_cons.pros_cons, name="pros_cons"),
    path("<int:pk>/pros-cons/add/", pros_cons.add_consideration, name="add_consideration"),
    path("<int:pk>/pros-cons/remove/", pros_cons.remove_consideration, name="remove_consideration"),
    path("<int:pk>/result/", result.result, name="result"),
    path("<int:pk>/result/record/", result.record, name="record"),
    path("<int:pk>/result/outcome/", result.outcome, name="outcome"),
    path("<int:pk>/delete/", lists.delete, name="delete"),
]
