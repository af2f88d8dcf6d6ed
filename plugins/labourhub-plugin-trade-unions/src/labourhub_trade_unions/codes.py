"""The codes this plugin declares to the core, shared by its hooks and its services."""

# The registration procedure's code; a union's case runs on it.
REGISTRATION = "hn_trade_union_registration"
CERTIFICATE = "hn_union_certificate"
CERTIFICATE_TEXT_ES = (
    "Certificado de inscripción sindical",
    "<p>{{ ministry.name }} certifica que la organización sindical "
    "<strong>{{ extra.union_name }}</strong> queda inscrita con el número "
    "<strong>{{ extra.certificate_number }}</strong> (expediente {{ extra.file_number }}).</p>",
)
