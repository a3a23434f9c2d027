"""The facts of the demo content: plain Python data, no database access."""
