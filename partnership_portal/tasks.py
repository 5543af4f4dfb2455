"""Background tasks of the portal (django-tasks; `make run` starts the `db_worker` that runs them).

Arguments are plain JSON values, never model instances: a task may run later, in another process.
"""

from django.contrib.auth.forms import PasswordResetForm
from django_tasks import task


@task()
def send_password_reset(email: str, domain: str, use_https: bool) -> int:
    """Look the address up and mail a reset link to each active account that has it.

    Run in the background so the reset page answers in the same time whether or not the
    address has an account. Returns how many e-mails were sent (for the task's result only).
    """
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    users = list(form.get_users(email))
    form.save(
        domain_override=domain,
        use_https=use_https,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
    )
    return len(users)
