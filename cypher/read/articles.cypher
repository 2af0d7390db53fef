// name: read/articles
// description: Every article in the `kg extract` JSON shape (used by `kg export`).
MATCH (a:Article)
RETURN {id: a.id, title: a.title, url: properties(a).url, source: properties(a).source,
        published: properties(a).published, path: a.path, sha256: a.sha256} AS row
