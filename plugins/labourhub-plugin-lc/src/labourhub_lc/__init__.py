"""Saint Lucia country pack: the Labour Act's inspections, orders, prosecutions and disputes."""
