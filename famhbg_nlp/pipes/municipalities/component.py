"""The municipalities rule component. PLACEHOLDER: being written; finds nothing yet."""

from __future__ import annotations

from ..base import RuleComponent


class MunicipalitiesComponent(RuleComponent):
    label = "MUNICIPALITY"

    def find(self, doc, **kwargs):
        return []

    def value_of(self, span, **kwargs):
        return None
