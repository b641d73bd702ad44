"""The evaluation feature: File → Evaluate models…, the evaluation window, its child processes,
results and chart."""
