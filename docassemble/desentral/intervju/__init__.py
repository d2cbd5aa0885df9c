"""The glue the interviews' YAML calls: answers in and out, screen validation, the overview's tables."""
