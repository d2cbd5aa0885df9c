"""Documents and wording: what the templates print, Pandoc and Typst, PDF/A, the seal, the archive bundle, e-mails."""

# A session saved before 0.4.0 holds these pickled as docassemble.desentral.dokument.<class>,
# when dokument was one module: so that it resumes, the package still answers to them.
from .avtaledata import Avtaledata, Signeringsside  # noqa: F401
