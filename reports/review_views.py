"""Revisions (compare, restore), comments, and the review workflow (submit, sign off, send back)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from partners.access import Capability, partnership_view

from . import selectors, services
from .diff import compare_revisions
from .forms import CommentForm, ReasonForm, SignOffForm
from .models import Comment, Revision
from .views import missing_figures, report_for, section_for


@partnership_view(Capability.EDIT_REPORTS)
def revisions(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    revision_list = selectors.revisions_of(section)
    numbers = {r.number: r for r in revision_list}
    comparison = None
    try:
        a, b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
    except ValueError:
        a = b = 0
    if a in numbers and b in numbers:
        older, newer = sorted((numbers[a], numbers[b]), key=lambda r: r.number)
        comparison = compare_revisions(report, older, newer)
    elif len(revision_list) >= 2:
        a, b = revision_list[1].number, revision_list[0].number
    return render(
        request,
        "reports/revisions.html",
        {
            "partnership": request.partnership,
            "report": report,
            "section": section,
            "revisions": revision_list,
            "comparison": comparison,
            "a": a,
            "b": b,
        },
    )


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def restore(request, year, pk, number):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    revision = get_object_or_404(Revision, section=section, number=number)
    try:
        restored = services.restore_revision(revision, by=request.user, expected_version=request.POST.get("version"))
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reports:revisions", request.partnership.slug, report.year, section.pk)
    messages.success(
        request, f"Revision {number} restored as revision {restored.latest_revision.number}; nothing was deleted."
    )
    return redirect("reports:section", request.partnership.slug, report.year, section.pk)


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def comment_add(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data.get("parent"):
            parent = get_object_or_404(Comment, section=section, pk=form.cleaned_data["parent"])
        try:
            services.add_comment(section, text=form.cleaned_data["text"], parent=parent, by=request.user)
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Comment added.")
    else:
        messages.error(request, "Comment not added: write it first (at most 5,000 characters).")
    return redirect(f"{_section_url(request, report, section)}#comments")


def _section_url(request, report, section):
    return reverse("reports:section", args=[request.partnership.slug, report.year, section.pk])


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def comment_resolve(request, year, pk):
    report = report_for(request, year)
    comment = get_object_or_404(Comment.objects.select_related("section"), section__report=report, pk=pk)
    services.resolve_comment(comment, by=request.user, resolved=request.POST.get("resolved", "1") == "1")
    return redirect(f"{_section_url(request, report, comment.section)}#comments")


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def submit(request, year):
    report = report_for(request, year)
    try:
        missing = services.submit_for_review(report, by=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        if missing:
            messages.warning(
                request,
                f"Sent for review. {len(missing)} statutory requirement(s) are missing: "
                + "; ".join(r.title for r in missing)
                + ". The approver must acknowledge each one to sign off.",
            )
        else:
            messages.success(request, "Sent for review. Every statutory requirement is covered.")
    return redirect(report)


@partnership_view(Capability.APPROVE_REPORTS)
def sign_off(request, year):
    report = report_for(request, year)
    coverage = selectors.coverage(report)
    missing = [row.requirement for row in coverage if row.status == "missing"]
    form = SignOffForm(request.POST or None, missing=missing)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.sign_off(
                    report,
                    by=request.user,
                    name=form.cleaned_data["name"],
                    post=form.cleaned_data["post"],
                    signed_on=form.cleaned_data["signed_on"],
                    statement=form.cleaned_data["statement"],
                    acknowledgements=form.acknowledgements(),
                )
            except services.ReportError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"The {report.year} report is approved and signed off.")
                return redirect(report)
        status = 422
    return render(
        request,
        "reports/sign_off.html",
        {
            "partnership": request.partnership,
            "report": report,
            "form": form,
            "coverage": coverage,
            "send_back": ReasonForm(),
            "missing_figures": missing_figures(report),
        },
        status=status,
    )


@partnership_view(Capability.APPROVE_REPORTS)
@require_POST
def send_back(request, year):
    report = report_for(request, year)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say why the report goes back to draft.")
        return redirect("reports:sign_off", request.partnership.slug, report.year)
    try:
        services.return_to_draft(report, by=request.user, reason=form.cleaned_data["reason"])
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The report is back in draft with your reason.")
    return redirect(report)
