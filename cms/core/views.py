from django.http import JsonResponse


def health(request):
    """Liveness probe for load balancers and containers: answers without touching services."""
    return JsonResponse({"status": "ok"})
