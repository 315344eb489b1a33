from django.db import migrations


def load_dataset(apps, schema_editor):
    # The same loader as the sync_statuscodes command, here with the historical models.
    from statuscodes import dataset

    dataset.sync(
        apps.get_model("statuscodes", "StatusCode"),
        apps.get_model("statuscodes", "StatusCodeTranslation"),
    )


class Migration(migrations.Migration):
    dependencies = [("statuscodes", "0001_initial")]

    operations = [migrations.RunPython(load_dataset, migrations.RunPython.noop, elidable=False)]
