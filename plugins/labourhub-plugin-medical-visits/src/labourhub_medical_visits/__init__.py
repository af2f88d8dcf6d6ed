"""Occupational medical visits: a LabourHub module plugin (first used in Honduras)."""
