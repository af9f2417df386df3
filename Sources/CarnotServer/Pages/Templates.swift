import Foundation
/// The pages' Mustache templates. `{{x}}` escapes HTML; `{{{x}}}` is only used for markup built by
/// `HTML` (which escapes every text it takes) or by another template.
enum Templates {
    static let layout = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · Carnot registry</title>
    <style>
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.45}
    header{background:#0b3d6e;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center}
    header a{color:#fff}
    header .brand{font-weight:700;text-decoration:none;font-size:1.1rem}
    nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
    header form{margin-left:auto;display:flex;gap:.3rem}
    main{max-width:72rem;margin:0 auto;padding:1rem}
    a{color:#0a4b8c}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #c8c8c8}
    th{background:#eef2f7}
    .scroll{overflow-x:auto}
    caption{text-align:left;padding:.3rem 0}
    fieldset.cut{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end}
    fieldset.cut legend{font-size:.9rem;padding:0;margin-bottom:.2rem}
    form.query{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end;background:#f4f6f9;padding:.7rem;border-radius:4px}
    form.query label{display:flex;flex-direction:column;font-size:.9rem}
    input,select,button{font-size:1rem;padding:.3rem;border:1px solid #6b6b6b;border-radius:3px}
    button{background:#0b3d6e;color:#fff;border-color:#0b3d6e}
    .note{color:#404040;font-size:.92rem}
    .ok{color:#1b5e20;font-weight:600}.bad{color:#b00020;font-weight:600}
    svg a:focus rect,svg a:hover rect{stroke:#000;stroke-width:2}
    footer{max-width:72rem;margin:1rem auto;padding:0 1rem;color:#404040;font-size:.85rem}
    </style>
    </head>
    <body>
    <header>
    <a class="brand" href="/">Carnot registry</a>
    <nav aria-label="Main"><ul><li><a href="/">Network</a></li><li><a href="/log">Log</a></li><li><a href="/audit">Audit</a></li><li><a href="/openapi.json">API</a></li></ul></nav>
    <form role="search" action="/search" method="get"><label for="site-search" class="visually-hidden" style="position:absolute;left:-9999px">Search by name or id</label><input id="site-search" name="q" type="search" placeholder="Name or id" value="{{query}}"><button type="submit">Search</button></form>
    </header>
    <main id="main">
    {{{body}}}
    </main>
    <footer>Log head {{headSeq}}:{{headHash}} · every answer here is computed from the hash-chained log; <a href="/api/verify">verify it</a>.</footer>
    </body>
    </html>
    """

    static let network = """
    <h1>The Carnot network on {{at}}</h1>
    <form class="query" method="get" action="/">
    <label for="at">Day<input id="at" name="at" type="date" value="{{at}}" required></label>
    <fieldset class="cut"><legend>As known at (optional: one of them)</legend>
    <label for="upto">Log position<input id="upto" name="upto" type="number" min="0" value="{{upto}}"></label>
    <label for="knownAt">Date<input id="knownAt" name="knownAt" type="date" value="{{knownAt}}"></label>
    </fieldset>
    <button type="submit">Show</button>
    </form>
    <p>As known at log position {{cutSeq}}{{#knownAtText}} ({{knownAtText}}){{/knownAtText}}. {{labelled}} institutes held a label that day ({{carnot}} Carnot, {{tremplin}} Tremplin) among {{registered}} registered.</p>
    <p class="note" id="completeness"><strong>Completeness:</strong> {{#completeness}}{{text}}{{^last}}; {{/last}}{{/completeness}}{{^completeness}}no call results published yet{{/completeness}}.</p>
    <h2>Institutes</h2>
    <div class="scroll"><table>
    <caption class="note">Each institute registered on {{at}}, with the label it held that day</caption>
    <thead><tr><th scope="col">Institute</th><th scope="col">Label</th><th scope="col">Schools</th><th scope="col">Consortia</th></tr></thead>
    <tbody>
    {{#institutes}}<tr><td><a href="/institutes/{{id}}?at={{at}}">{{name}}</a> <span class="note">({{id}})</span></td><td>{{label}}</td><td>{{#schools}}<a href="/entities/{{id}}?at={{at}}">{{name}}</a> <span class="note">{{role}}</span><br>{{/schools}}</td><td>{{#consortia}}<a href="/entities/{{id}}?at={{at}}">{{id}}</a><br>{{/consortia}}</td></tr>
    {{/institutes}}
    </tbody></table></div>
    <h2>Offices of the association</h2>
    <ul>{{#offices}}<li>{{office}}: <a href="/entities/{{person}}?at={{at}}">{{name}}</a>{{#representing}} (for <a href="/entities/{{representing}}?at={{at}}">{{representing}}</a>){{/representing}}</li>{{/offices}}{{^offices}}<li>none recorded on that day</li>{{/offices}}</ul>
    <h2>Consortia</h2>
    <ul>{{#consortiaList}}<li><a href="/entities/{{id}}?at={{at}}">{{name}}</a>: {{members}}</li>{{/consortiaList}}{{^consortiaList}}<li>none on that day</li>{{/consortiaList}}</ul>
    """

    static let institute = """
    <h1>{{name}}</h1>
    <p>Institute <code>{{id}}</code>{{#home}}, home institutions: {{home}}{{/home}}. <a href="/entities/{{id}}?at={{at}}">History and explanation</a> · <a href="/api/entities/{{id}}/history">NDJSON</a></p>
    <h2 id="timeline-title">Timeline, 2006 to {{today}}</h2>
    <p class="note">Label terms (Carnot in blue, Tremplin in orange, probation striped), schools (green) and consortia (purple). Each bar links to the event behind it.</p>
    <div class="scroll">{{{svg}}}</div>
    <h2>The bars and their events</h2>
    <div class="scroll"><table>
    <thead><tr><th scope="col">Row</th><th scope="col">What</th><th scope="col">From</th><th scope="col">Until</th><th scope="col">Events</th></tr></thead>
    <tbody>{{#bars}}<tr><td>{{row}}</td><td>{{text}}</td><td>{{from}}</td><td>{{until}}</td><td>{{#events}}<a href="/events/{{seq}}">{{seq}}</a> {{/events}}</td></tr>{{/bars}}</tbody>
    </table></div>
    """

    static let entity = """
    <h1>{{title}}</h1>
    <form class="query" method="get" action="/entities/{{id}}">
    <label for="at">Explain on day<input id="at" name="at" type="date" value="{{at}}" required></label>
    <button type="submit">Explain</button>
    </form>
    {{#explained}}
    <h2>On {{at}}</h2>
    <div class="scroll"><table><thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Made by</th></tr></thead>
    <tbody>{{#fields}}<tr><td>{{field}}</td><td><code>{{value}}</code></td><td>{{#madeBy}}<a href="/events/{{seq}}">{{seq}}</a> {{event}} ({{effective}}, {{confidence}})<br>{{/madeBy}}{{^madeBy}}no event set it{{/madeBy}}</td></tr>{{/fields}}</tbody></table></div>
    {{#hasSkipped}}<h3>Taken out by a correction</h3>{{/hasSkipped}}
    <ul>{{#skipped}}<li><a href="/events/{{eventSeq}}">{{eventSeq}}</a> {{eventText}}, by <a href="/events/{{bySeq}}">{{bySeq}}</a></li>{{/skipped}}</ul>
    {{/explained}}
    {{^explained}}<p>{{missing}}</p>{{/explained}}
    <h2>History</h2>
    <div class="scroll"><table><thead><tr><th scope="col">Seq</th><th scope="col">Effective</th><th scope="col">Recorded</th><th scope="col">Event</th><th scope="col">Source</th><th scope="col">Status</th></tr></thead>
    <tbody>{{#history}}<tr><td><a href="/events/{{seq}}">{{seq}}</a></td><td>{{effective}}</td><td>{{recorded}}</td><td>{{text}}</td><td>{{source}}</td><td>{{status}}</td></tr>{{/history}}</tbody></table></div>
    {{#paged}}<p>{{#earlier}}<a href="{{earlier}}">Earlier events</a> · {{/earlier}}{{#newest}}<a href="{{newest}}">Newest events</a> · {{/newest}}every event: <a href="/api/entities/{{id}}/history">NDJSON</a></p>{{/paged}}
    """

    static let event = """
    <h1>Event {{seq}}: {{type}}</h1>
    <p>{{text}}</p>
    <dl>
    <dt>Effective</dt><dd>{{effective}}</dd>
    <dt>Recorded</dt><dd>{{recorded}} by {{recordedBy}}</dd>
    <dt>Source</dt><dd>{{source}}</dd>
    <dt>Confidence</dt><dd>{{confidence}}</dd>
    {{#note}}<dt>Note</dt><dd>{{note}}</dd>{{/note}}
    {{#status}}<dt>Status</dt><dd>{{status}}</dd>{{/status}}
    <dt>Hash</dt><dd><code>{{hash}}</code></dd>
    </dl>
    <p>Entities: {{#entities}}<a href="/entities/{{id}}">{{id}}</a> {{/entities}}</p>
    <pre style="white-space:pre-wrap;word-break:break-all">{{line}}</pre>
    """

    static let log = """
    <h1>The log</h1>
    <p>Head: position {{headSeq}}, hash <code>{{headHash}}</code>.</p>
    <form class="query" method="get" action="/log">
    <label for="type">Event type<select id="type" name="type"><option value="">any</option>{{#types}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/types}}</select></label>
    <label for="entity">Entity id<input id="entity" name="entity" value="{{entity}}"></label>
    <label for="since">After position<input id="since" name="since" type="number" min="0" value="{{since}}"></label>
    <button type="submit">Filter</button>
    </form>
    <div class="scroll"><table><thead><tr><th scope="col">Seq</th><th scope="col">Recorded</th><th scope="col">Effective</th><th scope="col">Type</th><th scope="col">Event</th><th scope="col">By</th></tr></thead>
    <tbody>{{#events}}<tr><td><a href="/events/{{seq}}">{{seq}}</a></td><td>{{recorded}}</td><td>{{effective}}</td><td>{{type}}</td><td>{{text}}</td><td>{{recordedBy}}</td></tr>{{/events}}</tbody></table></div>
    {{#next}}<p><a href="{{next}}">Next events</a></p>{{/next}}
    """

    static let audit = """
    <h1>Audit</h1>
    <h2>Hash chain</h2>
    {{#valid}}<p class="ok">The chain of {{verifiedSeq}} events verifies: head {{verifiedSeq}}:{{verifiedHash}}.</p>{{/valid}}
    {{^valid}}<p class="bad">The chain fails at position {{failureSeq}}: {{failureReason}}</p>{{/valid}}
    <h2>Published snapshots</h2>
    <div class="scroll"><table><thead><tr><th scope="col">Snapshot</th><th scope="col">Day</th><th scope="col">Head</th><th scope="col">Result</th></tr></thead>
    <tbody>{{#snapshots}}<tr><td>{{file}}</td><td><a href="/?at={{at}}&amp;upto={{seq}}">{{at}}</a></td><td>{{seq}}</td><td>{{#matches}}<span class="ok">match</span>{{/matches}}{{^matches}}<span class="bad">differs</span><ul>{{#differences}}<li>{{.}}</li>{{/differences}}</ul>{{/matches}}</td></tr>{{/snapshots}}
    {{^snapshots}}<tr><td colspan="4">no snapshot folder configured</td></tr>{{/snapshots}}</tbody></table></div>
    """

    static let search = """
    <h1>Search</h1>
    <form class="query" method="get" action="/search"><label for="q">Name or id (accents ignored)<input id="q" name="q" value="{{query}}" required></label><button type="submit">Search</button></form>
    {{#searched}}<p>{{count}} result(s) for “{{query}}”.</p>{{/searched}}
    <ul>{{#results}}<li><a href="{{href}}">{{name}}</a> <span class="note">{{kind}} · {{id}}</span></li>{{/results}}</ul>
    """

    static let problem = """
    <h1>{{title}}</h1>
    <p>{{detail}}</p>
    <p><a href="/">Back to the network</a></p>
    """
}
