"""Evidence Kit: keep the proof of online violence, byte-exact, encrypted and verifiable."""

__version__ = "0.2.0"
