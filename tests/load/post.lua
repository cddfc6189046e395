-- tests/load/post.lua - wrk script: POST the scenario in $LOAD_BODY as JSON, and
-- count the answers by status so that the run can fail on any error.
local f = assert(io.open(os.getenv("LOAD_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
