"""The core's test kit for the core suite and for plugin authors."""
