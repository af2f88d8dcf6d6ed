"""The plugin host: hookspecs, the plugin manager and per-ministry dispatch (R21-R32)."""
