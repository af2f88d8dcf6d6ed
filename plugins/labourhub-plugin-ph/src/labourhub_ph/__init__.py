"""Philippines country pack: DOLE's labour standards enforcement, calendar and fines."""
