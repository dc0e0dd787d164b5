"""Deleting after a confirmation page: GET asks, POST deletes. Shared by every "Delete" page."""

from django.contrib import messages
from django.shortcuts import redirect, render


def delete_when_confirmed(request, obj, template: str, done: str, then):
    """Show ``template`` (with the object under its model's name) until the user confirms with a
    POST; then delete ``obj``, say ``done`` and go to ``then`` (a URL, a URL name or a model)."""
    if request.method != "POST":
        return render(request, template, {obj._meta.model_name: obj})
    obj.delete()
    messages.success(request, done)
    return redirect(then)
