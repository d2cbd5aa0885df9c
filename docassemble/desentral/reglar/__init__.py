"""The law: the guideline's rules and the statutes around it, as plain Python (no docassemble)."""

# A session saved before 0.4.0 holds these pickled as docassemble.desentral.reglar.<class>,
# when reglar was one module: so that it resumes, the package still answers to them.
from .vurdering import Omfang  # noqa: F401
