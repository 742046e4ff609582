"""Search relevance: judged queries over the demo content, and the metrics that score them.

`judgements.yaml` lists, per language, queries a government official, donor or learner
would type, with the documents that should come first (grade 2: the answer; 1: relevant).
`manage.py search_evaluate` runs them through the search service and reports MRR and
nDCG@10.
"""
