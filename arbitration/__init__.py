"""arbitration: 类案同裁 for labour-dispute arbitration commissions.

Stages, in the order data flows: `ingest` (files → Documents) → `extract` (Documents → Case) → `law` (taxonomy,
statutes, calculators) → `retrieval` (similar past awards) → `hearing` (live clerk) → `outline` / `drafting`.
A stage never imports a later one.
"""

__version__ = "0.1.0"
