"""Honduras's demo occupational medical visits: one visited with examinations and a finding, one
planned. Runs only where the medical-visits plugin is active, once, through the plugin's own
services (so certificates are numbered and every step audited). People are invented."""

import datetime as dt
import importlib

from django.db import connection, transaction

from labourhub.accounts.models import User
from labourhub.extensions import plugin_is_active
from labourhub.registry.models import Establishment
from labourhub.workflow.services import ministry_today

SLUG = "medical-visits"

EXAMS = [
    ("Karla Yolibeth Mejía Castro", "0501-1992-03311", "F", 1992, "Operaria de costura",
     ["noise", "posture"], "Hipoacusia leve bilateral; lumbalgia mecánica.", "restricted",
     "No levantar cargas de más de 15 kg; protección auditiva obligatoria."),
    ("José Armando Zelaya Pineda", "0801-1987-11872", "M", 1987, "Mecánico de máquinas",
     ["noise"], "Audiometría dentro de límites normales.", "fit", ""),
    ("Dilcia Marisol Orellana Reyes", "1804-1999-00931", "F", 1999, "Planchadora",
     ["heat", "posture"], "Deshidratación leve al final del turno; sin secuelas.", "fit", ""),
]  # fmt: skip


def medical_visits_demo_seed() -> None:
    tenant = getattr(connection, "tenant", None)
    if tenant is None or not plugin_is_active(tenant, SLUG):
        return
    models = importlib.import_module("labourhub_medical_visits.models")
    if models.MedicalVisit.objects.exists():
        return
    services = importlib.import_module("labourhub_medical_visits.services")
    physician = User.objects.filter(username="physician").first()
    sites = list(Establishment.objects.order_by("id")[:2])
    if physician is None or len(sites) < 2:
        return
    today = ministry_today()
    with transaction.atomic():
        visit = services.visit_plan(
            registration_number=sites[0].registration_number,
            planned_for=today,
            purpose="Vigilancia de la salud: ruido, calor y posturas en la línea de producción",
            actor=physician,
        )
        visit = services.visit_record(
            visit=visit,
            visited_on=today,
            workers_present=sum(n or 0 for n in (sites[0].workers_female, sites[0].workers_male)),
            exposures=["noise", "heat", "posture"],
            workplace_notes="Líneas sin pausas activas; ventilación insuficiente en planchado.",
            actor=physician,
        )
        for name, id_number, sex, born, job, exposures, findings, fitness, limits in EXAMS:
            services.examination_record(
                visit=visit,
                worker_name=name,
                worker_id_number=id_number,
                sex=sex,
                birth_year=born,
                job_title=job,
                exposures=exposures,
                clinical_findings=findings,
                fitness=fitness,
                restrictions=limits,
                actor=physician,
            )
        services.finding_raise(
            visit=visit,
            description="Ruido de 92 dB(A) en la línea de costura sin protección auditiva",
            legal_provision="Reglamento General de Medidas Preventivas de Accidentes de Trabajo "
            "y Enfermedades Profesionales (por confirmar por el ministerio)",
            corrective_measure="Dotar de protectores auditivos y medir el ruido en 30 días",
            actor=physician,
        )
        services.visit_plan(
            registration_number=sites[1].registration_number,
            planned_for=today + dt.timedelta(days=7),
            purpose="Seguimiento de exposición a calor",
            actor=physician,
        )
