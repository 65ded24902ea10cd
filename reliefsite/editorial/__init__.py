"""What every admin page shares: who may publish, the optimistic lock, readable history, import.

A plain package, not an app: the domain apps' admins build on it, so it depends on nothing above them.
"""
