"""The web app: the same services as the CLI, in the browser, plus a JSON API. Build it with `create_app`."""
