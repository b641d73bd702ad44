"""Start-up and the application-wide Qt parts: single instance, gc guard, translations, appearance."""
