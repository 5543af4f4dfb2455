"""What the public may see, and nothing else: published versions, marked superseded or withdrawn.

Queued, rendering and failed publications, drafts, revisions, comments and live figures are not
reachable from here. Each function runs a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404

from partners.models import Partnership
from reports.publishing.models import Artefact, ArtefactKind, Publication, PublicationStatus


class Gone(Exception):
    """The publication was withdrawn: its addresses answer 410 with the reason."""

    def __init__(self, publication):
        super().__init__(publication.withdrawal_reason)
        self.publication = publication


class _Files:
    """The stored files of `self.shown_publication` by kind (prefetched: no query)."""

    @property
    def files(self):
        return {artefact.kind: artefact for artefact in self.shown_publication.artefacts.all()}

    @property
    def pdf(self):
        return self.files.get(ArtefactKind.PDF)

    @property
    def html(self):
        return self.files.get(ArtefactKind.HTML)


@dataclass
class PublishedVersion(_Files):
    publication: Publication
    current: Publication  # the year's newest published version (may be this one)
    versions: list = field(default_factory=list)  # every published version of the year, newest first

    @property
    def is_current(self):
        return self.publication.pk == self.current.pk

    @property
    def shown_publication(self):
        return self.publication


def _published():
    artefacts = Prefetch("artefacts", queryset=Artefact.objects.order_by("kind"))
    return (
        Publication.objects.filter(status=PublicationStatus.PUBLISHED)
        .select_related("partnership")
        .prefetch_related(artefacts)
    )


def year_version(partnership, year, version=None) -> PublishedVersion:
    """A year's current version, or the numbered one; Http404 if never published, Gone if withdrawn."""
    versions = list(_published().filter(partnership=partnership, year=year).order_by("-version"))
    if not versions:
        raise Http404("No published report for this year")
    current = versions[0]
    if version is None:
        chosen = current
    else:
        chosen = next((v for v in versions if v.version == version), None)
        if chosen is None:
            raise Http404("No such version")
    if chosen.is_withdrawn:
        raise Gone(chosen)
    return PublishedVersion(publication=chosen, current=current, versions=versions)


def year_artefact(partnership, year, kind, version=None):
    """(publication, artefact, is_current) for one stored file, in two queries; 404 or Gone as above."""
    publications = list(
        Publication.objects.filter(partnership=partnership, year=year, status=PublicationStatus.PUBLISHED)
        .order_by("-version")
        .only("pk", "version", "year", "withdrawn_at", "withdrawal_reason", "published_at", "partnership_id")
    )
    if not publications:
        raise Http404("No published report for this year")
    chosen = publications[0] if version is None else next((p for p in publications if p.version == version), None)
    if chosen is None:
        raise Http404("No such version")
    if chosen.is_withdrawn:
        raise Gone(chosen)
    chosen.partnership = partnership
    artefact = Artefact.objects.filter(publication=chosen, kind=kind).first()
    if artefact is None:
        raise Http404("This version has no such file")
    return chosen, artefact, chosen.pk == publications[0].pk


@dataclass
class ArchiveYear(_Files):
    year: object
    current: Publication
    earlier: list

    @property
    def shown_publication(self):
        return self.current


def archive(partnership) -> list[ArchiveYear]:
    """Every published year, newest first, predecessor boards' reports included."""
    by_year = {}
    for publication in _published().filter(partnership=partnership).order_by("-year", "-version"):
        by_year.setdefault(publication.year, []).append(publication)
    return [ArchiveYear(year=year, current=versions[0], earlier=versions[1:]) for year, versions in by_year.items()]


def partnerships_with_latest_reports():
    """Each partnership and its newest published, not withdrawn, report (or None): two queries."""
    partnerships = list(Partnership.objects.order_by("name"))
    latest = {}
    for publication in _published().filter(withdrawn_at__isnull=True).order_by("partnership", "-year", "-version"):
        latest.setdefault(publication.partnership_id, publication)
    return [(partnership, latest.get(partnership.pk)) for partnership in partnerships]


def sitemap_entries():
    """(partnership, [current publication of each year]) for sitemap.xml: published, not withdrawn."""
    rows = (
        Publication.objects.filter(status=PublicationStatus.PUBLISHED, withdrawn_at__isnull=True)
        .select_related("partnership")
        .order_by("partnership__slug", "-year", "-version")
    )
    seen, entries = set(), []
    for publication in rows:
        key = (publication.partnership_id, str(publication.year))
        if key not in seen:
            seen.add(key)
            entries.append(publication)
    return entries
