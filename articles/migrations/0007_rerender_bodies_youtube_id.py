"""Re-render every cached body_html, and read YouTube ids with \\A…\\Z.

Bodies rendered before shortcodes became block tokens could carry a dateline
placeholder inside an author's attribute (`<a title="[[dateline]]">`); the
cache is derived data, so it is rebuilt with today's renderer.
"""

import django.core.validators
from django.db import migrations, models


def rerender_bodies(apps, schema_editor):
    from articles.rendering import render_markdown

    article_model = apps.get_model("articles", "Article")
    languages = ("en", "km")
    for article in article_model.objects.iterator():
        changed = []
        for code in languages:
            html = render_markdown(getattr(article, f"body_{code}") or "")
            if getattr(article, f"body_html_{code}") != html:
                setattr(article, f"body_html_{code}", html)
                changed.append(f"body_html_{code}")
        if changed:
            article.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_imported_post_article_version"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="youtube_id",
            field=models.CharField(
                blank=True,
                max_length=11,
                validators=[
                    django.core.validators.RegexValidator(
                        "\\A[A-Za-z0-9_-]{11}\\Z",
                        "A YouTube video id is the 11 characters after 'v=' in the "
                        "video's address.",
                    )
                ],
                verbose_name="YouTube video id",
            ),
        ),
        migrations.RunPython(rerender_bodies, migrations.RunPython.noop),
    ]
