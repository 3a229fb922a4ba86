// The Worker's GraphiQL page: a few lines of HTML around GraphiQL's stylesheet and script, which are the
// project's own static assets (web/dist/graphiql/, written by scripts/build-web.ts), so the playground
// loads without any CDN. The Node server keeps render-graphiql's all-inline page.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function renderGraphiQLFromAssets(opts: { title?: string } = {}): string {
  // `<` escaped so no value can close the script element.
  const options = JSON.stringify(opts).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(opts.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <div id="root"></div>
    <script>window.GRAPHIQL_OPTIONS = ${options};</script>
    <script src="/graphiql/graphiql.js"></script>
  </body>
</html>
`;
}
