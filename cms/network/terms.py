"""Names of taxonomy terms in a language, looked up by their stable codes."""


def term_names(model, language):
    """{code: name} in `language`; kept for the network's e-mails, which will call the
    taxonomy manager (`model.objects.names`) directly."""
    return model.objects.names(language)
