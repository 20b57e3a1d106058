"""The HTTP API: FastAPI wiring over the graph and search stages (no logic of its own)."""
