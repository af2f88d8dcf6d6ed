"""The inspector's offline app: one page (the app shell), its manifest and its service worker.

The same Django template and session as the rest of the staff app; the JavaScript is the
platform's own, served from /static/. The service worker is served from /app/offline/ so that
its scope is exactly the offline app and nothing else in /app/ is ever answered from a cache.
"""

import hashlib
import json
from functools import cache

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.forms import form_apply_errors
from labourhub.offline.forms import OfflineSettingsForm
from labourhub.offline.selectors import offline_settings_get
from labourhub.offline.services import offline_settings_update

# What the service worker keeps so that the app opens with no network.
SHELL_ASSETS = (
    "web/app.css",
    "offline/offline.css",
    "offline/store.js",
    "offline/sync.js",
    "offline/app.js",
    "offline/icon-192.png",
    "offline/icon-512.png",
)


@cache
def shell_version() -> str:
    """Changes whenever a shell file changes, so devices fetch the new shell once."""
    digest = hashlib.sha256()
    for name in SHELL_ASSETS:
        path = finders.find(name)
        if isinstance(path, str):
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:12]


@staff_page(Action.CASE_VIEW)
def offline_app_view(request: StaffRequest) -> HttpResponse:
    strings = {
        "online": _("Online"),
        "offline": _("Offline: your work is kept on this device"),
        "take": _("Take offline"),
        "taken": _("Available offline, taken %(age)s ago"),
        "available": _("Available offline"),
        "can_take": _("Assignments you can take offline"),
        "none": _("Nothing is available offline yet. Go online and take your assignments."),
        "open": _("Open"),
        "sync": _("Send my work"),
        "sync_progress": _("Sending %(done)s of %(total)s…"),
        "synced": _("All your work has reached the server."),
        "unsynced": _("%(count)s changes not sent yet"),
        "unsynced_one": _("One change not sent yet"),
        "sign_in_again": _("Your session ended. Sign in again to send your work; nothing is lost."),
        "sign_out_unsynced": _(
            "Some of your work has not been sent. If you sign out now it stays on this device "
            "until you sign in again. Sign out anyway?"
        ),
        "start": _("Start the visit"),
        "persons_met": _("Persons met"),
        "women": _("Women interviewed"),
        "men": _("Men interviewed"),
        "started": _("Visit started at %(time)s"),
        "refuse": _("Entry refused"),
        "refuse_note": _("Describe how entry was refused (who refused, when, what was said)."),
        "violation": _("Violation: %(provision)s"),
        "photo": _("Add a photo"),
        "photo_saved": _("Photo kept on this device (SHA-256 %(hash)s)"),
        "required": _("This answer is required."),
        "sign": _("Sign the minutes"),
        "signed_by": _("Your name as it appears on the minutes"),
        "sign_confirm": _("I have checked the answers and sign the minutes."),
        "signed": _("Minutes signed on this device; they are submitted at the next sync."),
        "missing": _("Answer every required question before signing: %(questions)s."),
        "conflicts": _("Changes to check"),
        "keep_mine": _("Keep my answer"),
        "keep_theirs": _("Keep their answer"),
        "mine": _("Your answer"),
        "theirs": _("Answer on the server"),
        "empty": _("(no answer)"),
        "establishment": _("Establishment"),
        "history": _("Earlier inspections"),
        "previous_findings": _("Earlier findings"),
        "authorisation": _("Order to inspect"),
        "no_authorisation": _("No valid order to inspect"),
        "back": _("Back to my assignments"),
        "location_on": _("This ministry records where the visit starts; your position is saved."),
        "saved": _("Saved on this device"),
        "rejected": _("The server refused part of this visit:"),
        "yes": _("Yes"),
        "no": _("No"),
        "na": _("Not applicable"),
        "choose": _("Choose…"),
        "bad_yes_no": _("Answer yes, no or not applicable."),
        "bad_number": _("Enter a number (at most 12 digits)."),
        "bad_date": _("Enter a date as YYYY-MM-DD."),
        "bad_choice": _("Choose one of: %(choices)s."),
        "too_long": _("Keep this under %(max)s characters."),
        "sent": _("Sent"),
        "workers": _("Workers: %(women)s women, %(men)s men"),
        "days": _("%(n)s days"),
        "hours": _("%(n)s hours"),
        "minutes": _("%(n)s minutes"),
        "minutes_text": _("Minutes: what you found, what was said and what was agreed"),
        "draw_signature": _("Sign here with your finger, a stylus or the mouse"),
        "clear_signature": _("Clear the signature"),
        "no_signature": _("Draw your signature before signing the minutes."),
        "signature_caption": _("Signature of %(name)s on the minutes"),
        "open_order": _("Open the order to inspect (PDF, kept on this device)"),
        "provisions": _("Legal provisions"),
        "pin_title": _("Protect your offline work"),
        "pin_help": _(
            "Choose a PIN of at least 6 digits. Your visits on this device are encrypted with it, "
            "so nobody else using this device can read them. You will need it each time you "
            "open the app."
        ),
        "pin": _("PIN"),
        "pin_again": _("The same PIN again"),
        "pin_set": _("Protect my work"),
        "pin_short": _("The PIN must have at least 6 digits."),
        "pin_mismatch": _("The two PINs are different."),
        "unlock_title": _("Open your offline work"),
        "unlock_help": _("Enter the PIN you chose on this device."),
        "unlock": _("Open"),
        "pin_wrong": _("Wrong PIN. Try again."),
        "pin_forgot": _("I forgot my PIN"),
        "pin_forgot_confirm": _(
            "Without the PIN your offline work on this device cannot be read. Remove it from "
            "this device and start again? Work not yet sent is lost."
        ),
    }
    response = render(
        request,
        "offline/app.html",
        {
            "strings": strings,
            "shell_version": shell_version(),
            "record_location": offline_settings_get().record_location,
        },
    )
    if offline_settings_get().record_location:
        # The platform turns geolocation off everywhere; this page may ask for it only when
        # the ministry has switched location recording on.
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)"
    return response


