-- The traceability service owns a database of its own on the same server.
CREATE DATABASE coop_traceability OWNER coop;
