"""A payload corpus saved through every text field is inert in the stored data, the editor and the preview."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from reports import services
from reports.blocks import REGISTRY
from tests.conftest import login

from .helpers import make_report

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==">data</a>',
    '<svg onload="alert(5)"><script>alert(5)</script></svg>',
    '<p style="width: expression(alert(6))">css</p>',
    '"><script>alert(7)</script>',
    '<span data-figure="1|" onmouseover=alert(8)>x</span>',
]
PAYLOAD = " ".join(PAYLOADS)


class ActiveContent(HTMLParser):
    """Collects anything a browser would run: scripts (other than ours and JSON data), handlers, bad URLs, styles."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not (
            attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json"
        ):
            self.found.append(f"<script {attrs}>")
        if tag == "svg":
            self.found.append("<svg>")
        for name, value in attrs.items():
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action") and value.startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value[:20]}")
            if name == "style" and ("expression" in value or "javascript" in value or "url(" in value):
                self.found.append(f"{tag} style={value[:30]}")


def active_content(html):
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


def _every_block_with_payload():
    blocks = []
    for kind in REGISTRY.values():
        value = {}
        for field in kind.text_fields():
            value[field] = PAYLOAD
        if kind.name == "rich_text":
            value = {"html": PAYLOAD}
        elif kind.name in ("chart", "figures_table"):
            continue  # figure choices and numbers only, plus title/caption tested below
        elif kind.name == "key_figures":
            value = {"heading": PAYLOAD, "tiles": []}
        elif kind.name == "free_table":
            value = {"caption": PAYLOAD, "header": [PAYLOAD], "rows": [[PAYLOAD]]}
        elif kind.name == "action_plan":
            value = {
                "caption": PAYLOAD,
                "rows": [dict.fromkeys(["phase", "what", "how", "who", "when", "progress"], PAYLOAD) | {"rag": "red"}],
            }
        elif kind.name == "learning_event":
            value |= {"evaluation": [], "quotes": [{"text": PAYLOAD, "role": PAYLOAD}]}
        blocks.append({"type": kind.name, "value": value})
    blocks.append({"type": "chart", "value": {"title": PAYLOAD, "kind": "trend", "metrics": [], "alt": PAYLOAD}})
    return blocks


@pytest.fixture
def loaded(world):
    with scopes_disabled():
        world.metrics["referrals"].pk  # noqa: B018 - the chart below needs a metric id
    blocks = _every_block_with_payload()
    blocks[-1]["value"]["metrics"] = [world.metrics["referrals"].pk]
    report = make_report(world, sections=[(PAYLOAD[:250], blocks)])
    with scopes_disabled():
        services.add_comment(report.sections.get(), text=PAYLOAD, by=world.editor)
    return report


def test_rich_text_is_stored_without_active_content(world, loaded):
    with scopes_disabled():
        body = loaded.sections.get().body
    stored = next(b for b in body if b["type"] == "rich_text")["value"]["html"]
    assert active_content(stored) == []
    assert "<script" not in stored and "onerror" not in stored and "javascript:" not in stored


@pytest.mark.parametrize("page", ["section", "section_preview", "revisions", "preview", "report"])
def test_every_page_shows_the_payload_as_text_only(world, loaded, page):
    with scopes_disabled():
        section = loaded.sections.get()
    kwargs = {"partnership_slug": "hsscp", "year": loaded.year}
    if page in ("section", "section_preview", "revisions"):
        kwargs["pk"] = section.pk
    response = login(None, world.editor).get(reverse(f"reports:{page}", kwargs=kwargs))
    assert response.status_code == 200
    assert active_content(response.content.decode()) == []


def test_the_editor_form_cleans_rich_text_typed_in_the_browser(world, loaded):
    with scopes_disabled():
        section = loaded.sections.get()
    block = next(b for b in section.body if b["type"] == "rich_text")
    url = reverse("reports:section", kwargs={"partnership_slug": "hsscp", "year": loaded.year, "pk": section.pk})
    data = {
        "version": section.version,
        "block": [block["id"]],
        f"type-{block['id']}": "rich_text",
        f"b-{block['id']}-html": PAYLOAD,
    }
    assert login(None, world.editor).post(url, data).status_code == 302
    with scopes_disabled():
        section.refresh_from_db()
    assert active_content(section.body[0]["value"]["html"]) == []
