"""Digests: what moved on each tracked issue over a period, as Markdown, HTML, PDF, CSV or JSON.

`build.build_digest` reads the store into plain data; `render.render` formats it;
`files.write_digest` writes it without ever leaving a partial file; `daily` writes the
previous day's digest on a schedule kept in the settings.
"""
