"""A rendering of a report to PDF, made in the background; the page shows its progress."""

from django.conf import settings
from django.db import models
from django_scopes import ScopedManager

from partners.models import Partnership


class RenderState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Rendering(models.Model):
    """One "Generate PDF": its stage as it runs, then the file or the reason it failed.

    Earlier successful renderings keep their files, so a failure never takes away the last good PDF.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="report_renderings")
    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="renderings")
    state = models.CharField(max_length=10, choices=RenderState.choices, default=RenderState.QUEUED)
    # Every stage reached, in order: [{"stage": "charts", "text": "Charts 3 of 9"}, …]
    stages = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to="renderings/", blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"PDF of {self.report_id} ({self.get_state_display()})"

    @property
    def is_finished(self):
        return self.state in (RenderState.DONE, RenderState.FAILED)

    @property
    def stage_text(self):
        return self.stages[-1]["text"] if self.stages else "Waiting for the background worker"
