"""Which packages the wheel holds; all other metadata is in pyproject.toml.

The repository keeps the files that ship with ChatDesk (icon, desktop entry, stylesheet,
translations, evaluation texts) in the top-level ``assets/``, where designers and translators
find them. The wheel carries that tree as package data at ``chatdesk/_assets`` through a
``package_dir`` mapping, which pyproject.toml cannot express next to package discovery.
Each sub-folder is listed as a (namespace) package so setuptools copies its files without
warnings. ``chatdesk.paths.assets_dir()`` finds the tree in a checkout, a wheel or the bundle.
"""

from setuptools import find_namespace_packages, find_packages, setup

ASSET_PACKAGES = ["chatdesk._assets", *(f"chatdesk._assets.{name}" for name in find_namespace_packages(where="assets"))]

setup(
    packages=[*find_packages(include=["chatdesk*", "converters*", "ggufcheck*", "translatable*"]), *ASSET_PACKAGES],
    package_dir={"chatdesk._assets": "assets"},
    package_data={name: ["*"] for name in ASSET_PACKAGES},
)
