"""Serving a stored, immutable file through Django's storage API, as a careful file server would.

Strong ETag (the sha256 of the bytes), Last-Modified, conditional requests (304/412), HEAD
without a body, single byte ranges (206, 416 when unsatisfiable, If-Range), a download file
name and caching headers. The bytes are streamed from storage, never read whole or re-rendered;
on local storage gunicorn sends a whole file with sendfile.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

CHUNK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass(frozen=True)
class StoredFile:
    name: str  # the storage name
    content_type: str
    size: int
    sha256: str
    modified: datetime
    download_name: str = ""  # sent as an attachment under this name; empty: shown inline

    @property
    def etag(self):
        return f'"{self.sha256}"'


def serve_stored(request, stored: StoredFile, storage, *, cache_control: str, on_download=None):
    """The response for GET or HEAD of `stored`; `on_download()` runs once per download started.

    A download "starts" when a GET asks for the file from its first byte (a whole-file GET or a
    range beginning at 0): PDF viewers fetch one file in many ranges and count once.
    """
    last_modified = int(stored.modified.timestamp())
    conditional = get_conditional_response(request, etag=stored.etag, last_modified=last_modified)
    if conditional is not None:
        _describe(conditional, stored, last_modified, cache_control)
        return conditional

    byte_range = _requested_range(request, stored, last_modified)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{stored.size}"
        _describe(response, stored, last_modified, cache_control)
        return response

    start, end = byte_range or (0, stored.size - 1)
    length = end - start + 1 if stored.size else 0
    if request.method == "HEAD":
        response = HttpResponse(status=206 if byte_range else 200)
    elif byte_range:
        response = StreamingHttpResponse(_read_range(storage, stored.name, start, length), status=206)
    else:
        response = FileResponse(storage.open(stored.name, "rb"))
    if byte_range:
        response["Content-Range"] = f"bytes {start}-{end}/{stored.size}"
    response["Content-Length"] = str(length)
    _describe(response, stored, last_modified, cache_control)
    if request.method == "GET" and start == 0 and on_download is not None:
        on_download()
    return response


def _describe(response, stored, last_modified, cache_control):
    response["ETag"] = stored.etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache_control
    response["Accept-Ranges"] = "bytes"
    if response.status_code in (200, 206):
        response["Content-Type"] = stored.content_type
        if stored.download_name:
            response["Content-Disposition"] = f'attachment; filename="{stored.download_name}"'
    return response


def _requested_range(request, stored, last_modified):
    """(first, last) byte for a single satisfiable range, None for the whole file, or "unsatisfiable".

    Several ranges in one request get the whole file (allowed by RFC 9110, and no reader needs them).
    """
    header = request.headers.get("Range", "").strip()
    if not header or not _if_range_holds(request, stored, last_modified):
        return None
    match = RANGE.match(header.replace(" ", ""))
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        suffix = int(last)
        if suffix == 0 or stored.size == 0:
            return "unsatisfiable"
        return max(stored.size - suffix, 0), stored.size - 1
    start = int(first)
    if start >= stored.size:
        return "unsatisfiable"
    end = min(int(last), stored.size - 1) if last else stored.size - 1
    if end < start:
        return None  # a malformed range is ignored
    return start, end


def _if_range_holds(request, stored, last_modified):
    condition = request.headers.get("If-Range", "").strip()
    if not condition:
        return True
    if condition.startswith('"') or condition.startswith("W/"):
        return condition == stored.etag  # strong comparison only
    return parse_http_date_safe(condition) == last_modified


def _read_range(storage, name, start, length):
    with storage.open(name, "rb") as handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
