from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    """Renders ``{{ form }}`` and ``{{ field.as_field_group }}`` in the GOV.UK Frontend style:
    an error summary at the top, then each field with its label, hint and inline error."""

    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"
