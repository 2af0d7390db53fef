// name: write/unlock
// description: Release the named lock if $owner holds it.
// param: name (string) — the lock
// param: owner (string) — who releases it
MATCH (l:Lock {name: $name})
WHERE l.owner = $owner
SET l.owner = null, l.until = null, l.since = null
