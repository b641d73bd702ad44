"""The conversation feature: controller, view, message model and delegate, message actions, token
view, context meter, chat settings panel and presets dialog."""
