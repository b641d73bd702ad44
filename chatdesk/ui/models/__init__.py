"""The models feature: library window, picker, Hub downloads, remote servers, checkpoint import and
quantization comparison."""
