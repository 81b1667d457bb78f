"""Case work: what an item or incident is about, in words a police officer and a lawyer share.

`taxonomy.py` reads the offence categories (resources/case/categories.toml): the forms of digital
violence of GREVIO General Recommendation No. 1, each with the Dutch offences that may apply.
Information for the conversation with the police, never legal advice. `image_match.py` finds the
pictures in a vault that show the same picture (with `pdq.py`, the shareable hash).
"""
