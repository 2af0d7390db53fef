// name: read/known_incidents
// description: The incidents already in the graph that a window of new articles may resolve to: those
//   named by one of the attack names' (:Name) keys, those with one of the given ids, and those that
//   targeted one of the given victims. Returns what each article said of each (evidence, JSON) and the
//   names of its victims.
// param: keys (list of strings) — alias keys of the attack names ("wannacry")
// param: ids (list of strings) — incident ids
// param: victims (list of strings) — entity ids
CALL () {
  UNWIND $keys AS key
  MATCH (:Name {key: key})-[:NAMES]->(i:Incident)
  RETURN i
  UNION
  UNWIND $ids AS id
  MATCH (i:Incident {id: id})
  RETURN i
  UNION
  UNWIND $victims AS id
  MATCH (:Entity {id: id})<-[:TARGETED]-(i:Incident)
  RETURN i
}
CALL (i) {
  UNWIND coalesce(i.victims, []) AS victim
  MATCH (v:Entity {id: victim})
  RETURN collect([v.id, v.name]) AS victims
}
RETURN i.id AS id, i.evidence AS evidence, victims
