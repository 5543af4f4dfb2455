# The audit trail moves to partners.AuditEvent (the portal's shared facility): every event is
# copied with its subject stored generically, so it outlives the return or figure it describes.

from django.db import migrations


def _value_label(value):
    area = value.area.name if value.area_id else "whole partnership"
    return f"{value.metric.name}, {area}"


def _return_label(ret):
    return f"{ret.agency.name} return {ret.round.year}"


def forwards(apps, schema_editor):
    Old = apps.get_model("metrics", "AuditEvent")
    New = apps.get_model("partners", "AuditEvent")
    batch = []
    for old in Old._base_manager.select_related(
        "value__metric", "value__area", "return_record__agency", "return_record__round"
    ).order_by("id").iterator(chunk_size=2000):
        data = dict(old.data)
        new = New(
            partnership_id=old.partnership_id,
            action=old.action,
            actor_id=old.actor_id,
            at=old.at,
            via=old.via,
            data=data,
        )
        if old.value_id:
            new.subject_type, new.subject_id, new.subject_label = (
                "metrics.metricvalue", str(old.value_id), _value_label(old.value)
            )
        elif old.action == "metrics.value.cleared":
            new.subject_type = "metrics.metricvalue"
            new.subject_label = f"{data.pop('metric', '')}, {data.pop('area', '')}"
        elif old.return_record_id:
            new.subject_type, new.subject_id, new.subject_label = (
                "metrics.return", str(old.return_record_id), _return_label(old.return_record)
            )
        if old.return_record_id and new.subject_type == "metrics.metricvalue":
            new.within_type, new.within_id = "metrics.return", str(old.return_record_id)
        batch.append(new)
        if len(batch) >= 2000:
            New._base_manager.bulk_create(batch)
            batch = []
    New._base_manager.bulk_create(batch)


def backwards(apps, schema_editor):
    Old = apps.get_model("metrics", "AuditEvent")
    New = apps.get_model("partners", "AuditEvent")
    MetricValue = apps.get_model("metrics", "MetricValue")
    Return = apps.get_model("metrics", "Return")
    value_ids = set(MetricValue._base_manager.values_list("id", flat=True))
    return_ids = set(Return._base_manager.values_list("id", flat=True))
    batch = []
    for new in New._base_manager.filter(action__startswith="metrics.").order_by("id").iterator(chunk_size=2000):
        return_id = None
        if new.within_type == "metrics.return":
            return_id = int(new.within_id)
        elif new.subject_type == "metrics.return" and new.subject_id:
            return_id = int(new.subject_id)
        if return_id is not None and return_id not in return_ids:
            continue  # the old table deleted a return's events with it
        value_id = int(new.subject_id) if new.subject_type == "metrics.metricvalue" and new.subject_id else None
        batch.append(
            Old(
                partnership_id=new.partnership_id,
                action=new.action,
                actor_id=new.actor_id,
                at=new.at,
                via=new.via,
                data=new.data,
                return_record_id=return_id,
                value_id=value_id if value_id in value_ids else None,
            )
        )
    Old._base_manager.bulk_create(batch)
    New._base_manager.filter(action__startswith="metrics.").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("metrics", "0002_audit_keeps_cleared_values"),
        ("partners", "0002_audit_event"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="AuditEvent"),
    ]
