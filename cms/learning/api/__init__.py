"""The learner API under /api/v2/learning/: the catalogue (public), enrolments, progress,
quiz attempts and certificates (the signed-in learner's own, and nobody else's)."""
