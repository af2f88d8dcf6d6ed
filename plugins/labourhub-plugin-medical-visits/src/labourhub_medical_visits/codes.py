"""The codes this plugin declares to the core, shared by its hooks and its services."""

SLUG = "medical-visits"
CERTIFICATE = "medical_fitness_certificate"
# The certificate states the verdict and any work restrictions, never the clinical findings: it is
# handed to the employer, and health data stays with the physician.
CERTIFICATE_TEXT_ES = (
    "Certificado de aptitud médica laboral",
    "<p>{{ ministry.name }} certifica que, en la visita médica {{ extra.visit_number }} del "
    "{{ extra.visited_on }} al establecimiento <strong>{{ extra.establishment }}</strong>, "
    "la persona trabajadora <strong>{{ extra.worker_name }}</strong> "
    "(documento {{ extra.worker_id_number }}), puesto {{ extra.job_title }}, fue examinada por "
    "el médico del trabajo {{ officer.full_name }}.</p>"
    "<p>Dictamen: <strong>{{ extra.fitness }}</strong>.</p>"
    "{% if extra.restrictions %}<p>Restricciones: {{ extra.restrictions }}</p>{% endif %}",
)
CERTIFICATE_TEXT_EN = (
    "Occupational fitness certificate",
    "<p>{{ ministry.name }} certifies that, during medical visit {{ extra.visit_number }} on "
    "{{ extra.visited_on }} to <strong>{{ extra.establishment }}</strong>, the worker "
    "<strong>{{ extra.worker_name }}</strong> (ID {{ extra.worker_id_number }}), job "
    "{{ extra.job_title }}, was examined by the occupational physician {{ officer.full_name }}.</p>"
    "<p>Verdict: <strong>{{ extra.fitness }}</strong>.</p>"
    "{% if extra.restrictions %}<p>Restrictions: {{ extra.restrictions }}</p>{% endif %}",
)
