-- The sample catalog's simulated scheduler (Catalog.Web/SampleCatalog) remembers how far it has simulated, so a
-- portal that was down catches up from there and two portals never emit the same runs twice. The row exists only
-- in a catalog the sample seeded: the scheduler never writes into a catalog without it.
CREATE TABLE sample_simulation (
    singleton       boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    simulated_until timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
