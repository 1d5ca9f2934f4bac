-- wrk script: every request is a distinct OpenLineage RunEvent (START or COMPLETE) of one of 500 jobs reading two
-- and writing one of 2,000 datasets with a 12-column schema facet, so the catalog sees steady-state ingest
-- (mostly updates of known entities, a new run each time). Run ids are unique per thread and request.
local counter = 0
thread_id = 0 -- global: setup() sets it per thread with thread:set

-- Distinct per thread and per wrk invocation (time-based), so a second run does not resend the first run's bodies
-- (identical bodies are acknowledged as unchanged retransmissions and not applied again).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", (os.time() % 1000000) * 64 + threads)
end

local function fields()
  local parts = {}
  for i = 1, 12 do parts[i] = string.format('{"name":"col_%d","type":"STRING"}', i) end
  return table.concat(parts, ",")
end
local schema = fields()

local function dataset(n)
  return string.format('{"namespace":"bigquery://loadtest","name":"loadtest.table_%04d","facets":{"schema":{"_producer":"https://example.com/load","_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json","fields":[%s]}}}', n, schema)
end

request = function()
  counter = counter + 1
  local job = (counter * 7919 + thread_id) % 500
  local run = string.format("%08x-0000-4000-8000-%012x", thread_id % 0xffffffff, math.floor((counter + 1) / 2))
  local kind = (counter % 2 == 1) and "START" or "COMPLETE"
  local body = string.format(
    '{"eventType":"%s","eventTime":"2026-11-21T10:%02d:%02dZ","producer":"https://example.com/load","schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent","run":{"runId":"%s"},"job":{"namespace":"loadtest","name":"job_%03d"},"inputs":[%s,%s],"outputs":[%s]}',
    kind, counter % 60, (counter * 13) % 60, run, job, dataset(job * 4 % 2000), dataset((job * 4 + 1) % 2000), dataset((job * 4 + 2) % 2000))
  return wrk.format("POST", "/api/v1/lineage", {["Content-Type"] = "application/json"}, body)
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end
