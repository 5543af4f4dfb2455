"""The section editor: every block's form on one page, saved together as one revision.

Adding a block shows its empty form (saved with the next save); moving or deleting a block saves
at once when every form is valid. A save from an old version is refused with both versions side
by side (status 409), the refused text kept as a revision, so nothing is lost.
"""

import uuid

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from partners import versions
from partners.access import Capability, partnership_view
from partners.years import InvalidReportingYear, ReportingYear

from . import selectors, services
from .blocks import REGISTRY, new_block_id
from .figure_refs import FigureRef, InvalidReference
from .forms import SectionDetailsForm
from .views import document_html, report_for, section_for


class BlockEntry:
    """One block on the editor page: its type, its form and (for saved blocks) its stored value."""

    def __init__(self, block_id, kind, form, value=None, is_new=False):
        self.id = block_id
        self.kind = kind
        self.form = form
        self.value = value or {}
        self.is_new = is_new
        self.from_them = False  # on the conflict screen: a block only the other person has


def _choices(request):
    return selectors.metric_choices(request.partnership)


def _entries_from_body(body, choices, current=None):
    """Forms for stored blocks; `current` (selectors.editor_extras) brings today's figure values
    into rich text and the generated text alternative of charts."""
    metrics, areas = choices
    current = current or {}
    entries = []
    for block in body:
        kind = REGISTRY.get(block["type"])
        if kind is None:
            continue
        extras = current.get(block["id"], {})
        initial = kind.initial(block["value"])
        if "html" in extras:
            initial["html"] = extras["html"]
        form = kind.form_class(initial=initial, prefix=f"b-{block['id']}", metric_choices=metrics, area_choices=areas)
        if extras.get("generated_alt"):
            form.fields["alt"].widget.attrs["placeholder"] = extras["generated_alt"]
        entries.append(BlockEntry(block["id"], kind, form, block["value"]))
    return entries


def _block_forms(report, section, choices, data_version):
    """The forms of a section as saved, with today's figure values: built again only after a change
    to the section or to what it shows (partners.versions)."""

    def build():
        entries = _entries_from_body(section.body, choices, selectors.editor_extras(report, section))
        return render_to_string("reports/_block_forms.html", {"entries": entries})

    key = f"block-forms:{section.pk}:{section.version}"
    return versions.cached(report.partnership, key, build, version=data_version)


def _entries_from_post(request, stored, choices):
    metrics, areas = choices
    entries = []
    for block_id in request.POST.getlist("block"):
        try:
            block_id = str(uuid.UUID(block_id))
        except ValueError:
            continue
        kind = REGISTRY.get(request.POST.get(f"type-{block_id}", ""))
        if kind is None:
            continue
        form = kind.form_class(
            request.POST, request.FILES, prefix=f"b-{block_id}", metric_choices=metrics, area_choices=areas
        )
        entries.append(BlockEntry(block_id, kind, form, stored.get(block_id, {}).get("value"), block_id not in stored))
    return entries


def _body_from(entries, request, section):
    body = []
    for entry in entries:
        value = entry.kind.value_from(entry.form.cleaned_data)
        upload = value.pop("upload", None) if entry.kind.name == "image" else None
        if entry.kind.name == "image":
            value["file"] = _store_image(upload, section) if upload else entry.value.get("file", "")
        body.append({"type": entry.kind.name, "id": entry.id, "value": value})
    return body


def _store_image(upload, section):
    name = f"reports/{section.partnership.slug}/{uuid.uuid4().hex}.{upload.image_type}"
    return default_storage.save(name, upload)


def _apply(op, body):
    verb, _, block_id = op.partition(":")
    index = next((i for i, b in enumerate(body) if b["id"] == block_id), None)
    if index is None:
        return body, ""
    if verb == "delete":
        removed = body.pop(index)
        return body, f"{REGISTRY[removed['type']].label} block deleted (revision history keeps it)."
    other = index - 1 if verb == "up" else index + 1
    if verb in ("up", "down") and 0 <= other < len(body):
        body[index], body[other] = body[other], body[index]
        return body, f"Block moved {verb}."
    return body, ""


def _page(
    request, report, section, entries, choices, *, version, others, status=200, conflict=None, focus="", block_forms=""
):
    metrics, areas = choices
    tags = selectors.requirement_tags(section)
    details = SectionDetailsForm(
        initial={
            "title": section.title,
            "number_label": section.number_label,
            "owner": section.owner_id,
            "state": section.state,
            "requirements": [t.requirement_id for t in tags if not t.block_id],
        },
        owners=selectors.editors_of(request.partnership),
        requirements=selectors.requirements_for(report),
    )
    return render(
        request,
        "reports/section_edit.html",
        {
            "partnership": request.partnership,
            "report": report,
            "section": section,
            "entries": entries,
            "version": version,
            "block_types": list(REGISTRY.values()),
            "metric_choices": metrics,
            "area_choices": areas,
            "details": details,
            "threads": selectors.comments_of(section),
            "others": others,
            "conflict": conflict,
            "focus": focus,
            "has_errors": any(e.form.errors for e in entries),
            "block_forms": block_forms,
        },
        status=status,
    )


