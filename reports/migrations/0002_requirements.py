"""The statutory requirements of each Working Together edition, from reports/fixtures/requirements.json."""

import json
from pathlib import Path

from django.db import migrations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "requirements.json"


def load(apps, schema_editor):
    Requirement = apps.get_model("reports", "Requirement")
    for row in json.loads(FIXTURE.read_text(encoding="utf-8")):
        Requirement.objects.update_or_create(edition=row["edition"], code=row["code"], defaults=row)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_reports")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
