// Interop "fixture" <model> & friends: a baligraph model for Neo4j.
// Data as of 2024-06.
// Load with: cypher-shell -f FILE (running it again updates the same graph).
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `member-organisation_id` IF NOT EXISTS FOR (n:MemberOrganisation) REQUIRE n.id IS UNIQUE;
MERGE (n:State {id: 'australia'}) SET n.kind = 'state', n.name = 'Australia', n.aliases = ['AUS', 'AU'], n.sources = ['S1', 'S2'], n.confidence = 'stated', n.since = '2002-02', n.at = '@handle', n.`attr:attr:x` = 'a prefixed key', n.empty = '', n.formula = '=SUM(A1:A2)', n.iso2 = 'AU', n.iso3 = 'AUS', n.`json-like` = '["looks","like","a list"]', n.members = '3', n.minus = '-not a number', n.`attr:name` = 'an attribute called name', n.negative = '-12', n.`quoted-like` = '"quoted"', n.region = 'Pacific', n.share = '0.5', n.tags = ['alpha', 'beta'];
MERGE (n:State {id: 'hostile'}) SET n.kind = 'state', n.name = 'Quote " apostrophe \' back\\slash <script>alert(1)</script> & amp # | ` 🦘 \u202Eevil', n.short = 'H;1', n.aliases = ['semi;colon', ' padded '], n.article = '', n.sources = ['S2'], n.confidence = 'inferred', n.note = 'Line one\nline two, with "quotes"\ttab\r\nand CRLF', n.until = '2012', n.url = 'https://example.org/x';
MERGE (n:MemberOrganisation {id: '2023-forum'}) SET n.kind = 'member-organisation', n.name = '2023 Forum', n.short = 'Forum', n.sources = ['S1'], n.confidence = 'stated', n.since = '2023-03-01', n.until = '2023-03-02';
MERGE (n:Group {id: 'wg'}) SET n.kind = 'group', n.name = 'Working Group', n.sources = ['S1'], n.confidence = 'stated';
MERGE (n:Group {id: 'sg'}) SET n.kind = 'group', n.name = 'Steering Group', n.short = 'SG', n.confidence = 'stated', n.note = '- starts with a dash';
MATCH (a:State {id: 'australia'}), (b:Group {id: 'wg'}) MERGE (a)-[r:MEMBER_OF {relation: 'member-of', key: 0}]->(b) SET r.relation = 'member-of', r.label = 'is a member of', r.sources = ['S1'], r.confidence = 'stated';
MATCH (a:State {id: 'australia'}), (b:Group {id: 'wg'}) MERGE (a)-[r:CO_CHAIRS {relation: 'co-chairs', key: 0}]->(b) SET r.relation = 'co-chairs', r.label = 'co-chairs', r.sources = ['S1', 'S2'], r.confidence = 'stated', r.since = '2010', r.until = '2015-06';
MATCH (a:State {id: 'australia'}), (b:Group {id: 'wg'}) MERGE (a)-[r:CO_CHAIRS {relation: 'co-chairs', key: 1}]->(b) SET r.relation = 'co-chairs', r.label = 'co-chairs', r.sources = ['S2'], r.confidence = 'stated', r.since = '2019';
MATCH (a:State {id: 'hostile'}), (b:Group {id: 'wg'}) MERGE (a)-[r:MEMBER_OF {relation: 'member-of', key: 0}]->(b) SET r.relation = 'member-of', r.label = 'is a member of', r.sources = ['S2'], r.confidence = 'inferred', r.note = 'an edge note\nover two lines', r.list = ['x', 'y, z'], r.`attr:type` = 'formal', r.weight = '2.5';
MATCH (a:MemberOrganisation {id: '2023-forum'}), (b:Group {id: 'sg'}) MERGE (a)-[r:MEMBER_OF {relation: 'member-of', key: 0}]->(b) SET r.relation = 'member-of', r.label = 'is a member of', r.sources = ['S1'], r.confidence = 'stated';
MATCH (a:Group {id: 'wg'}), (b:Group {id: 'sg'}) MERGE (a)-[r:PART_OF {relation: 'part-of', key: 0}]->(b) SET r.relation = 'part-of', r.label = 'is part of', r.sources = ['S1'], r.confidence = 'stated';
MATCH (a:State {id: 'australia'}), (b:State {id: 'hostile'}) MERGE (a)-[r:COOPERATES_WITH {relation: 'cooperates-with', key: 0}]->(b) SET r.relation = 'cooperates-with', r.label = 'cooperates with', r.sources = ['S2'], r.confidence = 'stated';
