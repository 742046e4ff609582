import pytest
from django.core.exceptions import ValidationError

from cms.library.documents import undocs_url, validate_symbol


@pytest.mark.parametrize(
    "symbol", ["A/71/438", "A/CONF.192/BMS/2016/1", "A/47/277-S/24111", "S/RES/2220(2015)"]
)
def test_un_document_symbols_are_accepted(symbol):
    validate_symbol(symbol)


@pytest.mark.parametrize("symbol", ["A 71 438", "a/71/438", "A71438", "A/71/<script>"])
def test_malformed_symbols_are_refused(symbol):
    with pytest.raises(ValidationError):
        validate_symbol(symbol)


def test_symbols_resolve_at_undocs():
    assert undocs_url("A/CONF.192/BMS/2016/1") == "https://undocs.org/A/CONF.192/BMS/2016/1"
