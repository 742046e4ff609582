"""UN document symbols: validation and the public address at which each one resolves."""

from blocks.symbols import SYMBOL_PATTERN, UNDOCS_URL, undocs_url, validate_symbol

__all__ = ["SYMBOL_PATTERN", "UNDOCS_URL", "undocs_url", "validate_symbol"]
