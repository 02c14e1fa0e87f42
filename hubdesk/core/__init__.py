"""Domain layer: no Qt, no sockets."""
