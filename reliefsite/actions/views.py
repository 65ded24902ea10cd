# Placeholder views: replaced by the public-site work.
from django.http import HttpResponse


def index(request):
    return HttpResponse("")


def detail(request, slug):
    return HttpResponse("")
