"""Trade-union registration (Honduras): a LabourHub plugin."""
