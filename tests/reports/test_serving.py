"""Stored files go out as a careful file server sends them: ranges, HEAD, conditional requests."""

import datetime as dt
import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.test import RequestFactory
from django.utils.http import http_date

from reports.public.serving import StoredFile, serve_stored

BODY = bytes(range(256)) * 40  # 10,240 bytes
MODIFIED = dt.datetime(2025, 9, 30, 10, 0, tzinfo=dt.UTC)
CACHE = "public, max-age=60"


@pytest.fixture
def stored(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("hsscp/2024-25/v1/report.pdf", ContentFile(BODY))
    file = StoredFile(
        name=name,
        content_type="application/pdf",
        size=len(BODY),
        sha256=hashlib.sha256(BODY).hexdigest(),
        modified=MODIFIED,
        download_name="hsscp-annual-report-2024-25.pdf",
    )
    return storage, file


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _serve(stored, method="get", counter=None, **headers):
    storage, file = stored
    request = getattr(RequestFactory(), method)("/x", headers=headers)
    return serve_stored(request, file, storage, cache_control=CACHE, on_download=counter)


def test_a_whole_file_goes_out_with_its_type_name_hash_date_and_caching(stored):
    response = _serve(stored)
    assert response.status_code == 200
    assert _body(response) == BODY
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(BODY))
    assert response["Content-Disposition"] == 'attachment; filename="hsscp-annual-report-2024-25.pdf"'
    assert response["ETag"] == f'"{hashlib.sha256(BODY).hexdigest()}"'
    assert response["Last-Modified"] == "Tue, 30 Sep 2025 10:00:00 GMT"
    assert response["Cache-Control"] == CACHE
    assert response["Accept-Ranges"] == "bytes"


def test_head_answers_the_same_headers_without_a_body(stored):
    response = _serve(stored, "head")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Length"] == str(len(BODY))
    assert response["Content-Type"] == "application/pdf"
    assert response["ETag"] == _serve(stored)["ETag"]


def test_a_byte_range_gets_exactly_those_bytes(stored):
    response = _serve(stored, Range="bytes=100-199")
    assert response.status_code == 206
    assert _body(response) == BODY[100:200]
    assert response["Content-Range"] == f"bytes 100-199/{len(BODY)}"
    assert response["Content-Length"] == "100"


def test_open_ended_and_suffix_ranges(stored):
    assert _body(_serve(stored, Range="bytes=10000-")) == BODY[10000:]
    assert _body(_serve(stored, Range="bytes=-40")) == BODY[-40:]
    assert _body(_serve(stored, Range="bytes=10200-99999")) == BODY[10200:]


def test_head_with_a_range_describes_the_part(stored):
    response = _serve(stored, "head", Range="bytes=0-9")
    assert response.status_code == 206
    assert response.content == b""
    assert response["Content-Range"] == f"bytes 0-9/{len(BODY)}"
    assert response["Content-Length"] == "10"


def test_a_range_beyond_the_end_is_416_with_the_size(stored):
    response = _serve(stored, Range=f"bytes={len(BODY)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(BODY)}"


def test_a_stale_if_range_gets_the_whole_file(stored):
    response = _serve(stored, Range="bytes=0-9", If_Range='"some-older-version"')
    assert response.status_code == 200
    assert _body(response) == BODY
    fresh = _serve(stored, Range="bytes=0-9", If_Range=_serve(stored)["ETag"])
    assert fresh.status_code == 206


def test_several_ranges_or_nonsense_get_the_whole_file(stored):
    assert _serve(stored, Range="bytes=0-1,5-6").status_code == 200
    assert _serve(stored, Range="pages=1-2").status_code == 200


def test_a_cached_copy_is_confirmed_with_304(stored):
    etag = _serve(stored)["ETag"]
    response = _serve(stored, If_None_Match=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response["Cache-Control"] == CACHE
    later = http_date((MODIFIED + dt.timedelta(days=1)).timestamp())
    assert _serve(stored, If_Modified_Since=later).status_code == 304
    assert _serve(stored, If_None_Match='"other"').status_code == 200


def test_a_download_counts_once_however_many_ranges_the_reader_asks_for(stored):
    downloads = []

    def count():
        downloads.append(1)

    _serve(stored, counter=count)
    _serve(stored, counter=count, Range="bytes=0-1023")
    _serve(stored, counter=count, Range="bytes=1024-2047")
    _serve(stored, "head", counter=count)
    _serve(stored, counter=count, If_None_Match=_serve(stored)["ETag"])
    assert len(downloads) == 2  # one whole file, one first range; later ranges, HEAD and 304 are not downloads
