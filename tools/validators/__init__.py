"""`make validate`: third-party validators run against the demo site served with production settings."""
