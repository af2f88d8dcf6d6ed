"""Staff pages (thin: forms in, one service or selector, template out)."""
