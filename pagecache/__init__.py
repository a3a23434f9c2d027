"""Full-page cache for anonymous visitors, shared by every process, purged on every content change.

keys.py: URL normalisation and cache keys; middleware.py: serve and store; purge.py: the signal
handlers that invalidate it. See README, section "Page cache".
"""
