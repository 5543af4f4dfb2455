"""The business unit's reference data in the portal's layout: people and their posts, governance
groups and funding. One set of views; each kind names its model, fields and list columns.
Scoped like every page: the tenant's scope filters every query, and a group shared by another
partnership is listed on the structure page but edited only by its owner."""

from dataclasses import dataclass

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from . import reference
from .access import Capability, partnership_view
from .models import FundingLine, FundingYear, Group, Person, Post
from .widgets import plain_select_formfield


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    singular: str
    plural: str
    fields: tuple
    columns: tuple  # (heading, attribute or callable)
    intro: str
    owned_by: str = "partnership"  # the path from the object to its partnership
    # What the list's columns read beyond the row, fetched with it (a fixed number of queries)
    select_related: tuple = ()
    prefetch_related: tuple = ()


def _person_posts(person):
    return "; ".join(f"{post.get_kind_display()} ({post.span})" for post in person.posts.all()) or "–"


KINDS = {
    kind.slug: kind
    for kind in [
        Kind(
            "people",
            Person,
            "person",
            "People",
            ("name", "email"),
            (("Name", "name"), ("E-mail", "email"), ("Posts", _person_posts)),
            "The people the annual report names: chairs, scrutineers, the business unit, partners' leads. "
            "Portal accounts are on the People and roles page.",
            prefetch_related=("posts",),
        ),
        Kind(
            "posts",
            Post,
            "post",
            "Posts",
            ("person", "kind", "title", "agency", "group", "from_year", "to_year", "started_on", "ended_on"),
            (("Holder", "holder"), ("Post", "get_kind_display"), ("Title", "title"), ("When", "span")),
            "Who held which post, and when: two chairs in one year each have their months.",
            select_related=("person",),
        ),
        Kind(
            "groups",
            Group,
            "group",
            "Governance groups",
            ("name", "purpose", "chair", "reports_to", "from_year", "to_year", "position"),
            (("Group", "name"), ("Chair", "chair"), ("Reports to", "reports_to"), ("Years", "years")),
            "The partnership's groups in the business unit's order. Groups another partnership shares with "
            "you are edited by that partnership.",
            select_related=("chair", "reports_to"),
        ),
        Kind(
            "funding-years",
            FundingYear,
            "funding year",
            "Funding years",
            ("year", "notes"),
            (("Year", "year"), ("Total income", "total_income"), ("Notes", "notes")),
            "One budget per reporting year; its lines hold the money.",
            select_related=("partnership",),  # a year's name names its partnership
            prefetch_related=("lines",),
        ),
        Kind(
            "funding-lines",
            FundingLine,
            "funding line",
            "Funding lines",
            ("funding_year", "kind", "agency", "label", "amount", "note", "position"),
            (
                ("Year", "funding_year.year"),
                ("Kind", "get_kind_display"),
                ("Line", "display_label"),
                ("Amount", "amount"),
            ),
            "Money in is positive and money out (expenditure) negative, as the accounts print it.",
            owned_by="funding_year__partnership",
            select_related=("funding_year", "agency"),
        ),
    ]
}


def _kind(slug):
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404("No such reference data")
    return kind


def _value(obj, attribute):
    if callable(attribute):
        return attribute(obj)
    value = obj
    for part in attribute.split("."):
        value = getattr(value, part)
        value = value() if callable(value) else value
    return value if value not in (None, "") else "–"


def _objects(request, kind):
    return kind.model.objects.filter(**{kind.owned_by: request.partnership})


@partnership_view(Capability.MANAGE_FIGURES)
def reference_list(request, kind):
    kind = _kind(kind)
    objects = _objects(request, kind)
    if kind.select_related:
        objects = objects.select_related(*kind.select_related)
    if kind.prefetch_related:
        objects = objects.prefetch_related(*kind.prefetch_related)
    # (id, name, column values): each object named once, for both of its links
    rows = [(obj.pk, str(obj), [_value(obj, attribute) for _, attribute in kind.columns]) for obj in objects]
    return render(
        request,
        "partners/reference_list.html",
        {"partnership": request.partnership, "kind": kind, "kinds": KINDS.values(), "rows": rows},
    )


def form_class(slug):
    """The model form of a kind of reference data. Built for each request, not once: its pickers'
    querysets are read from the tenant-scoped managers, which filter by the scope active when the
    form class is made."""
    kind = KINDS[slug]
    return modelform_factory(kind.model, fields=kind.fields, formfield_callback=plain_select_formfield)


def _form(request, kind, obj):
    form = form_class(kind.slug)(request.POST or None, instance=obj)
    if hasattr(obj, "partnership_id"):
        obj.partnership = request.partnership  # before validation: the model's rules read it
    if kind.model is Group:
        form.fields["reports_to"].queryset = Group.objects.filter(partnership=request.partnership).exclude(pk=obj.pk)
    if kind.model is FundingLine:  # each year's label names its partnership
        form.fields["funding_year"].queryset = FundingYear.objects.select_related("partnership")
    return form


@partnership_view(Capability.MANAGE_FIGURES)
def reference_edit(request, kind, pk=None):
    kind = _kind(kind)
    obj = get_object_or_404(_objects(request, kind), pk=pk) if pk else kind.model()
    before = {name: getattr(obj, name) for name in kind.fields} if pk else {}
    form = _form(request, kind, obj)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        changed = {name: before[name] for name in form.changed_data if name in before}
        try:
            reference.save(saved, partnership=request.partnership, by=request.user, kind=kind.singular, before=changed)
        except IntegrityError:
            form.add_error(None, f"{request.partnership.short_name} already has this {kind.singular}.")
        else:
            messages.success(request, f"{'Saved' if pk else 'Added'}: {saved}.")
            return redirect("partners:reference", request.partnership.slug, kind.slug)
    return render(
        request,
        "partners/reference_form.html",
        {"partnership": request.partnership, "kind": kind, "kinds": KINDS.values(), "form": form, "obj": obj},
        status=422 if request.method == "POST" else 200,
    )


@partnership_view(Capability.MANAGE_FIGURES)
def reference_delete(request, kind, pk):
    kind = _kind(kind)
    obj = get_object_or_404(_objects(request, kind), pk=pk)
    if request.method == "POST":
        try:
            reference.delete(obj, partnership=request.partnership, by=request.user, kind=kind.singular)
        except ProtectedError:
            messages.error(request, f"{obj} is still used elsewhere, so it stays. Change what uses it first.")
        else:
            messages.success(request, f"Deleted: {obj}.")
        return redirect("partners:reference", request.partnership.slug, kind.slug)
    return render(
        request,
        "partners/reference_delete.html",
        {"partnership": request.partnership, "kind": kind, "kinds": KINDS.values(), "obj": obj},
    )
