"""`evidence-check serve`: the OPD self-check in the browser, one audit of ROOT kept in memory.

access.py holds who may see what (the tokens of the access file), scope.py narrows an audit to
one caller, uploads.py is the only code that writes into ROOT (never overwriting), state.py keeps
the audit and re-audits through the cache, app.py is the Starlette application and its pages.
Only the `serve` command imports this package: Starlette, uvicorn and Jinja2 are an optional extra.
"""
