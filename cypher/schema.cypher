// name: schema
// description: Constraints and indexes kg needs; run by `kg db init` and before every ingest. Idempotent.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (i:Incident) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT review_claim IF NOT EXISTS FOR (r:Review) REQUIRE r.claim IS UNIQUE;
CREATE CONSTRAINT lock_name IF NOT EXISTS FOR (l:Lock) REQUIRE l.name IS UNIQUE;
CREATE INDEX claim_predicate IF NOT EXISTS FOR (c:Claim) ON (c.predicate);
CREATE INDEX claim_status IF NOT EXISTS FOR (c:Claim) ON (c.status);
CREATE INDEX targeted_conflict IF NOT EXISTS FOR ()-[r:TARGETED]-() ON (r.conflict);
CREATE INDEX attributed_to_conflict IF NOT EXISTS FOR ()-[r:ATTRIBUTED_TO]-() ON (r.conflict);
CREATE INDEX motivated_by_conflict IF NOT EXISTS FOR ()-[r:MOTIVATED_BY]-() ON (r.conflict);
CREATE INDEX leaked_conflict IF NOT EXISTS FOR ()-[r:LEAKED]-() ON (r.conflict);
CREATE INDEX responded_to_conflict IF NOT EXISTS FOR ()-[r:RESPONDED_TO]-() ON (r.conflict);
CREATE INDEX investigates_conflict IF NOT EXISTS FOR ()-[r:INVESTIGATES]-() ON (r.conflict);
CREATE INDEX hired_conflict IF NOT EXISTS FOR ()-[r:HIRED]-() ON (r.conflict);
CREATE INDEX subsidiary_of_conflict IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() ON (r.conflict);
CREATE INDEX leader_of_conflict IF NOT EXISTS FOR ()-[r:LEADER_OF]-() ON (r.conflict);
CREATE INDEX denounced_conflict IF NOT EXISTS FOR ()-[r:DENOUNCED]-() ON (r.conflict);
CREATE INDEX produced_conflict IF NOT EXISTS FOR ()-[r:PRODUCED]-() ON (r.conflict);
CREATE INDEX appears_in_conflict IF NOT EXISTS FOR ()-[r:APPEARS_IN]-() ON (r.conflict);
CREATE INDEX executive_of_conflict IF NOT EXISTS FOR ()-[r:EXECUTIVE_OF]-() ON (r.conflict);
CREATE INDEX used_conflict IF NOT EXISTS FOR ()-[r:USED]-() ON (r.conflict);
CREATE INDEX claim_article IF NOT EXISTS FOR (c:Claim) ON (c.article);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX incident_name IF NOT EXISTS FOR (i:Incident) ON (i.name);
CREATE INDEX article_path IF NOT EXISTS FOR (a:Article) ON (a.path);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)
