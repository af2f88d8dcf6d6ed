"""Services of the portal: accounts and representation, the electronic inbox, uploads."""
