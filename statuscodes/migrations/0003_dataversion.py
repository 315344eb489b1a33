from django.db import migrations, models


def first_version(apps, schema_editor):
    from statuscodes.models import bump_version

    bump_version(apps.get_model("statuscodes", "DataVersion"))


class Migration(migrations.Migration):
    dependencies = [("statuscodes", "0002_load_dataset")]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveBigIntegerField(default=0, verbose_name="version")),
                ("changed", models.DateTimeField(auto_now=True, verbose_name="changed")),
            ],
            options={"verbose_name": "data version", "verbose_name_plural": "data versions"},
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop, elidable=False),
    ]
