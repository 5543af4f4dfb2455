"""Two-factor sign-in: required for portal administrators and approvers, optional for others,
with single-use recovery codes."""

import re

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD


def sign_in(client, username):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_an_approver_must_set_up_an_authenticator_app_before_anything_else(client, world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code delays the next try by a second; not here
    sign_in(client, "approver")
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor_setup"))
    page = client.get(response.url).content.decode()
    assert "Set up two-factor sign-in" in page and 'src="data:image/svg+xml;base64,' in page
    device = TOTPDevice.objects.get(user=world.approver, confirmed=False)
    assert client.post(reverse("two_factor_setup"), {"code": "000000"}).status_code == 422
    done = client.post(reverse("two_factor_setup"), {"code": code_for(device)})
    codes = re.findall(r"<li>(\w+)</li>", done.content.decode())
    assert "keep your recovery codes" in done.content.decode() and len(codes) == 10
    assert client.get(reverse("dashboard")).status_code == 200


def test_with_a_device_every_sign_in_asks_for_a_code_and_a_recovery_code_works_once(client, world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=world.approver, name="Authenticator app", confirmed=True)
    from partnership_portal.two_factor import new_recovery_codes

    recovery = new_recovery_codes(world.approver)
    sign_in(client, "approver")
    response = client.get(reverse("dashboard"))
    assert response.url.startswith(reverse("two_factor_verify"))
    wrong = client.post(reverse("two_factor_verify"), {"code": "123456", "next": "/dashboard/"})
    assert wrong.status_code == 422 and "That code is not right" in wrong.content.decode()
    assert client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": "/dashboard/"}).url == (
        "/dashboard/"
    )
    assert client.get(reverse("dashboard")).status_code == 200

    other = type(client)()
    sign_in(other, "approver")
    assert other.post(reverse("two_factor_verify"), {"code": recovery[0]}).status_code == 302
    assert not StaticToken.objects.filter(token=recovery[0]).exists()  # used up


def test_an_administrator_cannot_reach_the_admin_on_a_password_alone(client, world):
    sign_in(client, "admin")
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor_setup"))


def test_two_factor_is_optional_for_an_editor_who_may_turn_it_on(client, world):
    sign_in(client, "editor")
    assert client.get(reverse("dashboard")).status_code == 200
    assert "Set up two-factor sign-in" in client.get(reverse("two_factor_setup")).content.decode()
    device = TOTPDevice.objects.get(user=world.editor)
    client.post(reverse("two_factor_setup"), {"code": code_for(device)})
    again = type(client)()
    sign_in(again, "editor")
    assert again.get(reverse("dashboard")).url.startswith(reverse("two_factor_verify"))


def test_the_qr_code_shown_is_the_qr_code_of_the_apps_key(client, world):
    """The image is drawn in Python (a rectangle per run of dark modules): it must still be the
    standard QR code of the key's otpauth:// address, quiet zone included, module for module."""
    import base64

    import qrcode

    sign_in(client, "editor")
    page = client.get(reverse("two_factor_setup")).content.decode()
    device = TOTPDevice.objects.get(user=world.editor)
    svg = base64.b64decode(re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page).group(1)).decode()
    from partnership_portal.two_factor import QR_MASK

    expected = qrcode.QRCode(border=4, mask_pattern=QR_MASK)
    expected.add_data(device.config_url)
    expected.make(fit=True)
    matrix = expected.get_matrix()
    side = len(matrix)
    assert f'viewBox="0 0 {side} {side}"' in svg
    drawn = [[False] * side for _ in range(side)]
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", svg):
        for column in range(int(x), int(x) + int(width)):
            drawn[int(y)][column] = True
    assert drawn == [list(row) for row in matrix]
    key = base64.b32encode(device.bin_key).decode()
    assert key[:4] in page  # the key is shown as text too, in groups of four


def test_the_page_after_a_change_of_role_or_device_asks_for_the_second_factor(client, world):
    """Each request reads the person's devices and roles afresh (with the person, in one query)."""
    from django_otp.plugins.otp_static.models import StaticDevice

    from partners.models import PartnershipRole, Role

    sign_in(client, "editor")
    assert client.get(reverse("dashboard")).status_code == 200
    PartnershipRole.objects.create(user=world.editor, partnership=world.partnership, role=Role.APPROVER)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor_setup"))

    partner = type(client)()
    sign_in(partner, "partner")
    assert partner.get(reverse("dashboard")).status_code == 200
    StaticDevice.objects.create(user=world.submitter, name="Recovery codes", confirmed=True)  # codes alone
    assert partner.get(reverse("dashboard")).url.startswith(reverse("two_factor_verify"))
