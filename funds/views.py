"""The pledge form of a fund (…/promesse/) and its thank-you page (…/promesse/merci/): post, redirect, get."""

from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from .forms import PledgeForm
from .tasks import notify_pledge


def save_pledge(form, fund):
    """Save the pledge and, once the transaction has committed, enqueue the email to CUF."""
    with transaction.atomic():
        pledge = form.save(commit=False)
        pledge.fund = fund
        pledge.fund_title = fund.title
        pledge.save()
        transaction.on_commit(lambda: notify_pledge.enqueue(pledge.pk))
    return pledge


@never_cache
def pledge(request, fund):
    if not fund.is_open:
        form = None
    elif request.method == "POST":
        form = PledgeForm(request.POST)
        if form.is_spam:
            return redirect(fund.url + fund.reverse_subpage("pledge_thanks_view"))
        if form.is_valid():
            save_pledge(form, fund)
            return redirect(fund.url + fund.reverse_subpage("pledge_thanks_view"))
    else:
        form = PledgeForm()
    context = {"page": fund, "self": fund, "form": form, "meta_title": f"Promesse de contribution – {fund.title}"}
    return TemplateResponse(request, "funds/pledge_form.html", context)


def pledge_thanks(request, fund):
    context = {"page": fund, "self": fund, "meta_title": f"Merci – {fund.title}"}
    return TemplateResponse(request, "funds/pledge_thanks.html", context)
