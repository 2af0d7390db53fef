// name: write/unlock
// description: Release the named lock if $owner holds it: the node goes, so an idle graph holds no lock.
// param: name (string) — the lock
// param: owner (string) — who releases it
MATCH (l:Lock {name: $name})
WHERE l.owner = $owner
DELETE l
