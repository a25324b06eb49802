"""Pipeline components, one sub-package each (factory, component, patterns, value model)."""
