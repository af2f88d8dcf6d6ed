from labourhub.plugin_api.testing import PluginConformance


class TestConformance(PluginConformance):
    app_label = "pe_pack"
