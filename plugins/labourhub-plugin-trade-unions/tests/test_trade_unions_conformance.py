from labourhub.testing.conformance import PluginConformance


class TestConformance(PluginConformance):
    app_label = "hn_trade_unions"
