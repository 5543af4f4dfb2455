"""Print HTML -> tagged PDF (PDF/UA-1) with WeasyPrint.

Resources come only from the portal's own static files and uploaded media: the print HTML asks
for `/static/...` and `/media/...`, and `LocalFetcher` maps those to files on disk and refuses
every other address, so nothing in a report (a logo, an image URL typed by an editor) can make
the renderer reach the network or read other files.

Determinism: the HTML carries `dcterms.created`/`dcterms.modified` from the report's own data and
the PDF identifier is a hash of the HTML, so the same HTML gives the same PDF bytes. The only
metadata that may differ between renders of one report is the one the HTML states (see
docs/rendering.md).
"""

import hashlib
import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

PDF_VARIANT = "pdf/ua-1"


def _local_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = posixpath.normpath(unquote(parts.path))
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (root / path.removeprefix(settings.MEDIA_URL)).resolve()
        return candidate if candidate.is_relative_to(root) and candidate.is_file() else None
    return None


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = _local_path(url)
            if path is None:
                raise ValueError(f"the print renderer only reads the portal's own files, not {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})

    return LocalFetcher()


def write_pdf(print_html: str, *, stylesheet: str = "", stats: dict | None = None) -> bytes:
    """The PDF for one print HTML document: tagged, fonts embedded, deterministic.

    `stylesheet` is extra CSS (the partnership's colours), given here so the HTML needs no style.
    """
    from weasyprint import CSS, HTML  # imported here: WeasyPrint loads pango, which HTML renders never need

    fetcher = _fetcher()
    document = HTML(string=print_html, base_url="file:///", url_fetcher=fetcher, media_type="print")
    stylesheets = [CSS(string=stylesheet, base_url="file:///", url_fetcher=fetcher)] if stylesheet else []
    identifier = hashlib.sha256((print_html + stylesheet).encode("utf-8")).hexdigest()[:32].encode()
    options = {"pdf_variant": PDF_VARIANT, "pdf_identifier": identifier}
    laid_out = document.render(stylesheets=stylesheets, **options)
    if stats is not None:
        stats["pages"] = len(laid_out.pages)
    return laid_out.write_pdf(**options)
