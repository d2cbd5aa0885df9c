"""docassemble.desentral: agreements on decentralised work in the Norwegian state."""

__version__ = "0.3.0"
