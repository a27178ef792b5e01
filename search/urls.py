from django.urls import path

from .autocomplete import suggestions
from .views import search_page

urlpatterns = [
    path("", search_page, name="search"),
    path("suggestions/", suggestions, name="search_suggestions"),
]
