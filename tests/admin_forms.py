"""Read an admin change form's fields out of its HTML, as a browser would post them."""

from bs4 import BeautifulSoup
from django.urls import reverse


def form_data(response, form_id="article_form"):
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if (
            not name
            or field.name == "input"
            and field.get("type")
            in {
                "submit",
                "button",
                "file",
                "datetime-local",
            }
        ):
            continue
        if field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = [
                o.get("value", "") for o in field.find_all("option", selected=True)
            ]
            if field.has_attr("multiple"):
                data[name] = chosen
            else:
                data[name] = chosen[0] if chosen else ""
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def change_url(obj):
    """The admin change form of any model instance."""
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
