-- Column lineage keeps every transformation an input field goes through (OpenLineage columnLineage lists several per
-- input field, e.g. DIRECT/IDENTITY and INDIRECT/FILTER), not only the first. Each element is
-- {"type", "subtype", "description"}; transformation_type/subtype stay the first one (what existing readers show).
-- Additive: existing rows get an empty list until their source is harvested again.
ALTER TABLE column_lineage_edges ADD COLUMN IF NOT EXISTS transformations jsonb NOT NULL DEFAULT '[]';
