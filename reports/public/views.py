"""The public site: the archive of published reports, their PDFs and open data. No login.

Every view goes through `public_view` and reads only through `reports.public.selectors`.
"""

from functools import wraps

from django.core.files.storage import storages
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from reports.publishing.models import ArtefactKind

from . import selectors
from .access import public_view
from .downloads import count_download
from .microcache import remember
from .serving import StoredFile, serve_stored
from .stored_html import compose

CURRENT_FILE_CACHE = "public, max-age=300"  # /2024-25.pdf may become a correction; revalidated by ETag
# A numbered version's files never change. Cached for a day, not a year: a withdrawal (which
# may be for a child's safety) must also reach the copies that browsers and proxies keep.
VERSIONED_FILE_CACHE = "public, max-age=86400, immutable"


def _meta(request, title, description, **extra):
    return {
        "title": title,
        "description": description,
        "url": request.build_absolute_uri(request.path),
        **extra,
    }


def gone_on_withdrawal(view):
    """A withdrawn publication answers 410 Gone with a page that gives the reason."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except selectors.Gone as gone:
            publication = gone.publication
            context = {
                "publication": publication,
                "partnership": publication.partnership,
                "meta": _meta(
                    request,
                    f"{publication.partnership.name} annual report {publication.year}: withdrawn",
                    f"This report was withdrawn. {publication.withdrawal_reason}",
                    robots="noindex",
                ),
            }
            return render(request, "public/withdrawn.html", context, status=410)

    return wrapper


@public_view
def home(request):
    context = {
        "partnerships": selectors.partnerships_with_latest_reports(),
        "meta": _meta(
            request,
            "Safeguarding children partnership reports",
            "Annual reports of England's safeguarding children partnerships: read them, download the PDF "
            "and reuse every figure as open data.",
        ),
    }
    return render(request, "public/home.html", context)


@public_view
def archive(request, partnership):
    years = selectors.archive(partnership)
    context = {
        "partnership": partnership,
        "years": years,
        "meta": _meta(
            request,
            f"{partnership.name}: annual reports",
            f"Every annual report {partnership.name} has published, by year, with PDFs and open data.",
        ),
    }
    return render(request, "public/archive.html", context)


@public_view
@gone_on_withdrawal
def report(request, partnership, year, version=None):
    """The stored HTML document as published, with the publication bar; never re-rendered."""
    key = ("page", partnership.pk, str(year), version, request.get_host(), request.scheme)
    page = remember(key, lambda: _report_page(request, partnership, year, version), keep=(Http404, selectors.Gone))
    return HttpResponse(page)


def _report_page(request, partnership, year, version):
    shown = selectors.year_version(partnership, year, version)
    publication = shown.publication
    html = shown.files.get(ArtefactKind.HTML)
    if html is None:  # a predecessor board's report kept as a PDF only
        raise Http404("This report is published as a PDF only")
    meta = _meta(
        request,
        publication.title,
        publication.summary or f"The annual report of {publication.publisher_name} for {publication.year}.",
        robots="" if shown.is_current else "noindex",
        og_type="article",
    )
    context = {
        "partnership": partnership,
        "shown": shown,
        "publication": publication,
        "meta": meta,
        "canonical": request.build_absolute_uri(reverse("public:report", args=[partnership.slug, publication.year])),
    }
    page = compose(
        storages["artefacts"],
        html.name,
        head=render_to_string("public/_report_head.html", context, request=request),
        bar=render_to_string("public/_report_bar.html", context, request=request),
    )
    return page


def _file_view(kind):
    @public_view
    @gone_on_withdrawal
    def view(request, partnership, year, version=None):
        publication, artefact, _ = remember(
            ("file", partnership.pk, str(year), kind, version),
            lambda: selectors.year_artefact(partnership, year, kind, version),
            keep=(Http404, selectors.Gone),
        )
        stored = StoredFile(
            name=artefact.name,
            content_type=artefact.content_type,
            size=artefact.size,
            sha256=artefact.sha256,
            modified=publication.published_at,
            download_name=publication.download_name(kind, versioned=version is not None),
        )
        cache = VERSIONED_FILE_CACHE if version is not None else CURRENT_FILE_CACHE
        return serve_stored(
            request,
            stored,
            storages["artefacts"],
            cache_control=cache,
            on_download=lambda: count_download(artefact.pk),
        )

    view.__name__ = f"report_{kind}"
    return view


report_pdf = _file_view(ArtefactKind.PDF)
figures_csv = _file_view(ArtefactKind.CSV)
figures_json = _file_view(ArtefactKind.JSON)


@public_view
def sitemap(request):
    entries = selectors.sitemap_entries()
    partnerships = {publication.partnership for publication in entries}
    urls = [(request.build_absolute_uri(reverse("home")), None)]
    urls += [
        (request.build_absolute_uri(reverse("public:archive", args=[p.slug])), None)
        for p in sorted(partnerships, key=lambda p: p.slug)
    ]
    urls += [
        (
            request.build_absolute_uri(reverse("public:report", args=[p.partnership.slug, p.year])),
            p.published_at,
        )
        for p in entries
    ]
    return render(request, "public/sitemap.xml", {"urls": urls}, content_type="application/xml")


@public_view
def robots(request):
    lines = [
        "User-agent: *",
        "Allow: /$",
        "Allow: /reports/",
        "Disallow: /",  # the signed-in portal: nothing there for search engines
        f"Sitemap: {request.build_absolute_uri(reverse('public:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
