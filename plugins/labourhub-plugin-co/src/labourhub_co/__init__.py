"""Colombia country pack: the Ministerio del Trabajo's sanction procedure, calendar and fines."""
