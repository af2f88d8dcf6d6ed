"""Development-only data: demo ministries, demo seeding and benchmark generators.

Installed by the dev and test settings only; product packages never import it.
"""
