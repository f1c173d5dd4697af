"""The DuckDB warehouse: schema, loading, novelty and read queries."""
