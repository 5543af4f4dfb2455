from django.db import migrations, models


class Migration(migrations.Migration):
    """Separate from 0002 so PostgreSQL alters no table with the data migration's writes pending."""

    dependencies = [
        ("partners", "0004_tenants_posts_groups_funding_kinds"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='fundingyear',
            name='reserves_brought_forward',
        ),
        migrations.RemoveField(
            model_name='fundingyear',
            name='reserves_carried_forward',
        ),
        migrations.AddConstraint(
            model_name='fundingline',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'contribution'), _negated=True), ('agency__isnull', False), models.Q(('label', ''), _negated=True), _connector='OR'), name='contribution_names_contributor'),
        ),
        migrations.AddConstraint(
            model_name='fundingline',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['contribution', 'use_of_reserves', 'reserves_brought_forward', 'reserves_carried_forward']), models.Q(('label', ''), _negated=True), _connector='OR'), name='income_or_spending_line_has_label'),
        ),
        migrations.AddConstraint(
            model_name='fundingline',
            constraint=models.UniqueConstraint(condition=models.Q(('kind__in', ['reserves_brought_forward', 'reserves_carried_forward'])), fields=('funding_year', 'kind'), name='one_balance_of_each_kind'),
        ),
        migrations.AddConstraint(
            model_name='partnership',
            constraint=models.CheckConstraint(condition=models.Q(('ended_on__isnull', True), ('started_on__isnull', True), ('ended_on__gte', models.F('started_on')), _connector='OR'), name='partnership_ends_after_start'),
        ),
        migrations.AddConstraint(
            model_name='partnership',
            constraint=models.CheckConstraint(condition=models.Q(('small_number_threshold__gte', 1), ('small_number_threshold__lte', 100)), name='partnership_threshold_1_to_100'),
        ),
        migrations.AddConstraint(
            model_name='post',
            constraint=models.CheckConstraint(condition=models.Q(('ended_on__isnull', True), ('started_on__isnull', True), ('ended_on__gte', models.F('started_on')), _connector='OR'), name='post_ends_after_start'),
        ),
    ]
