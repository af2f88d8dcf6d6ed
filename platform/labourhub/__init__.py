"""LabourHub core: shared labour-inspection case management for ministries of labour."""

__version__ = "0.1.0"
