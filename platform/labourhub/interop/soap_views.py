"""The Django side of the SOAP facade: body guards, the WSDL of the ministry's own host, and the
hand-over to spyne. Refusals here are SOAP 1.1 faults too, so a partner's client reads them
the same way as the operations' own faults."""

import threading

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from lxml import etree

from labourhub.interop.soap import soap_application
from labourhub.interop.spyne_compat import DjangoServer, Wsdl11

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

BODY_TOO_LARGE = gettext_noop("The request is larger than %(max)s bytes.")
BODY_NOT_XML = gettext_noop("The request is not a well-formed XML document.")
BODY_HAS_DTD = gettext_noop("Document type declarations and entities are not accepted.")

_server = DjangoServer(soap_application())
# One WSDL per ministry host (its address names the host), built once per process: spyne's
# own cache would hand the first ministry's address to every other one.
_wsdl_by_url: dict[str, bytes] = {}
# Hosts are the ministries' (ALLOWED_HOSTS), but ports and schemes vary: keep the cache bounded.
WSDL_CACHE_SIZE = 256
_wsdl_lock = threading.Lock()
# The parse that decides whether the body is XML at all: no entity, DTD, network or huge tree.
_guard_parser = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
)


def soap_fault_response(*, code: str, message: str, status: int = 500) -> HttpResponse:
    """A SOAP 1.1 fault envelope; ``message`` is already in the ministry's language."""
    envelope = etree.Element(f"{{{SOAP_ENV}}}Envelope", nsmap={"soap11env": SOAP_ENV})
    fault = etree.SubElement(
        etree.SubElement(envelope, f"{{{SOAP_ENV}}}Body"), f"{{{SOAP_ENV}}}Fault"
    )
    etree.SubElement(fault, "faultcode").text = f"soap11env:{code}"
    faultstring = etree.SubElement(fault, "faultstring")
    faultstring.text = message
    faultstring.set(XML_LANG, get_language() or settings.LANGUAGE_CODE)
    body = etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")
    return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")


def _body_refusal(request: HttpRequest) -> HttpResponse | None:
    """A fault for a body too large, not XML, or carrying a DTD (SOAP forbids them); else None."""
    limit = settings.SOAP_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return soap_fault_response(
            code="Client.TooLarge", message=_(BODY_TOO_LARGE) % {"max": limit}, status=413
        )
    body = request.read(limit + 1)
    if len(body) > limit:
        return soap_fault_response(
            code="Client.TooLarge", message=_(BODY_TOO_LARGE) % {"max": limit}, status=413
        )
    # spyne reads ``request.body``; the stream is spent, so hand the bytes read here back.
    request._body = body
    if b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper():
        return soap_fault_response(code="Client.BadInput", message=_(BODY_HAS_DTD))
    try:
        document = etree.fromstring(body, parser=_guard_parser)
    except (etree.XMLSyntaxError, ValueError):
        return soap_fault_response(code="Client.BadInput", message=_(BODY_NOT_XML))
    if document.getroottree().docinfo.doctype:
        return soap_fault_response(code="Client.BadInput", message=_(BODY_HAS_DTD))
    return None


@csrf_exempt
def soap_view(request: HttpRequest) -> HttpResponse:
    """``GET ?wsdl``: the service description; ``POST``: one SOAP 1.1 call."""
    if request.method == "GET" and "wsdl" in {key.lower() for key in request.GET}:
        return HttpResponse(
            _wsdl(request.build_absolute_uri(request.path)), content_type="text/xml; charset=utf-8"
        )
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    response = _body_refusal(request) or _server.handle_rpc(request)
    if response.status_code >= 400 and b"<faultcode>soap11env:Client" in response.content:
        # SOAP 1.1 answers faults with HTTP 500; a partner's mistake is not a server error for
        # Django's error log (and its alerting). Server faults are still logged.
        response._has_been_logged = True  # type: ignore[union-attr]
    return response


def _wsdl(url: str) -> bytes:
    with _wsdl_lock:
        if url not in _wsdl_by_url:
            if len(_wsdl_by_url) >= WSDL_CACHE_SIZE:
                _wsdl_by_url.clear()
            document = Wsdl11(_server.app.interface)
            document.build_interface_document(url)
            _wsdl_by_url[url] = document.get_interface_document()
        return _wsdl_by_url[url]