@staff_page(Action.CASE_VIEW)
def offline_manifest_view(request: StaffRequest) -> HttpResponse:
    ministry = getattr(request, "tenant", None)
    name = getattr(ministry, "name", "") or "LabourHub"
    manifest = {
        "name": _("%(ministry)s: inspections") % {"ministry": name},
        "short_name": _("Inspections"),
        "start_url": reverse("offline:app"),
        "scope": reverse("offline:app"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d4f91",
        "lang": request.LANGUAGE_CODE,
        "icons": [
            {
                "src": static(f"offline/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable",
            }
            for size in (192, 512)
        ],
    }
    return HttpResponse(json.dumps(manifest), content_type="application/manifest+json")


@staff_page(Action.CASE_VIEW)
def offline_service_worker_view(request: StaffRequest) -> HttpResponse:
    response = render(
        request,
        "offline/sw.js",
        {
            "shell_version": shell_version(),
            "shell_url": reverse("offline:app"),
            # Static URLs only: nothing here comes from a user.
            "assets_json": mark_safe(json.dumps([static(name) for name in SHELL_ASSETS])),  # noqa: S308
        },
        content_type="text/javascript",
    )
    return response


@staff_page(Action.CALENDAR_MANAGE)
@require_http_methods(["GET", "POST"])
def offline_settings_view(request: StaffRequest) -> HttpResponse:
    current = offline_settings_get()
    form = OfflineSettingsForm(
        request.POST or None,
        initial={"record_location": current.record_location, "keep_days": current.keep_days},
    )
    if request.method == "POST" and form.is_valid():
        try:
            offline_settings_update(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Offline settings saved."))
            return HttpResponseRedirect(reverse("offline:settings"))
    return render(request, "offline/settings.html", {"form": form})
