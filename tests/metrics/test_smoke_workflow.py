from django_scopes import scopes_disabled

from metrics import services
from metrics.models import MetricValue, ReturnStatus


def test_a_saved_draft_keeps_its_figures(world):
    ret = world.police_return
    keys = {}
    with scopes_disabled():
        checks = services.save_return(
            ret,
            {
                (world.metrics["referrals"].pk, world.areas[0].pk): services.CellInput(raw="120"),
                (world.metrics["referrals"].pk, world.areas[1].pk): services.CellInput(raw="N/K"),
            },
            by=world.submitter,
        )
        assert not any(c.errors for c in checks.values()), keys
        ret.refresh_from_db()
        assert ret.status == ReturnStatus.DRAFT
        assert MetricValue.objects.filter(collected_in=ret).count() == 2
