"""The fiscal-year forecast: pure functions over the model, as shared/domain-model.md defines them."""
