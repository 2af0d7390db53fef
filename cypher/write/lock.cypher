// name: write/lock
// description: Take (or keep) the named lock held in the database for $seconds: granted when nobody holds
//   it, when $owner already does (a refresh), or when the holder's time ran out (it crashed). Returns the
//   holder after the attempt, and since when it holds it.
// param: name (string) — the lock, e.g. "ingest"
// param: owner (string) — who asks: host, process id and a random token
// param: seconds (integer) — how long the lock lasts unless refreshed
MERGE (l:Lock {name: $name})
WITH l, l.owner IS NULL OR l.owner = $owner OR l.until < datetime() AS free
CALL (l, free) {
  WITH l, free WHERE free
  SET l.since = CASE WHEN l.owner = $owner THEN l.since ELSE datetime() END,
      l.owner = $owner, l.until = datetime() + duration({seconds: $seconds})
}
RETURN l.owner AS owner, toString(l.since) AS since
