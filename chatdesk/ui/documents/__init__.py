"""The documents feature: collections of the user's files the assistant can search (the Documents
window: add files and folders, index them in the background with progress and Cancel, see what
failed and why); each chat chooses its collections in the chat settings panel."""
