"""Honduras country pack: the STSS inspection procedure, calendar and fines."""
