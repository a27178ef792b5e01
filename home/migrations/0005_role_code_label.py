from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("home", "0004_organisation_snippet_permissions")]

    operations = [
        migrations.AlterField(
            model_name="role",
            name="code",
            field=models.CharField(
                choices=[("secretaire-general", "Secrétaire général·e d'Amnesty International")],
                help_text="La fonction que les pages du site affichent.",
                max_length=50,
                unique=True,
                verbose_name="poste",
            ),
        ),
    ]
