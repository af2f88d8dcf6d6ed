from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "labourhub.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from labourhub.accounts.titles import role_titles
        from labourhub.audit.value_labels import audit_value_labels_register

        # A role granted or withdrawn reads, on the audit page, as the country titles it.
        audit_value_labels_register(
            subject_type="accounts.user", provider=lambda: {"role": role_titles()}
        )
