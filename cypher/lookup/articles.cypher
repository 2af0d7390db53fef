// name: lookup/articles
// description: The articles an argument of `kg forget` names: by article id or by the path it was read from.
// param: refs (list of strings) — article ids or paths
UNWIND $refs AS ref
CALL (ref) {
  MATCH (a:Article {id: ref}) RETURN a
  UNION
  MATCH (a:Article {path: ref}) RETURN a
}
RETURN ref, a.id AS id, a.path AS path
