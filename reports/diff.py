"""Side-by-side comparison of two section revisions: blocks paired by id, text diffed by word,
figure references shown with today's approved values (Wagtail's comparison, plus figures)."""

import difflib
from dataclasses import dataclass
from types import SimpleNamespace

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .blocks import REGISTRY
from .selectors import resolver_for


@dataclass
class FieldDiff:
    label: str
    old: str  # safe HTML with <del>
    new: str  # safe HTML with <ins>
    changed: bool


@dataclass
class BlockDiff:
    id: str
    label: str
    status: str  # "new", "deleted", "changed", "unchanged"
    fields: list
    old_figures: list  # ["Referrals, Hartlepool, 2024-25: 1,510"]
    new_figures: list


@dataclass
class Comparison:
    older: object
    newer: object
    title: FieldDiff
    blocks: list

    @property
    def changed_count(self):
        return sum(1 for b in self.blocks if b.status != "unchanged")


def word_diff(old: str, new: str) -> tuple[str, str]:
    a, b = old.split(), new.split()
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old_words, new_words = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(old_words)
            right.append(new_words)
        else:
            if old_words:
                left.append(f"<del>{old_words}</del>")
            if new_words:
                right.append(f"<ins>{new_words}</ins>")
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))  # noqa: S308 - every word escaped above


def _figures(kind, value, resolver):
    return [f"{r.label}: {r.text}" for r in (resolver.resolve(ref) for ref in kind.references(value))]


def compare_revisions(report, older, newer) -> Comparison:
    old_body = older.snapshot.get("body", [])
    new_body = newer.snapshot.get("body", [])
    resolver = resolver_for(report, [SimpleNamespace(body=old_body), SimpleNamespace(body=new_body)])
    old_by_id = {b["id"]: b for b in old_body}
    new_ids = [b["id"] for b in new_body]
    order = new_ids + [b["id"] for b in old_body if b["id"] not in set(new_ids)]
    new_by_id = {b["id"]: b for b in new_body}
    blocks = []
    for block_id in order:
        old, new = old_by_id.get(block_id), new_by_id.get(block_id)
        kind = REGISTRY.get((new or old)["type"])
        if kind is None:
            continue
        old_text = dict(kind.text(old["value"])) if old else {}
        new_text = dict(kind.text(new["value"])) if new else {}
        fields = []
        for label in list(dict.fromkeys([*old_text, *new_text])):
            left, right = word_diff(old_text.get(label, ""), new_text.get(label, ""))
            fields.append(FieldDiff(label, left, right, old_text.get(label, "") != new_text.get(label, "")))
        old_figures = _figures(kind, old["value"], resolver) if old else []
        new_figures = _figures(kind, new["value"], resolver) if new else []
        if old is None:
            status = "new"
        elif new is None:
            status = "deleted"
        else:
            status = "changed" if old["value"] != new["value"] else "unchanged"
        blocks.append(BlockDiff(block_id, kind.label, status, fields, old_figures, new_figures))
    title_left, title_right = word_diff(older.snapshot.get("title", ""), newer.snapshot.get("title", ""))
    title = FieldDiff("Title", title_left, title_right, title_left != title_right)
    return Comparison(older, newer, title, blocks)
