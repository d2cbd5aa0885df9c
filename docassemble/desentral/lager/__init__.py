"""State in docassemble's storage: cases, documents and signatures (DAStore, SQL, Redis), HR's list, sending."""
