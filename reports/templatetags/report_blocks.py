"""`{% render_block block %}`: one block through its type's template with its own plain context."""

from django import template
from django.template.loader import get_template

register = template.Library()


@register.simple_tag
def render_block(block):
    return get_template(block.template).render({**block.context, "block_id": block.id})
