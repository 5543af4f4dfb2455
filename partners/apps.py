from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partnerships"

    def ready(self):
        from .audit_actions import register_all

        register_all()

        from . import versions
        from .models import Agency, Area, FundingLine, FundingYear, Group, Partnership, Person, Post

        versions.watch(Partnership, lambda partnership: partnership.pk)
        for model in (Area, Person, Post, FundingYear):
            versions.watch(model)
        versions.watch(FundingLine, _funding_line_partnership)
        versions.watch(Agency, lambda agency: versions.SHARED)  # one register for every partnership
        versions.watch(Group, lambda group: versions.SHARED)  # shown by the partnerships it is shared with
        versions.watch_shared_with(Group.shared_with.through)


def _funding_line_partnership(line):
    from . import versions
    from .models import FundingYear

    partnership_id = FundingYear._base_manager.filter(pk=line.funding_year_id).values_list("partnership_id", flat=True)
    return partnership_id.first() or versions.SHARED
