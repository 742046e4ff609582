"""The assistance viewsets, one module per endpoint."""
