import type { OpenApiDocument } from './document.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `code` spans in descriptions, the only markup they use; everything else is escaped. */
const inline = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: unknown;
}

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

function schemaBlock(schema: unknown): string {
  return `<details><summary>schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

function typeOf(schema: unknown): string {
  const s = schema as { type?: string; enum?: unknown[] };
  if (s.enum) return s.enum.map(String).join(' | ');
  return s.type ?? 'any';
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = op.parameters.length
    ? `<table><thead><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th></tr></thead><tbody>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${p.required ? 'yes' : 'no'}</td><td>${inline(p.description ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const body = op.requestBody
    ? `<h4>Request body</h4>${Object.entries(op.requestBody.content)
        .map(([type, c]) => `<p><code>${type}</code></p>${schemaBlock(c.schema)}`)
        .join('')}`
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const content = Object.entries(r.content ?? {})
        .map(
          ([type, c]) => `<p><code>${escapeHtml(type)}</code></p>${type.includes('json') ? schemaBlock(c.schema) : ''}`,
        )
        .join('');
      return `<li><strong>${status}</strong> ${inline(r.description)}${content}</li>`;
    })
    .join('');
  const description = op.description
    .split('\n\n')
    .map((p) => `<p>${inline(p)}</p>`)
    .join('');
  return `<section class="op" id="${escapeHtml(op.operationId)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p class="summary">${inline(op.summary)}</p>${description}${params}${body}<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

/**
 * The API reference as one self-contained HTML page (no scripts, fonts or
 * styles from elsewhere), rendered from the OpenAPI document so it works
 * offline and always matches the server it came from.
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, value] of Object.entries(methods)) {
      const op = value as Operation;
      const tag = op.tags[0] ?? 'other';
      (byTag.get(tag) ?? byTag.set(tag, []).get(tag)!).push(renderOperation(method, path, op));
      (toc.get(tag) ?? toc.set(tag, []).get(tag)!).push(
        `<li><a href="#${escapeHtml(op.operationId)}"><span class="method ${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`,
      );
    }
  }
  const nav = [...toc].map(([tag, items]) => `<h2>${escapeHtml(tag)}</h2><ul>${items.join('')}</ul>`).join('');
  const main = [...byTag].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff;display:flex}
nav{width:22rem;flex:none;height:100vh;overflow:auto;position:sticky;top:0;border-right:1px solid #ccc;padding:0 1rem;font-size:14px}
nav ul{list-style:none;padding:0}nav a{color:#1a1a1a;text-decoration:none}nav a:hover,nav a:focus{text-decoration:underline}
main{padding:0 2rem 4rem;max-width:60rem}
.op{border-top:1px solid #ccc;padding-top:.5rem}
.method{display:inline-block;min-width:3.5rem;font-weight:700;font-family:monospace}
.get{color:#0b5394}.post{color:#1e6b1e}.put,.patch{color:#7a4a00}.delete{color:#a10000}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:13px}code{font-size:90%}
@media (max-width:50rem){body{display:block}nav{width:auto;height:auto;position:static;border:0}}
</style>
</head>
<body>
<nav aria-label="Operations"><h1>${escapeHtml(doc.info.title)}</h1><p>version ${escapeHtml(doc.info.version)} · <a href="/api/v1/openapi.json">openapi.json</a></p>${nav}</nav>
<main><p>${inline(doc.info.description)}</p>${main}</main>
</body>
</html>
`;
}
