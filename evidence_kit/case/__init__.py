"""Case work: what turns evidence into a case (taxonomy, image matching, ...)."""
