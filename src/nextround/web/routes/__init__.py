"""One module per page (and one for the JSON API); each exposes `router`."""
