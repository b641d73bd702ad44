"""The Qt user interface. The only package that imports PySide6."""

from chatdesk.ui.app.pyside_feature import install as _install_pyside_feature_check

# First thing: every module imported after this one (on any thread) pays PySide6's import check.
_install_pyside_feature_check()
