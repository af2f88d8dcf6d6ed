"""Vietnam country pack: the labour inspectorate's inspection and administrative sanctions."""
