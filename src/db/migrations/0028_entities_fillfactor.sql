-- Room on each page of entities for HOT updates: a credit run that changes the grades of most units
-- of a province (first grading, a new rule) then rewrites the row in place without new entries in the
-- table's ten indexes (two of them GIN over the search text). New and moved rows get the room; a
-- large existing table gets it on its next VACUUM FULL / CLUSTER.
ALTER TABLE "entities" SET (fillfactor = 90);
