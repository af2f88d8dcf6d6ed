"""Paraguay country pack: the MTESS inspection procedure, calendar and fines."""
