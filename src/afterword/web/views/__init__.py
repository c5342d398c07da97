"""One module per part of the journey; each only translates HTTP into use-case calls."""
