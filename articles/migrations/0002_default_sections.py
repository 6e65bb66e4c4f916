"""The desk's standard sections (the archive's categories), in both languages.

Editors can rename or add sections in the admin; existing ones are left alone.
"""

from django.db import migrations

SECTIONS = [
    ("feature", "Feature", "អត្ថបទពិសេស"),
    ("mainbar", "Mainbar", "អត្ថបទចម្បង"),
    ("background", "Background", "សាវតារ"),
    ("profile", "Profile", "ប្រវត្តិរូប"),
    ("video", "Video", "វីដេអូ"),
    ("biography", "Biography", "ជីវប្រវត្តិ"),
    ("party", "Party", "គណបក្ស"),
    ("quote", "Quote", "សម្រង់សម្តី"),
    ("reference", "Reference", "ឯកសារយោង"),
    ("data", "Data", "ទិន្នន័យ"),
    ("politician", "Politician", "អ្នកនយោបាយ"),
    ("hun-sen", "Hun Sen", "ហ៊ុន សែន"),
]


def add_sections(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    for position, (slug, name_en, name_km) in enumerate(SECTIONS):
        Section.objects.get_or_create(
            slug_en=slug,
            defaults={
                "slug": slug,
                "slug_km": slug,
                "name": name_en,
                "name_en": name_en,
                "name_km": name_km,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(add_sections, migrations.RunPython.noop)]
