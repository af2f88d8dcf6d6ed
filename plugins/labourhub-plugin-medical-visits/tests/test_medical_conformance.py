from labourhub.plugin_api.testing import PluginConformance


class TestConformance(PluginConformance):
    app_label = "hn_medical_visits"
