"""The library's API: national reports for their authors, reporting cycles, the questionnaire
and answers, the world reporting status and country profiles (see `LibraryConfig`)."""
