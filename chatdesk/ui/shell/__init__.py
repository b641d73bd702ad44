"""The shell: the main window as composition root, the declared menu layout, and the window-level
wiring (sidebar, composer, preferences, shortcuts) that hands features their context."""
