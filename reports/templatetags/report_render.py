"""`{% render_block block %}`: one block through its type's template, with its plain context."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def render_block(context, block):
    block_template = context.template.engine.get_template(block.template)
    with context.push(**block.context, block_id=block.id, block=block):
        return block_template.render(context)
