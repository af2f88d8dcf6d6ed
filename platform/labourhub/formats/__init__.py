"""Date and number formats for languages Django ships none for (``FORMAT_MODULE_PATH``)."""
