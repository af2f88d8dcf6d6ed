"""Peru country pack: the SUNAFIL inspection and sanction procedure, calendar and fines."""
