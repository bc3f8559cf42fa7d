"""Data files framing needs at run time (abbreviations, irregular verb forms, ...)."""