@partnership_view(Capability.EDIT_REPORTS)
def section_edit(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    others = services.mark_open(section, user=request.user)
    if request.method != "POST":
        data_version = versions.current(request.partnership)
        choices = versions.cached(
            request.partnership, "figure-choices", lambda: _choices(request), version=data_version
        )
        return _page(
            request,
            report,
            section,
            [],
            choices,
            version=section.version,
            others=others,
            block_forms=_block_forms(report, section, choices, data_version),
        )
    choices = _choices(request)

    stored = {b["id"]: b for b in section.body}
    entries = _entries_from_post(request, stored, choices)
    op = request.POST.get("op", "save")
    version = request.POST.get("version")
    adding = REGISTRY.get(request.POST.get("new_type", "")) if op == "add" else None
    if op == "add" and adding is None:
        messages.error(request, "Choose the kind of block to add.")
        return _page(request, report, section, entries, choices, others=others, version=version, status=422)
    if not all(entry.form.is_valid() for entry in entries):
        if adding:
            entries.append(_new_entry(adding, choices))
        messages.error(request, "Not saved: correct the blocks marked below. Everything you typed is still here.")
        return _page(request, report, section, entries, choices, others=others, version=version, status=422)
    body = _body_from(entries, request, section)
    note = ""
    if op not in ("save", "add"):
        body, note = _apply(op, body)
    if not (adding and body == section.body):
        try:
            section = services.save_section(section, body=body, by=request.user, expected_version=version, note=note)
        except services.SectionConflict as conflict:
            return _conflict_page(request, report, conflict, entries, body, choices, others)
        except services.ReportError as error:
            messages.error(request, f"Not saved: {error} Everything you typed is still here.")
            return _page(request, report, section, entries, choices, others=others, version=version, status=422)
    if adding:
        entries = _entries_from_body(section.body, choices, selectors.editor_extras(report, section))
        entries.append(_new_entry(adding, choices))
        messages.info(request, f"{adding.label} block added at the end. Fill it in, then save the section.")
        return _page(
            request, report, section, entries, choices, others=others, version=section.version, focus=entries[-1].id
        )
    messages.success(request, note or f"Section “{section.heading}” saved.")
    return redirect("reports:section", request.partnership.slug, report.year, section.pk)


def _new_entry(kind, choices):
    metrics, areas = choices
    block_id = new_block_id()
    form = kind.form_class(prefix=f"b-{block_id}", metric_choices=metrics, area_choices=areas)
    return BlockEntry(block_id, kind, form, is_new=True)


def _conflict_page(request, report, conflict, entries, body, choices, others):
    """Theirs (as saved, through the block templates) beside mine (my forms, ready to merge and save).

    Blocks only they have (added while I was editing) join my form at their place, marked as
    theirs, so saving the merge keeps them; where we both changed a block, my form holds mine
    and theirs is shown beside it.
    """
    fresh = conflict.section
    kept = services.keep_refused_save(fresh, body=body, by=request.user)
    document = selectors.build_document(report, section_ids=[fresh.pk])
    theirs = next((s.blocks for s in document.all_sections() if s.id == fresh.pk), [])
    mine = {entry.id for entry in entries}
    merged = list(entries)
    their_entries = _entries_from_body([b for b in fresh.body if b["id"] not in mine], choices)
    for index, block in enumerate(fresh.body):
        entry = next((e for e in their_entries if e.id == block["id"]), None)
        if entry is not None:
            entry.from_them = True
            merged.insert(min(index, len(merged)), entry)
    return _page(
        request,
        report,
        fresh,
        merged,
        choices,
        version=fresh.version,
        others=others,
        status=409,
        conflict={"message": str(conflict), "theirs": theirs, "kept": kept},
    )


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def section_details(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    form = SectionDetailsForm(
        request.POST,
        owners=selectors.editors_of(request.partnership),
        requirements=selectors.requirements_for(report),
    )
    if not form.is_valid():
        messages.error(request, "Details not saved: " + " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("reports:section", request.partnership.slug, report.year, section.pk)
    owners = dict(selectors.editors_of(request.partnership))
    owner_id = form.cleaned_data["owner"]
    owner = get_user_model().objects.get(pk=owner_id) if owner_id in owners else None
    try:
        services.update_section(
            section,
            by=request.user,
            title=form.cleaned_data["title"],
            number_label=form.cleaned_data["number_label"],
            owner=owner,
            state=form.cleaned_data["state"],
        )
        services.set_requirement_tags(section, requirement_ids=form.cleaned_data["requirements"], by=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Section details saved.")
    return redirect("reports:section", request.partnership.slug, report.year, section.pk)


@partnership_view(Capability.EDIT_REPORTS)
def section_preview(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    return render(
        request,
        "reports/preview.html",
        {
            "partnership": request.partnership,
            "report": report,
            "document_html": document_html(report, section),
            "section": section,
        },
    )


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def presence(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    others = services.mark_open(section, user=request.user)
    return JsonResponse({"others": others, "version": section.version})


@partnership_view(Capability.EDIT_REPORTS)
def figure_value(request):
    """The formatted approved value of one reference, for the figure picker (4 queries)."""
    try:
        report_year = ReportingYear.parse(request.GET.get("report_year", ""))
        ref = FigureRef.from_json(
            {
                "metric": request.GET.get("metric"),
                "area": request.GET.get("area"),
                "period": request.GET.get("period") or "this",
                "year": request.GET.get("year", ""),
            }
        )
    except (InvalidReference, InvalidReportingYear) as error:
        return JsonResponse({"error": str(error)}, status=400)
    if ref is None:
        return JsonResponse({"error": "Choose a figure."}, status=400)
    resolved = selectors.resolve_one(request.partnership, ref, report_year)
    return JsonResponse(
        {"text": resolved.text, "label": resolved.label, "missing": resolved.missing, "attribute": ref.to_attribute()}
    )
