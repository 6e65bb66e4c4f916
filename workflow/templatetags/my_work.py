"""{% my_work %}: the signed-in user's work, for the admin's front page."""

from django import template

from workflow.admin.my_work import my_work as work_of

register = template.Library()


@register.inclusion_tag("workflow/admin/my_work.html", takes_context=True)
def my_work(context):
    user = context["request"].user
    return {"buckets": work_of(user), "user": user}
