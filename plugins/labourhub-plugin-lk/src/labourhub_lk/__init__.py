"""Sri Lanka country pack: the Department of Labour's inspection and prosecution procedure."""
