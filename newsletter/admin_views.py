"""Admin screens of the newsletter: sending an issue (a test to oneself, then to every subscriber) and
the CSV import of subscribers.

Who may do what: anyone who may edit an issue may send themselves a test; only those who may publish
it (the "Modérateurs") may send it to the subscribers, after a confirmation step, and only once it is
live. Importing subscribers needs the `add_subscriber` permission (given to "Modérateurs").
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin import messages

from newsletter.csv_import import CsvError, import_subscribers
from newsletter.emails import issue_subject
from newsletter.models import NewsletterIssuePage, Send, Subscriber
from newsletter.tasks import prepare_send, send_test


class SendToAllForm(forms.Form):
    confirm = forms.BooleanField(
        label="Je confirme l’envoi de cette lettre à tous les abonné·es ciblé·es",
        error_messages={"required": "Cochez la case pour confirmer l’envoi."},
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Fichier CSV",
        help_text="Colonnes : email, nom, organisation, pays, thematiques (séparés par « | »), consentement (oui/non).",
        error_messages={"required": "Choisissez un fichier CSV."},
    )


def issue_for(request, page_id):
    issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
    permissions = issue.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    return issue, permissions.can_publish()


def issue_sending(request, page_id):
    issue, can_send_all = issue_for(request, page_id)
    form = SendToAllForm()
    if request.method == "POST" and request.POST.get("action") == "test":
        if not request.user.email:
            messages.error(request, "Votre compte n’a pas d’adresse e-mail : ajoutez-la à votre profil.")
        else:
            send_test.enqueue(issue.pk, request.user.email)
            messages.success(request, f"Un test de la lettre part à {request.user.email}.")
        return redirect("newsletter_issue_sending", issue.pk)
    if request.method == "POST" and request.POST.get("action") == "all":
        if not can_send_all:
            raise PermissionDenied
        form = SendToAllForm(request.POST)
        if not issue.live:
            form.add_error(
                None, "Publiez la lettre avant de l’envoyer : les abonné·es y trouveront le lien « Lire en ligne »."
            )
        elif issue.sends.exists():
            form.add_error(None, "Cette lettre a déjà été envoyée.")
        if form.is_valid():
            with transaction.atomic():
                send = Send.objects.create(issue=issue, subject=issue_subject(issue), created_by=request.user)
                transaction.on_commit(lambda: prepare_send.enqueue(send.pk))
            messages.success(request, "L’envoi a commencé : le suivi s’affiche ci-dessous et dans « Envois ».")
            return redirect("newsletter_issue_sending", issue.pk)
    context = {
        "page": issue,
        "form": form,
        "can_send_all": can_send_all,
        "recipients": Subscriber.objects.for_issue(issue).count(),
        "sends": issue.sends.select_related("created_by"),
    }
    return TemplateResponse(request, "newsletter/admin/issue_sending.html", context)


def import_view(request):
    if not request.user.has_perm("newsletter.add_subscriber"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = import_subscribers(form.cleaned_data["file"])
        except CsvError as error:
            form.add_error("file", str(error))
    return TemplateResponse(request, "newsletter/admin/import.html", {"form": form, "report": report})
