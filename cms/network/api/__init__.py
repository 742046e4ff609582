"""The network API: questions with their answers, comments, votes, follows and flags; the
themes of the forum; the member's own membership; the points-of-contact directory.

Everything but the directory's public fields is for network members and the secretariat:
anonymous clients get 401, other signed-in users 403, before anything is looked up.
"""
